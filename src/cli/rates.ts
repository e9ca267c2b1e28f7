/**
 * `npm run rates`: runs a study of convergence rates (a module exporting runRateStudy), prints
 * the tables, and writes out/rates.json, out/rates.md, out/rates.svg (log-log against eps, proven
 * slopes) and out/rates-time.svg (log of the layer quantities against t/eps, printed slopes).
 */
import { OutputSet } from '../io/index.ts';
import { jsonText } from '../escape/json.ts';
import type { PowerLawFit } from '../numerics/index.ts';
import { logLogSvg } from '../report/plot.ts';

/** One eps of a quantity: values at three step sizes, Richardson values, the finer grid's value. */
export interface RatePoint {
  readonly eps: number;
  /** The quantity at dt, dt/2, dt/4. */
  readonly levels: readonly number[];
  /** Richardson 2 Q(dt/4) - Q(dt/2): the reported value. */
  readonly value: number;
  /** Richardson 2 Q(dt/2) - Q(dt). */
  readonly previous: number;
  /** Q(dt) on the finer grid, when checked. */
  readonly spatial: number | null;
  /** |value - previous| / |value|. */
  readonly timeChange: number;
  /** |spatial - Q(dt)| / |Q(dt)|. */
  readonly spaceChange: number | null;
  /** Observed order in dt, log2 of the ratio of successive differences. */
  readonly order: number | null;
  /** Both changes below 5% and the value positive. */
  readonly reliable: boolean;
}

/** One quantity of the study over eps, with its fits. */
export interface RateRow {
  readonly id: string;
  readonly label: string;
  readonly theorem: string;
  readonly proven: string;
  readonly provenSlope: number | null;
  readonly points: readonly RatePoint[];
  /** The eps of the fitted points (reliable, in the asymptotic range). */
  readonly fitEps: readonly number[];
  /** value = C eps^p. */
  readonly fit: PowerLawFit | null;
  /** value = C eps^p |ln eps|^(1/2), when the proven rate carries the log factor. */
  readonly logFit: PowerLawFit | null;
  /** value = C eps^p on the 4 smallest fitted eps (when more were fitted): shows a drift of the local slopes. */
  readonly tailFit: PowerLawFit | null;
  /** A two-term model (leading term and first correction) fitted in relative terms, when the quantity has one. */
  readonly structure: { readonly formula: string; readonly A: number; readonly B: number; readonly maxRelativeResidual: number } | null;
  /** Slopes between consecutive eps. */
  readonly localSlopes: readonly number[];
  /** At least 4 reliable points fitted and the smallest eps of the range reliable. */
  readonly trustworthy: boolean;
}

/** The exponents in time of one statement at one point of K for one kind of initial data, over eps. */
export interface ExponentSummary {
  readonly kind: string;
  readonly quantity: string;
  readonly data: string;
  readonly rho0: number;
  readonly statement: string;
  readonly printed: string;
  readonly reference: number | null;
  readonly byEps: readonly { eps: number; rate: number | null; uncertainty: number | null; window: [number, number] | null; verdict: string }[];
  /** At the smallest eps where it was measured. */
  readonly rate: number | null;
  readonly uncertainty: number | null;
  readonly verdict: string;
  /** The verdict differs between eps (pre-asymptotic at the larger ones). */
  readonly epsDependent: boolean;
}

/** The series of the time-exponent figure. */
export interface LayerPlot {
  readonly eps: number;
  readonly rho0: number;
  readonly series: readonly { label: string; x: readonly number[]; y: readonly number[] }[];
  readonly references: readonly { label: string; slope: number; x0: number; y0: number; series: number }[];
}

/** What a rate study returns. */
export interface RateStudyResult {
  readonly title: string;
  readonly quick: boolean;
  readonly rows: readonly RateRow[];
  readonly exponents: readonly unknown[];
  readonly exponentSummary: readonly ExponentSummary[];
  readonly layerPlot: LayerPlot;
  /** max over eps of ||nubar of (1.9) by the scheme - its exact solution||_{L^2(mbar)} (they coincide in the z-frame up to quadrature). */
  readonly limitGap: number;
  readonly particles: readonly { eps: number; score: number; z: number; detail: string }[];
  readonly setup: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** How far from the proven slope a measured one may be and still be called consistent (pre-asymptotic drift). */
export const SLOPE_TOLERANCE = 0.1;

/** Observed slope against the proven one: better, consistent, worse, or unreliable (for a log-factor rate, the fit with the factor divided out decides). */
export function rateVerdict(row: RateRow): string {
  if (!row.fit) return 'no fit (fewer than two reliable points)';
  if (!row.trustworthy) return 'unreliable (fewer than 4 grid-independent points, or the smallest eps moved by >= 5% under refinement)';
  if (row.provenSlope === null) return 'measured (no proven rate)';
  // local slopes still drifting at the small end: judge on the 4 smallest eps
  const drifting = row.tailFit !== null && Math.abs(row.tailFit.slope - row.fit.slope) > Math.max(row.tailFit.slope95, 0.02);
  const judged = row.logFit ?? (drifting ? (row.tailFit as PowerLawFit) : row.fit);
  // the proven rates are asymptotic: a slope within its 95% interval or within 0.1 of the proven one is consistent
  const margin = Math.max(judged.slope95, SLOPE_TOLERANCE);
  const verdict =
    judged.slope - margin > row.provenSlope
      ? 'better than proven'
      : judged.slope + margin < row.provenSlope
        ? 'worse than proven (check)'
        : 'consistent with the proven rate';
  const drift = drifting && !row.logFit ? ` (local slopes drifting: judged on the 4 smallest eps, p = ${fmtSlope(row.tailFit)})` : '';
  const structure = row.structure
    ? `; ${row.structure.formula} with A = ${row.structure.A.toPrecision(3)}, B = ${row.structure.B.toPrecision(3)} fits within ${(100 * row.structure.maxRelativeResidual).toFixed(1)}%`
    : '';
  return row.logFit ? `${verdict}; ${logFactorVerdict(row.fit, row.logFit, row.provenSlope)}` : `${verdict}${drift}${structure}`;
}

/** Which of eps^p and eps^p |ln eps|^(1/2) fits with p the proven power: the one whose p is within its interval (at least 0.02) of it. */
export function logFactorVerdict(plain: PowerLawFit, withLog: PowerLawFit, power: number): string {
  const fits = (f: PowerLawFit) => Math.abs(f.slope - power) <= Math.max(f.slope95, 0.02);
  const [a, b] = [fits(plain), fits(withLog)];
  const numbers = `eps^p: p = ${fmtSlope(plain)}; eps^p |ln eps|^(1/2): p = ${fmtSlope(withLog)}`;
  if (a && !b) return `eps^${power} fits, the |ln eps|^(1/2) factor is not seen (${numbers})`;
  if (b && !a) return `eps^${power} |ln eps|^(1/2) fits (${numbers})`;
  return `${a ? 'both fit' : 'neither fits'} with p = ${power}: cannot tell (${numbers})`;
}

const fmtSlope = (f: PowerLawFit | null) => (f ? `${f.slope.toFixed(3)} ± ${Number.isFinite(f.slope95) ? f.slope95.toFixed(3) : '∞'}` : '—');
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(2)}%`);
const num = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));

/** The Markdown of the study: fits, values per eps, the exponents in time, particles. */
export function ratesMarkdown(r: RateStudyResult): string {
  const eps = r.rows[0].points.map((p) => p.eps);
  const lines = [
    `# ${r.title}`,
    '',
    `${r.setup}. ${r.quick ? 'Quick run. ' : ''}Took ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s, both threads).`,
    '',
    `The limit (1.9) solved by the same scheme and by its exact solution nubar(t, w) = e^{bt} nubar0(e^{bt} w) differ by at most ${r.limitGap.toExponential(1)} in L^2(mbar) (in z both are nubar0).`,
    '',
    '## Rates in eps',
    '',
    '| quantity | theorem | proven | observed slope (95%) | on the 4 smallest eps | with the log factor divided out | points fitted | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.map(
      (row) =>
        `| \`${row.id}\`: ${row.label} | ${row.theorem} | ${row.proven} | ${row.trustworthy ? fmtSlope(row.fit) : `(${fmtSlope(row.fit)})`} | ${fmtSlope(row.tailFit)} | ${row.logFit ? fmtSlope(row.logFit) : '—'} | ${row.fitEps.length}/${row.points.length} | ${rateVerdict(row)} |`,
    ),
    '',
    'Values (Richardson extrapolation in dt); in brackets the change of the last Richardson step and of the finer grid; * = not grid-independent (a change >= 5%).',
    '',
    '| eps | ' + r.rows.map((row) => `\`${row.id}\``).join(' | ') + ' |',
    '| --- | ' + r.rows.map(() => '---').join(' | ') + ' |',
    ...eps.map(
      (e, i) =>
        `| ${e.toPrecision(4)} | ${r.rows
          .map((row) => {
            const p = row.points[i];
            return `${p.value.toExponential(4)} (${pct(p.timeChange)}, ${pct(p.spaceChange)})${p.reliable ? '' : ' *'}`;
          })
          .join(' | ')} |`,
    ),
    '',
    'Local slopes between consecutive eps:',
    '',
    '| quantity | ' +
      eps
        .slice(1)
        .map((e) => e.toPrecision(3))
        .join(' | ') +
      ' |',
    '| --- | ' +
      eps
        .slice(1)
        .map(() => '---')
        .join(' | ') +
      ' |',
    ...r.rows.map((row) => `| \`${row.id}\` | ${row.localSlopes.map((s) => num(s)).join(' | ')} |`),
    '',
    '## Exponents in time (fit of exp(-c t/eps))',
    '',
    '| kind | quantity | statement | printed | data | rho0 | c at each eps (± uncertainty) [window in t/eps] | verdict (smallest eps) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.exponentSummary.map(
      (x) =>
        `| ${x.kind} | ${x.quantity} | ${x.statement} | ${x.printed} | ${x.data} | ${x.rho0.toFixed(2)} | ${x.byEps.map((b) => `${b.eps.toExponential(0)}: ${b.rate === null ? 'not measurable' : `${b.rate.toFixed(3)} ± ${num(b.uncertainty)} [${b.window!.map((w) => w.toFixed(1)).join(', ')}]`}`).join('; ')} | ${x.verdict}${x.epsDependent ? ' (differs at larger eps)' : ''} |`,
    ),
    '',
    '## Particles against the grid',
    '',
    ...r.particles.map(
      (p) =>
        `- eps = ${p.eps}: ${p.score <= 1 ? 'agree' : 'DISAGREE'} (worst |particles - grid| / (4 SE + time-step error + grid error) = ${p.score.toFixed(2)}, ${p.z.toFixed(1)} SE): ${p.detail}`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** The log-log plot of every positive quantity with its proven slope as a dashed reference. */
export function ratesSvg(r: RateStudyResult): string {
  const rows = r.rows.filter((row) => row.points.every((p) => p.value > 0));
  return logLogSvg({
    title: 'Measured quantities against eps (dashed: proven slopes; open markers: not grid-independent)',
    xLabel: 'eps',
    yLabel: 'quantity',
    series: rows.map((row) => ({
      label: `${row.id} (${row.fit && row.trustworthy ? `slope ${row.fit.slope.toFixed(2)}` : 'slope unreliable'})`,
      x: row.points.map((p) => p.eps),
      y: row.points.map((p) => p.value),
      open: row.points.map((p) => !p.reliable),
    })),
    references: rows
      .map((row, series) => ({ row, series }))
      .filter(({ row }) => row.provenSlope !== null)
      .map(({ row, series }) => ({
        label: `${row.id}: proven ${row.proven}`,
        slope: row.provenSlope as number,
        x0: row.points[row.points.length - 1].eps,
        y0: row.points[row.points.length - 1].value,
        series,
      })),
  });
}

/** The semi-log plot of the layer quantities against t/eps with the printed exponents as dashed references. */
export function ratesTimeSvg(r: RateStudyResult): string {
  const p = r.layerPlot;
  return logLogSvg({
    title: `Initial layers at rho0 = m* = ${p.rho0.toFixed(2)}, eps = ${p.eps.toExponential(0)} (dashed: printed exponents)`,
    xLabel: 't / eps',
    yLabel: 'quantity',
    xScale: 'linear',
    series: p.series,
    references: p.references,
  });
}

/** The files of the rates study. */
export const RATES_FILES = ['rates.json', 'rates.md', 'rates.svg', 'rates-time.svg'] as const;

/** Open outDir for the rates study before any work (path, lock, links, foreign files checked). */
export const openRatesOutputs = (outDir: string): OutputSet =>
  OutputSet.open(outDir, 'rates', {
    expected: RATES_FILES,
    legacy: { 'rates.json': /^\{\n {2}"[A-Za-z]+": /, 'rates.md': /^# /, 'rates.svg': /^<svg xmlns=/, 'rates-time.svg': /^<svg xmlns=/ },
  });

/** Write rates.json, rates.md, rates.svg and rates-time.svg into an output set (a folder path: opened here) as one set; returns their paths. */
export function writeRates(r: RateStudyResult, out: string | OutputSet): string[] {
  const set = typeof out === 'string' ? openRatesOutputs(out) : out;
  try {
    set.add('rates.json', jsonText({ ...r, rows: r.rows.map((row) => ({ ...row, verdict: rateVerdict(row) })) }));
    set.add('rates.md', ratesMarkdown(r));
    set.add('rates.svg', ratesSvg(r));
    set.add('rates-time.svg', ratesTimeSvg(r));
    return set.commit();
  } finally {
    set.abort();
  }
}

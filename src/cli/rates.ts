/**
 * `npm run rates`: runs a study of convergence rates (a module exporting runRateStudy), prints
 * the table, and writes out/rates.json, out/rates.md and out/rates.svg (log-log, reference slopes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PowerLawFit } from '../numerics/index.ts';
import { logLogSvg } from '../report/plot.ts';

/** One quantity of the study: its values over eps, the refined check, the fit. */
export interface RateRow {
  readonly id: string;
  readonly label: string;
  readonly theorem: string;
  readonly proven: string;
  readonly provenSlope: number | null;
  readonly eps: readonly number[];
  readonly values: readonly number[];
  readonly refined: readonly (number | null)[];
  /** Per eps: the refined grid moved the value by < 10% (true), >= 10% (false), or not checked (null). */
  readonly reliable: readonly (boolean | null)[];
  readonly fit: PowerLawFit | null;
  readonly fitPoints: number;
  /** The discretisation check passed at the smallest checked eps and >= 3 points were fitted. */
  readonly trustworthy: boolean;
}

/** What a rate study returns. */
export interface RateStudyResult {
  readonly title: string;
  readonly quick: boolean;
  readonly rows: readonly RateRow[];
  readonly particles: readonly { eps: number; score: number; z: number; detail: string }[];
  readonly setup: string;
  readonly seconds: number;
}

/** How far from the proven slope a measured one may be and still be called consistent (pre-asymptotic drift). */
export const SLOPE_TOLERANCE = 0.1;

/** Observed slope against the proven one: better, consistent, worse, or unreliable. */
export function rateVerdict(row: RateRow): string {
  if (!row.fit) return 'no fit (fewer than two reliable points)';
  if (!row.trustworthy) return 'unreliable (the refined grid moved a value by >= 10%, or < 3 reliable points)';
  if (row.provenSlope === null) return 'measured (no proven rate)';
  // the proven rates are asymptotic: a slope within its 95% interval or within 0.1 of the proven one is consistent
  const margin = Math.max(row.fit.slope95, SLOPE_TOLERANCE);
  if (row.fit.slope - margin > row.provenSlope) return 'better than proven';
  if (row.fit.slope + margin < row.provenSlope) return 'worse than proven (check)';
  return 'consistent with the proven rate';
}

const fmtSlope = (f: PowerLawFit | null) => (f ? `${f.slope.toFixed(2)} ± ${Number.isFinite(f.slope95) ? f.slope95.toFixed(2) : '∞'}` : '—');

/** The Markdown table of the study. */
export function ratesMarkdown(r: RateStudyResult): string {
  const lines = [
    `# ${r.title}`,
    '',
    `${r.setup}. ${r.quick ? 'Quick run. ' : ''}Took ${r.seconds.toFixed(1)} s.`,
    '',
    '| quantity | theorem | proven | observed slope (95%) | points fitted | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.rows.map((row) => `| \`${row.id}\`: ${row.label} | ${row.theorem} | ${row.proven} | ${row.trustworthy ? fmtSlope(row.fit) : `(${fmtSlope(row.fit)})`} | ${row.fitPoints}/${row.eps.length} | ${rateVerdict(row)} |`),
    '',
    '| eps | ' + r.rows.map((row) => `\`${row.id}\``).join(' | ') + ' |',
    '| --- | ' + r.rows.map(() => '---').join(' | ') + ' |',
    ...r.rows[0].eps.map((e, i) => `| ${e} | ${r.rows.map((row) => `${row.values[i].toExponential(3)}${row.refined[i] !== null ? ` (refined ${(row.refined[i] as number).toExponential(3)}${row.reliable[i] ? '' : ', moved >= 10%'})` : ''}`).join(' | ')} |`),
    '',
    '## Particles against the grid',
    '',
    ...r.particles.map((p) => `- eps = ${p.eps}: ${p.score <= 1 ? 'agree' : 'DISAGREE'} (worst |particles - grid| / (4 SE + grid error) = ${p.score.toFixed(2)}, ${p.z.toFixed(1)} SE): ${p.detail}`),
    '',
  ];
  return lines.join('\n');
}

/** The log-log plot of every positive quantity with its proven slope as a dashed reference. */
export function ratesSvg(r: RateStudyResult): string {
  const rows = r.rows.filter((row) => row.values.every((v) => v > 0));
  return logLogSvg({
    title: 'Measured quantities against eps (dashed: proven slopes; open markers: moved >= 10% on the refined grid)',
    xLabel: 'eps',
    yLabel: 'quantity',
    series: rows.map((row) => ({ label: `${row.id} (${row.fit && row.trustworthy ? `slope ${row.fit.slope.toFixed(2)}` : 'slope unreliable'})`, x: row.eps, y: row.values, open: row.reliable.map((r) => r === false) })),
    references: rows
      .map((row, series) => ({ row, series }))
      .filter(({ row }) => row.provenSlope !== null)
      .map(({ row, series }) => ({ label: `${row.id}: proven ${row.proven}`, slope: row.provenSlope as number, x0: row.eps[row.eps.length - 1], y0: row.values[row.values.length - 1], series })),
  });
}

/** Write rates.json, rates.md, rates.svg into outDir; returns their paths. */
export function writeRates(r: RateStudyResult, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = ['rates.json', 'rates.md', 'rates.svg'].map((f) => join(outDir, f));
  writeFileSync(files[0], `${JSON.stringify({ ...r, rows: r.rows.map((row) => ({ ...row, verdict: rateVerdict(row) })) }, null, 2)}\n`);
  writeFileSync(files[1], ratesMarkdown(r));
  writeFileSync(files[2], ratesSvg(r));
  return files;
}

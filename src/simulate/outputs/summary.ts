/**
 * The texts `fhn-derive simulate` writes and prints: simulation.json (observables with t, value,
 * stderr and their other errors; the error summary; the method; the seed; the tolerance and
 * what is flagged), simulation.csv (one row per output time), and the table at the last time.
 */
import type { SimulationResult } from '../simulate.ts';
import { csvCell } from '../../escape/csv.ts';
import { escapeTerminal } from '../../escape/terminal.ts';

/** The JSON of a run: `{ observables: { NAME: { t, value, stderr, ... } }, errors, method, seed, ... }`. */
export function simulationJson(result: SimulationResult, origin: { command: string; source: string }) {
  return {
    observables: Object.fromEntries(
      Object.entries(result.observables).map(([name, o]) => [
        name,
        { t: o.t, value: o.value, stderr: o.stderr, timeStepError: o.timeStepError, gridError: o.gridError, ...(o.flag ? { flagged: o.flag } : {}) },
      ]),
    ),
    errors: result.errors,
    method: result.method,
    seed: result.seed,
    tolerance: result.tolerance,
    withinTolerance: result.withinTolerance,
    flagged: result.flagged,
    runFlags: result.runFlags,
    notes: result.notes,
    name: result.name,
    points: result.points,
    command: origin.command,
    source: origin.source,
    diagnostics: result.diagnostics,
    seconds: Number(result.seconds.toFixed(2)),
  };
}

const cell = (x: number | null) => (x === null ? '' : String(x));

/** CSV: t, then per observable its value, standard error, time-step error and grid error. */
export function simulationCsv(result: SimulationResult): string {
  const entries = Object.entries(result.observables);
  const header = ['t', ...entries.flatMap(([n]) => [n, `${n} stderr`, `${n} time-step error`, `${n} grid error`])].map(csvCell).join(',');
  const times = entries[0]?.[1].t ?? [];
  const rows = times.map((t, i) =>
    [String(t), ...entries.flatMap(([, o]) => [cell(o.value[i]), cell(o.stderr[i]), cell(o.timeStepError[i]), cell(o.gridError?.[i] ?? null)])].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(5) : x.toExponential(2);

/** The table at the last output time (histogram bins left out), the error summary, and what is flagged. */
export function simulationTable(result: SimulationResult): string {
  const rows = Object.entries(result.observables)
    .filter(([name]) => !result.histogramBins.includes(name))
    .map(([name, o]) => {
      const i = o.t.length - 1;
      return [
        escapeTerminal(name),
        fmt(o.value[i]),
        fmt(o.stderr[i]),
        fmt(o.timeStepError[i]),
        o.gridError ? fmt(o.gridError[i]) : '—',
        o.flag ? `FLAGGED: ${o.flag}` : 'ok',
      ];
    });
  const header = ['observable', 'value', 'stderr', 'time-step err', 'grid err', 'within tolerance'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((x, j) => x.padEnd(widths[j])).join('  ');
  const m = result.method;
  const t = Object.values(result.observables)[0]?.t.at(-1);
  return [
    `${escapeTerminal(result.name)}: ${m.kind}, ${m.scheme}, dt = ${m.dt}${m.particles ? `, ${m.particles} particles x ${m.replicas} replicas` : ''}${m.cells ? `, cells ${m.cells.join(' x ')}${m.refined ? ' (and refined)' : ''}` : ''}, seed ${result.seed}; time-step error by ${m.timeStepCheck}, order ${m.order}`,
    `at t = ${t}:`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `errors (largest over observables and times): time step ${fmt(result.errors.timeStep)}, statistical ${fmt(result.errors.statistical)}, grid ${fmt(result.errors.grid)}; tolerance ${result.tolerance.absolute} + ${result.tolerance.relative} * max|value|`,
    ...result.notes.map((n) => `note: ${escapeTerminal(n)}`),
    ...result.runFlags.map((f) => `FLAGGED: ${escapeTerminal(f)}`),
    result.withinTolerance
      ? 'every observable is within the tolerance, and the run within its own diagnostics'
      : result.flagged.length
        ? `FLAGGED (${result.flagged.length}): ${result.flagged.map(escapeTerminal).join(', ')} — see simulation.json`
        : 'FLAGGED: the run (above) — its values are not within the tolerance whatever their estimated errors',
  ].join('\n');
}

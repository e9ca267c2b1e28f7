/**
 * Checks on what a simulation will write, made before it runs: every output name (observables,
 * their population points, histogram bins) is unique, so `h[0]` next to a histogram `h` is refused
 * by name instead of one silently replacing the other; and the estimated size of every output
 * file stays under a bound, refused with the options that set it and the estimate.
 */
import { NumericInputError } from '../../numerics/validate.ts';
import type { SimulationSpec } from '../spec.ts';
import { population } from '../plan/population.ts';
import { labelOf } from '../limits.ts';
import { quoteName } from '../../escape/code.ts';

/** The largest output file a run may write (bytes): far below V8's longest string, and more than any reader wants. */
export const MAX_OUTPUT_BYTES = 256 * 2 ** 20;

/** Bytes per number in simulation.json (indented, one number a line) and simulation.csv (one cell). */
const JSON_NUMBER = 36;
const CSV_NUMBER = 24;

/** Every output name with what it comes from, in the order of the outputs. */
export function outputNames(spec: SimulationSpec, points: number): { name: string; from: string }[] {
  const per = (name: string) => (points === 1 ? [name] : Array.from({ length: points }, (_, k) => `${name}[${k}]`));
  const entries = Object.entries(spec.observables ?? {});
  const scalars = entries.filter(([, o]) => typeof o === 'string').flatMap(([n]) => per(n).map((name) => ({ name, from: `observable ${quoteName(n)}` })));
  const bins = entries
    .filter(([, o]) => typeof o !== 'string')
    .flatMap(([n, o]) => {
      const count = typeof o === 'object' && o && Number.isInteger(o.bins) && o.bins > 0 ? o.bins : 0;
      return per(n).flatMap((p) => Array.from({ length: count }, (_, j) => ({ name: `${p}[${j}]`, from: `histogram ${quoteName(n)}` })));
    });
  return [...scalars, ...bins];
}

/** Refuse (by name) output names that collide: two observables, or an observable and a histogram bin or a population point. */
export function checkOutputNames(spec: SimulationSpec, points: number): void {
  const seen = new Map<string, string>();
  for (const { name, from } of outputNames(spec, points)) {
    const first = seen.get(name);
    if (first !== undefined) throw new NumericInputError(`observables: ${from} and ${first} both write the output ${quoteName(name)}; rename one of them`);
    seen.set(name, from);
  }
}

/** The estimated size of simulation.json and simulation.csv (bytes), from the output names and the output times. */
export function estimateOutputBytes(spec: SimulationSpec, points: number): { json: number; csv: number; names: number; rows: number } {
  const names = outputNames(spec, points).length;
  const rows = (spec.samples ?? 10) + 1;
  return { json: names * rows * 5 * JSON_NUMBER, csv: names * rows * 4 * CSV_NUMBER, names, rows };
}

/** Check the output names and sizes of a spec before it runs (NumericInputError, exit 2, naming the options and the estimate). */
export function checkOutputs(spec: SimulationSpec): void {
  const points = population(spec).points.length;
  checkOutputNames(spec, points);
  const e = estimateOutputBytes(spec, points);
  const largest = Math.max(e.json, e.csv);
  if (largest > MAX_OUTPUT_BYTES) {
    const hist = Object.entries(spec.observables ?? {})
      .filter(([, o]) => typeof o !== 'string')
      .map(([n, o]) => `${quoteName(n)}.bins = ${(o as { bins: number }).bins}`);
    throw new NumericInputError(
      `the outputs would be too large: ${e.names} output values${hist.length ? ` (histograms ${hist.join(', ')})` : ''}${points > 1 ? ` at ${points} population points` : ''} x ${e.rows} output times (${labelOf(spec.labels, 'samples')} = ${e.rows - 1}) make simulation.json about ${(e.json / 2 ** 20).toFixed(0)} MiB, more than ${MAX_OUTPUT_BYTES / 2 ** 20} MiB; lower ${labelOf(spec.labels, 'samples')} or the histogram bins`,
    );
  }
}

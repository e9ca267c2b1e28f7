/**
 * Sample points for inequalities checked on given points (families of test functions, API
 * users): a grid of axis values, or seeded uniform / log-uniform draws.
 */
import { seededRandom } from '../cas/index.ts';
import { InequalityInputError } from './margin.ts';
import type { Sample } from './region.ts';

/** A grid: every combination of the given axis values. */
export function grid(axes: Readonly<Record<string, readonly number[]>>): Sample[] {
  return Object.entries(axes).reduce<Sample[]>((acc, [k, xs]) => acc.flatMap((s) => xs.map((x) => ({ ...s, [k]: x }))), [{}]);
}

/** n seeded samples, each name uniform in its range (log-uniform for names listed in `logScale`). */
export function seededSamples(
  ranges: Readonly<Record<string, readonly [number, number]>>,
  n: number,
  seed: number,
  logScale: readonly string[] = [],
): Sample[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () =>
    Object.fromEntries(
      Object.entries(ranges).map(([k, [lo, hi]]) => {
        if (!(lo <= hi) || (logScale.includes(k) && lo <= 0)) throw new InequalityInputError(`seededSamples: bad range for ${k}: [${lo}, ${hi}]`);
        const u = rand();
        return [k, logScale.includes(k) ? lo * (hi / lo) ** u : lo + (hi - lo) * u];
      }),
    ),
  );
}

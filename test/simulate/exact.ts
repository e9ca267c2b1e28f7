/** Test helper: a simulation's values against an exact law, within their reported errors. */
import type { SimulationResult } from '../../src/index.ts';

/** Values further from the exact law than their reported errors (plus round-off, or a stated floor). */
export function beyondErrors(r: SimulationResult, exact: (t: number) => Record<string, number>, floor = 1e-12): string[] {
  return Object.entries(r.observables).flatMap(([name, o]) =>
    o.t.flatMap((t, i) => {
      const want = exact(t)[name];
      const bound = o.timeStepError[i] + (o.gridError?.[i] ?? 0) + 3 * (o.stderr[i] ?? 0) + floor * Math.max(1, Math.abs(want));
      return Math.abs(o.value[i] - want) > bound ? [`${name} at t = ${t}: ${o.value[i]} vs ${want} (reported error ${bound.toExponential(2)})`] : [];
    }),
  );
}

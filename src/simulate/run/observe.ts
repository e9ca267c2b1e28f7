/**
 * The observables of a run at an output time: the scalar ones from their slots (after the
 * program's observation steps), and the histograms of a state variable as densities per bin,
 * from particles (counts) or from grid cells (their mass, at the cell centre's bin).
 */
import { evaluateSteps, MomentNorm } from './program.ts';
import type { PointView, QuantityProgram } from '../problem.ts';

/** The names of the observables in the order `readObservables` returns them: NAME, or NAME[k] per point; histogram bins NAME[j] (NAME[k][j]). */
export function observableNames(program: QuantityProgram, points: number): string[] {
  const per = (name: string) => (points === 1 ? [name] : Array.from({ length: points }, (_, k) => `${name}[${k}]`));
  return [
    ...program.observables.flatMap((o) => per(o.name)),
    ...program.histograms.flatMap((h) => per(h.name).flatMap((n) => Array.from({ length: h.bins }, (_, j) => `${n}[${j}]`))),
  ];
}

/** Densities of one variable in `bins` bins on [lo, hi]: particle counts / (n width), or cell masses / (mass width). */
function histogram(view: PointView, variable: number, lo: number, hi: number, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  const x = view.arrays[variable];
  const w = view.weights;
  const width = (hi - lo) / bins;
  let total = 0;
  for (let i = 0; i < view.n; i++) {
    const weight = w ? w[i] : 1;
    total += weight;
    const j = Math.floor((x[i] - lo) / width);
    if (j >= 0 && j < bins) out[j] += weight;
  }
  return out.map((c) => c / (total * width));
}

/** The values of every observable now (the program's observation steps are evaluated first). */
export function readObservables(
  program: QuantityProgram,
  t: number,
  U: readonly Float64Array[],
  views: readonly PointView[],
  coupling: Float64Array | null,
  norm: MomentNorm,
): number[] {
  evaluateSteps(program, program.observe, t, U, views, coupling, norm);
  return [
    ...program.observables.flatMap((o) => U.map((u) => u[o.slot])),
    ...program.histograms.flatMap((h) => views.flatMap((v) => histogram(v, h.variable, h.lo, h.hi, h.bins))),
  ];
}

/**
 * The implicit drift-diffusion of one axis over a half step tau of the Strang splitting: the
 * stiff part with the Scharfetter–Gummel flux, or what is left of the diffusion (uniform or a
 * field), on every line of the axis. Crank–Nicolson (second order, A-stable) on every line; it is
 * positive for tau / 2 x (the largest outflow rate of a cell) <= 1, and beyond that its result is
 * checked: a line that comes out negative (beyond round-off) is done again by backward Euler (first
 * order, an M-matrix: positive for any step), and the run then reports order 1. Positivity and
 * conservation hold either way.
 */
import { NumericInputError } from '../../numerics/validate.ts';
import { TridiagonalFactor, solveFactored } from '../../numerics/grid/stiff.ts';
import type { GridOperators } from '../problem.ts';
import { GridMesh, baseOf, linesOf, strideOf } from './gridMesh.ts';
import { LineFluxes, factorLine, sgFluxes } from './gridOps.ts';
import type { AxisDiffusion } from './gridDiffusion.ts';

/** One line's solve: its fluxes, Crank–Nicolson's factor and explicit weight, whether it is positive a priori, backward Euler's factor (made when needed). */
interface LineSolve {
  readonly fluxes: LineFluxes;
  readonly factor: TridiagonalFactor;
  readonly explicit: number;
  readonly positive: boolean;
  readonly fallback: () => TridiagonalFactor;
}

/** A half step of one axis, built once per step and applied before and after the explicit part. */
export interface AxisHalfStep {
  /** Apply it to a density in place (buffers hold one line). */
  apply(f: Float64Array, line: Float64Array, scratch: Float64Array): void;
  /** Lines done again by backward Euler so far (0: every line took Crank–Nicolson, second order). */
  fallbacks(): number;
}

const NOTHING: AxisHalfStep = { apply: () => {}, fallbacks: () => 0 };

/** Crank–Nicolson for a line, positive a priori when its explicit half is; backward Euler's factor on demand. */
function lineSolve(fluxes: LineFluxes, tau: number, h: number): LineSolve {
  const { A, B } = fluxes;
  const n = A.length + 1;
  let rate = 0;
  for (let i = 0; i < n; i++) rate = Math.max(rate, ((i < n - 1 ? A[i] : 0) + (i > 0 ? B[i - 1] : 0)) / h);
  let backward: TridiagonalFactor | undefined;
  return {
    fluxes,
    factor: factorLine(fluxes, tau / 2, h),
    explicit: tau / (2 * h),
    positive: (tau / 2) * rate <= 1,
    fallback: () => {
      backward ??= factorLine(fluxes, tau, h);
      return backward;
    },
  };
}

/** Round-off allowed below zero, relative to the line's largest value. */
const ROUND_OFF = 1e-13;

/** x_i - r (J_{i+1/2} - J_{i-1/2}), J_{i+1/2} = A_i x_i - B_i x_{i+1}, zero through the edges; in place. */
function explicitHalf(s: LineSolve, x: Float64Array, scratch: Float64Array): void {
  const { A, B } = s.fluxes;
  const n = A.length + 1;
  const r = s.explicit;
  scratch.set(x.subarray(0, n));
  for (let i = 0; i < n - 1; i++) {
    const J = r * (A[i] * scratch[i] - B[i] * scratch[i + 1]);
    x[i] -= J;
    x[i + 1] += J;
  }
}

/** Apply per-line solves (one for all lines, or one per line) to every line of axis a. */
function linesApply(m: GridMesh, a: number, solveOf: (line: number) => LineSolve): AxisHalfStep {
  const n = m.n[a];
  const stride = strideOf(m, a);
  let fallbacks = 0;
  const apply = (f: Float64Array, buffer: Float64Array, scratch: Float64Array) => {
    for (let line = 0; line < linesOf(m, a); line++) {
      const base = baseOf(m, a, line);
      const s = solveOf(line);
      let peak = 0;
      for (let i = 0; i < n; i++) {
        buffer[i] = f[base + i * stride];
        peak = Math.max(peak, Math.abs(buffer[i]));
      }
      explicitHalf(s, buffer, scratch);
      solveFactored(s.factor, buffer);
      if (!s.positive) {
        let low = 0;
        for (let i = 0; i < n; i++) low = Math.min(low, buffer[i]);
        if (low < -ROUND_OFF * peak) {
          fallbacks++;
          for (let i = 0; i < n; i++) buffer[i] = f[base + i * stride];
          solveFactored(s.fallback(), buffer);
        }
      }
      for (let i = 0; i < n; i++) f[base + i * stride] = buffer[i];
    }
  };
  return { apply, fallbacks: () => fallbacks };
}

/** The half step tau of axis a at the slots U, with the axis's diffusion left by the cross jumps. */
export function axisHalfStep(
  ops: GridOperators,
  m: GridMesh,
  a: number,
  U: Float64Array,
  diffusion: AxisDiffusion | null,
  tau: number,
  variable: string,
): AxisHalfStep {
  const n = m.n[a];
  const h = m.h[a];
  const stiff = ops.stiff[a];
  if (stiff) {
    const [slope, intercept, D] = [stiff.slope(U), stiff.intercept(U), diffusion as number];
    if (!(D > 0) || !Number.isFinite(slope + intercept + D))
      throw new NumericInputError(
        `the stiff part of ${variable} needs a finite diffusion D[${variable}][${variable}] > 0 (after the cross diffusion's share) and finite coefficients, got D = ${D}, slope ${slope}, intercept ${intercept}`,
      );
    const s = lineSolve(
      sgFluxes((i) => slope * (m.lo[a] + (i + 1) * h) + intercept, D, h, n),
      tau,
      h,
    );
    return linesApply(m, a, () => s);
  }
  if (diffusion === null || diffusion === 0) return NOTHING;
  if (typeof diffusion === 'number') {
    const s = lineSolve(
      sgFluxes(() => 0, diffusion, h, n),
      tau,
      h,
    );
    return linesApply(m, a, () => s);
  }
  const stride = strideOf(m, a);
  const solves = Array.from({ length: linesOf(m, a) }, (_, line) => {
    const base = baseOf(m, a, line);
    const A = new Float64Array(n - 1);
    const B = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      A[i] = diffusion[base + i * stride] / h;
      B[i] = diffusion[base + (i + 1) * stride] / h;
    }
    return lineSolve({ A, B }, tau, h);
  });
  return linesApply(m, a, (line) => solves[line]);
}

/**
 * Macroscopic systems over the cells of a discretised K: each cell i carries (V_i, W_i) with
 * V_i' = rateV(i, V_i, W_i, PsiRho_i, PsiRhoV_i), W_i' = rateW(i, V_i, W_i), where
 * PsiRho_i = sum_j C_ij and PsiRhoV_i = sum_j C_ij V_j for the coupling matrix C of particles.ts.
 * A model supplies the per-cell rates (generated kernels); the system is integrated by Dormand–Prince.
 */
import { dormandPrince, OdeRhs } from './ode.ts';
import { applyCoupling } from './particles.ts';
import { OnProgress } from './progress.ts';
import { NumericInputError, requireLength } from './validate.ts';

/** The rates of one cell's macroscopic state, given the nonlocal sums at that cell. */
export interface CellRates {
  readonly rateV: (cell: number, V: number, W: number, PsiRho: number, PsiRhoV: number) => number;
  readonly rateW: (cell: number, V: number, W: number) => number;
}

/** The system to integrate: coupling (K x K), rates, initial means, output times (from t = 0). */
export interface MacroSpec {
  readonly coupling: Float64Array;
  readonly rates: CellRates;
  readonly V0: ArrayLike<number>;
  readonly W0: ArrayLike<number>;
  readonly times: readonly number[];
  readonly rtol?: number;
  readonly atol?: number;
  readonly onProgress?: OnProgress;
}

/** (V_i, W_i) of every cell at each output time, and the integrator's cost. */
export interface MacroSolution {
  readonly times: number[];
  readonly V: Float64Array[];
  readonly W: Float64Array[];
  readonly steps: number;
  readonly rejected: number;
}

/** The right-hand side of the system for the state y = [V_0 .. V_{K-1}, W_0 .. W_{K-1}]. */
export function macroRhs(coupling: Float64Array, rates: CellRates, K: number): OdeRhs {
  requireLength('coupling (K x K)', coupling, K * K);
  const psiRho = applyCoupling(coupling, new Float64Array(K).fill(1));
  const psiRhoV = new Float64Array(K);
  return (_t, y, dy) => {
    const V = y.subarray(0, K);
    applyCoupling(coupling, V, psiRhoV);
    for (let i = 0; i < K; i++) {
      dy[i] = rates.rateV(i, y[i], y[K + i], psiRho[i], psiRhoV[i]);
      dy[K + i] = rates.rateW(i, y[i], y[K + i]);
    }
  };
}

/** Integrate the macroscopic system from (V0, W0) at t = 0 to the output times (default tolerances 1e-11 / 1e-13). */
export function integrateMacro(spec: MacroSpec): MacroSolution {
  const K = spec.V0.length;
  requireLength('W0', spec.W0, K);
  if (spec.times.length === 0) throw new NumericInputError('times must list at least one output time');
  const y0 = [...Array.from(spec.V0), ...Array.from(spec.W0)];
  const tEnd = spec.times[spec.times.length - 1];
  const sol = dormandPrince(macroRhs(spec.coupling, spec.rates, K), 0, y0, tEnd, {
    rtol: spec.rtol ?? 1e-11,
    atol: spec.atol ?? 1e-13,
    outputTimes: spec.times,
    onProgress: spec.onProgress,
  });
  return { times: sol.times, V: sol.values.map((y) => y.slice(0, K)), W: sol.values.map((y) => y.slice(K)), steps: sol.steps, rejected: sol.rejected };
}

/**
 * Running a per-point quantity program: every step for every point in order (formulas, moments of
 * the point's particles or cells, nonlocal sums over the points), the ODE coefficients' rates and
 * their explicit update. A non-finite quantity stops the run, naming it, the point and the time.
 */
import { NonFiniteError } from '../limits.ts';
import type { PointView, QuantityProgram, QuantityStep } from '../problem.ts';
import type { PopulationPoint } from '../spec.ts';

/** How moments are normalised: over n particles (centred ones over n - 1), or over the mass of a density. */
export type MomentNorm = 'particles' | 'grid';

/** The slots of every point after setup: constants, the point, the ODEs' initial values. */
export function setupQuantities(program: QuantityProgram, points: readonly PopulationPoint[]): Float64Array[] {
  return points.map((p) => {
    const U = new Float64Array(program.names.length);
    program.setup(p, U);
    for (const ode of program.odes) {
      U[ode.slot] = ode.initial(U);
      if (!Number.isFinite(U[ode.slot])) throw new NonFiniteError(`the initial value of ${ode.name}`, 0, { point: p.index });
    }
    return U;
  });
}

const massOf = (w: Float64Array, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[i];
  return s;
};

/** Evaluate steps at time t for all points (U[k] of point k, its particles or cells in views[k]); coupling[k K + j] for nonlocal sums. */
export function evaluateSteps(
  program: QuantityProgram,
  steps: readonly QuantityStep[],
  t: number,
  U: readonly Float64Array[],
  views: readonly PointView[],
  coupling: Float64Array | null,
  norm: MomentNorm,
): void {
  const K = U.length;
  if (program.timeSlot >= 0) for (const u of U) u[program.timeSlot] = t;
  const mass = norm === 'grid' ? views.map((v) => massOf(v.weights as Float64Array, v.n)) : null;
  const inner = new Float64Array(K);
  for (const step of steps) {
    for (let k = 0; k < K; k++) {
      let value: number;
      if (step.kind === 'formula') value = step.evaluate(t, U[k]);
      else if (step.kind === 'nonlocal') {
        if (k === 0) for (let j = 0; j < K; j++) inner[j] = U[j][step.inner];
        value = 0;
        if (coupling) for (let j = 0; j < K; j++) value += coupling[k * K + j] * inner[j];
      } else {
        const s = step.sum(views[k], U[k]);
        const n = views[k].n;
        value = mass ? s / mass[k] : s / (step.kind === 'mean' ? n : n - 1);
      }
      if (!Number.isFinite(value)) throw new NonFiniteError(step.name, t, { point: k });
      U[k][step.slot] = value;
    }
  }
}

/** The rates of the ODE coefficients of every point (after the steps were evaluated). */
export function odeRates(program: QuantityProgram, t: number, U: readonly Float64Array[]): Float64Array[] {
  return U.map((u, k) =>
    Float64Array.from(program.odes, (ode) => {
      const r = ode.rate(t, u);
      if (!Number.isFinite(r)) throw new NonFiniteError(`the rate of ${ode.name}`, t, { point: k });
      return r;
    }),
  );
}

/** The explicit (Euler) update of the ODE coefficients over a step, from the rates at its start; a value that overflows stops the run. */
export function advanceOdes(program: QuantityProgram, U: readonly Float64Array[], rates: readonly Float64Array[], dt: number, t = Number.NaN): void {
  U.forEach((u, k) =>
    program.odes.forEach((ode, j) => {
      u[ode.slot] += dt * rates[k][j];
      if (!Number.isFinite(u[ode.slot])) throw new NonFiniteError(`the coefficient ${ode.name} = ${u[ode.slot]}`, t + dt, { point: k });
    }),
  );
}

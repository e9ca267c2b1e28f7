/**
 * The grid for any compiled model: one density per point of the population on a 1- or 2-D box.
 * Each step of size dt (Strang splitting): the per-point quantities at its start (moments are
 * integrals against the density), half a step of the implicit drift-diffusion of each axis,
 * explicit transport and cross diffusion in as many substeps as their bound asks, the other half
 * of the implicit axes in reverse order, then the ODE coefficients; the mass through each face
 * and in the outer cells accounted. Deterministic, so the time-step error comes from separate runs at dt and 2 dt
 * (or dt / 2), and the grid error from one run on the mesh refined twice. Work is projected
 * every step against the limit (a drift that blows up is refused in bounded time), and a
 * non-finite density stops the run naming the time, the point and the cell.
 */
import { OnProgress, noProgress } from '../../numerics/progress.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import { DEFAULT_LIMITS, NonFiniteError, requireMemory } from '../limits.ts';
import { GridMesh, describeCell } from './gridMesh.ts';
import { ExplicitCoefficients, explicitStep, explicitStepBound } from './gridOps.ts';
import { diffusionBuffers, stepDiffusion } from './gridDiffusion.ts';
import { axisHalfStep } from './gridImplicit.ts';
import { AccountingReport, MassLedger } from './gridAccounting.ts';
import { checkInitialWidth } from './gridInitial.ts';
import { advanceOdes, evaluateSteps, odeRates, setupQuantities } from './program.ts';
import { readObservables } from './observe.ts';
import type { GridOperators, PointView, SimulationProblem } from '../problem.ts';
import type { TimePlan } from '../timeplan.ts';

/** What a grid run needs besides the mesh. */
export interface GridRun {
  readonly problem: SimulationProblem;
  readonly ops: GridOperators;
  readonly plan: TimePlan;
  readonly cfl: number;
  /** Option names for messages. */
  readonly names: { readonly cells: string; readonly points: string; readonly dt: string };
  /** The parameters as `name = value` (by the options that set them), for the message of a refused run. */
  readonly parameters?: string;
  readonly maxWork?: number;
  readonly memoryFraction?: number;
  /** The share of the initial mass that may leave or sit in the outer cells before the run is flagged. */
  readonly massTolerance?: number;
}

/** The observables of one run at the plan's output times, and what it cost. */
export interface GridSamples {
  readonly values: number[][];
  readonly substeps: number;
  /** Lines of the implicit half steps done again by backward Euler (0: all Crank–Nicolson, the Strang step second order in time). */
  readonly fallbacks: number;
  /** The mass and boundary accounting (flags named with `which`). */
  readonly accounting: (which: string) => AccountingReport;
}

/**
 * Refuse a mesh whose arrays would not fit, before anything is allocated: cells x fields x 8 bytes,
 * the fields being a density per point, two work arrays, the face velocities, the diffusion, the
 * cell centres and the face coordinates. Returns the estimate (bytes).
 */
export function checkGridSizes(run: GridRun, cells: readonly number[]): number {
  const size = cells.reduce((p, c) => p * c, 1);
  const K = run.problem.points.length;
  const dims = cells.length;
  const fields = K + 3 + 3 * dims + dims * dims;
  const bytes = 8 * size * fields;
  requireMemory(run.names.cells, bytes, `${size.toExponential(2)} cells x ${fields} fields x 8 bytes`, size, run.memoryFraction);
  return bytes;
}

/** Finite check of every density: the first bad cell named with its coordinates (the explicit parts are substepped under their bounds, so the step is not the cause). */
function checkFinite(m: GridMesh, f: readonly Float64Array[], problem: SimulationProblem, t: number): void {
  const cause =
    t === 0
      ? 'the initial density formula is not finite there (a Gaussian with a singular covariance, a division by zero, a pole)'
      : 'a coefficient, the drift or the diffusion blows up (the explicit parts are substepped under their stability bounds, so the step is not the cause)';
  f.forEach((d, k) => {
    for (let i = 0; i < d.length; i++)
      if (!Number.isFinite(d[i]))
        throw new NonFiniteError(`the density ${problem.density ?? 'f'} = ${d[i]}`, t, { point: k, cell: describeCell(m, i, problem.variables) }, cause);
  });
}

/**
 * Run the model on a mesh with step dt to the plan's output times (which must be multiples of dt).
 * The explicit substeps are counted for a step of `pairStep` (the companion pair's larger step,
 * 2 h): the fine run then takes as many substeps as the coarse one, each half as long, so that
 * step doubling measures the substeps' error too (equal substeps would make it vanish).
 */
export function runGridOnce(run: GridRun, m: GridMesh, dt: number, onProgress: OnProgress = noProgress, workSoFar = { value: 0 }, pairStep = dt): GridSamples {
  const { problem, ops } = run;
  const K = problem.points.length;
  const maxWork = run.maxWork ?? DEFAULT_LIMITS.maxWork;
  const U = setupQuantities(problem.program, problem.points);
  const f = problem.points.map((_, k) => {
    const d = new Float64Array(m.size);
    ops.initialDensity(m.size, d, m.centres, U[k]);
    return d;
  });
  if (ops.initialCovariance) U.forEach((u, k) => checkInitialWidth(ops.initialCovariance?.(u) ?? [], m, problem.variables, k));
  checkFinite(m, f, problem, 0);
  f.forEach((d, k) => {
    const i = d.findIndex((x) => x < 0);
    if (i >= 0)
      throw new NumericInputError(
        `the initial density ${problem.density ?? 'f'} is negative (${d[i].toPrecision(4)} at ${describeCell(m, i, problem.variables).replace(/^\([\d, ]+\) at /, '')})${K > 1 ? ` at point ${k} of the population` : ''}: a density is >= 0`,
      );
  });
  const ledger = new MassLedger(m, f, problem.variables, run.massTolerance ?? 1e-3);
  const views: PointView[] = f.map((weights) => ({ n: m.size, arrays: m.centres, weights }));
  const work = { a: new Float64Array(m.size), b: new Float64Array(m.size) };
  const velocity = m.faces.map((faces) => new Float64Array(faces[0].length));
  const diffusion = diffusionBuffers(m, ops);
  const buffer = new Float64Array(Math.max(...m.n));
  const scratch = new Float64Array(Math.max(...m.n));
  let fallbacks = 0;
  const steps = Math.round(problem.t / dt);
  const sampleAt = new Map(run.plan.times.map((t, i) => [Math.round(t / dt), i]));
  const values: number[][] = [];
  let substeps = 0;
  for (let s = 1; s <= steps; s++) {
    const t = (s - 1) * dt;
    evaluateSteps(problem.program, problem.program.steps, t, U, views, problem.coupling, 'grid');
    const rates = problem.program.odes.length ? odeRates(problem.program, t, U) : null;
    for (let k = 0; k < K; k++) {
      ops.velocity.forEach((fill, a) => {
        fill(velocity[a].length, velocity[a], m.faces[a], U[k]);
        const bad = velocity[a].findIndex((x) => !Number.isFinite(x));
        if (bad >= 0)
          throw new NonFiniteError(
            `the drift of ${problem.variables[a]} at a face (${m.faces[a].map((c, b) => `${problem.variables[b]} = ${c[bad].toPrecision(4)}`).join(', ')}) = ${velocity[a][bad]}`,
            t,
            { point: k },
          );
      });
      const D = stepDiffusion(ops, m, U[k], problem.variables, t, diffusion);
      const coeffs: ExplicitCoefficients = { velocity, cross: D.cross };
      const bound = explicitStepBound(m, coeffs);
      const count = Number.isFinite(bound) ? Math.ceil(Math.max(dt, pairStep) / (run.cfl * bound)) : 1;
      const projected = workSoFar.value + count * m.size * K * (steps - s + 1);
      if (!(projected <= maxWork))
        throw new NumericInputError(
          `at t = ${t.toPrecision(4)} the explicit transport of point ${k} needs substeps of ${(run.cfl * bound).toExponential(2)} (CFL bound of the drift on this grid), ` +
            `so the run would take ${projected.toExponential(2)} cell-updates, above the limit ${maxWork.toExponential(0)}: the drift is too large for ${run.names.cells} and ${run.names.dt}${run.parameters ? ` (parameters: ${run.parameters})` : ''}`,
        );
      // Strang: half the implicit axes, the explicit part over dt, the implicit axes back in reverse order
      const halves = D.axis.map((d, a) => axisHalfStep(ops, m, a, U[k], d, dt / 2, problem.variables[a]));
      halves.forEach((half) => half.apply(f[k], buffer, scratch));
      if (Number.isFinite(bound)) for (let j = 0; j < count; j++) explicitStep(m, f[k], coeffs, dt / count, work, ledger.stepOutflow[k]);
      for (let a = halves.length - 1; a >= 0; a--) halves[a].apply(f[k], buffer, scratch);
      fallbacks += halves.reduce((sum, half) => sum + half.fallbacks(), 0);
      workSoFar.value += count * m.size;
      substeps += count;
      ledger.afterStep(k, s * dt);
    }
    if (rates) advanceOdes(problem.program, U, rates, dt, t);
    checkFinite(m, f, problem, s * dt);
    const sample = sampleAt.get(s);
    if (sample !== undefined || s % 8 === 0) f.forEach((d, k) => ledger.watch(k, d, s * dt));
    if (sample !== undefined) values[sample] = readObservables(problem.program, run.plan.times[sample], U, views, problem.coupling, 'grid');
    if (s % 8 === 0 || s === steps) onProgress(s / steps);
  }
  return { values, substeps, fallbacks, accounting: (which) => ledger.report(which, problem.t) };
}

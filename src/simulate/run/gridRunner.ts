/**
 * The grid for any compiled model: one density per point of the population on a 1- or 2-D box.
 * Each step of size dt (Lie splitting): the per-point quantities at its start (moments are
 * integrals against the density), explicit transport and cross diffusion in as many substeps as
 * the CFL bound asks, then the implicit drift-diffusion solve of each axis, then the ODE
 * coefficients. Deterministic, so the time-step error comes from separate runs at dt and 2 dt
 * (or dt / 2), and the grid error from one run on the mesh refined twice. Work is projected
 * every step against the limit (a drift that blows up is refused in bounded time), and a
 * non-finite density stops the run naming the time, the point and the cell.
 */
import { OnProgress, noProgress } from '../../numerics/progress.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import { DEFAULT_LIMITS, NonFiniteError, requireMemory } from '../limits.ts';
import { GridMesh, describeCell, linesOf } from './gridMesh.ts';
import { ExplicitCoefficients, explicitStep, explicitStepBound, factorLine, implicitAxis, sgFluxes } from './gridOps.ts';
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
}

/** The observables of one run at the plan's output times, and what it cost. */
export interface GridSamples {
  readonly values: number[][];
  readonly massLost: number;
  readonly substeps: number;
}

/** Refuse a mesh whose arrays would not fit (densities, work arrays, faces, for every point). */
export function checkGridSizes(run: GridRun, cells: readonly number[]): void {
  const size = cells.reduce((p, c) => p * c, 1);
  const K = run.problem.points.length;
  requireMemory(run.names.cells, 8 * size * (5 * K + 6), `${K} points x ${size.toExponential(2)} cells x about 5 arrays of doubles`, size, run.memoryFraction);
}

/** Finite check of every density: the first bad cell named with its coordinates. */
function checkFinite(m: GridMesh, f: readonly Float64Array[], variables: readonly string[], t: number): void {
  f.forEach((d, k) => {
    for (let i = 0; i < d.length; i++)
      if (!Number.isFinite(d[i])) throw new NonFiniteError(`the density f = ${d[i]}`, t, { point: k, cell: describeCell(m, i, variables) });
  });
}

/** Run the model on a mesh with step dt to the plan's output times (which must be multiples of dt). */
export function runGridOnce(run: GridRun, m: GridMesh, dt: number, onProgress: OnProgress = noProgress, workSoFar = { value: 0 }): GridSamples {
  const { problem, ops } = run;
  const K = problem.points.length;
  const maxWork = run.maxWork ?? DEFAULT_LIMITS.maxWork;
  const U = setupQuantities(problem.program, problem.points);
  const f = problem.points.map((_, k) => {
    const d = new Float64Array(m.size);
    ops.initialDensity(m.size, d, m.centres, U[k]);
    return d;
  });
  checkFinite(m, f, problem.variables, 0);
  const views: PointView[] = f.map((weights) => ({ n: m.size, arrays: m.centres, weights }));
  const work = { a: new Float64Array(m.size), b: new Float64Array(m.size) };
  const velocity = m.faces.map((faces) => new Float64Array(faces[0].length));
  const cross = ops.cross ? new Float64Array(m.size) : null;
  const field = new Float64Array(m.size);
  const buffer = new Float64Array(Math.max(...m.n));
  const steps = Math.round(problem.t / dt);
  const sampleAt = new Map(run.plan.times.map((t, i) => [Math.round(t / dt), i]));
  const values: number[][] = [];
  let massLost = 0;
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
      if (cross && ops.cross) fillField(ops.cross, m, U[k], cross);
      const coeffs: ExplicitCoefficients = { velocity, cross };
      const bound = explicitStepBound(m, coeffs) / 2;
      const count = Number.isFinite(bound) ? Math.ceil(dt / (run.cfl * bound)) : 1;
      const projected = workSoFar.value + count * m.size * K * (steps - s + 1);
      if (!(projected <= maxWork))
        throw new NumericInputError(
          `at t = ${t.toPrecision(4)} the explicit transport of point ${k} needs substeps of ${(run.cfl * bound).toExponential(2)} (CFL bound of the drift on this grid), ` +
            `so the run would take ${projected.toExponential(2)} cell-updates, above the limit ${maxWork.toExponential(0)}: the drift is too large for ${run.names.cells} and ${run.names.dt}${run.parameters ? ` (parameters: ${run.parameters})` : ''}`,
        );
      if (Number.isFinite(bound)) for (let j = 0; j < count; j++) massLost += explicitStep(m, f[k], coeffs, dt / count, work);
      workSoFar.value += count * m.size;
      substeps += count;
      for (let a = 0; a < m.dims; a++) implicitSolve(ops, m, a, U[k], f[k], dt, field, buffer);
    }
    if (rates) advanceOdes(problem.program, U, rates, dt, t);
    checkFinite(m, f, problem.variables, s * dt);
    const sample = sampleAt.get(s);
    if (sample !== undefined) values[sample] = readObservables(problem.program, run.plan.times[sample], U, views, problem.coupling, 'grid');
    if (s % 8 === 0 || s === steps) onProgress(s / steps);
  }
  return { values, massLost, substeps };
}

/** A cell field (D_01 or D_aa) evaluated at the cell centres. */
function fillField(field: NonNullable<GridOperators['cross']>, m: GridMesh, U: Float64Array, out: Float64Array): void {
  if (field.kind === 'uniform') out.fill(field.value(U));
  else field.fill(m.size, out, m.centres, U);
}

/** The implicit part along axis a: the stiff part with the Scharfetter–Gummel flux, or the diffusion alone, or nothing. */
function implicitSolve(
  ops: GridOperators,
  m: GridMesh,
  a: number,
  U: Float64Array,
  f: Float64Array,
  dt: number,
  field: Float64Array,
  buffer: Float64Array,
): void {
  const n = m.n[a];
  const h = m.h[a];
  const stiff = ops.stiff[a];
  const diffusion = ops.diffusion[a];
  if (stiff) {
    const [slope, intercept, D] = [stiff.slope(U), stiff.intercept(U), stiff.diffusion(U)];
    if (!(D > 0) || !Number.isFinite(slope + intercept + D))
      throw new NumericInputError(
        `the stiff part along axis ${a} needs a finite diffusion D > 0 and finite coefficients, got D = ${D}, slope ${slope}, intercept ${intercept}`,
      );
    const factor = factorLine(
      sgFluxes((i) => slope * (m.lo[a] + (i + 1) * h) + intercept, D, h, n),
      dt,
      h,
    );
    implicitAxis(m, f, a, () => factor, buffer);
    return;
  }
  if (!diffusion) return;
  if (diffusion.kind === 'uniform') {
    const D = diffusion.value(U);
    if (D === 0) return;
    if (!(D > 0) || !Number.isFinite(D)) throw new NumericInputError(`the diffusion along axis ${a} must be finite and >= 0, got ${D}`);
    const factor = factorLine(
      sgFluxes(() => 0, D, h, n),
      dt,
      h,
    );
    implicitAxis(m, f, a, () => factor, buffer);
    return;
  }
  diffusion.fill(m.size, field, m.centres, U);
  const stride = a === 0 ? 1 : m.n[0];
  implicitAxis(
    m,
    f,
    a,
    (line) => {
      const base = a === 0 ? line * m.n[0] : line;
      const A = new Float64Array(n - 1);
      const B = new Float64Array(n - 1);
      for (let i = 0; i < n - 1; i++) {
        A[i] = field[base + i * stride] / h;
        B[i] = field[base + (i + 1) * stride] / h;
        if (!(A[i] >= 0 && B[i] >= 0))
          throw new NumericInputError(`the diffusion along axis ${a} must be >= 0, got ${Math.min(A[i], B[i]) * h} on line ${line} of ${linesOf(m, a)}`);
      }
      return factorLine({ A, B }, dt, h);
    },
    buffer,
  );
}

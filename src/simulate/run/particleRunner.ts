/**
 * Particles for any compiled model: n particles per point of the population, independent
 * replicas (their spread is the statistical error), each run as a fine/coarse pair in lockstep
 * (the coarse step uses the sum of the fine step's two Brownian increments, so the pair differs
 * by the time-step error, not by noise). Before each step the per-point quantities (moments,
 * nonlocal sums, coefficients) are evaluated and frozen over the step; normals are drawn point by
 * point, one array per noise, from the replica's own generator. Memory and work are checked
 * before anything is allocated; a non-finite particle stops the run naming it.
 */
import { createRng, Rng } from '../../numerics/random.ts';
import { OnProgress, noProgress } from '../../numerics/progress.ts';
import { DEFAULT_LIMITS, NonFiniteError, requireMemory, requireWork } from '../limits.ts';
import { advanceOdes, evaluateSteps, odeRates, setupQuantities } from './program.ts';
import { readObservables } from './observe.ts';
import type { ParticleStepper, PointView, SimulationProblem } from '../problem.ts';
import type { TimePlan } from '../timeplan.ts';
import type { PopulationPoint } from '../spec.ts';

/** The observables of one replica at the output times: the fine run's and the coarse run's. */
export interface PairSamples {
  readonly fine: number[][];
  readonly coarse: number[][];
}

/** A particle run: the problem, its stepper, the sampler of the initial law, the sizes, the time plan. */
export interface ParticleRun {
  readonly problem: SimulationProblem;
  readonly stepper: ParticleStepper;
  readonly init: (point: PopulationPoint, state: readonly Float64Array[], rng: Rng) => void;
  readonly particles: number;
  readonly replicas: number;
  readonly plan: TimePlan;
  /** Option names for messages: particles, replicas. */
  readonly names: { readonly particles: string; readonly replicas: string; readonly points: string };
  readonly maxWork?: number;
  readonly memoryFraction?: number;
  readonly onProgress?: OnProgress;
}

/** Bytes and the largest array of a particle run (one replica at a time: points x particles x state arrays x 8 bytes), checked against the machine before allocating; returns the bytes. */
export function checkParticleSizes(
  run: Pick<ParticleRun, 'problem' | 'stepper' | 'particles' | 'replicas' | 'plan' | 'names' | 'maxWork' | 'memoryFraction'>,
): number {
  const K = run.problem.points.length;
  const dim = run.problem.variables.length;
  const perPoint = run.particles * (2 * dim + 2 * Math.max(run.stepper.noise, 1));
  requireMemory(
    run.names.particles,
    8 * K * perPoint + 8 * K * K,
    `${K} points x ${run.particles} particles x ${2 * dim + 2 * Math.max(run.stepper.noise, 1)} arrays of doubles`,
    run.particles,
    run.memoryFraction,
  );
  requireMemory(run.names.points, 8 * K * K, `the ${K} x ${K} coupling matrix`, K * K, run.memoryFraction);
  const work = run.replicas * K * run.particles * 3 * run.plan.coarseSteps;
  requireWork(work, run.maxWork ?? DEFAULT_LIMITS.maxWork, 'particle-steps', `${run.names.particles}, ${run.names.replicas} or the number of steps`);
  return 8 * K * perPoint + 8 * K * K;
}

/** The first non-finite entry of a point's particles, reported with the time, the variable and the particle. */
function checkFinite(state: readonly Float64Array[][], variables: readonly string[], t: number): void {
  state.forEach((arrays, k) =>
    arrays.forEach((x, v) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i];
      if (Number.isFinite(s)) return;
      const i = x.findIndex((y) => !Number.isFinite(y));
      if (i < 0) return; // only the sum overflowed
      throw new NonFiniteError(`${variables[v]} = ${x[i]}`, t, { point: k, particle: i, variable: variables[v] });
    }),
  );
}

/** One step of every point: the quantities at time t, the normals of each point drawn (or given), the stepper, the ODEs. */
function stepAll(
  run: ParticleRun,
  U: Float64Array[],
  state: Float64Array[][],
  views: PointView[],
  t: number,
  dt: number,
  normals: Float64Array[][],
  rng: Rng | null,
): void {
  const { problem } = run;
  evaluateSteps(problem.program, problem.program.steps, t, U, views, problem.coupling, 'particles');
  const rates = problem.program.odes.length ? odeRates(problem.program, t, U) : null;
  for (let k = 0; k < state.length; k++) {
    if (rng) for (const xi of normals[k]) rng.fillNormal(xi, run.particles);
    run.stepper.step(run.particles, state[k], normals[k], U[k], dt);
  }
  if (rates) advanceOdes(problem.program, U, rates, dt, t);
}

/** One replica: the fine and coarse runs in lockstep from the same initial particles and Brownian increments. */
export function runReplica(run: ParticleRun, replica: number, onProgress: OnProgress = noProgress): PairSamples {
  const { problem, plan, particles: n } = run;
  const K = problem.points.length;
  const rng = createRng((problem.seed + replica) >>> 0);
  const fine = problem.points.map(() => problem.variables.map(() => new Float64Array(n)));
  problem.points.forEach((p, k) => run.init(p, fine[k], rng));
  checkFinite(fine, problem.variables, 0);
  const coarse = fine.map((arrays) => arrays.map((x) => Float64Array.from(x)));
  const [Uf, Uc] = [setupQuantities(problem.program, problem.points), setupQuantities(problem.program, problem.points)];
  const views = (state: Float64Array[][]): PointView[] => state.map((arrays) => ({ n, arrays }));
  const [vf, vc] = [views(fine), views(coarse)];
  const noise = Math.max(run.stepper.noise, 0);
  const first = Array.from({ length: K }, () => Array.from({ length: noise }, () => new Float64Array(n)));
  const second = Array.from({ length: K }, () => Array.from({ length: noise }, () => new Float64Array(n)));
  const out: PairSamples = { fine: [], coarse: [] };
  const h = plan.h;
  let next = 0;
  for (let c = 1; c <= plan.coarseSteps; c++) {
    const t0 = (c - 1) * 2 * h;
    stepAll(run, Uf, fine, vf, t0, h, first, rng);
    stepAll(run, Uf, fine, vf, t0 + h, h, second, rng);
    // the coarse step's increment is the sum of the two fine ones: sqrt(2h) (xi1 + xi2) / sqrt(2)
    for (let k = 0; k < K; k++)
      for (let j = 0; j < noise; j++) {
        const [a, b] = [first[k][j], second[k][j]];
        for (let i = 0; i < n; i++) a[i] = (a[i] + b[i]) * Math.SQRT1_2;
      }
    stepAll(run, Uc, coarse, vc, t0, 2 * h, first, null);
    const t = c === plan.coarseSteps ? problem.t : c * 2 * h;
    const sampled = plan.sampleSteps[next] === c;
    if (sampled || c % 8 === 0 || c === plan.coarseSteps) {
      checkFinite(fine, problem.variables, t);
      checkFinite(coarse, problem.variables, t);
    }
    if (sampled) {
      out.fine.push(readObservables(problem.program, t, Uf, vf, problem.coupling, 'particles'));
      out.coarse.push(readObservables(problem.program, t, Uc, vc, problem.coupling, 'particles'));
      next++;
    }
    if (c % 4 === 0 || c === plan.coarseSteps) onProgress(c / plan.coarseSteps);
  }
  return out;
}

/** Every replica, in turn (memory and work checked first). */
export function runParticles(run: ParticleRun): PairSamples[] {
  checkParticleSizes(run);
  const progress = run.onProgress ?? noProgress;
  return Array.from({ length: run.replicas }, (_, r) => runReplica(run, r, (f) => progress((r + f) / run.replicas)));
}

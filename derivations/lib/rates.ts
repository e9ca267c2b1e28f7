/**
 * The eps -> 0 study of the paper's convergence rates: a sweep of (1.10) over eps with
 * ill-prepared data, each quantity against its theorem, a refined grid as a discretisation check,
 * particles at two eps against the grid; the tasks run on worker threads.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitPowerLaw, OnProgress } from '../../src/numerics/index.ts';
import { runInWorkers } from '../../src/cli/workerPool.ts';
import type { RateStudyResult, RateRow } from '../../src/cli/rates.ts';
import type { RateMeasurement, RateTask, ParticleRateTask } from './rates-study.ts';

const STUDY_MODULE = join(dirname(fileURLToPath(import.meta.url)), 'rates-study.ts');

/** The quantities and the rates the paper proves for them. */
export const RATE_QUANTITIES = [
  { id: 'macro', label: 'sup_t ||U^eps - U||_inf', theorem: 'Theorem 2.7 (1)', proven: 'O(eps)', provenSlope: 1 },
  { id: 'L1', label: 'int_0^T ||nu^eps - M_rho0 ⊗ nubar||_{L^inf_x L^1} dt', theorem: 'Theorem 3.2', proven: 'O(sqrt eps)', provenSlope: 0.5 },
  { id: 'marginalL2', label: 'sup_t ||nubar^eps - nubar||_{L^2(mbar)}', theorem: 'Theorem 4.1 (3)', proven: 'O(eps sqrt|ln eps|)', provenSlope: 1 },
  { id: 'D2bound', label: 'max_t D_2[mu^eps] / (exp(-2 m* t/eps) + eps)', theorem: 'Theorem 2.7 (3), q = 2', proven: 'bounded (slope 0)', provenSlope: 0 },
  { id: 'D2theta', label: 'sup_{t >= T^eps} |D_2[mu^eps] - theta^2/rho0| / (theta^2/rho0)', theorem: '(1.13) (no rate proven)', proven: '—', provenSlope: null },
] as const;

/** The largest eps of the fitted (asymptotic) range. */
export const ASYMPTOTIC_EPS = 0.05;

/** The sweep: eps values, grids, horizon, particles. */
export interface RateStudyOptions {
  readonly quick?: boolean;
  readonly threads?: number;
  readonly onProgress?: OnProgress;
}

/** The plan of a run (quick: 4 eps on a coarse grid, particles small; default: 7 eps, every eps refined). */
export function ratePlan(quick: boolean) {
  const eps = quick ? [0.1, 0.05, 0.025, 0.0125] : [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625, 0.003125];
  const base = quick ? { nv: 48, nw: 60 } : { nv: 96, nw: 120 };
  const grid = (e: number, refine: number): { kind: 'grid' } & RateTask => ({ kind: 'grid', eps: e, nv: refine * base.nv, nw: refine * base.nw, cells: 3, tEnd: 1, samples: 40, wHalfWidth: 1.5, transportOrder: 2 });
  const refined = quick ? [eps[eps.length - 1]] : eps;
  const particles = (quick ? [0.1, 0.05] : [0.05, 0.0125]).map((e): { kind: 'particles' } & ParticleRateTask => ({
    kind: 'particles', eps: e, replicas: quick ? 4 : 8, neuronsPerCell: quick ? 2_500 : 12_500, dt: quick ? 1e-3 : 2.5e-4,
    times: [0.25, 0.5], cells: 2, nv: quick ? 48 : 96, nw: quick ? 60 : 120, seed: 31,
  }));
  return { eps, coarse: eps.map((e) => grid(e, 1)), refined: refined.map((e) => grid(e, 2)), particles };
}

/** Run the study on worker threads and fit each quantity; a slope is unreliable when a refined grid moves a point by >= 10%. */
export async function runRateStudy(options: RateStudyOptions = {}): Promise<RateStudyResult> {
  const started = performance.now();
  const plan = ratePlan(options.quick ?? false);
  const tasks = [...plan.refined, ...plan.particles, ...plan.coarse]; // longest first
  const results = await runInWorkers<(typeof tasks)[number], unknown>(tasks, { module: STUDY_MODULE, exportName: 'rateTask', threads: options.threads, onProgress: options.onProgress });
  const byTask = (kind: string, eps: number, nv: number) => results[tasks.findIndex((t) => t.kind === kind && t.eps === eps && ('nv' in t ? t.nv === nv : true))];
  const coarse = plan.coarse.map((t) => byTask('grid', t.eps, t.nv) as RateMeasurement);
  const refined = new Map(plan.refined.map((t) => [t.eps, byTask('grid', t.eps, t.nv) as RateMeasurement]));
  const rows: RateRow[] = RATE_QUANTITIES.map((q) => {
    const values = coarse.map((m) => m[q.id]);
    const refinedValues = plan.eps.map((e) => refined.get(e)?.[q.id] ?? null);
    const reliable = values.map((v, i) => refinedValues[i] === null ? null : Math.abs((refinedValues[i] as number) - v) < 0.1 * Math.abs(v));
    // the theorems are asymptotic (eps <= eps0): fit on eps <= 0.05 when that leaves three points
    const asymptotic = plan.eps.filter((e) => e <= ASYMPTOTIC_EPS).length >= 3;
    const usable = plan.eps
      .map((e, i) => ({ e, v: values[i], ok: reliable[i] !== false && (!asymptotic || e <= ASYMPTOTIC_EPS) }))
      .filter((p) => p.ok && p.v > 0);
    const fit = usable.length >= 2 ? fitPowerLaw(usable.map((p) => p.e), usable.map((p) => p.v)) : null;
    const smallestChecked = reliable.filter((r) => r !== null);
    return {
      id: q.id, label: q.label, theorem: q.theorem, proven: q.proven, provenSlope: q.provenSlope,
      eps: plan.eps, values, refined: refinedValues, reliable,
      fit, fitPoints: usable.length,
      trustworthy: smallestChecked.length > 0 && smallestChecked[smallestChecked.length - 1] === true && usable.length >= 3,
    };
  });
  const particles = plan.particles.map((t) => byTask('particles', t.eps, t.nv) as { eps: number; score: number; z: number; detail: string });
  return {
    title: 'Convergence rates as eps -> 0 (Blaustein 2022), measured',
    quick: options.quick ?? false,
    rows,
    particles,
    setup: `slopes fitted on eps <= ${ASYMPTOTIC_EPS} where at least three such eps were run; (1.10) on 3 points of K, ill-prepared data (theta(0) = 1, bimodal nu_0), rho0 = 1 + 0.4 cos(2 pi x), Psi = 0.5 exp(-(x-x')^2/0.05), T = 1; grid ${plan.coarse[0].nv}x${plan.coarse[0].nw}, second-order transport (refined ${plan.refined[0].nv}x${plan.refined[0].nw} at eps = ${plan.refined.map((t) => t.eps).join(', ')})`,
    seconds: (performance.now() - started) / 1000,
  };
}

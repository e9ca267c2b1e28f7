/**
 * The eps -> 0 study of the paper's convergence rates: (1.10) swept over eps with ill-prepared
 * data in the z-frame (rates-model.ts), every eps at three step sizes (Richardson) and on a finer
 * grid; the initial layers in time (rates-layer.ts, rates-exponents.ts), validated on the
 * Ornstein–Uhlenbeck relaxation alone; particles at two eps against the grid. Tasks run on
 * worker threads.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OnProgress } from '../../src/numerics/index.ts';
import { runInWorkers } from '../../src/cli/workerPool.ts';
import type { RateStudyResult, RateRow, RatePoint } from '../../src/cli/rates.ts';
import type { RateMeasurement, RateTask, ParticleRateTask } from './rates-study.ts';
import { LayerSeries, LayerTask, LAYER_M_STAR, LAYER_QUANTITIES, LayerData, layerEnd } from './rates-layer.ts';
import { measureAll } from './rates-exponents.ts';
import { fitRow, layerPlot, summariseExponents } from './rates-fits.ts';

const STUDY_MODULE = join(dirname(fileURLToPath(import.meta.url)), 'rates-study.ts');

/** The quantities and the rates the paper proves for them (logFactor: the proof's rate carries |ln eps|^(1/2)). */
export const RATE_QUANTITIES = [
  { id: 'macro', label: 'sup_t ||U^eps - U||_inf', theorem: 'Theorem 2.7 (1)', proven: 'O(eps)', provenSlope: 1, logFactor: false },
  {
    id: 'L1',
    label: 'int_0^T ||nu^eps - M_rho0 ⊗ nubar||_{L^inf_x L^1} dt',
    theorem: 'Theorem 3.2',
    proven: 'O(sqrt eps)',
    provenSlope: 0.5,
    logFactor: false,
    // the floor of nu_perp after the layer gives sqrt(eps), the layer itself (an O(1) integrand over T^eps) eps |ln eps|
    structure: { formula: 'A sqrt(eps) + B eps |ln eps|', terms: [(e: number) => Math.sqrt(e), (e: number) => e * Math.abs(Math.log(e))] as const },
  },
  {
    id: 'marginalL2',
    label: 'sup_t ||nubar^eps - nubar||_{L^2(mbar)}',
    theorem: 'Theorem 4.1 (3)',
    proven: 'O(eps sqrt|ln eps|)',
    provenSlope: 1,
    logFactor: true,
  },
  {
    id: 'D2bound',
    label: 'max_t D_2[mu^eps] / (exp(-2 m* t/eps) + eps)',
    theorem: 'Theorem 2.7 (3), q = 2',
    proven: 'bounded (slope 0)',
    provenSlope: 0,
    logFactor: false,
  },
  {
    id: 'D2theta',
    label: 'sup_{t >= T^eps} |D_2[mu^eps] - theta^2/rho0| / (theta^2/rho0)',
    theorem: '(1.13) (no rate proven)',
    proven: '—',
    provenSlope: null,
    logFactor: false,
  },
] as const;

/** The largest eps of the fitted (asymptotic) range. */
export const ASYMPTOTIC_EPS = 0.002;

/** A point is grid-independent when the last Richardson step and the finer grid each move it by less than this. */
export const RELIABLE_CHANGE = 0.05;

/** The sweep: eps values, grids, horizon, particles. */
export interface RateStudyOptions {
  readonly quick?: boolean;
  readonly threads?: number;
  readonly onProgress?: OnProgress;
}

type Tagged =
  | ({ kind: 'grid'; level: number; refined: boolean } & RateTask)
  | ({ kind: 'layer'; level: number } & LayerTask)
  | ({ kind: 'particles' } & ParticleRateTask);

/** The plan of a run: eps values, the grid tasks (3 step levels and a finer grid per eps), the layer tasks, the particle tasks. */
export function ratePlan(quick: boolean) {
  const eps = quick ? [0.0015625, 0.000390625, 0.00009765625, 0.0000244140625] : Array.from({ length: 14 }, (_, k) => 0.1 / 2 ** k);
  const grid = quick ? { nv: 24, nz: 32, gamma: 0.4, dtMax: 0.02, samples: 20 } : { nv: 48, nz: 64, gamma: 0.2, dtMax: 0.008, samples: 40 };
  const gridTask = (e: number, level: number, refined: boolean): Tagged => ({
    // the finer grid (1.5 x in v and z) at cfl 0.9, the base one at 0.6: where the CFL bound binds, both take the same steps
    kind: 'grid',
    level,
    refined,
    eps: e,
    cells: 3,
    tEnd: 1,
    samples: grid.samples,
    growth: 0.1 / 2 ** level,
    cfl: refined ? 0.9 : 0.6,
    nv: refined ? Math.round(1.5 * grid.nv) : grid.nv,
    nz: refined ? Math.round(1.5 * grid.nz) : grid.nz,
    gamma: grid.gamma / 2 ** level,
    dtMax: grid.dtMax / 2 ** level,
  });
  const gridTasks = eps.flatMap((e) => [0, 1, 2].map((l) => gridTask(e, l, false)).concat(quick && e !== eps[eps.length - 1] ? [] : [gridTask(e, 0, true)]));
  // the layer study: OU validation at one eps, (1.10) at several; each at gamma and gamma/2
  const layer = quick
    ? { eps: [1e-4], ouEps: 1e-4, data: ['product'] as LayerData[], nv: 64, nz: 16, gamma: 0.08, extra: 5 }
    : { eps: [1e-4, 1e-6, 1e-8], ouEps: 1e-6, data: ['product', 'correlated'] as LayerData[], nv: 96, nz: 16, gamma: 0.03, extra: 20 };
  const layerTask = (e: number, data: LayerData, stiffOnly: boolean, level: number): Tagged => ({
    kind: 'layer',
    level,
    eps: e,
    data,
    stiffOnly,
    nv: layer.nv,
    nz: layer.nz,
    gamma: layer.gamma / 2 ** level,
    ds: 0.1,
    sEnd: layerEnd(e, LAYER_M_STAR) + layer.extra,
  });
  const layerTasks = [
    ...layer.data.flatMap((d) => [0, 1].map((l) => layerTask(layer.ouEps, d, true, l))),
    ...layer.eps.flatMap((e) => layer.data.flatMap((d) => [0, 1].map((l) => layerTask(e, d, false, l)))),
  ];
  const particles = (quick ? [0.1, 0.05] : [0.05, 0.0125]).map(
    (e): Tagged => ({
      kind: 'particles',
      eps: e,
      replicas: quick ? 4 : 8,
      neuronsPerCell: quick ? 2_500 : 12_500,
      dt: quick ? 1e-3 : 2.5e-4,
      times: [0.25, 0.5],
      cells: 2,
      nv: quick ? 32 : 96,
      nw: quick ? 40 : 120,
      seed: 31,
    }),
  );
  return { eps, grid, layer, gridTasks, layerTasks, particles };
}

/** The Richardson value, its change from the previous pair, and the finer grid's change, for one eps of one quantity. */
function ratePoint(e: number, levels: number[], spatial: number | null): RatePoint {
  const value = 2 * levels[2] - levels[1];
  const previous = 2 * levels[1] - levels[0];
  const timeChange = Math.abs(value - previous) / Math.abs(value);
  const spaceChange = spatial === null ? null : Math.abs(spatial - levels[0]) / Math.abs(levels[0]);
  const order = Math.log2(Math.abs((levels[1] - levels[0]) / (levels[2] - levels[1])));
  return {
    eps: e,
    levels,
    value,
    previous,
    spatial,
    timeChange,
    spaceChange,
    order: Number.isFinite(order) ? order : null,
    reliable: value > 0 && timeChange < RELIABLE_CHANGE && (spaceChange === null || spaceChange < RELIABLE_CHANGE),
  };
}

/** Run the study on worker threads, fit each quantity, measure and judge the time exponents. */
export async function runRateStudy(options: RateStudyOptions = {}): Promise<RateStudyResult> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const quick = options.quick ?? false;
  const plan = ratePlan(quick);
  // longest first: particles, finest levels, layers
  const tasks: Tagged[] = [
    ...plan.particles,
    ...plan.gridTasks.filter((t) => t.kind === 'grid' && (t.level === 2 || t.refined)),
    ...plan.layerTasks,
    ...plan.gridTasks.filter((t) => t.kind === 'grid' && t.level < 2 && !t.refined),
  ];
  const results = await runInWorkers<Tagged, unknown>(tasks, {
    module: STUDY_MODULE,
    exportName: 'rateTask',
    threads: options.threads,
    onProgress: options.onProgress,
  });
  const gridResult = (e: number, level: number, refined: boolean) =>
    results[tasks.findIndex((t) => t.kind === 'grid' && t.eps === e && t.level === level && t.refined === refined)] as RateMeasurement | undefined;
  // (1.9) by the scheme (its z-velocity is zero: the discrete initial marginal) against its exact solution nubar0
  const limitGap = Math.max(...plan.eps.map((e) => (gridResult(e, 0, false) as RateMeasurement).limitGap));
  const rows: RateRow[] = RATE_QUANTITIES.map((q) => {
    const points = plan.eps.map((e) =>
      ratePoint(
        e,
        [0, 1, 2].map((l) => (gridResult(e, l, false) as RateMeasurement)[q.id]),
        gridResult(e, 0, true)?.[q.id] ?? null,
      ),
    );
    return fitRow(q, points, ASYMPTOTIC_EPS);
  });
  const layerResult = (e: number, data: LayerData, stiffOnly: boolean, level: number) =>
    results[tasks.findIndex((t) => t.kind === 'layer' && t.eps === e && t.data === data && t.stiffOnly === stiffOnly && t.level === level)] as LayerSeries;
  const pairs = plan.layerTasks.filter((t) => t.kind === 'layer' && t.level === 0).map((t) => t as { kind: 'layer' } & LayerTask);
  const exponents = pairs.flatMap((t) => measureAll(layerResult(t.eps, t.data, t.stiffOnly, 0), layerResult(t.eps, t.data, t.stiffOnly, 1), LAYER_QUANTITIES));
  const smallest = Math.min(...plan.layer.eps);
  const plotSeries = layerResult(smallest, 'product', false, 1);
  const particles = plan.particles.map((t) => results[tasks.indexOf(t)] as { eps: number; score: number; z: number; detail: string });
  const cpu = process.cpuUsage(cpu0);
  const { grid, layer } = plan;
  return {
    title: 'Convergence rates as eps -> 0 (Blaustein 2022), measured',
    quick,
    rows,
    exponents,
    exponentSummary: summariseExponents(exponents),
    layerPlot: layerPlot(plotSeries, quick ? null : layerResult(smallest, 'correlated', false, 1)),
    limitGap,
    particles,
    setup: `(1.10) in the frame z = e^{bt} w where the limit (1.9) is stationary (its exact solution), on 3 points of K, ill-prepared data (theta(0) = 1, bimodal nu_0), rho0 = 1 + 0.4 cos(2 pi x), Psi = 0.5 exp(-(x-x')^2/0.05), T = 1; grid ${grid.nv}x${grid.nz} (v x z), conservative semi-Lagrangian transport in z (centred degree-6 primitive), the O(1/theta) drift in v implicit; steps gamma eps through the layer (gamma = ${grid.gamma}, ${grid.gamma / 2}, ${grid.gamma / 4}) then up to ${grid.dtMax}, ${grid.dtMax / 2}, ${grid.dtMax / 4}: the value is the Richardson extrapolation 2 Q(dt/4) - Q(dt/2); finer grid ${Math.round(1.5 * grid.nv)}x${Math.round(1.5 * grid.nz)}; slopes fitted on eps <= ${ASYMPTOTIC_EPS}. Layers: rho0 = 1 + 0.6 cos(3 pi (x - 1/6)/2) at x = 1/6, 1/2, 5/6 (rho0 = 1.6, 1, m* = 0.4), eps = ${layer.eps.join(', ')}, grid ${layer.nv}x${layer.nz}, dt = ${layer.gamma} eps and ${layer.gamma / 2} eps (Richardson); OU validation at eps = ${layer.ouEps}`,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

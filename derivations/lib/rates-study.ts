/**
 * One point of the eps -> 0 study: (1.10) in the z-frame of rates-model.ts (the limit (1.9) is
 * stationary there and known exactly) with ill-prepared data (theta(0) = 1, bimodal nu_0,
 * non-uniform rho0, nonzero Psi, 3 points of K), steps that follow the initial layer, against the
 * limits (1.5) and (1.9): the quantities of Theorems 2.7, 3.2 and 4.1. Also particles against the
 * grid. Runs in a worker thread.
 */
import { runGrid, moments, runSplitGrid, marginalW, OnProgress } from '../../src/numerics/index.ts';
import { simulate } from '../../src/index.ts';
import { paperSimulation, PAPER_DEFAULTS } from './simulate.ts';
import { defaultCells } from './network.ts';
import { rescaledEquation } from './grid-models.ts';
import { zFrameEquation } from './rates-model.ts';
import { limitMacroscopic } from './limit.ts';
import { initialData } from './fhn.ts';
import { centredMoment, l1ToProfile, marginalDistance, KAPPA } from './rates-observe.ts';
import { layerRun, LayerTask } from './rates-layer.ts';

/** What one task computes: eps, the grid, the step-size level, the horizon. */
export interface RateTask {
  readonly eps: number;
  readonly nv: number;
  readonly nz: number;
  readonly cells: number;
  readonly tEnd: number;
  /** Samples on (0, 4 T^eps] and on (4 T^eps, tEnd], each this many. */
  readonly samples: number;
  /** Steps: gamma eps in the layer, growing by growth (t - layer end) after it, at most dtMax. */
  readonly gamma: number;
  readonly dtMax: number;
  readonly growth: number;
  /** Fraction of the CFL bound of the explicit v-transport (the finer grid's check uses a larger one, so that both take the same steps). */
  readonly cfl: number;
}

/** The measured quantities at one eps (each a sup or integral over t and a max over the points of K). */
export interface RateMeasurement {
  readonly eps: number;
  /** sup_t ||U^eps - U||_inf (Theorem 2.7 (1)). */
  readonly macro: number;
  /** ∫_0^T ||nu^eps - M_rho0 ⊗ nubar||_{L^inf_x L^1} dt (Theorem 3.2). */
  readonly L1: number;
  /** sup_t ||nubar^eps - nubar||_{L^2(mbar)} (Theorem 4.1 (3)), nubar of (1.9) exact (stationary in z). */
  readonly marginalL2: number;
  /** max_t D2[mu^eps] / (exp(-2 m* t/eps) + eps) (Theorem 2.7 (3): bounded). */
  readonly D2bound: number;
  /** sup over t >= T^eps of (3.6) of |D2[mu^eps] - theta^2/rho0| / (theta^2/rho0). */
  readonly D2theta: number;
  /** ||discrete nubar0 - exact nubar0||_{L^2(mbar)}: the limit by the scheme against the exact one (they coincide up to this). */
  readonly limitGap: number;
  readonly steps: number;
  readonly outflow: number;
}

const gauss = (z: number, sd: number) => Math.exp(-0.5 * (z / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/** The sample times: dense through the layer (0, 4 T^eps], then uniform to tEnd. */
export function sampleTimes(eps: number, mStar: number, samples: number, tEnd: number): number[] {
  const layer = Math.min(4 * (eps / (2 * mStar)) * Math.abs(Math.log(eps)), tEnd / 2);
  // the last one exactly tEnd (a rounded neighbour would add a sample at tEnd)
  return [
    ...Array.from({ length: samples }, (_, i) => ((i + 1) * layer) / samples),
    ...Array.from({ length: samples }, (_, i) => (i === samples - 1 ? tEnd : layer + ((i + 1) * (tEnd - layer)) / samples)),
  ];
}

/** Run (1.10) in the z-frame for one eps and one step level, and measure every quantity of the study. */
export function measureRates(task: RateTask, onProgress?: OnProgress): RateMeasurement {
  const cells = defaultCells(task.cells);
  const model = zFrameEquation({ eps: task.eps, cells, nv: task.nv, nz: task.nz });
  const { mesh } = model;
  const mStar = Math.min(...cells.map((c) => c.rho0));
  const initialLayer = (task.eps / (2 * mStar)) * Math.abs(Math.log(task.eps)); // T^eps of (3.6)
  const layerEnd = 2 * initialLayer + (5 * task.eps) / mStar;
  const times = sampleTimes(task.eps, mStar, task.samples, task.tEnd);
  const limit = limitMacroscopic(cells, times);
  // (1.9) in z: nubar(t, z) = nubar0(z); the scheme's own solution (zero z-velocity) is the discrete initial marginal
  const limitMarginals = model.boxes.map((f) => marginalW(mesh, f));
  const exactMarginal = Float64Array.from(mesh.w, (z) => gauss(z, initialData.sdW));
  const limitGap = Math.max(
    ...limitMarginals.map((g) => {
      let s = 0;
      for (let j = 0; j < mesh.nw; j++) s += (g[j] - exactMarginal[j]) ** 2 * Math.sqrt((2 * Math.PI) / KAPPA) * Math.exp((KAPPA * mesh.w[j] ** 2) / 2);
      return Math.sqrt(s * mesh.dw);
    }),
  );
  let macro = 0,
    marginalL2 = 0,
    D2bound = 0,
    D2theta = 0,
    L1 = 0;
  let previousL1 = Math.max(...cells.map((_, k) => l1ToProfile(model, k, limitMarginals[k])));
  let previousT = 0,
    sample = 0;
  const onSample = (t: number) => {
    const l1AtT = Math.max(
      ...cells.map((cell, k) => {
        macro = Math.max(macro, Math.abs(model.V[k] - limit[sample][k][0]), Math.abs(model.W[k] - limit[sample][k][1]));
        marginalL2 = Math.max(marginalL2, marginalDistance(model, k, t, limitMarginals[k]));
        const D2 = centredMoment(model, k, t, 2).value;
        const profile = model.theta(k, t) ** 2 / cell.rho0;
        D2bound = Math.max(D2bound, D2 / (Math.exp((-2 * mStar * t) / task.eps) + task.eps));
        if (t >= initialLayer) D2theta = Math.max(D2theta, Math.abs(D2 - profile) / profile);
        return l1ToProfile(model, k, limitMarginals[k]);
      }),
    );
    L1 += 0.5 * (l1AtT + previousL1) * (t - previousT);
    previousL1 = l1AtT;
    previousT = t;
    sample++;
  };
  const report = runSplitGrid(model, {
    tEnd: task.tEnd,
    sampleTimes: times,
    onSample,
    onProgress,
    cfl: task.cfl,
    stepSize: (t) => Math.min(task.dtMax, task.gamma * task.eps + task.growth * Math.max(0, t - layerEnd)),
  });
  return { eps: task.eps, macro, L1, marginalL2, D2bound, D2theta, limitGap, steps: report.steps, outflow: Math.max(...report.outflow) };
}

/** A particle task: replicas of the network at one eps against the grid of (1.10) mapped to V and D2. */
export interface ParticleRateTask {
  readonly eps: number;
  readonly replicas: number;
  readonly neuronsPerCell: number;
  readonly dt: number;
  readonly times: readonly number[];
  readonly cells: number;
  readonly nv: number;
  readonly nw: number;
  readonly seed: number;
}

/** V and D2 = Var v of (1.10)'s grid at the sample times, per point of K: values[time][k] = [V, D2]. */
function gridMacros(task: ParticleRateTask, refine: number, onProgress?: OnProgress): number[][][] {
  const model = rescaledEquation({ eps: task.eps, cells: task.cells, nv: refine * task.nv, nw: refine * task.nw, wHalfWidth: 1.5 });
  const out: number[][][] = [];
  runGrid(model, {
    tEnd: task.times[task.times.length - 1],
    cfl: 0.9,
    maxDt: 0.01,
    sampleTimes: task.times,
    onSample: (t) =>
      out.push(
        model.cells.map((_, k) => {
          const m = moments(model.mesh, model.boxes[k]);
          return [model.V[k] + model.theta(k, t) * m.meanV, model.theta(k, t) ** 2 * m.varianceV];
        }),
      ),
    onProgress,
  });
  return out;
}

/**
 * Particles against the grid at one eps, for V and D2 = Var v over x and t. The particles run on the
 * generic simulation layer (the paper's spec of simulate.ts: replicas for the standard error, a
 * companion run at 2 dt for the time-step error); the grid's own error comes from a refined grid
 * (|fine - coarse|). They agree when |particles - fine grid| <= 4 SE + time-step error + |fine - coarse|
 * everywhere (score <= 1).
 */
export function particleAgreement(task: ParticleRateTask, onProgress?: OnProgress): { eps: number; score: number; z: number; detail: string } {
  const coarse = gridMacros(task, 1, (f) => onProgress?.(0.05 * f));
  const fine = gridMacros(task, 2, (f) => onProgress?.(0.05 + 0.25 * f));
  const tEnd = task.times[task.times.length - 1];
  const spec = paperSimulation({
    ...PAPER_DEFAULTS,
    model: 'particles',
    eps: task.eps,
    cells: task.cells,
    neurons: task.neuronsPerCell,
    replicas: task.replicas,
    dt: task.dt,
    t: tEnd,
    seed: task.seed,
    samples: task.times.length,
  });
  const result = simulate(spec, { onProgress: (f) => onProgress?.(0.3 + 0.7 * f) });
  const series = (name: string, k: number) => result.observables[task.cells === 1 ? name : `${name}[${k}]`];
  const times = series('V', 0).t;
  if (times.length !== task.times.length || times.some((t, s) => Math.abs(t - task.times[s]) > 1e-12))
    throw new Error(`particle output times ${times.join(', ')} differ from the comparison times ${task.times.join(', ')}`);
  let score = 0;
  let z = 0;
  let detail = '';
  task.times.forEach((t, s) =>
    coarse[s].forEach((_, k) =>
      (['V', 'Var v'] as const).forEach((name, q) => {
        const o = series(name, k);
        const [mean, se, dtError] = [o.value[s], o.stderr[s] ?? Number.NaN, o.timeStepError[s]];
        const gridError = Math.abs(fine[s][k][q] - coarse[s][k][q]);
        const gap = Math.abs(mean - fine[s][k][q]);
        z = Math.max(z, gap / se);
        const ratio = gap / (4 * se + dtError + gridError);
        if (!(ratio <= score)) {
          score = ratio;
          detail = `${q ? 'D2' : 'V'} at point ${k} of K, t = ${t}: particles ${mean.toPrecision(5)} ± ${se.toExponential(1)} (time step ${dtError.toExponential(1)}), grid ${fine[s][k][q].toPrecision(5)} ± ${gridError.toExponential(1)} (coarse-to-fine change)`;
        }
      }),
    ),
  );
  return { eps: task.eps, score, z, detail };
}

/** The worker entry: a grid measurement, a layer run, or a particle comparison. */
export function rateTask(
  task: ({ kind: 'grid' } & RateTask) | ({ kind: 'layer' } & LayerTask) | ({ kind: 'particles' } & ParticleRateTask),
  onProgress?: OnProgress,
) {
  if (task.kind === 'grid') return measureRates(task, onProgress);
  if (task.kind === 'layer') return layerRun(task, onProgress);
  return particleAgreement(task, onProgress);
}

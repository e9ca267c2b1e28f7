/**
 * One point of the eps -> 0 study: (1.10) on a grid with ill-prepared data (theta(0) = 1,
 * bimodal nu_0, non-uniform rho0, nonzero Psi, several points of K) against the limits (1.5)
 * and (1.9), and the quantities of Theorems 2.7, 3.2 and 4.1. Runs in a worker thread.
 */
import { runGrid, runNetwork, l1Distance, weightedL2Distance, marginalW, sampleOnMesh, moments, createMesh, Mesh, OnProgress } from '../../src/numerics/index.ts';
import { defaultNetwork, fhnStepper } from './network.ts';
import { rescaledEquation } from './grid-models.ts';
import { limitMacroscopic } from './limit.ts';
import { defaultAdaptation, initialData } from './fhn.ts';

/** What one task computes: eps, the grid and the horizon. */
export interface RateTask {
  readonly eps: number;
  readonly nv: number;
  readonly nw: number;
  readonly cells: number;
  readonly tEnd: number;
  readonly samples: number;
  readonly wHalfWidth: number;
  /** Transport order of the grid solver (2: minmod MUSCL with Heun). */
  readonly transportOrder: 1 | 2;
}

/** The measured quantities at one eps (each a sup or integral over t and a max over the points of K). */
export interface RateMeasurement {
  readonly eps: number;
  readonly nv: number;
  readonly nw: number;
  /** sup_t ||U^eps - U||_inf (Theorem 2.7 (1)). */
  readonly macro: number;
  /** ∫_0^T ||nu^eps - M_rho0 ⊗ nubar||_{L^inf_x L^1} dt (Theorem 3.2). */
  readonly L1: number;
  /** sup_t ||nubar^eps - nubar||_{L^2(mbar)} (Theorem 4.1 (3)), nubar of (1.9) solved by the same scheme. */
  readonly marginalL2: number;
  /** max_t D2[mu^eps] / (exp(-2 m* t/eps) + eps) (Theorem 2.7 (3): bounded). */
  readonly D2bound: number;
  /** sup over t >= T^eps of (3.6) of |D2[mu^eps] - theta^2/rho0| / (theta^2/rho0). */
  readonly D2theta: number;
  readonly steps: number;
  readonly outflow: number;
}

/** kappa of the weight mbar = sqrt(2 pi / kappa) exp(kappa w^2 / 2), in (1/(2b), infinity) as (4.3) asks. */
export const KAPPA = 1;
/** m* = min rho0 for the default density 1 + 0.4 cos(2 pi x). */
const M_STAR = 0.6;

const gauss = (z: number, sd: number) => Math.exp(-0.5 * (z / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/** The exact solution of (1.9) from the initial marginal N(0, sdW^2): nubar(t, w) = e^{bt} nubar0(e^{bt} w). */
const nubarLimit = (t: number, w: number) => Math.exp(defaultAdaptation.b * t) * gauss(Math.exp(defaultAdaptation.b * t) * w, initialData.sdW);

/**
 * The limit (1.9) solved by the same transport scheme on the same w-cells (a box one cell wide in
 * v, velocity -b w), its marginal at each sample time: comparing nubar^eps with it cancels most of
 * the w-discretisation error, which the exact nubar would not (it dominates at small eps).
 */
function discreteLimitMarginals(mesh: Mesh, times: readonly number[], order: 1 | 2): Float64Array[] {
  const line = createMesh({ nv: 3, nw: mesh.nw, vmin: -1.5, vmax: 1.5, wmin: mesh.wmin, wmax: mesh.wmax });
  const f = sampleOnMesh(line, (_v, w) => nubarLimit(0, w) / 3);
  const velocities = {
    bv: new Float64Array((line.nv + 1) * line.nw),
    bw: Float64Array.from({ length: line.nv * (line.nw + 1) }, (_, k) => -defaultAdaptation.b * (line.wmin + Math.floor(k / line.nv) * line.dw)),
  };
  const out: Float64Array[] = [];
  runGrid(
    { mesh: line, boxes: [f], coefficients: () => [{ velocities, stiff: { D: Number.MIN_VALUE, alpha: Number.MIN_VALUE, centre: 0 } }] },
    { tEnd: times[times.length - 1], cfl: 0.9, maxDt: 0.01, transportOrder: order, sampleTimes: times, onSample: () => out.push(marginalW(line, f)) },
  );
  return out;
}

/** Run (1.10) for one eps and measure every quantity of the study. */
export function measureRates(task: RateTask, onProgress?: OnProgress): RateMeasurement {
  const model = rescaledEquation({ eps: task.eps, cells: task.cells, nv: task.nv, nw: task.nw, wHalfWidth: task.wHalfWidth });
  const initialLayer = (task.eps / (2 * M_STAR)) * Math.abs(Math.log(task.eps)); // T^eps of (3.6)
  const { mesh } = model;
  const times = Array.from({ length: task.samples }, (_, i) => ((i + 1) * task.tEnd) / task.samples);
  const limit = limitMacroscopic(model.cells, times);
  const limitMarginals = discreteLimitMarginals(mesh, times, task.transportOrder);
  const weightW = Float64Array.from(mesh.w, (w) => Math.sqrt((2 * Math.PI) / KAPPA) * Math.exp((KAPPA * w * w) / 2));
  const wMesh = { ...mesh, nv: 1, dv: 1 };
  let macro = 0, marginalL2 = 0, D2bound = 0, D2theta = 0, L1 = 0;
  let previousL1 = 0, previousT = 0, sample = 0;
  const onSample = (t: number) => {
    const l1AtT = Math.max(...model.cells.map((cell, k) => {
      const Vk = model.V[k], Wk = model.W[k];
      macro = Math.max(macro, Math.abs(Vk - limit[sample][k][0]), Math.abs(Wk - limit[sample][k][1]));
      const f = model.boxes[k];
      const target = sampleOnMesh(mesh, (v, w) => Math.sqrt(cell.rho0 / (2 * Math.PI)) * Math.exp((-cell.rho0 * v * v) / 2) * nubarLimit(t, w));
      const marginal = marginalW(mesh, f);
      marginalL2 = Math.max(marginalL2, weightedL2Distance(wMesh, marginal, limitMarginals[sample], weightW));
      const theta2 = model.theta(k, t) ** 2;
      const m = moments(mesh, f);
      const D2 = theta2 * (m.varianceV + m.meanV * m.meanV);
      D2bound = Math.max(D2bound, D2 / (Math.exp((-2 * M_STAR * t) / task.eps) + task.eps));
      if (t >= initialLayer) D2theta = Math.max(D2theta, Math.abs(D2 - theta2 / cell.rho0) / (theta2 / cell.rho0));
      return l1Distance(mesh, f, target);
    }));
    L1 += 0.5 * (l1AtT + previousL1) * (t - previousT);
    previousL1 = l1AtT;
    previousT = t;
    sample++;
  };
  // at t = 0 the L1 integrand is ||nu_0 - M ⊗ nubar_0||
  previousL1 = Math.max(...model.cells.map((cell, k) => l1Distance(mesh, model.boxes[k], sampleOnMesh(mesh, (v, w) => Math.sqrt(cell.rho0 / (2 * Math.PI)) * Math.exp((-cell.rho0 * v * v) / 2) * nubarLimit(0, w)))));
  const report = runGrid(model, { tEnd: task.tEnd, cfl: 0.9, maxDt: 0.01, transportOrder: task.transportOrder, sampleTimes: times, onSample, onProgress });
  return { eps: task.eps, nv: task.nv, nw: task.nw, macro, L1, marginalL2, D2bound, D2theta, steps: report.steps, outflow: Math.max(...report.outflow) };
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
    tEnd: task.times[task.times.length - 1], cfl: 0.9, maxDt: 0.01, sampleTimes: task.times,
    onSample: (t) => out.push(model.cells.map((_, k) => {
      const m = moments(model.mesh, model.boxes[k]);
      return [model.V[k] + model.theta(k, t) * m.meanV, model.theta(k, t) ** 2 * m.varianceV];
    })),
    onProgress,
  });
  return out;
}

/**
 * Particles against the grid at one eps, for V and D2 = Var v over x and t: the standard error
 * comes from replicas, the grid's own error from a refined grid (|fine - coarse|); they agree when
 * |particles - fine grid| <= 4 SE + |fine - coarse| everywhere (score <= 1).
 */
export function particleAgreement(task: ParticleRateTask, onProgress?: OnProgress): { eps: number; score: number; z: number; detail: string } {
  const coarse = gridMacros(task, 1, (f) => onProgress?.(0.05 * f));
  const fine = gridMacros(task, 2, (f) => onProgress?.(0.05 + 0.25 * f));
  const replicaValues = task.times.map(() => coarse[0].map(() => [[] as number[], [] as number[]]));
  for (let r = 0; r < task.replicas; r++) {
    const net = defaultNetwork({ cells: task.cells, neuronsPerCell: task.neuronsPerCell, seed: task.seed + r });
    const samples = runNetwork(net, { dt: task.dt, tEnd: task.times[task.times.length - 1], sampleTimes: task.times, step: fhnStepper('ou-split', { eps: task.eps }), onProgress: (f) => onProgress?.(0.3 + (0.7 * (r + f)) / task.replicas) });
    samples.forEach((cells, s) => cells.forEach((c, k) => {
      replicaValues[s][k][0].push(c.v.mean);
      replicaValues[s][k][1].push(c.v.variance);
    }));
  }
  let score = 0;
  let z = 0;
  let detail = '';
  replicaValues.forEach((cells, s) => cells.forEach((pair, k) => pair.forEach((xs, q) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const se = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) / xs.length);
    const gridError = Math.abs(fine[s][k][q] - coarse[s][k][q]);
    const gap = Math.abs(mean - fine[s][k][q]);
    z = Math.max(z, gap / se);
    if (gap / (4 * se + gridError) > score) {
      score = gap / (4 * se + gridError);
      detail = `${q ? 'D2' : 'V'} at point ${k} of K, t = ${task.times[s]}: particles ${mean.toPrecision(5)} ± ${se.toExponential(1)}, grid ${fine[s][k][q].toPrecision(5)} ± ${gridError.toExponential(1)} (coarse-to-fine change)`;
    }
  })));
  return { eps: task.eps, score, z, detail };
}

/** The worker entry: a grid measurement or a particle comparison. */
export function rateTask(task: ({ kind: 'grid' } & RateTask) | ({ kind: 'particles' } & ParticleRateTask), onProgress?: OnProgress) {
  return task.kind === 'grid' ? measureRates(task, onProgress) : particleAgreement(task, onProgress);
}

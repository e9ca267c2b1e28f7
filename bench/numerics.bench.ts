/**
 * Numerics throughput, measured in one run against its own baseline (machines here are shared and
 * noisy: compare the ratios). The particle network of (1.2) with n = 1e6 neurons (100 cells x 1e4)
 * for 20 steps through the generic simulator (cell means, nonlocal sums, ziggurat normals, stepper):
 * the generated fused kernels against hand-written loops of exactly the same schemes, median of 5
 * interleaved rounds; the kernels alone by the fastest of 9 interleaved rounds. The kernels alone (same normals, no sampler): generated TypeScript, the same
 * kernels compiled in process as simulate(spec) runs them, and hand-written loops; generated C
 * against hand-written C (bench/cbench.ts, cc -O2). Grid figures come from bench/grid.bench.ts
 * when it exists (see GRID HOOK).
 */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNetwork, createRng, fillNormalBoxMuller, runNetwork, runGrid, CellStepper, Network } from '../src/numerics/index.ts';
import { ouSplitStep, eulerMaruyamaStep } from '../src/generated/particles.ts';
import { defaultCells, fhnStepper } from '../derivations/lib/network.ts';
import { defaultKernel } from '../derivations/lib/fhn.ts';
import { rescaledEquation } from '../derivations/lib/grid-models.ts';
import { compileKernels, LoopKernel } from '../src/index.ts';
import { kernels as paperKernels } from '../derivations/particles.ts';
import { runCBench, C_WORK } from './cbench.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CELLS = 100;
const PER_CELL = 10_000;
const NEURONS = CELLS * PER_CELL;
const STEPS = 20;
const ROUNDS = 5;
const DT = 1e-3;
const EPS = 0.05; // Euler–Maruyama bound 2 eps / rho0 >= 0.07 > DT

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall-clock ms of each workload over interleaved rounds (one warm-up each first), so drifts of machine speed hit all alike. */
export function medianTimesMs(workloads: Record<string, () => void>, rounds = ROUNDS): Record<string, number> {
  return timesMs(workloads, rounds, median);
}

/** This process's CPU time in ms (user + system): other processes on a shared machine do not count. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The fastest of interleaved rounds in CPU time: on a shared machine other processes only ever add
 * time (wall clock) or cache misses (CPU time), so the minimum is closest to the code's own speed.
 */
export function fastestTimesMs(workloads: Record<string, () => void>, rounds = 9): Record<string, number> {
  return timesMs(workloads, rounds, (xs) => Math.min(...xs), cpuMs);
}

function timesMs(
  workloads: Record<string, () => void>,
  rounds: number,
  pick: (xs: number[]) => number,
  clock: () => number = () => performance.now(),
): Record<string, number> {
  const names = Object.keys(workloads);
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  for (const k of names) workloads[k]();
  for (let r = 0; r < rounds; r++)
    for (const k of r % 2 === 0 ? names : [...names].reverse()) {
      const t0 = clock();
      workloads[k]();
      times[k].push(clock() - t0);
    }
  return Object.fromEntries(names.map((k) => [k, pick(times[k])]));
}

/** Baseline: a plain multiply-add loop over a Float64Array of n entries, `steps` times (machine speed in this run). */
export function baselineWorkload(n = NEURONS, steps = STEPS): () => void {
  const x = new Float64Array(n).fill(1);
  return () => {
    for (let s = 0; s < steps; s++) for (let i = 0; i < n; i++) x[i] = x[i] * 0.999 + 1e-3;
  };
}

type StepKernel = typeof ouSplitStep;

/** The hand-written OU split of (1.2): exact OU of -(rho/eps)(v - V), then Euler on the rest of the drift. */
const handOuSplit: StepKernel = (n, v, w, xi, dt, rho, eps, V, PsiRho, PsiRhoV, a, b, c) => {
  const decay = Math.exp((-rho / eps) * dt);
  const sd = Math.sqrt(((1 - decay * decay) * eps) / rho);
  for (let i = 0; i < n; i++) {
    const x = V + (v[i] - V) * decay + sd * xi[i];
    const wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV) * dt;
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
};

/** The hand-written Euler–Maruyama step of (1.2). */
const handEulerMaruyama: StepKernel = (n, v, w, xi, dt, rho, eps, V, PsiRho, PsiRhoV, a, b, c) => {
  const noise = Math.sqrt(2 * dt);
  const lambda = rho / eps;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV - lambda * (x - V)) * dt + noise * xi[i];
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
};

/** A cell stepper calling a hand-written kernel the way fhnStepper calls a generated one. */
const handStepper =
  (kernel: StepKernel): CellStepper =>
  (n, v, w, xi, dt, m) =>
    kernel(n, v, w, xi, dt, m.rho0, EPS, m.V, m.PsiRho, m.PsiRhoV, 0.8, 1, 0.1);

/** The bench network: 100 cells of the default K, 1e4 neurons each, v spread around 0.5, w around 0.2. */
function benchNetwork(): Network {
  return createNetwork({
    cells: defaultCells(CELLS),
    psi: defaultKernel,
    neuronsPerCell: PER_CELL,
    seed: 1,
    init: (_i, v, w, rng) => {
      for (let k = 0; k < v.length; k++) {
        v[k] = 0.5 + 0.3 * rng.normal();
        w[k] = 0.2 + 0.3 * rng.normal();
      }
    },
  });
}

/** STEPS steps of a fresh bench network with the given stepper (sampler, means and nonlocal sums included). */
function networkWorkload(step: CellStepper): () => void {
  const net = benchNetwork();
  return () => void runNetwork(net, { dt: DT, tEnd: STEPS * DT, step });
}

/** STEPS steps of one kernel over all neurons with the same normals each step (no sampler, no network: the loops alone). */
function kernelWorkload(kernel: StepKernel): () => void {
  const net = benchNetwork();
  const xi = createRng(2).fillNormal(new Float64Array(PER_CELL));
  return () => {
    for (let s = 0; s < STEPS; s++) for (let i = 0; i < CELLS; i++) kernel(PER_CELL, net.v[i], net.w[i], xi, DT, 1.2, EPS, 0.5, 0.4, 0.2, 0.8, 1, 0.1);
  };
}

/** STEPS fills of NEURONS normals by the ziggurat, or by Box–Muller for comparison. */
function samplerWorkload(boxMuller: boolean): () => void {
  const rng = createRng(3);
  const xi = new Float64Array(PER_CELL);
  return () => {
    for (let s = 0; s < STEPS * CELLS; s++) {
      if (boxMuller) fillNormalBoxMuller(rng, xi);
      else rng.fillNormal(xi);
    }
  };
}

/** Fallback until bench/grid.bench.ts exists: cell-updates of a full (1.10) step (transport + implicit stiff part) on one 256 x 256 box. */
function gridFallbackFigures(baseMs: number): Record<string, number> {
  const steps = 10;
  const dt = 1e-5;
  const model = rescaledEquation({ eps: 0.05, cells: 1, nv: 256, nw: 256 });
  const { grid } = medianTimesMs({ grid: () => void runGrid(model, { tEnd: steps * dt, dt }) }, 3);
  const rate = (256 * 256 * steps) / (grid / 1000);
  return { '(1.10) 256x256 grid (M cell-updates/s)': rate / 1e6, '(1.10) grid / baseline': rate / ((NEURONS * STEPS) / (baseMs / 1000)) };
}

/** The paper's step kernel as simulate(spec) runs it: the JavaScript printer's text compiled in process. */
const inProcess = (name: string): StepKernel => compileKernels(paperKernels().filter((k): k is LoopKernel => k.name === name))[name] as unknown as StepKernel;

/** Run the numerics bench; figures are rates (per second) and ratios measured in this run. */
export async function runNumericsBench(): Promise<Record<string, number>> {
  const ms = medianTimesMs({
    baseline: baselineWorkload(),
    ziggurat: samplerWorkload(false),
    boxMuller: samplerWorkload(true),
    ouGenerated: networkWorkload(fhnStepper('ou-split', { eps: EPS })),
    ouHand: networkWorkload(handStepper(handOuSplit)),
    emGenerated: networkWorkload(fhnStepper('euler-maruyama', { eps: EPS })),
    emHand: networkWorkload(handStepper(handEulerMaruyama)),
    ouComposed: networkWorkload(fhnStepper('ou-split', { eps: EPS }, 'composed')),
  });
  const kernelMs = fastestTimesMs({
    ouKernelGenerated: kernelWorkload(ouSplitStep),
    ouKernelHand: kernelWorkload(handOuSplit),
    emKernelGenerated: kernelWorkload(eulerMaruyamaStep),
    emKernelHand: kernelWorkload(handEulerMaruyama),
    ouKernelInProcess: kernelWorkload(inProcess('ouSplitStep')),
    emKernelInProcess: kernelWorkload(inProcess('eulerMaruyamaStep')),
  });
  const c = runCBench();
  Object.assign(ms, kernelMs);
  const rate = (k: string) => (NEURONS * STEPS) / (ms[k] / 1000) / 1e6; // M per second
  const figures: Record<string, number> = {
    'baseline multiply-add (M elements/s)': rate('baseline'),
    'ziggurat normals (M/s)': rate('ziggurat'),
    'Box–Muller normals (M/s)': rate('boxMuller'),
    'network ou-split, generated kernel (M neuron-steps/s)': rate('ouGenerated'),
    'network ou-split, hand-written loop (M neuron-steps/s)': rate('ouHand'),
    'network ou-split generated / hand-written': ms.ouHand / ms.ouGenerated,
    'network euler-maruyama, generated kernel (M neuron-steps/s)': rate('emGenerated'),
    'network euler-maruyama, hand-written loop (M neuron-steps/s)': rate('emHand'),
    'network euler-maruyama generated / hand-written': ms.emHand / ms.emGenerated,
    'network ou-split, composed generated pieces (M neuron-steps/s)': rate('ouComposed'),
    'TS kernel only ou-split generated / hand-written': ms.ouKernelHand / ms.ouKernelGenerated,
    'TS kernel only euler-maruyama generated / hand-written': ms.emKernelHand / ms.emKernelGenerated,
    'TS kernel only ou-split compiled in process (simulate) / hand-written': ms.ouKernelHand / ms.ouKernelInProcess,
    'TS kernel only euler-maruyama compiled in process (simulate) / hand-written': ms.emKernelHand / ms.emKernelInProcess,
    'C kernel ou-split generated / hand-written (cc -O2)': c.ouHand / c.ouGenerated,
    'C kernel euler-maruyama generated / hand-written (cc -O2)': c.emHand / c.emGenerated,
    'C ou-split generated (M neuron-steps/s)': C_WORK / c.ouGenerated / 1e6,
    'C euler-maruyama generated (M neuron-steps/s)': C_WORK / c.emGenerated / 1e6,
    'TS ou-split generated, kernel only (M neuron-steps/s)': rate('ouKernelGenerated'),
    'network ou-split generated / baseline': ms.baseline / ms.ouGenerated,
  };
  // GRID HOOK (helper N2): bench/grid.bench.ts exports runGridBench(): Promise<Record<string, number>>;
  // it may reuse medianTimesMs and baselineWorkload from this file. Until it exists, the fallback below.
  const gridBench = join(HERE, 'grid.bench.ts');
  const grid = existsSync(gridBench) ? await (await import(gridBench)).runGridBench() : gridFallbackFigures(ms.baseline);
  return { ...figures, ...grid };
}

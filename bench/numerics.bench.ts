/**
 * Numerics throughput, measured in one run with its own baseline: neuron-steps per second of the
 * generated OU-split and Euler–Maruyama step kernels against hand-written loops of the same
 * schemes (same sampler, same data), n = 1e6; and cell-updates per second of a full (1.10) step
 * (transport + implicit stiff part) on a 256 x 256 box.
 */
import { createRng, runGrid } from '../src/numerics/index.ts';
import { ouSplitStep, eulerMaruyamaStep } from '../src/generated/particles.ts';
import { rescaledEquation } from '../derivations/lib/grid-models.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall-clock ms of f (median of rounds after one warm-up). */
function timeMs(f: () => void, rounds = 5): number {
  f();
  const ts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** The hand-written OU split: exact OU of -(rho/eps)(v - V), then Euler on the rest of the drift. */
function handOuSplit(n: number, v: Float64Array, w: Float64Array, xi: Float64Array, dt: number, rho: number, eps: number, V: number, PsiRho: number, PsiRhoV: number, a: number, b: number, c: number): void {
  const decay = Math.exp((-rho / eps) * dt);
  const sd = Math.sqrt(((1 - decay * decay) * eps) / rho);
  for (let i = 0; i < n; i++) {
    const x = V + (v[i] - V) * decay + sd * xi[i];
    const wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV) * dt;
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
}

/** The hand-written Euler–Maruyama step of (1.2). */
function handEulerMaruyama(n: number, v: Float64Array, w: Float64Array, xi: Float64Array, dt: number, rho: number, eps: number, V: number, PsiRho: number, PsiRhoV: number, a: number, b: number, c: number): void {
  const noise = Math.sqrt(2 * dt);
  const lambda = rho / eps;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV - lambda * (x - V)) * dt + noise * xi[i];
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
}

type Step = typeof ouSplitStep;

/** Neuron-steps per second of `steps` steps of n neurons (normals drawn each step, as in a run). */
function particleRate(step: Step, n: number, steps: number, withSampler: boolean): number {
  const rng = createRng(1);
  const v = new Float64Array(n).fill(0.5);
  const w = new Float64Array(n).fill(0.2);
  const xi = rng.fillNormal(new Float64Array(n));
  const ms = timeMs(() => {
    for (let s = 0; s < steps; s++) {
      if (withSampler) rng.fillNormal(xi);
      step(n, v, w, xi, 1e-3, 1.2, 0.05, 0.5, 0.4, 0.2, 0.8, 1, 0.1);
    }
  });
  return (n * steps) / (ms / 1000);
}

/** Baseline: a plain Float64Array multiply-add loop over the same n (machine speed in this run). */
function baselineRate(n: number, steps: number): number {
  const x = new Float64Array(n).fill(1);
  const ms = timeMs(() => {
    for (let s = 0; s < steps; s++) for (let i = 0; i < n; i++) x[i] = x[i] * 0.999 + 1e-3;
  });
  return (n * steps) / (ms / 1000);
}

/** Cell-updates per second of (1.10) on one 256 x 256 box (full steps: coefficients, transport, stiff). */
function gridRate(): number {
  const steps = 10;
  const dt = 1e-5;
  const model = rescaledEquation({ eps: 0.05, cells: 1, nv: 256, nw: 256 });
  const ms = timeMs(() => runGrid(model, { tEnd: steps * dt, dt }), 3);
  return (256 * 256 * steps) / (ms / 1000);
}

/** Run the numerics bench; figures are rates (per second) and ratios measured in this run. */
export async function runNumericsBench(): Promise<Record<string, number>> {
  const n = 1_000_000;
  const steps = 10;
  const base = baselineRate(n, steps);
  const genOu = particleRate(ouSplitStep, n, steps, true);
  const handOu = particleRate(handOuSplit, n, steps, true);
  const genEm = particleRate(eulerMaruyamaStep, n, steps, true);
  const handEm = particleRate(handEulerMaruyama, n, steps, true);
  const genOuKernel = particleRate(ouSplitStep, n, steps, false);
  const handOuKernel = particleRate(handOuSplit, n, steps, false);
  const grid = gridRate();
  return {
    'baseline multiply-add (M elements/s)': base / 1e6,
    'ou-split generated, with ziggurat sampler (M neuron-steps/s)': genOu / 1e6,
    'ou-split hand-written, same sampler (M neuron-steps/s)': handOu / 1e6,
    'ou-split generated / hand-written': genOu / handOu,
    'euler-maruyama generated (M neuron-steps/s)': genEm / 1e6,
    'euler-maruyama hand-written (M neuron-steps/s)': handEm / 1e6,
    'euler-maruyama generated / hand-written': genEm / handEm,
    'ou-split kernel only, generated / hand-written': genOuKernel / handOuKernel,
    'ou-split generated / baseline': genOu / base,
    '(1.10) 256x256 grid (M cell-updates/s)': grid / 1e6,
    '(1.10) grid / baseline': grid / base,
  };
}

/**
 * The measurements behind the numeric cross-checks of derivations/numerics.ts: each runs the
 * generated kernels through src/numerics and returns the number a tolerance is applied to.
 */
import {
  dormandPrince,
  integrate1d,
  createMesh,
  sampleOnMesh,
  stiffStep,
  moments,
  runGrid,
  l1Distance,
  runNetworkPair,
  CellSample,
  OnProgress,
  GridModel,
  NumericInputError,
  fitPowerLaw,
} from '../../src/numerics/index.ts';
import { limitMacroscopic } from './limit.ts';
import { theta2ClosedForm, thetaRate, integralI } from '../../src/generated/rescaling.ts';
import { originalEquation, rescaledEquation, KineticSetup } from './grid-models.ts';
import { defaultNetwork, fhnStepper } from './network.ts';

/** Max relative error of theta from its ODE (adaptive RK, generated right-hand side) against (1.11) on t in [0, tEnd]. */
export function thetaOdeVsClosedForm(cases: readonly { eps: number; rho: number }[], tEnd = 5): number {
  const times = Array.from({ length: 100 }, (_, i) => ((i + 1) * tEnd) / 100);
  let worst = 0;
  for (const { eps, rho } of cases) {
    const sol = dormandPrince(
      (_t, y, dy) => {
        dy[0] = thetaRate(y[0], eps, rho);
      },
      0,
      [1],
      tEnd,
      { rtol: 1e-13, atol: 1e-15, outputTimes: times },
    );
    sol.values.forEach((y, i) => {
      const exact = Math.sqrt(theta2ClosedForm(sol.times[i], eps, rho));
      worst = Math.max(worst, Math.abs(y[0] - exact) / exact);
    });
  }
  return worst;
}

/** Max relative error of I(t) = ∫_0^t theta^-2 by quadrature against the closed form, for t in (0, tEnd]. */
export function integralQuadratureVsClosedForm(cases: readonly { eps: number; rho: number }[], tEnd = 5): number {
  let worst = 0;
  for (const { eps, rho } of cases)
    for (const t of [0.01, 0.1, 1, tEnd]) {
      const q = integrate1d((s) => 1 / theta2ClosedForm(s, eps, rho), 0, t, { tol: 1e-14 }).value;
      const exact = integralI(t, eps, rho);
      worst = Math.max(worst, Math.abs(q - exact) / Math.abs(exact));
    }
  return worst;
}

/** Max change of the discrete M_rho ⊗ g(w) under one large implicit stiff step (D = 1/theta^2), relative to its peak. */
export function maxwellianSteadyUnderStiffStep(rho: number, theta: number, dt: number): number {
  const mesh = createMesh({ nv: 120, nw: 40, vmin: -6, vmax: 6, wmin: -2, wmax: 2 });
  const f = sampleOnMesh(mesh, (v, w) => Math.sqrt(rho / (2 * Math.PI)) * Math.exp((-rho * v * v) / 2) * Math.exp(-w * w));
  const before = Float64Array.from(f);
  stiffStep(mesh, f, { D: 1 / theta ** 2, alpha: rho, centre: 0 }, dt);
  let worst = 0;
  let peak = 0;
  for (let k = 0; k < f.length; k++) {
    worst = Math.max(worst, Math.abs(f[k] - before[k]));
    peak = Math.max(peak, before[k]);
  }
  return worst / peak;
}

/** Run a grid model; mass drift |mass(T) + outflow - mass(0)| / mass(0) and the largest edge outflow of a box. */
export function massBudget(model: GridModel, tEnd: number, onProgress?: OnProgress): { drift: number; outflow: number } {
  const mass0 = model.boxes.map((f) => moments(model.mesh, f).mass);
  const report = runGrid(model, { tEnd, cfl: 0.9, maxDt: 0.01, onProgress });
  const drift = Math.max(...model.boxes.map((f, k) => Math.abs(moments(model.mesh, f).mass + report.outflow[k] - mass0[k]) / mass0[k]));
  return { drift, outflow: Math.max(...report.outflow) };
}

/** Moments of v and w of each box at the sample times. */
function gridMoments(model: GridModel, times: readonly number[], onProgress?: OnProgress) {
  const out: { meanV: number; meanW: number; varianceV: number }[][] = [];
  runGrid(model, {
    tEnd: times[times.length - 1],
    cfl: 0.9,
    maxDt: 0.01,
    sampleTimes: times,
    onSample: () => out.push(model.boxes.map((f) => moments(model.mesh, f))),
    onProgress,
  });
  return out;
}

/** Mean and standard error (from the spread) of independent replica values. */
function replicaMean(xs: readonly number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, se: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) / xs.length) };
}

/**
 * Particles (OU split, generated kernel) against the grid solution of (1.2). Both sides are
 * Richardson-extrapolated (both schemes are first order): the grid from two meshes, the particles
 * from a run at dt and its companion at 2 dt driven by the same Brownian increments (step
 * doubling), so that both have errors of second order. The particles of a cell are not independent
 * (the stiff coupling conserves their mean, whose noise accumulates like a Brownian motion), so the
 * standard error comes from independent replicas: the largest |replica average - grid| / SE over
 * points of K, sample times, and V, W, Var v, with the time-step and grid corrections reported.
 */
export function particlesVsPde(p: {
  eps: number;
  cells: number;
  replicas: number;
  neuronsPerCell: number;
  nv: number;
  nw: number;
  dt: number;
  times: readonly number[];
  seed: number;
  onProgress?: OnProgress;
}): { value: number; detail: string } {
  const coarse = gridMoments(originalEquation({ eps: p.eps, cells: p.cells, nv: p.nv, nw: p.nw }), p.times, (f) => p.onProgress?.(0.03 * f));
  const fine = gridMoments(originalEquation({ eps: p.eps, cells: p.cells, nv: 2 * p.nv, nw: 2 * p.nw }), p.times, (f) => p.onProgress?.(0.03 + 0.22 * f));
  const keys = ['meanV', 'meanW', 'varianceV'] as const;
  const of = (c: CellSample) => [c.v.mean, c.w.mean, c.v.variance];
  // per replica: values[sample][cell][quantity] of the extrapolation 2 fine - coarse, and of coarse - fine
  const extrapolated: number[][][][] = [];
  const stepError: number[][][][] = [];
  for (let r = 0; r < p.replicas; r++) {
    const net = defaultNetwork({ cells: p.cells, neuronsPerCell: p.neuronsPerCell, seed: p.seed + r });
    const share = (f: number) => p.onProgress?.(0.25 + (0.75 * (r + f)) / p.replicas);
    const pair = runNetworkPair(net, {
      dt: p.dt,
      tEnd: p.times[p.times.length - 1],
      sampleTimes: p.times,
      step: fhnStepper('ou-split', { eps: p.eps }),
      onProgress: share,
    });
    const both = (g: (f: number, c: number) => number) => pair.fine.map((cells, s) => cells.map((c, k) => of(c).map((x, q) => g(x, of(pair.coarse[s][k])[q]))));
    extrapolated.push(both((f, c) => 2 * f - c));
    stepError.push(both((f, c) => c - f));
  }
  let worst = 0;
  let where = '';
  let [gridCorrection, stepCorrection] = [0, 0];
  p.times.forEach((t, s) =>
    keys.forEach((key, q) => {
      for (let k = 0; k < p.cells; k++) {
        const { mean, se } = replicaMean(extrapolated.map((x) => x[s][k][q]));
        const grid = 2 * fine[s][k][key] - coarse[s][k][key];
        gridCorrection = Math.max(gridCorrection, Math.abs(fine[s][k][key] - coarse[s][k][key]));
        stepCorrection = Math.max(stepCorrection, Math.abs(replicaMean(stepError.map((x) => x[s][k][q])).mean));
        const z = Math.abs(mean - grid) / se;
        if (z > worst) {
          worst = z;
          where = `${['V', 'W', 'Var v'][q]} at point ${k} of K, t = ${t}: particles ${mean.toFixed(5)} ± ${se.toExponential(1)}, grid ${grid.toFixed(5)}`;
        }
      }
    }),
  );
  return {
    value: worst,
    detail: `${p.replicas} replicas x ${p.neuronsPerCell} neurons per point of K; worst: ${where}; largest correction of the time step (2 dt - dt) ${stepCorrection.toExponential(1)}, of the grid (fine - coarse) ${gridCorrection.toExponential(1)}`,
  };
}

/** L1 distance between (1.2) and (1.10) mapped back through (1.6), on two grids, and the observed order. */
export function originalVsRescaled(p: { eps: number; cells: number; levels: readonly [number, number][]; tEnd: number; onProgress?: OnProgress }): {
  distances: number[];
  order: number;
} {
  const distances = p.levels.map(([nv, nw], level) => {
    const share = (f: number) => p.onProgress?.((level + f) / p.levels.length);
    const setup = (n: number): KineticSetup => ({ eps: p.eps, cells: p.cells, nv: n, nw });
    const original = originalEquation(setup(nv));
    runGrid(original, { tEnd: p.tEnd, cfl: 0.9, maxDt: 0.01, onProgress: (f) => share(0.3 * f) });
    const rescaled = rescaledEquation(setup(2 * nv)); // the rescaled box is wider in v: same resolution
    runGrid(rescaled, { tEnd: p.tEnd, cfl: 0.9, maxDt: 0.01, onProgress: (f) => share(0.3 + 0.7 * f) });
    return Math.max(...original.boxes.map((f, k) => l1Distance(original.mesh, f, rescaled.toOriginal(k, p.tEnd, original.mesh))));
  });
  if (distances.length < 2) throw new NumericInputError('originalVsRescaled needs at least two grid levels');
  const n = distances.length;
  return { distances, order: Math.log2(distances[n - 2] / distances[n - 1]) };
}

/**
 * sup over t in [0, T] and x of |U^eps - U| (U^eps = (V, W) of (1.10)'s run, following (1.3) with E
 * from nu; U from the limit (1.5)) for each eps, and the least-squares slope in eps; the same errors
 * on the mesh halved in each direction estimate the grid error of each (first order: their difference).
 */
export function macroscopicLimitRate(p: { eps: readonly number[]; cells: number; nv: number; nw: number; tEnd: number; onProgress?: OnProgress }) {
  const times = Array.from({ length: 10 }, (_, i) => ((i + 1) * p.tEnd) / 10);
  const runs = p.eps.length * (1 + 1 / 8); // the halved mesh costs an eighth (a quarter of the cells, twice the step)
  let done = 0;
  const supError = (eps: number, nv: number, nw: number, cost: number) => {
    const model = rescaledEquation({ eps, cells: p.cells, nv, nw });
    const limit = limitMacroscopic(model.cells, times);
    let worst = 0;
    let sample = 0;
    runGrid(model, {
      tEnd: p.tEnd,
      cfl: 0.9,
      maxDt: 0.01,
      sampleTimes: times,
      onSample: () => {
        model.cells.forEach((_, k) => (worst = Math.max(worst, Math.abs(model.V[k] - limit[sample][k][0]), Math.abs(model.W[k] - limit[sample][k][1]))));
        sample++;
      },
      onProgress: (f) => p.onProgress?.((done + cost * f) / runs),
    });
    done += cost;
    return worst;
  };
  const errors = p.eps.map((eps) => supError(eps, p.nv, p.nw, 1));
  const gridErrors = p.eps.map((eps, e) => Math.abs(supError(eps, p.nv / 2, p.nw / 2, 1 / 8) - errors[e]));
  return { errors, gridErrors, fit: fitPowerLaw(p.eps, errors) };
}

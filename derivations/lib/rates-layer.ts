/**
 * The initial layers in time: (1.10) run through its layer (t up to a few T^eps of (3.6)) at points
 * of K where rho0 is below, near and above 1 (rho0 = 0.4 = m*, 1, 1.6), with steps that follow the
 * layer (dt proportional to eps), recording against s = t/eps the quantities whose exponents the
 * paper states: D_q[mu^eps] - theta^q ∫|v|^q M_rho0 (Theorem 2.7 (3), exp(-q m* t/eps)),
 * E(mu^eps) minus its profile value (Theorem 2.7 (4), exp(-2 m* t/eps)) and ||nu_perp||_{L^2(m^eps)}
 * (Proposition 4.10, exp(-alpha* t/eps) after T^eps). With `stiffOnly` the transport is switched
 * off: the Ornstein–Uhlenbeck relaxation alone, whose rates are known exactly (k rho0 for the k-th
 * Hermite mode), validates the measurement. Runs in a worker thread.
 */
import { runSplitGrid, NetworkCell, OnProgress } from '../../src/numerics/index.ts';
import { zFrameEquation, correlatedInitialDensity } from './rates-model.ts';
import { centredMoment, errorTermAndProfile, perpNorm } from './rates-observe.ts';
import { initialData, initialDensity } from './fhn.ts';

/** rho0(x) = 1 + 0.6 cos(3 pi (x - 1/6) / 2) on K = [0, 1]: 1.6, 1 and m* = 0.4 (its minimum) at the points 1/6, 1/2, 5/6. */
export const layerDensity = (x: number): number => 1 + 0.6 * Math.cos((3 * Math.PI * (x - 1 / 6)) / 2);

/** The three points of K of the layer study (midpoints of thirds), with rho0 = 1.6, 1, 0.4. */
export function layerCells(): NetworkCell[] {
  return [1 / 6, 1 / 2, 5 / 6].map((x) => ({ x, measure: 1 / 3, rho0: layerDensity(x) }));
}

/** m* = min rho0 of the layer study, attained at x = 5/6. */
export const LAYER_M_STAR = 0.4;

/** Initial data of the layer study: fhn.ts's product data (bimodal in v), or correlated (correlatedInitialDensity: first Hermite mode, even in w). */
export type LayerData = 'product' | 'correlated';

/** beta of the correlated data: the v-mean moves by beta (sqrt 2 exp(-w^2 / (2 sdW^2)) - 1), between -beta and 0.41 beta. */
export const CORRELATION = 1.5;

/** The quantities recorded, by name. */
export const LAYER_QUANTITIES = ['D2', 'D4', 'D6', 'E', 'perp'] as const;
export type LayerQuantity = (typeof LAYER_QUANTITIES)[number];

/** One run of the layer study. */
export interface LayerTask {
  readonly eps: number;
  readonly data: LayerData;
  readonly stiffOnly: boolean;
  /** dt = gamma eps. */
  readonly gamma: number;
  readonly nv: number;
  readonly nz: number;
  /** Samples every ds in s = t/eps, up to sEnd. */
  readonly ds: number;
  readonly sEnd: number;
}

/** The recorded series: s, and per point of K and quantity, |quantity - profile value| at each s. */
export interface LayerSeries {
  readonly task: LayerTask;
  readonly points: { x: number; rho0: number }[];
  readonly s: number[];
  readonly values: Record<LayerQuantity, number[]>[];
  readonly steps: number;
}

/** The layer end T^eps of (3.6) with m* replaced by rho0 at the point, in units of eps: |ln eps| / (2 rho0). */
export const layerEnd = (eps: number, rho0: number): number => Math.abs(Math.log(eps)) / (2 * rho0);

/** Run one layer task and record every quantity at every sample. */
export function layerRun(task: LayerTask, onProgress?: OnProgress): LayerSeries {
  const cells = layerCells();
  const sd = initialData.sdW;
  // shift(w) = beta (sqrt 2 exp(-w^2 / (2 sdW^2)) - 1): bounded, even in w, mean zero under the w-law (so V0 stays the mean)
  const initial =
    task.data === 'correlated'
      ? correlatedInitialDensity(layerDensity, (w) => CORRELATION * (Math.SQRT2 * Math.exp(-(w * w) / (2 * sd * sd)) - 1))
      : initialDensity;
  const model = zFrameEquation({ eps: task.eps, cells, nv: task.nv, nz: task.nz, initial, stiffOnly: task.stiffOnly });
  const samples = Math.round(task.sEnd / task.ds);
  const times = Array.from({ length: samples }, (_, i) => (i + 1) * task.ds * task.eps);
  const s: number[] = [];
  const values = cells.map(() => Object.fromEntries(LAYER_QUANTITIES.map((q) => [q, [] as number[]])) as Record<LayerQuantity, number[]>);
  const record = (t: number) => {
    s.push(t / task.eps);
    cells.forEach((_, k) => {
      for (const [name, q] of [
        ['D2', 2],
        ['D4', 4],
        ['D6', 6],
      ] as const) {
        const m = centredMoment(model, k, t, q);
        values[k][name].push(Math.abs(m.value - m.profile));
      }
      const e = errorTermAndProfile(model, k, t);
      values[k].E.push(Math.abs(e.value - e.profile));
      values[k].perp.push(perpNorm(model, k, t));
    });
  };
  record(0);
  const report = runSplitGrid(model, {
    tEnd: times[times.length - 1],
    sampleTimes: times,
    onSample: record,
    onProgress,
    stepSize: () => task.gamma * task.eps,
  });
  // the marginal must not have left the box (a check of the z-range)
  const lost = Math.max(...report.outflow);
  if (lost > 1e-5) throw new Error(`layer run lost mass ${lost} through the box edges (eps = ${task.eps})`);
  return { task, points: cells.map((c) => ({ x: c.x, rho0: c.rho0 })), s, values, steps: report.steps };
}

/**
 * The exponents in time of the initial layers, measured: for each recorded quantity of the layer
 * study (rates-layer.ts) and each point of K, the rate c of exp(-c t/eps) fitted by least squares
 * on ln(quantity) against s = t/eps over the window where the layer dominates, at two step sizes
 * (Richardson removes the first-order bias of the backward-Euler stiff step), with the window's
 * sensitivity (a quarter cut off either end). Then compared with the exact rate of the
 * Ornstein–Uhlenbeck relaxation (validation) or with the exponent the paper prints.
 */
import { fitExponentialDecay } from '../../src/numerics/index.ts';
import { defaultAdaptation, initialData } from './fhn.ts';
import { LAYER_M_STAR, LayerQuantity, LayerSeries, layerEnd } from './rates-layer.ts';

/** The exponent the paper prints for each quantity, and where. */
export const PRINTED_EXPONENTS: Record<LayerQuantity, { statement: string; printed: string; value: (mStar: number) => number | null }> = {
  D2: { statement: 'Theorem 2.7 (3), q = 2', printed: 'exp(-2 m* t/eps)', value: (m) => 2 * m },
  D4: { statement: 'Theorem 2.7 (3), q = 4', printed: 'exp(-4 m* t/eps)', value: (m) => 4 * m },
  D6: { statement: 'Theorem 2.7 (3), q = 6 = 2p', printed: 'exp(-6 m* t/eps)', value: (m) => 6 * m },
  E: { statement: 'Theorem 2.7 (4)', printed: 'exp(-2 m* t/eps)', value: (m) => 2 * m },
  perp: { statement: 'Proposition 4.10, Theorem 4.1 (2)', printed: 'exp(-alpha* t/eps) after T^eps, alpha* in (0, 1 - 1/(2 b kappa))', value: () => null },
};

/**
 * The largest kappa the data allow: the w-law N(W0, sdW^2) has nu0^2 mbar integrable only for
 * kappa < 2 / sdW^2, so the admissible alpha* stay below 1 - 1/(2 b kappa) < 1 - sdW^2 / (4 b).
 */
export const ALPHA_MAX = 1 - initialData.sdW ** 2 / (4 * defaultAdaptation.b);

/** A fit on a window of s = t/eps. */
export interface WindowFit {
  readonly window: [number, number];
  readonly rate: number;
  readonly rate95: number;
  readonly points: number;
}

/** One measured exponent. */
export interface MeasuredExponent {
  readonly quantity: LayerQuantity;
  readonly eps: number;
  readonly data: string;
  readonly stiffOnly: boolean;
  readonly rho0: number;
  /** The fit on the finer run, or null when the window is too short (the quantity reaches its floor first). */
  readonly fine: WindowFit | null;
  readonly coarseRate: number | null;
  /** 2 c(dt/2) - c(dt). */
  readonly rate: number | null;
  /** Largest change of the rate when a quarter of the window is cut off either end. */
  readonly sensitivity: number | null;
  /** 95% half-width + |Richardson correction| + sensitivity. */
  readonly uncertainty: number | null;
  /** The exact (OU) or printed exponent it is compared with. */
  readonly reference: number | null;
  readonly verdict: string;
  /** Why there is no measurement, when there is none. */
  readonly note?: string;
}

/** The window of s where the layer dominates, for a quantity at a point with density rho0 (see the module doc). */
export function layerWindow(q: LayerQuantity, s: readonly number[], values: readonly number[], eps: number, rho0: number): [number, number] | null {
  // the floor: the last value, or round-off (1e-10 of the largest value) when the layer decays to it
  const floor = Math.max(values[values.length - 1], 1e-10 * Math.max(...values));
  const factor = q === 'perp' ? 10 : 30;
  const start = q === 'perp' ? layerEnd(eps, rho0) + 2.5 / rho0 : q === 'D2' || q === 'E' ? 0.5 / rho0 : 0.25 / rho0;
  const capped = q === 'D4' || q === 'D6' ? layerEnd(eps, rho0) - 2 / rho0 : Number.POSITIVE_INFINITY;
  let end = start;
  for (let i = 0; i < s.length; i++) {
    if (s[i] < start) continue;
    if (!(values[i] > factor * floor) || s[i] > capped) break;
    end = s[i];
  }
  return end > start ? [start, end] : null;
}

/** The least-squares rate on [s0, s1]; null with fewer than 8 samples or less than one e-fold of decay. */
export function fitWindow(s: readonly number[], values: readonly number[], window: [number, number]): WindowFit | null {
  const idx = s.map((_, i) => i).filter((i) => s[i] >= window[0] - 1e-12 && s[i] <= window[1] + 1e-12 && values[i] > 0);
  if (idx.length < 8) return null;
  const fit = fitExponentialDecay(
    idx.map((i) => s[i]),
    idx.map((i) => values[i]),
  );
  if (fit.rate * (window[1] - window[0]) < 1) return null;
  return { window, rate: fit.rate, rate95: fit.rate95, points: fit.points };
}

/** Measure one quantity at one point from the coarse and fine runs of the same task. */
export function measureExponent(
  q: LayerQuantity,
  k: number,
  coarse: LayerSeries,
  fine: LayerSeries,
  reference: number | null,
  judge: (rate: number, uncertainty: number) => string,
): MeasuredExponent {
  const { eps, data, stiffOnly } = fine.task;
  const rho0 = fine.points[k].rho0;
  const base = { quantity: q, eps, data, stiffOnly, rho0, reference };
  const window = layerWindow(q, fine.s, fine.values[k][q], eps, rho0);
  const fineFit = window && fitWindow(fine.s, fine.values[k][q], window);
  const coarseFit = window && fitWindow(coarse.s, coarse.values[k][q], window);
  if (!window || !fineFit || !coarseFit) {
    const note = `not measurable at eps = ${eps}: the quantity reaches its floor (${fine.values[k][q].at(-1)?.toExponential(1)}) before the window opens`;
    return { ...base, fine: null, coarseRate: null, rate: null, sensitivity: null, uncertainty: null, verdict: 'not measured', note };
  }
  const rate = 2 * fineFit.rate - coarseFit.rate;
  const length = window[1] - window[0];
  const cuts = [
    [window[0] + length / 4, window[1]],
    [window[0], window[1] - length / 4],
  ] as [number, number][];
  const sensitivity = Math.max(
    0,
    ...cuts
      .map((w) => fitWindow(fine.s, fine.values[k][q], w))
      .filter((f): f is WindowFit => f !== null)
      .map((f) => Math.abs(f.rate - fineFit.rate)),
  );
  const uncertainty = fineFit.rate95 + Math.abs(rate - fineFit.rate) + sensitivity;
  return { ...base, fine: fineFit, coarseRate: coarseFit.rate, rate, sensitivity, uncertainty, verdict: judge(rate, uncertainty) };
}

/** The tolerance of a comparison: the measurement's uncertainty, at least 2% of the reference. */
const margin = (uncertainty: number, reference: number) => Math.max(uncertainty, 0.02 * Math.abs(reference));

/** Validation against the exact OU rate: within the uncertainty (at least 2%). */
export function judgeExact(exact: number) {
  return (rate: number, uncertainty: number): string =>
    Math.abs(rate - exact) <= margin(uncertainty, exact)
      ? `validated (exact ${exact.toFixed(3)})`
      : `FAILED: measured ${rate.toFixed(3)}, exact ${exact.toFixed(3)}`;
}

/** Against a printed exponent c_p of a bound exp(-c_p t/eps): sharp, consistent (decays faster) or contradicted (decays slower). */
export function judgePrinted(printed: number) {
  return (rate: number, uncertainty: number): string => {
    const m = margin(uncertainty, printed);
    if (Math.abs(rate - printed) <= m) return `sharp (printed ${printed.toFixed(3)})`;
    if (rate > printed) return `consistent: decays faster than the printed ${printed.toFixed(3)}`;
    return `contradicts the printed statement: decays at ${rate.toFixed(3)} < printed ${printed.toFixed(3)}`;
  };
}

/** Against alpha* in (0, ALPHA_MAX): contradicted when the measured rate is below ALPHA_MAX, sharp when it equals sup alpha* = 1. */
export function judgeAlpha(rate: number, uncertainty: number): string {
  const m = margin(uncertainty, ALPHA_MAX);
  if (rate + m < ALPHA_MAX)
    return `contradicts the printed statement for alpha* in (${rate.toFixed(3)}, ${ALPHA_MAX.toFixed(4)}): nu_perp decays at ${rate.toFixed(3)}`;
  if (Math.abs(rate - 1) <= m) return 'sharp: the rate equals sup alpha* = 1 (kappa -> infinity)';
  return `consistent: every admissible alpha* < ${ALPHA_MAX.toFixed(4)} is below the measured rate`;
}

/** The exact Ornstein–Uhlenbeck rate of a quantity: the lowest Hermite mode it sees times rho0 (perp: mode 1 for correlated data, 2 otherwise). */
export function exactOuRate(q: LayerQuantity, data: string, rho0: number): number {
  if (q === 'perp') return (data === 'correlated' ? 1 : 2) * rho0;
  return (q === 'D4' ? 4 : q === 'D6' ? 6 : 2) * rho0;
}

/** Every exponent of a pair of runs (same task at dt and dt/2): validated against OU when stiffOnly, else judged against the paper. */
export function measureAll(coarse: LayerSeries, fine: LayerSeries, quantities: readonly LayerQuantity[]): MeasuredExponent[] {
  return fine.points.flatMap((p, k) =>
    quantities.map((q) => {
      if (fine.task.stiffOnly) {
        const exact = exactOuRate(q, fine.task.data, p.rho0);
        return measureExponent(q, k, coarse, fine, exact, judgeExact(exact));
      }
      const printed = PRINTED_EXPONENTS[q].value(LAYER_M_STAR);
      return printed === null
        ? measureExponent(q, k, coarse, fine, ALPHA_MAX, judgeAlpha)
        : measureExponent(q, k, coarse, fine, printed, judgePrinted(printed));
    }),
  );
}

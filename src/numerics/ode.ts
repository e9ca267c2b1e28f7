/**
 * ODE integrators: adaptive Dormand–Prince 5(4) with error control, stepping exactly onto each
 * requested output time, and the classical fixed-step RK4 (for coupled systems on a fixed grid).
 */
import { NumericInputError, requireAllFinite, requireFinite, requireIncreasingWithin, requireInteger, requirePositive } from './validate.ts';
import { OnProgress, noProgress } from './progress.ts';

/** y' = f(t, y), written into dy. */
export type OdeRhs = (t: number, y: Float64Array, dy: Float64Array) => void;

/** Tolerances and limits of the adaptive integrator. */
export interface DopriOptions {
  readonly rtol?: number;
  readonly atol?: number;
  /** Times (increasing, in (t0, tEnd]) at which the solution is returned; tEnd alone by default. */
  readonly outputTimes?: readonly number[];
  /** Accepted plus rejected steps allowed before giving up (default 1e6). */
  readonly maxSteps?: number;
  readonly initialStep?: number;
  /** Called with the fraction of [t0, tEnd] done after accepted steps. */
  readonly onProgress?: OnProgress;
}

/** The solution at the output times and the cost of getting there. */
export interface OdeSolution {
  readonly times: number[];
  readonly values: Float64Array[];
  readonly steps: number;
  readonly rejected: number;
  readonly evaluations: number;
}

// Dormand–Prince 5(4) tableau
const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
const B5 = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0];
const B4 = [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40];
const E = B5.map((b, i) => b - B4[i]);

/** Refuse a non-finite vector (the right-hand side, the solution), naming the time and the component. */
function requireFiniteAt(what: string, t: number, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new NumericInputError(`${what} is not finite at t = ${t} (component ${i}: ${y[i]})`);
}

/** The checked start of an integration on [t0, tEnd] from y0. */
function checkedStart(t0: number, y0: ArrayLike<number>, tEnd: number): Float64Array {
  requireFinite('t0', t0);
  requireFinite('tEnd', tEnd);
  if (!(tEnd > t0)) throw new NumericInputError(`tEnd must be > t0, got t0 = ${t0}, tEnd = ${tEnd}`);
  requireAllFinite('y0', y0);
  return Float64Array.from(y0);
}

/** Integrate y' = f(t, y) from (t0, y0) to tEnd with adaptive Dormand–Prince 5(4); the values at the output times. */
export function dormandPrince(rhs: OdeRhs, t0: number, y0: ArrayLike<number>, tEnd: number, options: DopriOptions = {}): OdeSolution {
  let y = checkedStart(t0, y0, tEnd);
  const rtol = requirePositive('rtol', options.rtol ?? 1e-10);
  const atol = requirePositive('atol', options.atol ?? 1e-12);
  const outputs = [...(options.outputTimes ?? [tEnd])];
  requireIncreasingWithin('outputTimes', outputs, t0, tEnd);
  const maxSteps = requireInteger('maxSteps', options.maxSteps ?? 1_000_000, 1);
  const progress = options.onProgress ?? noProgress;
  const n = y0.length;
  const k = Array.from({ length: 7 }, () => new Float64Array(n));
  const stage = new Float64Array(n);
  const y5 = new Float64Array(n);
  const times: number[] = [];
  const values: Float64Array[] = [];
  let t = t0;
  let h = requirePositive('initialStep', options.initialStep ?? Math.min(1e-3 * (tEnd - t0), 1e-2));
  let steps = 0;
  let rejected = 0;
  let evaluations = 0;
  const evalAt = (tt: number, yy: Float64Array, out: Float64Array) => {
    rhs(tt, yy, out);
    evaluations++;
    requireFiniteAt('the right-hand side', tt, out);
  };
  evalAt(t, y, k[0]);
  for (const target of outputs) {
    while (t < target) {
      if (steps + rejected >= maxSteps)
        throw new NumericInputError(`dormandPrince: more than ${maxSteps} steps before t = ${target} (reached t = ${t}); the problem may be stiff`);
      const last = t + h >= target;
      const hh = last ? target - t : h;
      if (!(t + hh > t)) throw new NumericInputError(`dormandPrince: the step size underflowed to ${hh} at t = ${t}; the solution may blow up there`);
      for (let s = 1; s < 7; s++) {
        for (let i = 0; i < n; i++) {
          let acc = y[i];
          for (let j = 0; j < s; j++) acc += hh * A[s][j] * k[j][i];
          stage[i] = acc;
        }
        evalAt(t + C[s] * hh, stage, k[s]);
        if (s === 6) y5.set(stage);
      }
      let err = 0;
      for (let i = 0; i < n; i++) {
        let e = 0;
        for (let s = 0; s < 7; s++) e += E[s] * k[s][i];
        const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y5[i]));
        err = Math.max(err, Math.abs(hh * e) / scale);
      }
      const factor = Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
      if (err <= 1) {
        t = last ? target : t + hh;
        y = Float64Array.from(y5);
        k[0].set(k[6]); // first same as last
        steps++;
        if (!last) h = hh * factor;
        progress((t - t0) / (tEnd - t0));
      } else {
        rejected++;
        h = hh * factor;
      }
    }
    times.push(t);
    values.push(Float64Array.from(y));
  }
  return { times, values, steps, rejected, evaluations };
}

/** A classical RK4 stepper for systems of size n: step(rhs, t, y, h) advances y in place (scratch allocated once). */
export function rk4Stepper(n: number): (rhs: OdeRhs, t: number, y: Float64Array, h: number) => void {
  const k1 = new Float64Array(n),
    k2 = new Float64Array(n),
    k3 = new Float64Array(n),
    k4 = new Float64Array(n),
    s = new Float64Array(n);
  return (rhs, t, y, h) => {
    rhs(t, y, k1);
    for (let i = 0; i < n; i++) s[i] = y[i] + 0.5 * h * k1[i];
    rhs(t + 0.5 * h, s, k2);
    for (let i = 0; i < n; i++) s[i] = y[i] + 0.5 * h * k2[i];
    rhs(t + 0.5 * h, s, k3);
    for (let i = 0; i < n; i++) s[i] = y[i] + h * k3[i];
    rhs(t + h, s, k4);
    for (let i = 0; i < n; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  };
}

/** y(tEnd) by `steps` classical RK4 steps of equal size from (t0, y0); refuses a non-finite state, naming the time. */
export function integrateRk4(rhs: OdeRhs, t0: number, y0: ArrayLike<number>, tEnd: number, steps: number, onProgress: OnProgress = noProgress): Float64Array {
  const y = checkedStart(t0, y0, tEnd);
  requireInteger('steps', steps, 1);
  const step = rk4Stepper(y.length);
  const h = (tEnd - t0) / steps;
  for (let s = 0; s < steps; s++) {
    step(rhs, t0 + s * h, y, h);
    requireFiniteAt('the solution', t0 + (s + 1) * h, y);
    onProgress((s + 1) / steps);
  }
  return y;
}

/**
 * The time grid of a run and its companion: every run is a pair stepped in lockstep, a fine run
 * of step h and a coarse run of step 2h driven by the same Brownian increments, so their
 * difference estimates the time-step error (step doubling). The reported run is the fine one at
 * the user's dt when the number of steps is even; with an odd number (one step of 10, say) the
 * reported run is the coarse one and the fine one takes dt / 2.
 */
import { NumericInputError } from '../numerics/validate.ts';
import { requireCount, stepCount } from './limits.ts';

/** Steps, the pair's step sizes, and the coarse steps at which observables are taken. */
export interface TimePlan {
  readonly dt: number;
  readonly steps: number;
  /** doubling: the reported run is the fine one (h = dt); halving: the coarse one (2h = dt). */
  readonly mode: 'doubling' | 'halving';
  readonly h: number;
  /** Coarse steps of 2h in [0, t]. */
  readonly coarseSteps: number;
  /** The coarse step indices (1..coarseSteps) of the output times. */
  readonly sampleSteps: readonly number[];
  readonly times: readonly number[];
  /** Why the output times differ from the `samples` equally spaced ones asked for (absent when they do not). */
  readonly note?: string;
}

/**
 * The plan for a horizon t, step dt and `samples` output times (the last at t). `halving` forces
 * the companion run to dt / 2 (when 2 dt would be past a stability bound).
 */
export function timePlan(
  t: number,
  dt: number,
  samples: number,
  names: { t: string; dt: string; samples: string },
  maxSteps?: number,
  halving = false,
): TimePlan {
  const steps = stepCount(t, dt, names, maxSteps);
  requireCount(names.samples, samples, 1, 10_000);
  const mode = steps % 2 === 0 && !halving ? 'doubling' : 'halving';
  const h = mode === 'doubling' ? dt : dt / 2;
  const coarseSteps = mode === 'doubling' ? steps / 2 : steps;
  const stride = Math.max(1, Math.round(coarseSteps / samples));
  const sampleSteps: number[] = [];
  for (let c = stride; c < coarseSteps; c += stride) sampleSteps.push(c);
  sampleSteps.push(coarseSteps);
  if (sampleSteps.length > 10_000) throw new NumericInputError(`${names.samples}: ${sampleSteps.length} output times is too many`);
  const times = sampleSteps.map((c) => (c === coarseSteps ? t : c * 2 * h));
  const even = times.every((x, i) => Math.abs(x - ((i + 1) * t) / samples) <= 1e-9 * t);
  const note =
    times.length === samples && even
      ? undefined
      : `${names.samples}: ${samples} output time(s) asked, ${times.length} written (t = ${times.map((x) => Number(x.toPrecision(6))).join(', ')}): output times fall on the steps of the companion run (${mode === 'doubling' ? `2 ${names.dt}` : names.dt} = ${2 * h}, ${coarseSteps} step(s) to ${names.t} = ${t}), every ${stride} of them`;
  return { dt, steps, mode, h, coarseSteps, sampleSteps, times, ...(note ? { note } : {}) };
}

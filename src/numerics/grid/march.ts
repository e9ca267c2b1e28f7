/**
 * The time loop the grid runners share: from t = 0 through the sample times to tEnd, each sample
 * time hit exactly (a step that would land within round-off of it lands on it), progress reported
 * every 20 steps, a callback at each sample time.
 */
import { OnProgress, noProgress } from '../progress.ts';

/** Where to stop and whom to tell. */
export interface MarchSpec {
  readonly tEnd: number;
  readonly sampleTimes?: readonly number[];
  readonly onSample?: (t: number) => void;
  readonly onProgress?: OnProgress;
}

/** What the loop did: steps taken, the smallest and largest step. */
export interface MarchReport {
  readonly steps: number;
  readonly minDt: number;
  readonly maxDt: number;
}

/** True when t + dt is within round-off of stop. */
export const reaches = (t: number, dt: number, stop: number): boolean => stop - t - dt <= 1e-14 * Math.max(1, stop);

/**
 * Run `step(t, stop, steps)` until tEnd: it takes one step from t (at most to stop) and returns the
 * dt it took; `atStop(t)` runs at each sample time before onSample (checks of the state).
 */
export function marchToStops(spec: MarchSpec, step: (t: number, stop: number, steps: number) => number, atStop?: (t: number) => void): MarchReport {
  const stops = [...(spec.sampleTimes ?? []), spec.tEnd].filter((t, i, a) => t <= spec.tEnd && a.indexOf(t) === i).sort((a, b) => a - b);
  const progress = spec.onProgress ?? noProgress;
  let t = 0;
  let steps = 0;
  let minDt = Number.POSITIVE_INFINITY;
  let maxDt = 0;
  for (const stop of stops) {
    while (t < stop - 1e-14 * Math.max(1, stop)) {
      const dt = step(t, stop, steps);
      t = reaches(t, dt, stop) ? stop : t + dt;
      minDt = Math.min(minDt, dt);
      maxDt = Math.max(maxDt, dt);
      steps++;
      if (steps % 20 === 0) progress(t / spec.tEnd);
    }
    atStop?.(t);
    spec.onSample?.(t);
  }
  progress(1);
  return { steps, minDt, maxDt };
}

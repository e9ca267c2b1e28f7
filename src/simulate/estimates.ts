/**
 * No number without its error: the reported values of every observable with their estimated
 * errors, from the runs a method made. Statistical: the standard error over independent
 * replicas. Time step: the fine/coarse difference of each replica, averaged (plus two standard
 * errors of that average, which guards against a lucky small difference), divided by 2^p - 1 for
 * the fine run or multiplied by 2^p / (2^p - 1) for the coarse one, p the scheme's weak order,
 * times a safety factor 1.5 (before the asymptotic regime the error ratio of the pair is below 2^p).
 * Grid: twice the change on the refined mesh (the Richardson estimate of the base mesh's error
 * for a first-order scheme: conservative, the transport is second order where the limiter
 * allows). An observable whose error exceeds
 * absolute + relative * max_t |value| (or whose statistical error could not be estimated) is flagged.
 */
import type { PairSamples } from './run/particleRunner.ts';
import type { TimePlan } from './timeplan.ts';

/** One observable over time with its errors. */
export interface ObservableSeries {
  readonly t: number[];
  readonly value: number[];
  /** Standard error over replicas (0 for a deterministic method; null when it could not be estimated). */
  readonly stderr: (number | null)[];
  readonly timeStepError: number[];
  /** Twice the change on the refined grid (null when not measured). */
  readonly gridError: number[] | null;
  /** Why this observable is beyond the tolerance (absent when within). */
  readonly flag?: string;
}

/** The largest error of each kind over every observable and time (null: not estimated). */
export interface ErrorSummary {
  readonly timeStep: number;
  readonly statistical: number | null;
  readonly grid: number | null;
}

/** Tolerance: estimated error <= absolute + relative * max_t |value|. */
export interface Tolerance {
  readonly relative: number;
  readonly absolute: number;
}

/** What the runs produced: per replica the fine/coarse samples, optionally the refined values. */
export interface RunSamples {
  readonly replicas: readonly PairSamples[];
  readonly refined?: readonly number[][];
  readonly weakOrder: number;
  readonly deterministic: boolean;
}

/** The safety factor on the step-doubling estimate. */
export const TIME_STEP_SAFETY = 1.5;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const standardError = (xs: readonly number[]) => {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

/** The observables with their errors and flags, and the summary of the errors. */
export function estimateErrors(
  names: readonly string[],
  plan: TimePlan,
  runs: RunSamples,
  tolerance: Tolerance,
): { observables: Record<string, ObservableSeries>; errors: ErrorSummary; flagged: string[] } {
  const p = runs.weakOrder;
  const factor = plan.mode === 'doubling' ? 1 / (2 ** p - 1) : 2 ** p / (2 ** p - 1);
  const observables: Record<string, ObservableSeries> = {};
  const flagged: string[] = [];
  let [worstTime, worstStat, worstGrid] = [0, 0 as number | null, runs.refined ? 0 : (null as number | null)];
  names.forEach((name, o) => {
    const at = (s: number) => {
      const reported = runs.replicas.map((r) => (plan.mode === 'doubling' ? r.fine : r.coarse)[s][o]);
      const diffs = runs.replicas.map((r) => r.coarse[s][o] - r.fine[s][o]);
      const value = mean(reported);
      const stderr = runs.deterministic ? 0 : standardError(reported);
      const diffError = runs.deterministic ? 0 : (standardError(diffs) ?? 0);
      const timeStep = TIME_STEP_SAFETY * (Math.abs(mean(diffs)) + 2 * diffError) * factor;
      const grid = runs.refined ? 2 * Math.abs(runs.refined[s][o] - value) : null;
      return { value, stderr, timeStep, grid };
    };
    const rows = plan.times.map((_, s) => at(s));
    const scale = Math.max(...rows.map((r) => Math.abs(r.value)));
    const limit = tolerance.absolute + tolerance.relative * scale;
    const worst = Math.max(...rows.map((r) => r.timeStep + (r.grid ?? 0) + 2 * (r.stderr ?? 0)));
    const noStat = rows.some((r) => r.stderr === null);
    const flag = noStat
      ? 'statistical error not estimated (one replica)'
      : worst > limit
        ? `estimated error ${worst.toExponential(2)} > tolerance ${limit.toExponential(2)}`
        : undefined;
    if (flag) flagged.push(name);
    worstTime = Math.max(worstTime, ...rows.map((r) => r.timeStep));
    if (worstStat !== null && !noStat) worstStat = Math.max(worstStat, ...rows.map((r) => r.stderr ?? 0));
    if (noStat) worstStat = null;
    if (worstGrid !== null) worstGrid = Math.max(worstGrid, ...rows.map((r) => r.grid ?? 0));
    observables[name] = {
      t: [...plan.times],
      value: rows.map((r) => r.value),
      stderr: rows.map((r) => r.stderr),
      timeStepError: rows.map((r) => r.timeStep),
      gridError: runs.refined ? rows.map((r) => r.grid as number) : null,
      ...(flag ? { flag } : {}),
    };
  });
  return { observables, errors: { timeStep: worstTime, statistical: worstStat, grid: worstGrid }, flagged };
}

/** Progress of long runs: a bar on stderr when it is a terminal, one closing line otherwise. */
import { NumericInputError } from './validate.ts';

/** A progress callback: fraction done in [0, 1]. */
export type OnProgress = (fraction: number) => void;

/** Does nothing (the default for library calls). */
export const noProgress: OnProgress = () => {};

/** Where a bar is drawn (process.stderr by default) and how often it may be redrawn. */
export interface ProgressBarOptions {
  readonly stream?: { readonly isTTY?: boolean; write(text: string): unknown };
  /** Minimum time between two redraws (default 100 ms). */
  readonly minIntervalMs?: number;
  /** Milliseconds since some origin (default Date.now). */
  readonly clock?: () => number;
}

const BAR_WIDTH = 30;

/** `label [#####.....]  42%` for a fraction in [0, 1]. */
export function formatProgress(label: string, fraction: number): string {
  return `${label} [${'#'.repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}%`;
}

/**
 * A progress bar `label [#####.....] 42%`: on a terminal redrawn in place at most every
 * minIntervalMs; otherwise silent until a single final line at 100% (with the elapsed time).
 * A non-finite fraction is a caller's bug and is refused.
 */
export function progressBar(label: string, options: ProgressBarOptions = {}): OnProgress {
  const stream = options.stream ?? process.stderr;
  const clock = options.clock ?? Date.now;
  const minInterval = options.minIntervalMs ?? 100;
  const start = clock();
  let lastDraw = -Infinity;
  let done = false;
  return (fraction) => {
    if (!Number.isFinite(fraction)) throw new NumericInputError(`progress fraction of "${label}" must be a finite number, got ${fraction}`);
    if (done) return;
    const f = Math.max(0, Math.min(1, fraction));
    const now = clock();
    if (f >= 1) {
      done = true;
      stream.write(`${stream.isTTY ? '\r' : ''}${formatProgress(label, 1)} (${((now - start) / 1000).toFixed(1)} s)\n`);
    } else if (stream.isTTY && now - lastDraw >= minInterval) {
      lastDraw = now;
      stream.write(`\r${formatProgress(label, f)}`);
    }
  };
}

/** The part [from, to] of a parent's progress: fraction f of this part reports from + f (to - from). */
export function progressSlice(parent: OnProgress, from: number, to: number): OnProgress {
  if (!(from >= 0 && to <= 1 && from <= to)) throw new NumericInputError(`progress slice [${from}, ${to}] must lie within [0, 1]`);
  return (f) => parent(from + Math.max(0, Math.min(1, f)) * (to - from));
}

/**
 * Running derivation files on worker threads (run.ts prints and writes what they give). Kept free
 * of the engine: a command imports this first, so the workers start loading while its own thread
 * loads the engine and the report.
 */
import { availableParallelism } from 'node:os';
import type { DerivationResult } from '../verify/index.ts';
import type { Notation } from '../report/index.ts';
import { RunnerSlot, DEFAULT_CLAIM_TIMEOUT_MS, BODY_ALLOWANCE, FROM_SOURCE } from './isolated.ts';
import type { CrossCheckStore, DerivationTaskResult } from './derivationTask.ts';
import { mergeReplays, ReplayQueue } from './sharedChecks.ts';

/** A derivation that ran, or the error that stopped it. */
export interface DerivationRun {
  readonly file: string;
  readonly derivation?: DerivationResult;
  readonly error?: string;
  readonly ms: number;
  /** The notation the file declared (its `notation` export). */
  readonly notation?: Notation;
}

/** How files are run: the allowance of one claim (a claim that overruns it gets a `timeout` verdict), and how many files at once. */
export interface RunOptions {
  readonly claimTimeoutMs?: number;
  /** The allowance of the code between two claims (steps, cross-checks); default 10 claim timeouts. */
  readonly bodyTimeoutMs?: number;
  /** Files run at the same time, each on its own worker thread (default: one per core); 0: in this process, without the watchdog. */
  readonly threads?: number;
  /** Where passing numeric cross-checks are kept for these exact sources (the paper command's cache; none: every check runs). */
  readonly crossChecks?: CrossCheckStore;
}

/**
 * Run every file on worker threads (a claim that does not end is stopped after the claim timeout,
 * and the file replayed without it); a file that throws is reported as a failed pseudo-claim,
 * never skipped. A file that allows several replays (its `crossCheckReplays` export) is also
 * replayed by idle workers, sharing its cross-checks (sharedChecks.ts). The runs come back in the order of the files.
 */
export async function runFiles(files: readonly string[], options: RunOptions = {}): Promise<DerivationRun[]> {
  if (!FROM_SOURCE || options.threads === 0) return runInProcess(files, options.crossChecks);
  const runs: DerivationRun[] = new Array(files.length);
  const others: DerivationTaskResult[][] = files.map(() => []);
  const timeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  const bodyMs = options.bodyTimeoutMs ?? BODY_ALLOWANCE * timeoutMs;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), files.length));
  const queue = new ReplayQueue(files.length, threads);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const slot = new RunnerSlot();
      try {
        for (let job = await queue.next(); job; job = await queue.next()) {
          const { k, share, onLoaded, done } = job;
          const t0 = performance.now();
          const r = await slot.run(files[k], timeoutMs, bodyMs, options.crossChecks, { share, onLoaded }).finally(done);
          const ms = performance.now() - t0;
          if (share.replay > 1) others[k].push(r);
          else runs[k] = r.derivation ? { file: files[k], derivation: r.derivation, notation: r.notation, ms } : { file: files[k], error: r.error, ms };
        }
      } finally {
        slot.kill();
      }
    }),
  );
  return runs.map((r, k) => (r.derivation ? { ...r, derivation: mergeReplays(r.derivation, others[k]) } : r));
}

/** `--threads 0`, and the built package (no worker entry of its own yet): every file in this process, one after another, without the watchdog. */
async function runInProcess(files: readonly string[], crossChecks?: CrossCheckStore): Promise<DerivationRun[]> {
  const { runDerivationTask } = await import('./derivationTask.ts'); // the engine, in this thread
  const runs: DerivationRun[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const r = await runDerivationTask({ file, skip: [], crossChecks }, () => undefined);
    const ms = performance.now() - t0;
    runs.push(r.derivation ? { file, derivation: r.derivation, notation: r.notation, ms } : { file, error: r.error, ms });
  }
  return runs;
}

/** Start the files on the workers, then load the engine and the report in this thread while they run: the runs and the report function. */
export async function runThenReport(
  files: readonly string[],
  options: RunOptions = {},
): Promise<{ runs: DerivationRun[]; report: typeof import('./run.ts').report }> {
  const running = runFiles(files, options);
  const [runs, { report }] = await Promise.all([running, import('./run.ts')]);
  return { runs, report };
}

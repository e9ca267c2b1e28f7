/**
 * Run derivation files where a claim can be stopped: on a worker thread (reused from file to
 * file while nothing overruns), with a watchdog. Every claim must end within the claim timeout; a claim that does not is stopped (the
 * worker is terminated), recorded as a `timeout` claim, and the file is replayed from the start
 * with that claim skipped (replays are deterministic: the same file gives the same claims in the
 * same order). The code between claims (derivation steps, cross-checks, which may run
 * simulations) gets BODY_ALLOWANCE claim timeouts unless told otherwise, and loading the file (starting a worker, compiling
 * TypeScript) at least LOAD_ALLOWANCE_MS; if either overruns, the file fails with a message saying
 * where, so nothing hangs.
 */
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ClaimRecord } from '../verify/index.ts';
import type { ClaimEvent, CrossCheckStore, DerivationTask, DerivationTaskResult } from './derivationTask.ts';
import { taskWorker, type WorkerSetup } from './workerPool.ts';
import type { CrossCheckShare } from './sharedChecks.ts';

/** The default allowance of one claim (`--claim-timeout`), in milliseconds. */
export const DEFAULT_CLAIM_TIMEOUT_MS = 60_000;

/** How many claim timeouts the code between two claims may take (a cross-check may run a simulation). */
export const BODY_ALLOWANCE = 10;

/** The least time loading a file may take (a worker's start on a busy machine takes seconds). */
export const LOAD_ALLOWANCE_MS = 120_000;

/** True when the runner runs from its sources (a checkout): the worker threads need them (the built package runs files in process). */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');
const TASK_MODULE = fileURLToPath(new URL(FROM_SOURCE ? './derivationTask.ts' : './derivationTask.js', import.meta.url));
/**
 * How a derivation worker starts. In a checkout (the runner runs from its sources), a derivation
 * file's `import ... from 'fhn-derive'` must reach the same sources, as bin/fhn-derive.mjs arranges
 * on the main thread. Its young generation is 192 MB (semi-spaces of 64 MB, V8's default is 16):
 * the engine allocates about 300 MB per replay of the paper, most of it short-lived, and fewer
 * scavenges took 4-5% off the replay's CPU time (the medians of 60 rounds, alternating with the
 * default, on 2026-12-06).
 */
export const DERIVATION_WORKER: WorkerSetup = {
  conditions: FROM_SOURCE ? ['fhn-derive-source'] : [],
  resourceLimits: { maxYoungGenerationSizeMb: 192 },
};

/** A replay's part in sharing its file's cross-checks with other replays (sharedChecks.ts), and whom to tell how many replays the file allows once it is loaded. */
export interface Sharing {
  readonly share?: CrossCheckShare;
  readonly onLoaded?: (replays: number) => void;
}

/** The claim a worker was stopped in (its ordinal and what it said of itself), or where it was between claims. */
type Attempt =
  | { readonly kind: 'done'; readonly result: DerivationTaskResult }
  | { readonly kind: 'claim-timeout'; readonly ordinal: number; readonly claim: Extract<ClaimEvent, { start: number }> }
  | { readonly kind: 'failed'; readonly message: string };

/** The record that stands for a claim stopped by the watchdog. */
export function timeoutRecord(claim: { id: string; title: string; source: string }, timeoutMs: number): ClaimRecord {
  return {
    id: claim.id,
    source: claim.source,
    title: claim.title,
    status: 'timeout',
    checks: [],
    ms: timeoutMs,
    parts: [],
    message: `no verdict within ${timeoutMs / 1000} s (--claim-timeout): the claim was stopped`,
    assumptions: {},
    unexpected: 'timeout',
  };
}

/**
 * A worker thread reused for file after file (starting one costs seconds: TypeScript and the
 * engine are loaded again), replaced when the watchdog has to stop it.
 */
export class RunnerSlot {
  private worker: Worker | undefined;

  /** The live worker, started on first use. */
  private live(): Worker {
    this.worker ??= taskWorker(TASK_MODULE, 'runDerivationTask', DERIVATION_WORKER);
    return this.worker;
  }

  /** Stop the worker (the next task starts a fresh one). */
  kill(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.on('error', () => undefined); // a late error of a worker being stopped is beside the point
      void w.terminate();
    }
  }

  /** Run one derivation file, stopping every claim that overruns `timeoutMs` (replaying the file without it). */
  async run(
    file: string,
    timeoutMs = DEFAULT_CLAIM_TIMEOUT_MS,
    bodyMs = BODY_ALLOWANCE * timeoutMs,
    crossChecks?: CrossCheckStore,
    sharing: Sharing = {},
  ): Promise<DerivationTaskResult> {
    const skip = new Map<number, ClaimRecord>();
    for (;;) {
      const a = await this.attempt(file, skip, timeoutMs, bodyMs, crossChecks, sharing);
      if (a.kind === 'done') return a.result;
      if (a.kind === 'failed') return { error: a.message };
      // each replay skips one more claim, so this ends after at most as many replays as the file has claims
      skip.set(a.ordinal, timeoutRecord(a.claim, timeoutMs));
    }
  }

  /** One replay of the file, watched: the worker is kept when it ends, stopped when it overruns or fails. */
  private attempt(
    file: string,
    skip: ReadonlyMap<number, ClaimRecord>,
    timeoutMs: number,
    bodyMs: number,
    crossChecks: CrossCheckStore | undefined,
    sharing: Sharing,
  ): Promise<Attempt> {
    const worker = this.live();
    return new Promise<Attempt>((settle) => {
      let current: Extract<ClaimEvent, { start: number }> | undefined;
      let loaded = false;
      let after = 'loading the file';
      let timer: NodeJS.Timeout | undefined;
      const finish = (a: Attempt) => {
        clearTimeout(timer);
        // only this attempt's listeners: removeAllListeners() would also drop the ones Node uses to start the worker's port
        worker.off('error', onError).off('exit', onExit).off('message', onMessage);
        // a file that failed may leave work behind (the rest of an async body): the next file gets a fresh worker
        if (a.kind !== 'done' || a.result.error !== undefined) this.kill();
        settle(a);
      };
      const arm = () => {
        clearTimeout(timer);
        const limit = current ? timeoutMs : loaded ? bodyMs : Math.max(bodyMs, LOAD_ALLOWANCE_MS);
        timer = setTimeout(() => {
          if (current) return finish({ kind: 'claim-timeout', ordinal: current.start, claim: current });
          finish({ kind: 'failed', message: `${file}: no progress within ${limit / 1000} s outside any claim, ${after}` });
        }, limit);
      };
      const onError = (err: Error) => finish({ kind: 'failed', message: `${file}: the worker running it failed: ${err.message}` });
      const onExit = (code: number) => finish({ kind: 'failed', message: `${file}: the worker running it exited (code ${code}) before the derivation ended` });
      const onMessage = (m: { progress?: ClaimEvent; result?: DerivationTaskResult; error?: string }) => {
        if (m.error !== undefined) return finish({ kind: 'failed', message: m.error });
        if (m.result !== undefined) return finish({ kind: 'done', result: m.result });
        const e = m.progress;
        if (e && 'loaded' in e) {
          loaded = true;
          sharing.onLoaded?.(e.replays);
          after = 'before the first claim';
        } else if (e && 'start' in e) current = e;
        else if (e && 'end' in e) {
          after = `after claim ${current?.id ?? `#${e.end + 1}`}`;
          current = undefined;
        }
        arm();
      };
      worker.on('error', onError).on('exit', onExit).on('message', onMessage);
      arm();
      const task: DerivationTask = { file, skip: [...skip], crossChecks, share: sharing.share };
      worker.postMessage({ index: 0, task });
    });
  }
}

/** Run one derivation file on a worker thread of its own, stopping every claim that overruns `timeoutMs`. */
export async function runIsolated(file: string, timeoutMs = DEFAULT_CLAIM_TIMEOUT_MS): Promise<DerivationTaskResult> {
  const slot = new RunnerSlot();
  try {
    return await slot.run(file, timeoutMs);
  } finally {
    slot.kill();
  }
}

/**
 * A derivation file's cross-checks shared between replays on several worker threads: a file that
 * exports `crossCheckReplays = n` is replayed by up to n workers at once; each unit of checks (the
 * checks after one step) is measured by the first replay that reaches it (claimed through shared
 * memory), the others record it as deferred, and the runner fills the deferred records of the
 * first replay from the others. Which replay measures what varies from run to run; what is
 * measured does not (the checks are seeded), so the report is the same as from one replay.
 */
import type { CrossCheckRecord, DerivationResult } from '../verify/index.ts';

/** What one replay shares with the others of the same file: the claims of units (0: free, r: claimed by replay r) and its own number (1 for the first). */
export interface CrossCheckShare {
  readonly units: SharedArrayBuffer;
  readonly replay: number;
}

/** Units a file can share; checks after more steps than this are measured by the first replay. */
const SHARED_UNITS = 1024;

/** A fresh claim table for the replays of one file. */
export const newShareUnits = (): SharedArrayBuffer => new SharedArrayBuffer(4 * SHARED_UNITS);

/** RunHooks.measures for one replay: claim the unit if it is free; true when this replay owns it. */
export function unitClaimer(share: CrossCheckShare): (unit: number) => boolean {
  const units = new Int32Array(share.units);
  return (unit) => {
    if (unit >= units.length) return share.replay === 1;
    const owner = Atomics.compareExchange(units, unit, 0, share.replay);
    return owner === 0 || owner === share.replay;
  };
}

/** A deferred check no other replay measured: a failure that says why, never a pass. */
function unmeasured(rec: CrossCheckRecord, why: string): CrossCheckRecord {
  const { deferred: _, ...rest } = rec;
  return { ...rest, detail: `deferred to another replay of this file, which did not measure it (${why})` };
}

/** The first replay's derivation with every deferred check taken from the replay that measured it (a failure naming why when none did). */
export function mergeReplays(first: DerivationResult, others: readonly { derivation?: DerivationResult; error?: string }[]): DerivationResult {
  const crossChecks = first.crossChecks.map((rec, i) => {
    if (!rec.deferred) return rec;
    const measured = others.map((o) => o.derivation?.crossChecks[i]).find((r) => r && !r.deferred && r.id === rec.id);
    return measured ?? unmeasured(rec, others.map((o) => o.error ?? 'it deferred it too').join('; ') || 'no other replay ran');
  });
  return { ...first, crossChecks };
}

/** One replay to run: the file's index, its share of the cross-checks, and the calls that tell the queue it loaded or ended. */
export interface ReplayJob {
  readonly k: number;
  readonly share: CrossCheckShare;
  readonly onLoaded: (replays: number) => void;
  readonly done: () => void;
}

/**
 * The replays to run: every file's first replay in order; a file that allows more replays, once
 * loaded, puts them at the front (the next idle worker joins it; not once the first replay has
 * ended). A worker that finds the queue empty waits while a first replay is still loading (it may
 * yet ask for company). Every replay decides the file's claims: a file that shares keeps them cheap.
 */
export class ReplayQueue {
  private readonly pending: { k: number; replay: number }[];
  private readonly units: SharedArrayBuffer[];
  private loading = 0;
  /** Files whose first replay has ended: company that has not started yet would measure nothing. */
  private readonly ended = new Set<number>();
  private wake: () => void = () => undefined;

  constructor(
    files: number,
    private readonly threads: number,
  ) {
    this.pending = Array.from({ length: files }, (_, k) => ({ k, replay: 1 }));
    this.units = Array.from({ length: files }, () => newShareUnits());
  }

  /** The next replay, or undefined when there is none and no first replay is still loading. */
  async next(): Promise<ReplayJob | undefined> {
    for (;;) {
      const job = this.pending.shift();
      if (job && job.replay > 1 && this.ended.has(job.k)) continue;
      if (job) return this.start(job.k, job.replay);
      if (this.loading === 0) return undefined;
      await new Promise<void>((resolve) => {
        const previous = this.wake;
        this.wake = () => {
          previous();
          resolve();
        };
      });
    }
  }

  private start(k: number, replay: number): ReplayJob {
    let waiting = replay === 1;
    if (waiting) this.loading++;
    const settle = () => {
      if (!waiting) return;
      waiting = false;
      this.loading--;
      const wake = this.wake;
      this.wake = () => undefined;
      wake();
    };
    const onLoaded = (replays: number) => {
      if (!waiting) return; // a replay after a claim timeout loads the file again: company is asked once
      const extra = Math.min(replays, this.threads) - 1;
      this.pending.unshift(...Array.from({ length: extra }, (_, i) => ({ k, replay: i + 2 })));
      settle();
    };
    const done = () => {
      if (replay === 1) this.ended.add(k);
      settle();
    };
    return { k, share: { units: this.units[k], replay }, onLoaded, done };
  }
}

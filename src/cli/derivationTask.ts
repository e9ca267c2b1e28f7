/**
 * The worker side of the derivation runner: load one derivation file, replay it with hooks that
 * report each claim's start and end to the runner (which times them), and return its plain data.
 * It runs on a worker thread so the runner can stop a claim that does not end.
 */
import type { ClaimRecord, DerivationResult } from '../verify/index.ts';
import type { Notation } from '../report/index.ts';
import { loadDerivation } from './load.ts';
import { withCrossCheckCache } from '../verify/index.ts';
import { fileCrossCheckCache } from './crossCheckStore.ts';
import { type CrossCheckShare, unitClaimer } from './sharedChecks.ts';

/** Where passing numeric cross-checks are kept (crossCheckStore.ts), as plain data a worker can receive. */
export interface CrossCheckStore {
  readonly dir: string;
  readonly fingerprint: string;
  /** Measure every check again (and overwrite what is stored). */
  readonly fresh: boolean;
  /** This command's run: a record another replay stored during the same run was measured now, not reused. */
  readonly run?: string;
}

/** What the runner asks: a file, the claims (by ordinal) it already stopped with the records that stand for them, and the cross-check cache if any. */
export interface DerivationTask {
  readonly file: string;
  readonly skip: readonly (readonly [number, ClaimRecord])[];
  readonly crossChecks?: CrossCheckStore;
  /** The claim table this replay shares with other replays of the same file (sharedChecks.ts); none: it measures every check. */
  readonly share?: CrossCheckShare;
}

/** A claim starts or ends (sent while the file runs). */
export type ClaimEvent =
  | { readonly loaded: true; readonly replays: number }
  | { readonly start: number; readonly id: string; readonly title: string; readonly source: string }
  | { readonly end: number };

/** The file's derivation as plain data, or the message of the error that stopped it. */
export interface DerivationTaskResult {
  readonly derivation?: DerivationResult;
  readonly notation?: Notation;
  readonly error?: string;
}

/** Run one derivation file, reporting claim events; errors are returned (with their message), not thrown. */
export async function runDerivationTask(task: DerivationTask, report: (event: ClaimEvent) => void): Promise<DerivationTaskResult> {
  try {
    const { derivation, notation, replays } = await loadDerivation(task.file);
    report({ loaded: true, replays });
    const store = task.crossChecks;
    const cache = store && fileCrossCheckCache(store.dir, store.fingerprint, store.fresh, store.run);
    const d = withCrossCheckCache(cache, () =>
      derivation.run({
        skip: new Map(task.skip),
        measures: task.share && unitClaimer(task.share),
        onClaimStart: (n, meta) => report({ start: n, id: meta.id, title: meta.title, source: meta.source }),
        onClaimEnd: (n) => report({ end: n }),
      }),
    );
    return { derivation: d.result(), notation };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

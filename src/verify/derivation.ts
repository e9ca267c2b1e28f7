/**
 * A derivation: a page of the paper replayed step by step. It records the steps (for the
 * report) and the claims (for the verdict table).
 */
import { Expr } from '../cas/index.ts';
import { Assumptions, mergeAssumptions, validateAssumptions, withAssumptions } from '../cas/assumptions.ts';
import { ClaimMeta, ClaimPart, ClaimRecord, decideClaim } from './claims.ts';
import { InequalityClaim, decideInequalityClaim } from './inequality.ts';
import { activeCrossCheckCache } from './crossCheckCache.ts';
import type { CitationRecord } from './citations.ts';

/** One step of a derivation: what was done, and the expressions it produced. */
export interface Step {
  readonly title: string;
  readonly explanation: string;
  /** Named expressions or equations (lhs = rhs) shown for this step. */
  readonly math: readonly { readonly label: string; readonly lhs?: Expr; readonly rhs: Expr }[];
  /** The claim this step supports, if any. */
  readonly claim?: string;
}

/** A numeric cross-check of derived expressions: a measured value against a tolerance. */
export interface CrossCheckRecord {
  readonly id: string;
  readonly quantity: string;
  readonly value: number;
  readonly tolerance: number;
  readonly pass: boolean;
  readonly ms: number;
  readonly detail?: string;
  /** True when the record was reused from a cross-check cache (see crossCheckCache.ts), not measured in this run. */
  readonly cached?: boolean;
  /** True when another replay of the same file measures this check (RunHooks.measures): a placeholder the runner replaces. */
  readonly deferred?: boolean;
}

/** What a cross-check measures: pass when value <= tolerance (or >= for 'at-least'). */
export interface CrossCheckMeta {
  readonly id: string;
  readonly quantity: string;
  readonly tolerance: number;
  readonly sense?: 'at-most' | 'at-least';
}

/** Run a cross-check; a thrown error or a non-finite value is a failure with its reason, never a pass. */
export function runCrossCheck(meta: CrossCheckMeta, measure: () => number | { value: number; detail?: string }): CrossCheckRecord {
  if (typeof meta.tolerance !== 'number' || !Number.isFinite(meta.tolerance))
    throw new TypeError(
      `cross-check ${JSON.stringify(meta.id)}: tolerance must be a finite number, got ${JSON.stringify(meta.tolerance)} (${typeof meta.tolerance})`,
    );
  const t0 = performance.now();
  let value = Number.NaN;
  let detail: string | undefined;
  try {
    const r = measure();
    ({ value, detail } = typeof r === 'number' ? { value: r, detail: undefined } : r);
  } catch (err) {
    detail = `${(err as Error).name}: ${(err as Error).message}`;
  }
  const finite = Number.isFinite(value);
  if (!finite && !detail) detail = `the measured value is not finite (${value})`;
  const pass = finite && ((meta.sense ?? 'at-most') === 'at-most' ? value <= meta.tolerance : value >= meta.tolerance);
  return { id: meta.id, quantity: meta.quantity, value, tolerance: meta.tolerance, pass, ms: performance.now() - t0, detail };
}

/**
 * How a runner watches a derivation: told when each claim starts and ends (by its ordinal, 0 for
 * the first claim), and given the records of claims it already stopped (they are not run again).
 */
export interface RunHooks {
  readonly onClaimStart?: (ordinal: number, meta: ClaimMeta) => void;
  readonly onClaimEnd?: (ordinal: number) => void;
  /** Ordinal -> the record that stands for a claim without running it (a claim stopped by the watchdog). */
  readonly skip?: ReadonlyMap<number, ClaimRecord>;
  /**
   * Whether this replay measures the cross-checks of a unit (unit n: the checks recorded after the
   * n-th step; checks of one unit may share state, checks of different units must not). Those it
   * does not measure are recorded as deferred: another replay of the same file measures them. Default: all.
   */
  readonly measures?: (unit: number) => boolean;
}

/** What a derivation leaves behind: plain data (it crosses threads and is what the report reads). */
export interface DerivationResult {
  readonly title: string;
  readonly section: string;
  readonly steps: readonly Step[];
  readonly claims: readonly ClaimRecord[];
  readonly crossChecks: readonly CrossCheckRecord[];
  readonly assumptions: Assumptions;
  /** The citations the page makes and their status (see citations.ts). */
  readonly citations: readonly CitationRecord[];
}

/** A running derivation: call step() and claim() in the order of the page. */
export class Derivation implements DerivationResult {
  readonly steps: Step[] = [];
  readonly claims: ClaimRecord[] = [];
  readonly crossChecks: CrossCheckRecord[] = [];
  /** The citations the page makes and their status (see citations.ts). */
  readonly citations: CitationRecord[] = [];
  /** What the page assumes of its symbols; every claim is decided under it (plus its own). */
  assumptions: Assumptions = {};
  private ordinal = 0;
  constructor(
    readonly title: string,
    readonly section: string,
    private readonly hooks: RunHooks = {},
  ) {}

  /** Declare what the page assumes of its symbols ({ eps: 'positive', ... }); applies to the claims that follow. */
  assume(declarations: Assumptions): void {
    this.assumptions = mergeAssumptions(this.assumptions, validateAssumptions(declarations, `derivation ${this.title}`));
  }

  /** Run f under the page's assumptions (for derivation code between claims). */
  under<T>(f: () => T): T {
    return withAssumptions(this.assumptions, f);
  }

  /** Refuse a claim id this derivation already used (every claim is addressed by its id). */
  private uniqueId(id: string): void {
    if (this.claims.some((c) => c.id === id))
      throw new Error(`claim id ${JSON.stringify(id)} is used twice in the derivation "${this.title}"; every claim needs its own id`);
  }

  /** Record a step with its expressions. */
  step(title: string, explanation: string, math: Step['math'] = [], claim?: string): void {
    this.steps.push({ title, explanation, math, claim });
  }

  /** Run a numeric cross-check of what was derived; returns its record. */
  crossCheck(meta: CrossCheckMeta, measure: () => number | { value: number; detail?: string }): CrossCheckRecord {
    const cache = activeCrossCheckCache();
    const key = JSON.stringify([this.title, meta.id, meta.quantity, meta.tolerance, meta.sense ?? 'at-most', this.crossChecks.length]);
    const stored = cache?.get(key);
    if (!stored && this.hooks.measures && !this.hooks.measures(this.steps.length)) {
      const placeholder = { id: meta.id, quantity: meta.quantity, value: Number.NaN, tolerance: meta.tolerance, pass: false, ms: 0, deferred: true };
      this.crossChecks.push(placeholder);
      return placeholder;
    }
    // a stored record is reused from an earlier run unless the store says it was measured in this one (cached: false)
    const rec = stored ? { ...stored, cached: stored.cached ?? true } : runCrossCheck(meta, measure);
    if (cache && !stored) cache.set(key, rec);
    this.crossChecks.push(rec);
    return rec;
  }

  /** Decide a claim from the parts the thunk derives; returns its record. */
  claim(meta: ClaimMeta, derive: () => readonly ClaimPart[]): ClaimRecord {
    this.uniqueId(meta.id);
    return this.watched(meta, () => decideClaim(meta, derive));
  }

  /** Decide a claim made of inequalities checked on samples (and identities, if any): checked-numeric, erratum or failed. */
  inequality(meta: ClaimMeta, derive: () => InequalityClaim): ClaimRecord {
    this.uniqueId(meta.id);
    return this.watched(meta, () => decideInequalityClaim(meta, derive));
  }

  /** Decide one claim under the page's assumptions, announced to the runner's hooks (or taken from its skip list). */
  private watched(meta: ClaimMeta, decide: () => ClaimRecord): ClaimRecord {
    const n = this.ordinal++;
    const stopped = this.hooks.skip?.get(n);
    let rec: ClaimRecord;
    if (stopped) rec = stopped;
    else {
      this.hooks.onClaimStart?.(n, meta);
      rec = withAssumptions(this.assumptions, decide);
      this.hooks.onClaimEnd?.(n);
    }
    this.claims.push(rec);
    return rec;
  }

  /** The plain data of the derivation (steps, claims, cross-checks), without its methods. */
  result(): DerivationResult {
    const { title, section, steps, claims, crossChecks, assumptions, citations } = this;
    return { title, section, steps, claims, crossChecks, assumptions, citations };
  }
}

/** A derivation file's default export. */
export interface DerivationModule {
  readonly title: string;
  readonly section: string;
  /** Replay the page (synchronously); a runner passes hooks to watch each claim. */
  run(hooks?: RunHooks): Derivation;
}

/** A derivation body that returned a promise (an async body): refused, since claims are decided synchronously. */
export class AsyncBodyError extends Error {
  override readonly name = 'AsyncBodyError';
}

const isPromiseLike = (x: unknown): x is PromiseLike<unknown> => typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';

/**
 * Define a derivation: `body` replays the page on a fresh Derivation. The body must be synchronous:
 * the declarations in force (d.assume, a claim's assume) are a dynamic scope that does not survive an
 * `await`, and a claim decided after run() returned would be missing from the table. An async body is
 * refused with AsyncBodyError (load data with a top-level await in the file instead).
 */
export function derivation(title: string, section: string, body: (d: Derivation) => void): DerivationModule {
  return {
    title,
    section,
    run(hooks?: RunHooks) {
      const d = new Derivation(title, section, hooks);
      const returned: unknown = body(d);
      if (isPromiseLike(returned)) {
        Promise.resolve(returned).catch(() => undefined); // its own failure is beside the point: the body is refused
        throw new AsyncBodyError(
          `derivation "${title}": the body is async (it returned a promise); claims are decided synchronously, so remove async/await from the body (await data at the top level of the file instead)`,
        );
      }
      return d;
    },
  };
}

/**
 * A derivation: a page of the paper replayed step by step. It records the steps (for the
 * report) and the claims (for the verdict table).
 */
import { Expr } from '../cas/index.ts';
import { ClaimMeta, ClaimPart, ClaimRecord, decideClaim } from './claims.ts';

/** One step of a derivation: what was done, and the expressions it produced. */
export interface Step {
  readonly title: string;
  readonly explanation: string;
  /** Named expressions or equations (lhs = rhs) shown for this step. */
  readonly math: readonly { readonly label: string; readonly lhs?: Expr; readonly rhs: Expr }[];
  /** The claim this step supports, if any. */
  readonly claim?: string;
}

/** A running derivation: call step() and claim() in the order of the page. */
export class Derivation {
  readonly steps: Step[] = [];
  readonly claims: ClaimRecord[] = [];
  constructor(
    readonly title: string,
    readonly section: string,
  ) {}

  /** Record a step with its expressions. */
  step(title: string, explanation: string, math: Step['math'] = [], claim?: string): void {
    this.steps.push({ title, explanation, math, claim });
  }

  /** Decide a claim from the parts the thunk derives; returns its record. */
  claim(meta: ClaimMeta, derive: () => readonly ClaimPart[]): ClaimRecord {
    const rec = decideClaim(meta, derive);
    this.claims.push(rec);
    return rec;
  }
}

/** A derivation file's default export. */
export interface DerivationModule {
  readonly title: string;
  readonly section: string;
  run(): Derivation;
}

/** Define a derivation: `body` replays the page on a fresh Derivation. */
export function derivation(title: string, section: string, body: (d: Derivation) => void): DerivationModule {
  return {
    title,
    section,
    run() {
      const d = new Derivation(title, section);
      body(d);
      return d;
    },
  };
}

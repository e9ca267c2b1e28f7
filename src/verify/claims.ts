/**
 * Claims: an equation of the paper, transcribed as printed, against what the engine derives.
 * Statuses: verified (two independent methods agree it holds), erratum (the printed form is
 * wrong; the derived form is kept), failed (a derivation that must hold does not, or the
 * methods disagree), unsupported, checked-numeric (an inequality checked on samples).
 */
import { Expr, printExpr, expand, sub } from '../cas/index.ts';
import { equivalent, EquivalenceOptions, MethodDisagreementError, Check } from './equivalent.ts';
import type { InequalityOutcome } from './inequality.ts';

export type ClaimStatus = 'verified' | 'erratum' | 'failed' | 'unsupported' | 'checked-numeric';

/** One identity a claim consists of: printed (as transcribed) versus derived (by the engine). */
export interface ClaimPart {
  readonly label: string;
  readonly printed: Expr;
  readonly derived: Expr;
  readonly options?: EquivalenceOptions;
  /** A fact the derivation relies on (not a transcription): if it fails the claim fails. */
  readonly mustHold?: boolean;
}

/** The outcome of one part. */
export interface PartOutcome {
  readonly label: string;
  readonly holds: boolean;
  readonly mustHold: boolean;
  readonly printed: string;
  readonly derived: string;
  readonly difference?: string;
  readonly checks: readonly Check[];
  readonly printedExpr: Expr;
  readonly derivedExpr: Expr;
}

/** The report of one claim, as written to out/claims.json. */
export interface ClaimRecord {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly status: ClaimStatus;
  readonly checks: readonly { method: string; result: string; detail?: string }[];
  readonly ms: number;
  readonly parts: readonly PartOutcome[];
  readonly message?: string;
  /** Inequalities checked on samples (checked-numeric claims): worst margins and counterexamples. */
  readonly inequalities?: readonly InequalityOutcome[];
  /** Where a known erratum lies and the smallest change that makes the printed text right (from the claim's meta). */
  readonly erratum?: ErratumNote;
  /** Why the derived side may legitimately share structure with the printed side (from the claim's meta). */
  readonly selfConfirming?: string;
}

/** Where an erratum lies: in the formula, in a hypothesis, in a constant carried from elsewhere, in a reference or in the text extraction. */
export type ErratumLocation = 'formula' | 'hypothesis' | 'constant' | 'reference' | 'extraction';

/** The location of an erratum and the smallest change that makes the printed text right. */
export interface ErratumNote {
  readonly location: ErratumLocation;
  /** The smallest change, in words (old -> new). */
  readonly change: string;
  /** What it affects downstream, or why the reading is ambiguous. */
  readonly note?: string;
}

/** How a mismatch is read: a printed equation is an erratum, a derived fact must hold. */
export type ClaimKind = 'printed' | 'must-hold';

/** Metadata of a claim. */
export interface ClaimMeta {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly kind?: ClaimKind;
  /** A known erratum: where it lies and the smallest change (copied to the record, shown in out/errata.md). */
  readonly erratum?: ErratumNote;
  /** Why the derived side may share structure with the printed side (the self-confirmation test asks for it). */
  readonly selfConfirming?: string;
}

/** Summarise per method over the parts: equal only when equal on every part. */
function summarise(parts: readonly PartOutcome[]): ClaimRecord['checks'] {
  const byMethod = new Map<string, { results: string[]; details: string[] }>();
  for (const p of parts)
    for (const c of p.checks) {
      const m = byMethod.get(c.method) ?? { results: [], details: [] };
      m.results.push(c.result);
      m.details.push(parts.length > 1 ? `${p.label}: ${c.detail}` : c.detail);
      byMethod.set(c.method, m);
    }
  return [...byMethod].map(([method, m]) => ({
    method,
    result: m.results.every((r) => r === 'equal') ? 'equal' : m.results.includes('error') ? 'error' : 'different',
    detail: m.details.join('; '),
  }));
}

/** Decide a claim from its parts (the thunk does the derivation, so its time is counted). */
export function decideClaim(meta: ClaimMeta, derive: () => readonly ClaimPart[]): ClaimRecord {
  const t0 = performance.now();
  const parts: PartOutcome[] = [];
  const done = (status: ClaimStatus, message?: string): ClaimRecord => ({
    id: meta.id,
    source: meta.source,
    title: meta.title,
    status,
    checks: summarise(parts),
    ms: performance.now() - t0,
    parts,
    message,
    ...(meta.erratum ? { erratum: meta.erratum } : {}),
    ...(meta.selfConfirming ? { selfConfirming: meta.selfConfirming } : {}),
  });
  try {
    for (const part of derive()) {
      const v = equivalent(part.derived, part.printed, { label: `${meta.id} ${part.label}`, ...part.options });
      parts.push({
        label: part.label,
        holds: v.equivalent,
        mustHold: part.mustHold ?? false,
        printed: printExpr(part.printed),
        derived: printExpr(part.derived),
        difference: v.equivalent ? undefined : printExpr(expand(sub(part.derived, part.printed))),
        checks: v.checks,
        printedExpr: part.printed,
        derivedExpr: part.derived,
      });
    }
  } catch (err) {
    const e = err as Error;
    return done('failed', e instanceof MethodDisagreementError ? e.message : `${e.name}: ${e.message}`);
  }
  if (parts.length === 0) return done('unsupported', 'no identity was derived');
  if (parts.every((p) => p.holds)) return done('verified');
  const wrong = parts.filter((p) => !p.holds).map((p) => p.label);
  const brokenFact = parts.some((p) => !p.holds && p.mustHold);
  return (meta.kind ?? 'printed') === 'printed' && !brokenFact
    ? done('erratum', `printed form differs from the derived one in: ${wrong.join(', ')}`)
    : done('failed', `a derived fact does not hold: ${wrong.join(', ')}`);
}

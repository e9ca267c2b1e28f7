/**
 * Claims: an equation of the paper, transcribed as printed, against what the engine derives.
 * Statuses: verified (two independent methods agree it holds and none dissents, under the
 * declared assumptions), erratum (the printed form is wrong; the derived form is kept), failed (a
 * fact the derivation relies on does not hold, or the derivation threw), disputed (the methods
 * disagree or cannot decide: both forms are kept, never a pass), unsupported, checked-numeric (an
 * inequality searched numerically), timeout (the runner stopped it: no verdict within the claim
 * timeout). Every record carries the assumptions it was decided under.
 */
import { Expr, printExpr, symbolsOf } from '../cas/index.ts';
import { Assumptions, currentAssumptions, mergeAssumptions, validateAssumptions, withAssumptions, restrictAssumptions } from '../cas/assumptions.ts';
import { declaredBySource } from '../cas/parse.ts';
import { equivalent, EquivalenceOptions, Check, VerdictStatus } from './equivalent.ts';
import type { InequalityOutcome } from './inequality.ts';
import { ShownOptions, shownOptions, describeOptions, shortOptions } from './options.ts';
import { describeAssumptions, shortAssumptions } from '../cas/assumptions.ts';

export type ClaimStatus = 'verified' | 'erratum' | 'failed' | 'disputed' | 'unsupported' | 'checked-numeric' | 'timeout';

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
  /** equal, different or disputed (the methods disagree or could not decide). */
  readonly status?: VerdictStatus;
  /** Why that status (which methods agreed or dissented). */
  readonly reason?: string;
  readonly mustHold: boolean;
  readonly printed: string;
  readonly derived: string;
  readonly difference?: string;
  readonly checks: readonly Check[];
  readonly printedExpr: Expr;
  readonly derivedExpr: Expr;
  /** The part's own options that change a verdict (assume, ranges, methods), as given (of the part's symbols). */
  readonly options?: ShownOptions;
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
  /** The declarations the claim was decided under (symbols not listed are real). */
  readonly assumptions: Assumptions;
  /** The claim's file declared this outcome as known (an erratum of the paper already found). */
  readonly expected?: 'erratum';
  /** The citation this claim checks (citation claims only). */
  readonly citation?: CitationNote;
  /** Set when the outcome calls for attention: a failure, a dispute, an erratum nobody expected, an expected erratum that is gone. */
  readonly unexpected?: string;
}

/**
 * Where an erratum lies: in the formula, in a hypothesis, in a constant carried from elsewhere, in a
 * reference (a citation pointing to another result than the one the step uses), in a gap (a step
 * that runs the wrong way: the order of a supremum and an integral, a constant's dependencies) or in
 * the text extraction.
 */
export type ErratumLocation = 'formula' | 'hypothesis' | 'constant' | 'reference' | 'gap' | 'extraction';

/** A result that uses an erratum's result, and what changes there once the corrected form is carried into it. */
export interface AffectedResult {
  /** The result, as the paper numbers it ("Theorem 3.2"). */
  readonly result: string;
  /** What changes there (a rate, a constant, a range), or that nothing does and why. */
  readonly change: string;
}

/** The location of an erratum and the smallest change that makes the printed text right. */
export interface ErratumNote {
  readonly location: ErratumLocation;
  /** The smallest change, in words (old -> new). */
  readonly change: string;
  /** What it affects downstream, or why the reading is ambiguous. */
  readonly note?: string;
  /** The results that use the erratum's result (through the dependency graph), each with what changes there. */
  readonly affects?: readonly AffectedResult[];
}

/** A citation a proof step makes: the result it names, where, and what the engine found of it. */
export interface CitationNote {
  /** The result or equation the text names ("Lemma 4.4", "(2.11)"). */
  readonly cites: string;
  /** Where the step is ("proof of Prop. 4.12"). */
  readonly at: string;
  /** The sentence of the paper, as printed. */
  readonly quote: string;
  /** How the citation is checked: against the cited statement, or named only (a hypothesis, a definition, an outside source). */
  readonly check: 'statement' | 'named' | 'external';
  /** The result the step actually uses when it is not the cited one (a reference erratum). */
  readonly uses?: string;
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
  /** Declarations for this claim, added to the derivation's: { eps: 'positive', ... }. */
  readonly assume?: Assumptions;
  /** The printed form is known to be wrong: an erratum is the expected outcome (anything else is flagged). */
  readonly expect?: 'erratum';
  /** The citation this claim checks (copied to the record, listed in out/citations.md). */
  readonly citation?: CitationNote;
}

const RANK: Record<string, number> = { different: 5, error: 4, timeout: 3, unknown: 2, equal: 1 };

/** Summarise per method over the parts: equal only when equal on every part it ran on. */
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
    result: m.results.reduce((worst, r) => ((RANK[r] ?? 0) > (RANK[worst] ?? 0) ? r : worst), 'equal'),
    detail: m.details.join('; '),
  }));
}

/** What is flagged about a claim's outcome (undefined when it is what its file expects). */
export function unexpectedOutcome(status: ClaimStatus, expect: ClaimMeta['expect']): string | undefined {
  if (status === 'failed' || status === 'disputed' || status === 'timeout') return status;
  if (status === 'erratum' && expect !== 'erratum') return 'an erratum its file does not expect';
  if (expect === 'erratum' && status !== 'erratum') return `expected an erratum, got ${status}`;
  return undefined;
}

/** Decide a claim from its parts (the thunk does the derivation, so its time is counted); a claim that derives no part is failed (nothing was checked). */
export function decideClaim(meta: ClaimMeta, derive: () => readonly ClaimPart[]): ClaimRecord {
  const rec = decideIdentities(meta, derive);
  if (rec.status !== 'unsupported') return rec;
  return {
    ...rec,
    status: 'failed',
    message: 'the claim derived no parts: nothing was checked (return at least one { label, printed, derived })',
    unexpected: 'failed',
  };
}

/** Decide the identities of a claim; `unsupported` when there are none (an inequality claim may have none besides its inequalities). */
export function decideIdentities(meta: ClaimMeta, derive: () => readonly ClaimPart[]): ClaimRecord {
  const t0 = performance.now();
  const parts: PartOutcome[] = [];
  let assumptions: Assumptions = {};
  const used = () => {
    const names = new Set<string>();
    for (const p of parts) for (const e of [p.printedExpr, p.derivedExpr]) symbolsOf(e, names);
    return parts.length ? restrictAssumptions(assumptions, names) : assumptions;
  };
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
    assumptions: used(),
    ...(meta.expect ? { expected: meta.expect } : {}),
    ...(meta.citation ? { citation: meta.citation } : {}),
    ...(unexpectedOutcome(status, meta.expect) ? { unexpected: unexpectedOutcome(status, meta.expect) } : {}),
  });
  try {
    const declared = mergeAssumptions(currentAssumptions(), validateAssumptions(meta.assume, `claim ${meta.id}`));
    assumptions = declared;
    withAssumptions(declared, () => {
      const derived = derive();
      assumptions = mergeAssumptions(declared, declaredBySource(derived.map((p) => p.printed)));
      withAssumptions(assumptions, () => {
        for (const part of derived) {
          const v = equivalent(part.derived, part.printed, { label: `claim ${meta.id} ${part.label}`, ...part.options });
          parts.push({
            label: part.label,
            holds: v.equivalent,
            status: v.status,
            reason: v.reason,
            mustHold: part.mustHold ?? false,
            printed: printExpr(part.printed),
            derived: printExpr(part.derived),
            difference: v.equivalent ? undefined : v.difference,
            checks: v.checks,
            printedExpr: part.printed,
            derivedExpr: part.derived,
            ...optionsOf(part),
          });
        }
      });
    });
  } catch (err) {
    const e = err as Error;
    return done('failed', `${e.name}: ${e.message}`);
  }
  if (parts.length === 0) return done('unsupported', 'no identity was derived');
  if (parts.every((p) => p.holds)) return done('verified');
  const different = parts.filter((p) => p.status === 'different');
  const broken = different.filter((p) => p.mustHold || (meta.kind ?? 'printed') === 'must-hold');
  if (broken.length > 0) return done('failed', `a derived fact does not hold: ${broken.map((p) => p.label).join(', ')}`);
  const disputed = parts.filter((p) => p.status === 'disputed');
  if (disputed.length > 0) return done('disputed', disputed.map((p) => `${p.label}: ${p.reason}`).join('; '));
  return done('erratum', `printed form differs from the derived one in: ${different.map((p) => p.label).join(', ')}`);
}

/** The part's own verdict-changing options, for the record (none when it gave none). */
function optionsOf(part: ClaimPart): { options?: ShownOptions } {
  const o = part.options;
  const shown = o && shownOptions({ assume: o.assume, ranges: o.ranges, methods: o.methods }, symbolsOf(part.derived, symbolsOf(part.printed)));
  return shown ? { options: shown } : {};
}

/** The parts' own options grouped by their text: [the parts (their indices), text]. */
function partOptionGroups(c: ClaimRecord, text: (o: ShownOptions) => string): [number[], string][] {
  const groups = new Map<string, number[]>();
  c.parts.forEach((p, k) => {
    if (p.options) groups.set(text(p.options), [...(groups.get(text(p.options)) ?? []), k]);
  });
  return [...groups].map(([t, ks]) => [ks, t]);
}

const everyPart = (c: ClaimRecord, ks: readonly number[]) => ks.length === c.parts.length && c.parts.length > 1;

/** What a claim was decided under, in words: its declarations, then the options of its parts ("...; part \"b\": x in [0.1, 2]"). */
export function describeClaimConditions(c: ClaimRecord): string {
  const who = (ks: readonly number[]) =>
    everyPart(c, ks) ? 'every part' : `part${ks.length > 1 ? 's' : ''} ${ks.map((k) => JSON.stringify(c.parts[k].label)).join(', ')}`;
  return [describeAssumptions(c.assumptions ?? {}), ...partOptionGroups(c, describeOptions).map(([ks, t]) => `${who(ks)}: ${t}`)].join('; ');
}

/** The same for a table cell, parts by number: "eps>0 [part 2: x∈[0.1,2] engine+mathjs]", "[all: engine+mathjs]" (empty when all is real and no part has options). */
export function shortClaimConditions(c: ClaimRecord): string {
  const who = (ks: readonly number[]) => (everyPart(c, ks) ? 'all' : `part${ks.length > 1 ? 's' : ''} ${ks.map((k) => k + 1).join(',')}`);
  return [shortAssumptions(c.assumptions ?? {}), ...partOptionGroups(c, shortOptions).map(([ks, t]) => `[${who(ks)}: ${t}]`)].filter(Boolean).join(' ');
}

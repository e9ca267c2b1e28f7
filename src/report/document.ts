/**
 * The report's content, independent of its format: derivations with their steps and claims,
 * every formula already in LaTeX, the errata, the status counts. html.ts and tex.ts only lay it out.
 */
import { relative } from 'node:path';
import { Expr, expand, sub, printExpr, describeAssumptions } from '../cas/index.ts';
import type { ClaimRecord, ClaimStatus, CrossCheckRecord, DerivationResult, PartOutcome, ErratumNote, CitationNote, CitationRecord } from '../verify/index.ts';
import { describeOutcome, describeClaimConditions, shortClaimConditions } from '../verify/index.ts';
import { toLatex, ToLatexOptions } from './equation.ts';
import type { Notation } from './notation.ts';

/** A derivation file that ran (or the error that stopped it): the shape `runFiles` returns. */
export interface ReportRun {
  readonly file: string;
  readonly derivation?: DerivationResult;
  readonly error?: string;
  readonly ms: number;
  /** The notation the derivation's file declared (its `notation` export); else the options' or the plain one. */
  readonly notation?: Notation;
}

/** A labelled formula. */
export interface MathView {
  readonly label: string;
  readonly tex: string;
}

/** One part of a claim: printed against derived, in LaTeX and plain text. */
export interface PartView {
  readonly label: string;
  readonly holds: boolean;
  readonly mustHold: boolean;
  readonly printedTex: string;
  readonly derivedTex: string;
  readonly printedText: string;
  readonly derivedText: string;
  /** derived - printed, when the part does not hold. */
  readonly differenceTex?: string;
  readonly differenceText?: string;
  /** Printed and derived typeset identically (shown once). */
  readonly same: boolean;
}

/** A claim with its verdict and evidence. */
export interface ClaimView {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly status: ClaimStatus;
  readonly message?: string;
  readonly checks: ClaimRecord['checks'];
  readonly ms: number;
  readonly file: string;
  readonly parts: readonly PartView[];
  /** The declarations the verdict holds under, with its parts' own assume, ranges and methods, in words ("eps, theta positive; other symbols real; part \"b\": x in [0.1, 2]") and short ("eps,theta>0 [b: x∈[0.1,2]]"). */
  readonly assumptions: string;
  readonly assumptionsShort: string;
  /** The outcome the claim's file declared as known (an erratum of the paper already found). */
  readonly expected?: string;
  /** Why the outcome needs attention (a failure, a dispute, an unexpected erratum). */
  readonly unexpected?: string;
  /** Where a known erratum lies and the smallest change (erratum claims). */
  readonly erratum?: ErratumNote;
  /** The evidence for the correction: corrected forms verified, inequalities searched or proven (erratum claims). */
  readonly evidence?: readonly string[];
  /** The citation the claim checks (citation claims). */
  readonly citation?: CitationNote;
}

/** A step: what was done, why, and the formulas it produced. */
export interface StepView {
  readonly title: string;
  readonly explanation: string;
  readonly claim?: string;
  readonly math: readonly MathView[];
}

/** One derivation file. */
export interface DerivationView {
  readonly file: string;
  readonly title: string;
  readonly section: string;
  readonly error?: string;
  readonly ms: number;
  readonly steps: readonly StepView[];
  readonly claims: readonly ClaimView[];
  readonly crossChecks: readonly CrossCheckRecord[];
  /** The citations the page makes, each with its status. */
  readonly citations: readonly CitationRecord[];
}

/** The whole report. */
export interface ReportDocument {
  readonly title: string;
  readonly derivations: readonly DerivationView[];
  readonly claims: readonly ClaimView[];
  readonly errata: readonly ClaimView[];
  /** Every citation of every derivation, in page order. */
  readonly citations: readonly (CitationRecord & { readonly file: string })[];
  readonly counts: Readonly<Record<ClaimStatus, number>>;
}

const STATUSES: readonly ClaimStatus[] = ['verified', 'erratum', 'checked-numeric', 'disputed', 'unsupported', 'failed', 'timeout'];

/** Typeset one part of a claim. */
function partView(p: PartOutcome, o: ToLatexOptions): PartView {
  const printedTex = toLatex(p.printedExpr, o);
  const derivedTex = toLatex(p.derivedExpr, o);
  const diff: Expr | undefined = p.holds ? undefined : expand(sub(p.derivedExpr, p.printedExpr));
  return {
    label: p.label,
    holds: p.holds,
    mustHold: p.mustHold,
    printedTex,
    derivedTex,
    printedText: p.printed,
    derivedText: p.derived,
    differenceTex: diff && toLatex(diff, o),
    differenceText: diff && (p.difference ?? printExpr(diff)),
    same: printedTex === derivedTex,
  };
}

/** The evidence of an erratum: what holds in its place (verified parts, the corrected inequalities) and the counterexamples. */
export function erratumEvidence(c: ClaimRecord): string[] {
  const methods = (p: PartOutcome) =>
    p.checks
      .filter((k) => k.result === 'equal')
      .map((k) => k.method)
      .join(', ');
  const verified = c.parts.filter((p) => p.holds && p.mustHold).map((p) => `verified (${methods(p)}): ${p.label}`);
  const differs = c.parts
    .filter((p) => !p.holds && p.checks.length > 0)
    .map((p) => `printed form differs (${p.checks.map((k) => `${k.method}: ${k.result}`).join(', ')}): ${p.label}`);
  const inequalities = (c.inequalities ?? []).filter((o) => !o.holds || o.corrected).map((o) => `${o.label}: ${describeOutcome(o)}`);
  return [...differs, ...verified, ...inequalities];
}

/** A claim view from a record (records without parts, like a failed load, have none). */
function claimView(c: ClaimRecord, file: string, o: ToLatexOptions): ClaimView {
  const errata = c.status === 'erratum' ? { erratum: c.erratum, evidence: erratumEvidence(c) } : {};
  return {
    id: c.id,
    source: c.source,
    title: c.title,
    status: c.status,
    message: c.message,
    checks: c.checks,
    ms: c.ms,
    file,
    parts: c.parts.map((p) => partView(p, o)),
    assumptions: describeClaimConditions(c),
    assumptionsShort: shortClaimConditions(c) || 'all real',
    ...(c.expected ? { expected: c.expected } : {}),
    ...(c.unexpected ? { unexpected: c.unexpected } : {}),
    ...(c.citation ? { citation: c.citation } : {}),
    ...errata,
  };
}

/** A path relative to the working directory when it lies inside it. */
const displayPath = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Build the report content from derivation runs (a file that failed to load becomes a failed claim). */
export function buildDocument(runs: readonly ReportRun[], options: ToLatexOptions & { title?: string } = {}): ReportDocument {
  const derivations = runs.map((run): DerivationView => {
    const r = { ...run, file: displayPath(run.file) };
    const d = r.derivation;
    const o: ToLatexOptions = { ...options, notation: run.notation ?? options.notation };
    if (!d) {
      const failed: ClaimView = {
        id: `load:${r.file}`,
        source: r.file,
        title: 'derivation file',
        status: 'failed',
        message: r.error,
        checks: [],
        ms: r.ms,
        file: r.file,
        parts: [],
        assumptions: describeAssumptions({}),
        assumptionsShort: 'all real',
        unexpected: 'failed',
      };
      return {
        file: r.file,
        title: r.file,
        section: '',
        error: r.error ?? 'the file did not run',
        ms: r.ms,
        steps: [],
        claims: [failed],
        crossChecks: [],
        citations: [],
      };
    }
    return {
      file: r.file,
      title: d.title,
      section: d.section,
      ms: r.ms,
      steps: d.steps.map((s) => ({
        title: s.title,
        explanation: s.explanation,
        claim: s.claim,
        math: s.math.map((m) => ({ label: m.label, tex: toLatex(m, o) })),
      })),
      claims: d.claims.map((c) => claimView(c, r.file, o)),
      crossChecks: d.crossChecks ?? [],
      citations: d.citations ?? [],
    };
  });
  const claims = derivations.flatMap((d) => d.claims);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, claims.filter((c) => c.status === s).length])) as Record<ClaimStatus, number>;
  return {
    title: options.title ?? 'Derivations replayed from Blaustein (2022)',
    derivations,
    claims,
    errata: claims.filter((c) => c.status === 'erratum'),
    citations: derivations.flatMap((d) => d.citations.map((c) => ({ ...c, file: d.file }))),
    counts,
  };
}

/** "9 claims: 8 verified, 1 erratum" */
export function countsLine(doc: ReportDocument): string {
  const parts = STATUSES.filter((s) => doc.counts[s] > 0).map((s) => `${doc.counts[s]} ${s}`);
  return `${doc.claims.length} claims: ${parts.join(', ') || 'none'}`;
}

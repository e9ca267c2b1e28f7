/**
 * Citations: a proof step names a numbered result and uses a premise; the premise must be an
 * instance of the cited statement. Statements are inequalities `lhs <= rhs` (an equation is
 * `residual <= 0` with both sides compared), held in a registry with their corrected form where a
 * claim found the printed one wrong. A citation becomes a claim whose parts compare the cited
 * statement's instance (printed side: what the citation promises) with the premise the step writes
 * (derived side): equal on both sides is a citation that agrees; a difference is an erratum, and a
 * proposed correction (the result the step really uses) must then agree, as a must-hold part.
 */
import { Expr, functionsOf, mul, substitute, symbolsOf } from '../cas/index.ts';
import type { ClaimMeta, ClaimPart, CitationNote } from './claims.ts';
import type { Derivation } from './derivation.ts';

/** One inequality of a statement: lhs <= rhs. */
export interface StatementPart {
  readonly label: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
}

/** A numbered statement of the paper (or of any text): its parts as printed, and the corrected parts where a claim found them wrong. */
export interface Statement {
  readonly label: string;
  readonly parts: readonly StatementPart[];
  readonly corrected?: { readonly claim: string; readonly parts: readonly StatementPart[] };
}

/** A citation that cannot be checked as given (an unknown label, a part the statement does not have). */
export class CitationError extends Error {
  override name = 'CitationError';
}

/** The statements a text's citations may name, by label. */
export class StatementRegistry {
  private readonly byLabel = new Map<string, Statement>();
  /** Register statements; a label given twice is refused. */
  constructor(statements: readonly Statement[]) {
    for (const s of statements) {
      if (this.byLabel.has(s.label)) throw new CitationError(`statement ${s.label} is registered twice`);
      if (s.parts.length === 0) throw new CitationError(`statement ${s.label} has no part`);
      this.byLabel.set(s.label, s);
    }
  }
  /** The statement with this label (refused by name when there is none). */
  get(label: string): Statement {
    const s = this.byLabel.get(label);
    if (!s) throw new CitationError(`no statement ${label} is registered (known: ${[...this.byLabel.keys()].join(', ')})`);
    return s;
  }
  /** Every registered statement. */
  all(): Statement[] {
    return [...this.byLabel.values()];
  }
}

/** The premise a step writes, and how it instantiates the cited statement. */
export interface CitationUse {
  /** The part of the cited statement used (its label); the first part when omitted. */
  readonly part?: string;
  /** Values of the statement's free parameters in this step (k = 0, alpha = 1, C -> C/2, ...). */
  readonly instance?: Readonly<Record<string, Expr>>;
  /** The step uses the statement this many times over (two terms each bounded by it). */
  readonly scale?: Expr;
  readonly lhs: Expr;
  readonly rhs: Expr;
}

/** The part a use refers to, from the corrected parts when the statement has them. */
function statementPart(s: Statement, part: string | undefined): { part: StatementPart; corrected?: string } {
  const parts = s.corrected?.parts ?? s.parts;
  const found = part === undefined ? parts[0] : parts.find((p) => p.label === part);
  if (!found) throw new CitationError(`${s.label} has no part "${part}" (its parts: ${parts.map((p) => p.label).join(', ')})`);
  return { part: found, corrected: s.corrected?.claim };
}

/** A statement part instantiated for a use (free parameters substituted, scaled). */
function instantiate(p: StatementPart, use: CitationUse): { lhs: Expr; rhs: Expr } {
  const map = new Map(Object.entries(use.instance ?? {}));
  const at = (e: Expr) => {
    const x = map.size ? substitute(e, map) : e;
    return use.scale ? mul(use.scale, x) : x;
  };
  return { lhs: at(p.lhs), rhs: at(p.rhs) };
}

/** The two parts comparing the cited statement's instance (printed) with the step's premise (derived). */
export function citationParts(registry: StatementRegistry, cites: string, use: CitationUse, mustHold = false, options?: ClaimPart['options']): ClaimPart[] {
  const s = registry.get(cites);
  const { part, corrected } = statementPart(s, use.part);
  const inst = instantiate(part, use);
  const tag = `${cites}${use.part ? ` (${use.part})` : ''}${corrected ? `, as corrected by ${corrected}` : ''}`;
  return [
    { label: `left side: ${tag} against the step`, printed: inst.lhs, derived: use.lhs, mustHold, options },
    { label: `right side: ${tag} against the step`, printed: inst.rhs, derived: use.rhs, mustHold, options },
  ];
}

/** Names of the symbols and applied functions of an expression. */
const names = (e: Expr): Set<string> => functionsOf(e, symbolsOf(e, new Set<string>()));

/**
 * The statements (other than the cited one) whose instance has the same symbols as the premise: the
 * candidates for the result the step uses (a cheap filter; the claim decides with two methods).
 */
export function candidateStatements(registry: StatementRegistry, cites: string, use: CitationUse): string[] {
  const want = [...names(use.lhs)].sort().join(',');
  return registry
    .all()
    .filter((s) => s.label !== cites)
    .filter((s) => (s.corrected?.parts ?? s.parts).some((p) => [...names(instantiate(p, { ...use, part: undefined }).lhs)].sort().join(',') === want))
    .map((s) => s.label);
}

/** A citation as the report lists it: the note, the claim that checked it (if any) and its status. */
export interface CitationRecord {
  readonly note: CitationNote;
  readonly claim?: string;
  readonly status: string;
  readonly detail?: string;
}

/** What a checked citation needs: the registry, the premise, and the result the step really uses when the citation is wrong. */
export interface CitationCheck {
  readonly registry: StatementRegistry;
  readonly use: CitationUse;
  /** The result the step uses (a reference erratum): its instance must agree with the premise. */
  readonly correct?: { readonly cites: string; readonly use?: Partial<CitationUse> };
  readonly options?: ClaimPart['options'];
}

/**
 * Check a citation against its statement: a claim (id, source, title from meta) comparing the
 * cited statement's instance with the premise, recorded with its status in `d.citations`.
 */
export function checkCitation(d: Derivation, meta: Omit<ClaimMeta, 'citation'> & { citation: CitationNote }, check: CitationCheck): CitationRecord {
  const rec = d.claim(meta, () => [
    ...citationParts(check.registry, meta.citation.cites, check.use, false, check.options),
    ...(check.correct ? citationParts(check.registry, check.correct.cites, { ...check.use, ...check.correct.use }, true, check.options) : []),
  ]);
  const status = rec.status === 'verified' ? 'agrees' : rec.status === 'erratum' ? `erratum (${rec.erratum?.location ?? 'unlocated'})` : rec.status;
  const candidates = rec.status === 'erratum' && !check.correct ? candidateStatements(check.registry, meta.citation.cites, check.use) : [];
  const detail = [
    rec.message,
    check.correct ? `the step uses ${check.correct.cites}` : '',
    candidates.length ? `statements with the premise's symbols: ${candidates.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const out: CitationRecord = { note: meta.citation, claim: meta.id, status, ...(detail ? { detail } : {}) };
  d.citations.push(out);
  return out;
}

/** Record a citation that is named only (a hypothesis, a definition, an outside source): the label must be one the text defines. */
export function nameCitation(d: Derivation, note: CitationNote, known: ReadonlySet<string>, why: string): CitationRecord {
  if (note.check === 'statement') throw new CitationError(`${note.cites} at ${note.at}: a statement citation needs checkCitation`);
  if (note.check === 'named' && !known.has(note.cites)) throw new CitationError(`${note.cites} at ${note.at}: the text defines no such label`);
  const out: CitationRecord = { note, status: note.check, detail: why };
  d.citations.push(out);
  return out;
}

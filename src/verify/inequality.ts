/**
 * Inequalities of a proof step, lhs <= rhs, decided in one of three ways:
 *  - proven: a certificate (identity + named standard inequalities, see prover.ts) -> the
 *    part holds, and the claim is `verified` when every part is proven;
 *  - searched: an adversarial search (multi-start optimisation of the relative margin) over the
 *    region the paper's hypotheses allow -> `checked-numeric`, with the region and the worst case;
 *  - sampled: given sample points (kept for families of test functions and API users).
 * A proof and a search that disagree make the claim fail with both verdicts. A violation is
 * reported with its counterexample; a printed inequality that fails while a supplied corrected
 * form holds is an erratum. Bad input (a NaN sample, a non-finite value) is refused naming it.
 */
import { Expr, printExpr, expand, sub, symbolsOf, checkTree } from '../cas/index.ts';
import { withAssumptions, validateAssumptions, restrictAssumptions, mergeAssumptions, currentAssumptions, Assumptions } from '../cas/assumptions.ts';
import { ClaimMeta, ClaimPart, ClaimRecord, PartOutcome, decideIdentities, unexpectedOutcome } from './claims.ts';
import { Region, Sample, pointAt } from './region.ts';
import { minimise, SearchOptions } from './search.ts';
import { Certificate, SignContext, prove } from './prover.ts';
import { Side, SideValue, sideEvaluator, relativeMargins, logNote, sideText, roundingOf, InequalityInputError } from './margin.ts';

export { InequalityInputError } from './margin.ts';
export { grid, seededSamples } from './samples.ts';

export type { Sample } from './region.ts';
export type { Side } from './margin.ts';

/** A proof of lhs <= rhs: a certificate and the signs it may use. */
export interface InequalityProof extends Certificate {
  readonly context?: SignContext;
}

/** An inequality lhs <= rhs: proven, searched over a region, or checked on samples. */
export interface InequalityPart {
  readonly label: string;
  /** The inequality as printed (plain text, for the report). */
  readonly printed: string;
  readonly lhs: Side;
  readonly rhs: Side;
  /** Sample points (families of test functions, API users); searched regions are preferred. */
  readonly samples?: readonly Sample[];
  /** The region the hypotheses allow: searched adversarially for the smallest margin. */
  readonly region?: Region;
  readonly search?: SearchOptions;
  /** A certificate: when it holds the part is proven. */
  readonly proof?: InequalityProof;
  /** Slack allowed for rounding, relative to |lhs| + |rhs| (default 1e-10, at most 1e-9), besides the sides' own rounding error bounds. */
  readonly tolerance?: number;
  /** The absolute accuracy of function sides (quadratures), default 1e-12 (finite, >= 0): a gap within it is not a violation. Expression sides carry their own error bounds. */
  readonly sideAccuracy?: number;
  /** lhs < rhs (default: read off the printed text, "a < b" or "a > b"); a proof must then be strict. */
  readonly strict?: boolean;
  /** The corrected (derived) inequality, decided the same way when the printed one fails. */
  readonly corrected?: { readonly printed: string; readonly lhs?: Side; readonly rhs: Side; readonly proof?: InequalityProof };
}

/** What the proof, the search or the samples said about one inequality. */
export interface InequalityOutcome {
  readonly label: string;
  readonly printed: string;
  readonly holds: boolean;
  /** proof (a certificate holds), search (adversarial search), samples (given points). */
  readonly method: 'proof' | 'search' | 'samples';
  /** Points evaluated (0 for a proof without a numeric witness). */
  readonly samples: number;
  /** The rules of the proof, when proven. */
  readonly rules?: readonly string[];
  readonly proofDetail?: string;
  /** The region searched, in words. */
  readonly region?: string;
  /** At the point of the smallest relative margin (rhs - lhs)/(|lhs| + |rhs|) evaluated: that margin and rhs - lhs. */
  readonly worstMargin: number;
  readonly worstRelativeMargin: number;
  readonly worstAt: Sample;
  readonly lhsAtWorst: number;
  readonly rhsAtWorst: number;
  /** The sides at the worst point where floats could not hold them (read in log space). */
  readonly logSpace?: string;
  /** A proven statement (for fromClaim): the sides as expressions, strict when proven strictly. */
  readonly statement?: { readonly lhs: Expr; readonly rhs: Expr; readonly strict?: boolean };
  /** Every fact a proof rests on (hypotheses, claims, context facts, assumptions of the identity). */
  readonly facts?: readonly string[];
  /** The claims a proof depends on. */
  readonly dependsOn?: readonly string[];
  /** The corrected form's outcome, when the printed one fails and a correction was given. */
  readonly corrected?: InequalityOutcome;
}

/** The largest relative violation a rounding tolerance may excuse: "holds" is never given beyond it. */
export const MAX_TOLERANCE = 1e-9;
const DEFAULT_TOLERANCE = 1e-10;

/** The tolerance of a part: at most 1e-9 relative to the size of the sides (a larger one is refused). */
function toleranceOf(part: Pick<InequalityPart, 'label' | 'tolerance' | 'sideAccuracy'>): number {
  const tol = part.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tol >= 0 && tol <= MAX_TOLERANCE))
    throw new InequalityInputError(`${part.label}: tolerance ${tol} is not in [0, ${MAX_TOLERANCE}] (relative to the size of the sides)`);
  if (part.sideAccuracy !== undefined && !(part.sideAccuracy >= 0 && Number.isFinite(part.sideAccuracy)))
    throw new InequalityInputError(`${part.label}: sideAccuracy ${part.sideAccuracy} is not a finite number >= 0`);
  return tol;
}

/** The default absolute accuracy of function sides (quadratures): their error is not known to the checker. */
const FUNCTION_SIDE_ACCURACY = 1e-12;

type Worst = Pick<InequalityOutcome, 'worstMargin' | 'worstRelativeMargin' | 'worstAt' | 'lhsAtWorst' | 'rhsAtWorst' | 'logSpace'>;
type Evaluated = Worst & { readonly logRatio: number };

/** The evaluators of both sides (expression sides checked, named by the part's label and the side: checkTree). */
const sidesOf = (part: Pick<InequalityPart, 'label' | 'lhs' | 'rhs'>) =>
  [sideEvaluator(part.lhs, `${part.label} (lhs)`), sideEvaluator(part.rhs, `${part.label} (rhs)`)] as const;

/** Refuse a given sample with a value that is not a finite number (the points of a region are checked where they are made: pointAt). */
function checkSample(label: string, s: Sample, where: string): void {
  for (const k in s) if (!Number.isFinite(s[k])) throw new InequalityInputError(`${label}: ${where} has ${k} = ${s[k]} (not a finite number)`);
}

/** Evaluate both sides at a sample (log space where floats under- or overflow), refusing what is not a real number with the point and the sides. */
function marginAt(
  label: string,
  lhs: (s: Sample) => SideValue | undefined,
  rhs: (s: Sample) => SideValue | undefined,
  part: Pick<InequalityPart, 'lhs' | 'rhs' | 'sideAccuracy'>,
  s: Sample,
  where: string,
  worstSoFar = Number.POSITIVE_INFINITY,
): Evaluated {
  const l = lhs(s);
  const r = rhs(s);
  if (!l || !r || (!Number.isFinite(l.v) && !l.log) || (!Number.isFinite(r.v) && !r.log))
    throw new InequalityInputError(
      `${label}: at ${where} ${JSON.stringify(s)} lhs = ${l?.v}, rhs = ${r?.v} (not finite); lhs = ${sideText(part.lhs)}, rhs = ${sideText(part.rhs)}`,
    );
  const raw = relativeMargins(l, r);
  const margin = Number.isNaN(r.v - l.v) ? Math.sign(raw.relative) * Number.POSITIVE_INFINITY || 0 : r.v - l.v;
  // a negative margin counts only beyond the sides' rounding error bounds (bounded where it could be the worst so far)
  let relative = raw.relative;
  if (relative < 0 && relative < worstSoFar && !l.log && !r.log) {
    const accuracy = part.sideAccuracy ?? FUNCTION_SIDE_ACCURACY;
    const rounding = roundingOf(part.lhs, s, l, accuracy) + roundingOf(part.rhs, s, r, accuracy);
    relative = Math.min(0, (margin + rounding) / (Math.abs(l.v) + Math.abs(r.v)));
  }
  const logRatio = relative === 0 && raw.relative < 0 ? 0 : raw.logRatio;
  return { worstMargin: margin, worstRelativeMargin: relative, logRatio, worstAt: s, lhsAtWorst: l.v, rhsAtWorst: r.v, logSpace: logNote(l, r) };
}

/** The worse of two evaluations: the smaller relative margin, then the smaller log-ratio. */
const worse = (a: Evaluated | undefined, b: Evaluated): Evaluated =>
  !a || b.worstRelativeMargin < a.worstRelativeMargin || (b.worstRelativeMargin === a.worstRelativeMargin && b.logRatio < a.logRatio) ? b : a;

const worstOnly = ({ logRatio: _, ...w }: Evaluated): Worst => w;

type Checked = Pick<InequalityPart, 'label' | 'printed' | 'lhs' | 'rhs' | 'samples' | 'tolerance' | 'sideAccuracy'>;

/** Check lhs <= rhs on every sample; throws InequalityInputError on a NaN sample or value. */
export function checkInequality(part: Checked): InequalityOutcome {
  const samples = part.samples ?? [];
  if (samples.length === 0) throw new InequalityInputError(`${part.label}: no samples to check the inequality on`);
  const tol = toleranceOf(part);
  const [lhs, rhs] = sidesOf(part);
  let worst: Evaluated | undefined;
  samples.forEach((s, i) => {
    checkSample(part.label, s, `sample #${i}`);
    worst = worse(worst, marginAt(part.label, lhs, rhs, part, s, `sample #${i}`, worst?.worstRelativeMargin));
  });
  const w = worstOnly(worst!);
  return { label: part.label, printed: part.printed, method: 'samples', holds: w.worstRelativeMargin >= -tol, samples: samples.length, ...w };
}

/**
 * Search the region for the smallest relative margin of lhs <= rhs (given samples are evaluated
 * too). The search minimises two unsaturated scores: the log-ratio (scale-free) and the margin
 * in units of the sides' size at the centre of the region (it has a slope where a side is 0).
 */
export function searchInequality(part: Checked & { region: Region; search?: SearchOptions }): InequalityOutcome {
  const tol = toleranceOf(part);
  const [lhs, rhs] = sidesOf(part);
  const given = [...(part.search?.extra ?? []), ...(part.samples ?? [])];
  for (const extra of given) checkSample(part.label, extra, 'a given point of the region');
  let worst: Evaluated | undefined;
  const at = (s: Sample) => marginAt(part.label, lhs, rhs, part, s, 'a point of the region', worst?.worstRelativeMargin);
  const centre = at(
    pointAt(
      part.region,
      part.region.dims.map(() => 0.5),
    ),
  );
  const unit = Math.abs(centre.lhsAtWorst) + Math.abs(centre.rhsAtWorst) || 1;
  worst = centre;
  const objective = (s: Sample): [number, number] => {
    const m = at(s);
    worst = worse(worst, m);
    return [m.logRatio, Math.asinh(Math.max(-1e300, Math.min(1e300, m.worstMargin)) / unit)];
  };
  const out = minimise(objective, part.region, { ...part.search, extra: given });
  const w = worstOnly(worst!);
  return {
    label: part.label,
    printed: part.printed,
    method: 'search',
    holds: w.worstRelativeMargin >= -tol,
    samples: out.evaluations + 1,
    region: out.region,
    ...w,
  };
}

/** A proof's verdict as an outcome (no numeric point: the worst case is not applicable). */
function proofOutcome(part: InequalityPart, proof: InequalityProof): InequalityOutcome {
  if (typeof part.lhs === 'function' || typeof part.rhs === 'function')
    throw new InequalityInputError(`${part.label}: a proof needs both sides as expressions`);
  // sides built by the caller are checked before the proof walks them (the search and the samples check them in sideEvaluator)
  checkTree(part.lhs, `${part.label} (lhs)`);
  checkTree(part.rhs, `${part.label} (rhs)`);
  const strict = isStrict(part);
  const p = prove({ lhs: part.lhs, rhs: part.rhs, strict }, proof, proof.context);
  const none = { worstAt: {}, lhsAtWorst: Number.NaN, rhsAtWorst: Number.NaN, samples: 0, method: 'proof' as const, label: part.label, printed: part.printed };
  if (!p.proven) return { ...none, holds: false, proofDetail: `not proven: ${p.failure}`, worstMargin: Number.NaN, worstRelativeMargin: Number.NaN };
  return {
    ...none,
    holds: true,
    rules: p.rules,
    proofDetail: p.detail,
    worstMargin: 0,
    worstRelativeMargin: 0,
    statement: { lhs: part.lhs, rhs: part.rhs, strict: p.strict },
    facts: p.facts,
    dependsOn: p.dependsOn,
  };
}

/** A strict part: its flag, else read off the printed text ("a < b", "a > b" with spaces, and no "<=" or ">="). */
export const isStrict = (part: Pick<InequalityPart, 'strict' | 'printed'>): boolean =>
  part.strict ?? (/\s[<>]\s/.test(part.printed) && !/[<>]=|≤|≥/.test(part.printed));

/** Proof and search disagree: never a pass. */
export class ProofSearchDisagreement extends Error {
  constructor(label: string, proof: InequalityOutcome, search: InequalityOutcome) {
    super(`${label}: the certificate proves it (${proof.rules?.join(' + ')}) but the search finds ${describeOutcome(search)}`);
    this.name = 'ProofSearchDisagreement';
  }
}

/** Decide one form (printed or corrected): proof first; the search (or samples) as witness or fallback. */
function decideForm(part: InequalityPart): InequalityOutcome {
  const numeric = part.region ? searchInequality({ ...part, region: part.region }) : part.samples?.length ? checkInequality(part) : undefined;
  if (part.proof) {
    const p = proofOutcome(part, part.proof);
    if (p.holds && numeric && !numeric.holds) throw new ProofSearchDisagreement(part.label, p, numeric);
    if (p.holds)
      return numeric
        ? {
            ...p,
            samples: numeric.samples,
            region: numeric.region,
            worstMargin: numeric.worstMargin,
            worstRelativeMargin: numeric.worstRelativeMargin,
            worstAt: numeric.worstAt,
            lhsAtWorst: numeric.lhsAtWorst,
            rhsAtWorst: numeric.rhsAtWorst,
            logSpace: numeric.logSpace,
          }
        : p;
    if (numeric) return { ...numeric, proofDetail: p.proofDetail };
    return p;
  }
  if (!numeric) throw new InequalityInputError(`${part.label}: give a proof, a region to search or samples`);
  return numeric;
}

/** Check a part, and its correction when the printed form fails. */
function checkPart(part: InequalityPart): InequalityOutcome {
  const out = decideForm(part);
  if (out.holds || !part.corrected) return out;
  const c = part.corrected;
  const corrected = decideForm({ ...part, label: `${part.label} (corrected)`, printed: c.printed, lhs: c.lhs ?? part.lhs, rhs: c.rhs, proof: c.proof });
  return { ...out, corrected };
}

const fmt = (x: number) => (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(3) : x.toPrecision(4));
const sampleText = (s: Sample) =>
  Object.entries(s)
    .map(([k, x]) => `${k}=${fmt(x)}`)
    .join(', ');

/** One line: the proof's rules, or the worst margin and where (with the region searched), or the counterexample. */
export function describeOutcome(o: InequalityOutcome, withRegion = true): string {
  const where = `at ${sampleText(o.worstAt)} (${o.logSpace ?? `lhs=${fmt(o.lhsAtWorst)}, rhs=${fmt(o.rhsAtWorst)}`})`;
  const restsOn = o.facts?.length ? `; rests on: ${o.facts.join(', ')}` : '';
  const region = withRegion && o.region ? ` [${o.region}]` : '';
  const over = o.method === 'search' ? `${o.samples} points of the region searched${region}` : `${o.samples} samples`;
  let head: string;
  if (o.method === 'proof' && o.holds)
    head = `proven${o.statement?.strict ? ' strictly' : ''} by ${o.rules!.join(' + ')}${restsOn}${o.region ? `; the search agrees (${o.samples} points, worst relative margin ${fmt(o.worstRelativeMargin)} ${where})${region}` : ''}`;
  else if (o.method === 'proof') head = `${o.proofDetail}`;
  else
    head = o.holds
      ? `holds on ${over}; worst margin rhs-lhs = ${fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}) ${where}${o.proofDetail ? `; ${o.proofDetail}` : ''}`
      : `VIOLATED: counterexample ${where}, margin ${o.logSpace ? 'outside the float range' : fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}), ${over}`;
  return o.corrected ? `${head}; corrected form "${o.corrected.printed}": ${describeOutcome(o.corrected, withRegion)}` : head;
}

/** The outcomes in words, each region named once at the end. */
function describeAll(outcomes: readonly InequalityOutcome[]): string {
  const regions = [...new Set(outcomes.flatMap((o) => [o.region, o.corrected?.region]).filter((r): r is string => !!r))];
  const lines = outcomes.map((o) => `${o.label}: ${describeOutcome(o, false)}`);
  return [...lines, ...regions.map((r) => `region searched: ${r}`)].join('; ');
}

/** What a claim with inequalities consists of: identities (decided as usual) and inequalities. */
export interface InequalityClaim {
  readonly identities?: readonly ClaimPart[];
  readonly inequalities: readonly InequalityPart[];
}

/** A failed printed inequality shown as a part (printed rhs vs corrected rhs) when both are expressions. */
function erratumPart(part: InequalityPart): PartOutcome[] {
  const c = part.corrected;
  if (!c) return [];
  // show the side the correction changes (the right-hand side unless only the left one changed)
  const [side, printed, corrected] = c.rhs === part.rhs && c.lhs && c.lhs !== part.lhs ? ['left', part.lhs, c.lhs] : ['right', part.rhs, c.rhs];
  if (typeof printed === 'function' || typeof corrected === 'function') return [];
  return [
    {
      label: `${part.label}: ${side}-hand side of ${part.printed}`,
      holds: false,
      mustHold: false,
      printed: printExpr(printed),
      derived: printExpr(corrected),
      difference: printExpr(expand(sub(corrected, printed))),
      checks: [],
      printedExpr: printed,
      derivedExpr: corrected,
    },
  ];
}

const methodName = (o: InequalityOutcome) =>
  o.method === 'proof' && o.holds ? 'prover' : o.method === 'search' ? 'adversarial-search' : o.method === 'proof' ? 'prover' : 'seeded-samples';
const resultName = (o: InequalityOutcome) => (o.method === 'proof' ? (o.holds ? 'proven' : 'not-proven') : o.holds ? 'holds' : 'violated');

/** The declarations that concern the claim's symbols: those of its identities, its inequalities' sides and its searched regions. */
function usedAssumptions(declared: Assumptions, base: ClaimRecord, spec: InequalityClaim | undefined): Assumptions {
  if (!spec) return base.assumptions;
  const names = new Set<string>();
  for (const p of base.parts) for (const e of [p.printedExpr, p.derivedExpr]) symbolsOf(e, names);
  for (const q of spec.inequalities) {
    for (const side of [q.lhs, q.rhs, q.corrected?.lhs, q.corrected?.rhs]) if (side && typeof side !== 'function') symbolsOf(side, names);
    for (const d of q.region?.dims ?? []) names.add(d.name);
  }
  // what a certificate's identity assumes is an assumption of the verdict too (sqrt(x^2) <= x holds for x >= 0 only)
  const identities = spec.inequalities.flatMap((q) => [q.proof?.identity?.assume, q.corrected?.proof?.identity?.assume]);
  try {
    return mergeAssumptions(restrictAssumptions(declared, names), ...identities);
  } catch {
    return restrictAssumptions(declared, names); // contradictory: the proof under them failed, the facts name them
  }
}

/**
 * Decide a claim made of identities and inequalities: verified when the identities are verified
 * and every inequality is proven; checked-numeric when some inequality is only searched (or
 * sampled) and holds; erratum when a printed part is wrong and its correction holds; failed (with
 * the counterexample) when an inequality is violated otherwise, or a proof and a search disagree.
 */
export function decideInequalityClaim(meta: ClaimMeta, derive: () => InequalityClaim): ClaimRecord {
  const t0 = performance.now();
  const declared = mergeAssumptions(currentAssumptions(), validateAssumptions(meta.assume, `claim ${meta.id}`));
  let spec: InequalityClaim | undefined;
  const base = decideIdentities(meta, () => {
    spec = derive();
    return spec.identities ?? [];
  });
  const done = (rec: Partial<ClaimRecord>): ClaimRecord => {
    const out = { ...base, ...rec, ms: performance.now() - t0 };
    const unexpected = unexpectedOutcome(out.status, meta.expect);
    return { ...out, assumptions: usedAssumptions(declared, base, spec), unexpected };
  };
  if (!spec) return done({});
  if (spec.inequalities.length === 0) return done({ status: 'failed', message: 'no inequality was given' });
  if (base.status === 'failed') return done({});
  let outcomes: InequalityOutcome[];
  try {
    const inequalities = spec.inequalities;
    outcomes = withAssumptions(validateAssumptions(meta.assume, `claim ${meta.id}`), () => inequalities.map(checkPart));
  } catch (err) {
    return done({ status: 'failed', message: `${(err as Error).name}: ${(err as Error).message}` });
  }
  const checks = [
    ...(base.status === 'unsupported' ? [] : base.checks),
    ...outcomes.map((o) => ({ method: methodName(o), result: resultName(o), detail: `${o.label}: ${describeOutcome(o)}` })),
  ];
  const parts = [...base.parts, ...spec.inequalities.flatMap((p, i) => (outcomes[i].holds ? [] : erratumPart(p)))];
  const violated = outcomes.filter((o) => !o.holds);
  const record = { checks, parts, inequalities: outcomes };
  if (violated.some((o) => !o.corrected?.holds)) return done({ ...record, status: 'failed', message: describeAll(violated) });
  if (violated.length > 0 || base.status === 'erratum')
    return done({ ...record, status: 'erratum', message: [base.status === 'erratum' ? base.message : '', describeAll(outcomes)].filter(Boolean).join('; ') });
  const allProven = outcomes.every((o) => o.method === 'proof') && (base.status === 'verified' || base.status === 'unsupported');
  return done({ ...record, status: allProven ? 'verified' : 'checked-numeric', message: describeAll(outcomes) });
}

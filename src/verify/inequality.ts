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
import { Expr, printExpr, expand, sub, seededRandom, symbolsOf } from '../cas/index.ts';
import { withAssumptions, validateAssumptions, restrictAssumptions, mergeAssumptions, currentAssumptions, Assumptions } from '../cas/assumptions.ts';
import { evaluateExpr, compileExpr } from '../calculus/index.ts';
import { ClaimMeta, ClaimPart, ClaimRecord, PartOutcome, decideIdentities, unexpectedOutcome } from './claims.ts';
import { Region, Sample } from './region.ts';
import { minimise, SearchOptions } from './search.ts';
import { Certificate, SignContext, prove } from './prover.ts';

export type { Sample } from './region.ts';
/** A side of an inequality: an expression in the sample's names, or a function of the sample. */
export type Side = Expr | ((s: Sample) => number);

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
  /** Slack allowed for rounding, relative to max(|lhs| + |rhs|, 1e-9) (default 1e-10), besides an absolute 1e-12. */
  readonly tolerance?: number;
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
  /** min of rhs - lhs, and of (rhs - lhs) / max(|lhs| + |rhs|, 1e-9), over what was evaluated. */
  readonly worstMargin: number;
  readonly worstRelativeMargin: number;
  readonly worstAt: Sample;
  readonly lhsAtWorst: number;
  readonly rhsAtWorst: number;
  /** The corrected form's outcome, when the printed one fails and a correction was given. */
  readonly corrected?: InequalityOutcome;
}

/** Bad input to the inequality checker: a NaN/infinite sample value or side. */
export class InequalityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InequalityInputError';
  }
}

const sideText = (side: Side): string => (typeof side === 'function' ? '(function)' : printExpr(side));
/** A side as a fast function of the sample (expressions compiled once). */
const sideFunction = (side: Side): ((s: Sample) => number) => {
  if (typeof side === 'function') return side;
  const f = compileExpr(side);
  return (s) => {
    try {
      return f(s);
    } catch {
      return evaluateExpr(side, s); // throws with the expression and the point
    }
  };
};
/** Sides smaller than this are round-off: the relative margin is taken against it, and a margin above -1e-12 is no violation. */
const ROUND_OFF = 1e-9;
const ABSOLUTE_SLACK = 1e-12;
/** The relative margin (rhs - lhs)/max(|lhs| + |rhs|, 1e-9), in [-1, 1]. */
const relativeMargin = (l: number, r: number) => (l === r ? 0 : (r - l) / Math.max(Math.abs(l) + Math.abs(r), ROUND_OFF));

/** Within rounding: the margin is above -(tol times the relative scale) or above -1e-12. */
const withinRounding = (w: Worst, tol = 1e-10) => w.worstRelativeMargin >= -tol || w.worstMargin >= -ABSOLUTE_SLACK;

type Worst = Pick<InequalityOutcome, 'worstMargin' | 'worstRelativeMargin' | 'worstAt' | 'lhsAtWorst' | 'rhsAtWorst'>;

/** Evaluate both sides at a sample, refusing non-finite values with the point and the sides. */
function marginAt(
  label: string,
  lhs: (s: Sample) => number,
  rhs: (s: Sample) => number,
  part: Pick<InequalityPart, 'lhs' | 'rhs'>,
  s: Sample,
  where: string,
): Worst {
  for (const [k, x] of Object.entries(s)) if (!Number.isFinite(x)) throw new InequalityInputError(`${label}: ${where} has ${k} = ${x} (not a finite number)`);
  const l = lhs(s);
  const r = rhs(s);
  if (!Number.isFinite(l) || !Number.isFinite(r))
    throw new InequalityInputError(
      `${label}: at ${where} ${JSON.stringify(s)} lhs = ${l}, rhs = ${r} (not finite); lhs = ${sideText(part.lhs)}, rhs = ${sideText(part.rhs)}`,
    );
  return { worstMargin: r - l, worstRelativeMargin: relativeMargin(l, r), worstAt: s, lhsAtWorst: l, rhsAtWorst: r };
}

type Checked = Pick<InequalityPart, 'label' | 'printed' | 'lhs' | 'rhs' | 'samples' | 'tolerance'>;

/** Check lhs <= rhs on every sample; throws InequalityInputError on a NaN sample or value. */
export function checkInequality(part: Checked): InequalityOutcome {
  const samples = part.samples ?? [];
  if (samples.length === 0) throw new InequalityInputError(`${part.label}: no samples to check the inequality on`);
  const [lhs, rhs] = [sideFunction(part.lhs), sideFunction(part.rhs)];
  let worst: Worst | undefined;
  samples.forEach((s, i) => {
    const m = marginAt(part.label, lhs, rhs, part, s, `sample #${i}`);
    if (!worst || m.worstRelativeMargin < worst.worstRelativeMargin) worst = m;
  });
  return { label: part.label, printed: part.printed, method: 'samples', holds: withinRounding(worst!, part.tolerance), samples: samples.length, ...worst! };
}

/** Search the region for the smallest relative margin of lhs <= rhs (given samples are evaluated too). */
export function searchInequality(part: Checked & { region: Region; search?: SearchOptions }): InequalityOutcome {
  const [lhs, rhs] = [sideFunction(part.lhs), sideFunction(part.rhs)];
  let worst: Worst | undefined;
  const objective = (s: Sample) => {
    const m = marginAt(part.label, lhs, rhs, part, s, 'a point of the region');
    if (!worst || m.worstRelativeMargin < worst.worstRelativeMargin) worst = m;
    return m.worstRelativeMargin;
  };
  const out = minimise(objective, part.region, { ...part.search, extra: [...(part.search?.extra ?? []), ...(part.samples ?? [])] });
  return {
    label: part.label,
    printed: part.printed,
    method: 'search',
    holds: withinRounding(worst!, part.tolerance),
    samples: out.evaluations,
    region: out.region,
    ...worst!,
  };
}

/** A proof's verdict as an outcome (no numeric point: the worst case is not applicable). */
function proofOutcome(part: InequalityPart, proof: InequalityProof): InequalityOutcome | undefined {
  if (typeof part.lhs === 'function' || typeof part.rhs === 'function')
    throw new InequalityInputError(`${part.label}: a proof needs both sides as expressions`);
  const p = prove({ lhs: part.lhs, rhs: part.rhs }, proof, proof.context);
  if (!p.proven)
    return {
      label: part.label,
      printed: part.printed,
      method: 'proof',
      holds: false,
      samples: 0,
      proofDetail: `not proven: ${p.failure}`,
      worstMargin: Number.NaN,
      worstRelativeMargin: Number.NaN,
      worstAt: {},
      lhsAtWorst: Number.NaN,
      rhsAtWorst: Number.NaN,
    };
  return {
    label: part.label,
    printed: part.printed,
    method: 'proof',
    holds: true,
    samples: 0,
    rules: p.rules,
    proofDetail: p.detail,
    worstMargin: 0,
    worstRelativeMargin: 0,
    worstAt: {},
    lhsAtWorst: Number.NaN,
    rhsAtWorst: Number.NaN,
  };
}

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
    const p = proofOutcome(part, part.proof)!;
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
  const where = `at ${sampleText(o.worstAt)} (lhs=${fmt(o.lhsAtWorst)}, rhs=${fmt(o.rhsAtWorst)})`;
  const region = withRegion && o.region ? ` [${o.region}]` : '';
  const over = o.method === 'search' ? `${o.samples} points of the region searched${region}` : `${o.samples} samples`;
  let head: string;
  if (o.method === 'proof' && o.holds)
    head = `proven by ${o.rules!.join(' + ')}${o.region ? `; the search agrees (${o.samples} points, worst relative margin ${fmt(o.worstRelativeMargin)} ${where})${region}` : ''}`;
  else if (o.method === 'proof') head = `${o.proofDetail}`;
  else
    head = o.holds
      ? `holds on ${over}; worst margin rhs-lhs = ${fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}) ${where}${o.proofDetail ? `; ${o.proofDetail}` : ''}`
      : `VIOLATED: counterexample ${where}, margin ${fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}), ${over}`;
  return o.corrected ? `${head}; corrected form "${o.corrected.printed}": ${describeOutcome(o.corrected, withRegion)}` : head;
}

/** The outcomes in words, each region named once at the end. */
function describeAll(outcomes: readonly InequalityOutcome[]): string {
  const regions = [...new Set(outcomes.flatMap((o) => [o.region, o.corrected?.region]).filter((r): r is string => !!r))];
  const lines = outcomes.map((o) => `${o.label}: ${describeOutcome(o, false)}`);
  return [...lines, ...regions.map((r) => `region searched: ${r}`)].join('; ');
}

/** A grid: every combination of the given axis values. */
export function grid(axes: Readonly<Record<string, readonly number[]>>): Sample[] {
  return Object.entries(axes).reduce<Sample[]>((acc, [k, xs]) => acc.flatMap((s) => xs.map((x) => ({ ...s, [k]: x }))), [{}]);
}

/** n seeded samples, each name uniform in its range (log-uniform for names listed in `logScale`). */
export function seededSamples(
  ranges: Readonly<Record<string, readonly [number, number]>>,
  n: number,
  seed: number,
  logScale: readonly string[] = [],
): Sample[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () =>
    Object.fromEntries(
      Object.entries(ranges).map(([k, [lo, hi]]) => {
        if (!(lo <= hi) || (logScale.includes(k) && lo <= 0)) throw new InequalityInputError(`seededSamples: bad range for ${k}: [${lo}, ${hi}]`);
        const u = rand();
        return [k, logScale.includes(k) ? lo * (hi / lo) ** u : lo + (hi - lo) * u];
      }),
    ),
  );
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
  return restrictAssumptions(declared, names);
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

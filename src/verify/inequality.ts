/**
 * Inequalities checked on samples (status `checked-numeric`): lhs <= rhs evaluated at seeded
 * samples or grids of the parameters (families of test functions are parameterised the same
 * way), reporting the worst margin and where it occurs. A violation is reported with its
 * counterexample; a printed inequality that fails while a supplied corrected form holds is an
 * erratum. Bad input (a NaN sample, a non-finite value) is refused with an error naming it.
 */
import { Expr, printExpr, expand, sub, seededRandom } from '../cas/index.ts';
import { evaluateExpr } from '../calculus/index.ts';
import { ClaimMeta, ClaimPart, ClaimRecord, PartOutcome, decideClaim, unexpectedOutcome } from './claims.ts';

/** One point of the parameters (and of the parameters of a family of test functions). */
export type Sample = Readonly<Record<string, number>>;
/** A side of an inequality: an expression in the sample's names, or a function of the sample. */
export type Side = Expr | ((s: Sample) => number);

/** An inequality lhs <= rhs to check on samples. */
export interface InequalityPart {
  readonly label: string;
  /** The inequality as printed (plain text, for the report). */
  readonly printed: string;
  readonly lhs: Side;
  readonly rhs: Side;
  readonly samples: readonly Sample[];
  /** Slack allowed for rounding, relative to max(1, |lhs|, |rhs|) (default 1e-10). */
  readonly tolerance?: number;
  /** The corrected (derived) inequality, checked on the same samples when the printed one fails. */
  readonly corrected?: { readonly printed: string; readonly lhs?: Side; readonly rhs: Side };
}

/** What the samples said about one inequality. */
export interface InequalityOutcome {
  readonly label: string;
  readonly printed: string;
  readonly holds: boolean;
  readonly samples: number;
  /** min over samples of rhs - lhs, and of (rhs - lhs) / max(1, |lhs|, |rhs|). */
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

const sideValue = (side: Side, s: Sample): number => (typeof side === 'function' ? side(s) : evaluateExpr(side, s));
const sideText = (side: Side): string => (typeof side === 'function' ? '(function)' : printExpr(side));

/** Check lhs <= rhs on every sample; throws InequalityInputError on a NaN sample or value. */
export function checkInequality(part: Pick<InequalityPart, 'label' | 'printed' | 'lhs' | 'rhs' | 'samples' | 'tolerance'>): InequalityOutcome {
  if (part.samples.length === 0) throw new InequalityInputError(`${part.label}: no samples to check the inequality on`);
  const tol = part.tolerance ?? 1e-10;
  let worst: Omit<InequalityOutcome, 'label' | 'printed' | 'holds' | 'samples'> | undefined;
  part.samples.forEach((s, i) => {
    for (const [k, x] of Object.entries(s))
      if (!Number.isFinite(x)) throw new InequalityInputError(`${part.label}: sample #${i} has ${k} = ${x} (not a finite number)`);
    const l = sideValue(part.lhs, s);
    const r = sideValue(part.rhs, s);
    if (!Number.isFinite(l) || !Number.isFinite(r))
      throw new InequalityInputError(`${part.label}: at sample #${i} ${JSON.stringify(s)} lhs = ${l}, rhs = ${r} (not finite); lhs = ${sideText(part.lhs)}, rhs = ${sideText(part.rhs)}`);
    const rel = (r - l) / Math.max(1, Math.abs(l), Math.abs(r));
    if (!worst || rel < worst.worstRelativeMargin) worst = { worstMargin: r - l, worstRelativeMargin: rel, worstAt: s, lhsAtWorst: l, rhsAtWorst: r };
  });
  const w = worst!;
  return { label: part.label, printed: part.printed, holds: w.worstRelativeMargin >= -tol, samples: part.samples.length, ...w };
}

/** Check a part, and its correction when the printed form fails. */
function checkPart(part: InequalityPart): InequalityOutcome {
  const out = checkInequality(part);
  if (out.holds || !part.corrected) return out;
  const c = part.corrected;
  const corrected = checkInequality({ ...part, label: `${part.label} (corrected)`, printed: c.printed, lhs: c.lhs ?? part.lhs, rhs: c.rhs });
  return { ...out, corrected };
}

const fmt = (x: number) => (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(3) : x.toPrecision(4));
const sampleText = (s: Sample) => Object.entries(s).map(([k, x]) => `${k}=${fmt(x)}`).join(', ');

/** One line: worst margin and where, or the counterexample. */
export function describeOutcome(o: InequalityOutcome): string {
  const where = `at ${sampleText(o.worstAt)} (lhs=${fmt(o.lhsAtWorst)}, rhs=${fmt(o.rhsAtWorst)})`;
  const head = o.holds
    ? `holds on ${o.samples} samples; worst margin rhs-lhs = ${fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}) ${where}`
    : `VIOLATED: counterexample ${where}, margin ${fmt(o.worstMargin)} (relative ${fmt(o.worstRelativeMargin)}), ${o.samples} samples`;
  return o.corrected ? `${head}; corrected form "${o.corrected.printed}": ${describeOutcome(o.corrected)}` : head;
}

/** A grid: every combination of the given axis values. */
export function grid(axes: Readonly<Record<string, readonly number[]>>): Sample[] {
  return Object.entries(axes).reduce<Sample[]>((acc, [k, xs]) => acc.flatMap((s) => xs.map((x) => ({ ...s, [k]: x }))), [{}]);
}

/** n seeded samples, each name uniform in its range (log-uniform for names listed in `logScale`). */
export function seededSamples(ranges: Readonly<Record<string, readonly [number, number]>>, n: number, seed: number, logScale: readonly string[] = []): Sample[] {
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
function erratumPart(part: InequalityPart, _outcome: InequalityOutcome): PartOutcome[] {
  const c = part.corrected;
  if (!c || typeof part.rhs === 'function' || typeof c.rhs === 'function') return [];
  return [{
    label: `${part.label}: right-hand side of ${part.printed}`, holds: false, mustHold: false,
    printed: printExpr(part.rhs), derived: printExpr(c.rhs), difference: printExpr(expand(sub(c.rhs, part.rhs))),
    checks: [], printedExpr: part.rhs, derivedExpr: c.rhs,
  }];
}

/**
 * Decide a claim made of identities and inequalities: checked-numeric when the identities are
 * verified and every inequality holds on its samples; erratum when a printed part is wrong and its
 * correction holds; failed (with the counterexample) when an inequality is violated otherwise.
 */
export function decideInequalityClaim(meta: ClaimMeta, derive: () => InequalityClaim): ClaimRecord {
  const t0 = performance.now();
  let spec: InequalityClaim | undefined;
  const base = decideClaim(meta, () => {
    spec = derive();
    return spec.identities ?? [];
  });
  const done = (rec: Partial<ClaimRecord>): ClaimRecord => {
    const out = { ...base, ...rec, ms: performance.now() - t0 };
    const unexpected = unexpectedOutcome(out.status, meta.expect);
    return { ...out, unexpected };
  };
  if (!spec) return done({});
  if (spec.inequalities.length === 0) return done({ status: 'failed', message: 'no inequality was given' });
  if (base.status === 'failed') return done({});
  let outcomes: InequalityOutcome[];
  try {
    outcomes = spec.inequalities.map(checkPart);
  } catch (err) {
    return done({ status: 'failed', message: `${(err as Error).name}: ${(err as Error).message}` });
  }
  const checks = [...(base.status === 'unsupported' ? [] : base.checks), ...outcomes.map((o) => ({ method: 'seeded-samples', result: o.holds ? 'holds' : 'violated', detail: `${o.label}: ${describeOutcome(o)}` }))];
  const parts = [...base.parts, ...spec.inequalities.flatMap((p, i) => (outcomes[i].holds ? [] : erratumPart(p, outcomes[i])))];
  const violated = outcomes.filter((o) => !o.holds);
  const record = { checks, parts, inequalities: outcomes };
  if (violated.some((o) => !o.corrected?.holds))
    return done({ ...record, status: 'failed', message: violated.map((o) => `${o.label}: ${describeOutcome(o)}`).join('; ') });
  if (violated.length > 0 || base.status === 'erratum')
    return done({ ...record, status: 'erratum', message: [base.status === 'erratum' ? base.message : '', ...violated.map((o) => `${o.label}: ${describeOutcome(o)}`)].filter(Boolean).join('; ') });
  return done({ ...record, status: 'checked-numeric', message: outcomes.map((o) => `${o.label}: ${describeOutcome(o)}`).join('; ') });
}

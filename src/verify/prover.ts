/**
 * A small prover for the inequality steps of a proof. A step lhs <= rhs (or lhs < rhs) is proven
 * by a certificate:
 *
 *     scale * (rhs - lhs) = sum_i m_i * (p_i.rhs - p_i.lhs) + rest
 *
 * where each p_i is a premise built and checked by premises.ts — an instance of a named standard
 * inequality (Young, AM–GM, Cauchy–Schwarz, e^x >= 1 + x, ln x <= x - 1, monotonicity on a checked
 * interval), an entry of the derivation's hypothesis list, or a statement of a claim verified in
 * the same run — the multipliers m_i and the remainder `rest` are nonnegative by their structure
 * (squares, declared positive symbols, exponentials, products and sums of such, facts), and
 * `scale` is positive. A strict goal needs a strict certificate: a positive remainder, or a strict
 * premise with a positive multiplier. The identity is decided by the independent methods of
 * `equivalent`; the signs by exact structural rules. The verdict names every rule used and lists
 * every fact it rests on (hypotheses, claims, context facts, assumptions of the identity).
 */
import { Expr, add, sub, mul, num, pow, expand, toPoly, polyKey, printExpr, isZero, qSign, qIsInt } from '../cas/index.ts';
import { equivalent, EquivalenceOptions, Check } from './equivalent.ts';
import { currentAssumptions } from '../cas/assumptions.ts';
import { isCheckedPremise } from './premise-registry.ts';

/** A premise: lhs <= rhs (lhs < rhs when strict), by a named rule, with what it needs to apply. */
export interface Premise {
  readonly rule: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The instantiation, for the report. */
  readonly detail: string;
  /** Expressions that must be positive (or nonnegative) for the rule to apply. */
  readonly requires?: readonly { readonly expr: Expr; readonly sign: 'positive' | 'nonnegative' }[];
  /** lhs < rhs. */
  readonly strict?: boolean;
  /** What the premise rests on besides its rule, listed in the verdict (a hypothesis by name, a cited result, a claim). */
  readonly restsOn?: readonly string[];
  /** The claims it depends on (ids of claims verified in the same run). */
  readonly dependsOn?: readonly string[];
}

/** What is known about signs besides the declarations in force: symbols and expressions known to be >= 0 or > 0 (hypotheses). */
export interface SignContext {
  readonly positive?: readonly string[];
  readonly nonnegative?: readonly string[];
  readonly facts?: readonly Expr[];
  readonly positiveFacts?: readonly Expr[];
  /** Opaque functions known to be positive (densities), by name. */
  readonly positiveFunctions?: readonly string[];
}

export type Sign = 'positive' | 'nonnegative' | 'unknown';

/** A goal lhs <= rhs, or lhs < rhs when strict. */
export interface Goal {
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly strict?: boolean;
}

/** A certificate for lhs <= rhs. */
export interface Certificate {
  /** A positive factor the goal is multiplied by (to clear a denominator); default 1. */
  readonly scale?: Expr;
  readonly uses?: readonly { readonly premise: Premise; readonly multiplier?: Expr }[];
  /** The remainder in a form whose sign is structural (squares, ...); default: computed and expanded. */
  readonly rest?: Expr;
  /** Prove lhs^2 <= rhs^2 instead, both sides being nonnegative (rule compare-squares). */
  readonly squared?: boolean;
  /** Options for the identity (e.g. methods, when nerdamer cannot read a radical); its `assume` is listed in the verdict. */
  readonly identity?: EquivalenceOptions;
}

/** The verdict of the prover. */
export interface ProofOutcome {
  readonly proven: boolean;
  /** Proven strictly (lhs < rhs). */
  readonly strict?: boolean;
  /** The rules used, in order: premises' rules, then how the remainder's sign was read. */
  readonly rules: readonly string[];
  readonly detail: string;
  readonly checks: readonly Check[];
  readonly failure?: string;
  /** Every fact the proof rests on besides the declarations: hypotheses, claims, cited results, context facts, assumptions of the identity. */
  readonly facts?: readonly string[];
  /** The claims the proof depends on. */
  readonly dependsOn?: readonly string[];
}

/** A certificate that cannot apply (a negative multiplier, a rule whose condition fails). */
export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

const keyOfPoly = (e: Expr) => polyKey(toPoly(e));
const combine = (a: Sign, b: Sign): Sign =>
  a === 'unknown' || b === 'unknown' ? 'unknown' : a === 'positive' && b === 'positive' ? 'positive' : 'nonnegative';

/**
 * The sign of e read from its structure and the context: positive, nonnegative, or unknown. The
 * context facts and undeclared context symbols the reading used are added to `used` (for the verdict).
 */
export function signOf(e: Expr, ctx: SignContext = {}, used?: Set<string>): Sign {
  // the declarations in force (d.assume, a claim's assume) count as well as the context
  const declared = currentAssumptions();
  const pos = new Set([...(ctx.positive ?? []), ...Object.keys(declared).filter((n) => declared[n] === 'positive')]);
  const nonneg = new Set([...(ctx.nonnegative ?? []), ...Object.keys(declared).filter((n) => declared[n] === 'nonnegative')]);
  const posFacts = new Map((ctx.positiveFacts ?? []).map((f) => [keyOfPoly(f), f]));
  const facts = new Map((ctx.facts ?? []).map((f) => [keyOfPoly(f), f]));
  const note = (text: string) => used?.add(text);
  const factSign = (x: Expr): Sign => {
    if (posFacts.size + facts.size === 0) return 'unknown';
    const k = keyOfPoly(x);
    const p = posFacts.get(k);
    if (p) {
      note(`fact ${printExpr(p)} > 0`);
      return 'positive';
    }
    const f = facts.get(k);
    if (f) {
      note(`fact ${printExpr(f)} >= 0`);
      return 'nonnegative';
    }
    return 'unknown';
  };
  const symbolSign = (name: string): Sign => {
    if (name === 'pi') return 'positive';
    const kind = pos.has(name) ? 'positive' : nonneg.has(name) ? 'nonnegative' : undefined;
    if (kind && declared[name] !== kind) note(`context ${name} ${kind === 'positive' ? '> 0' : '>= 0'}`);
    return kind ?? 'unknown';
  };
  const go = (x: Expr): Sign => {
    switch (x.kind) {
      case 'num':
        return qSign(x.value) > 0 ? 'positive' : qSign(x.value) === 0 ? 'nonnegative' : 'unknown';
      case 'sym': {
        const s = symbolSign(x.name);
        return s !== 'unknown' ? s : factSign(x);
      }
      case 'add': {
        const s = x.terms
          .map(go)
          .reduce<Sign>(
            (a, b) => (a === 'unknown' || b === 'unknown' ? 'unknown' : a === 'positive' || b === 'positive' ? 'positive' : 'nonnegative'),
            'nonnegative',
          );
        return s !== 'unknown' ? s : factSign(x);
      }
      case 'mul': {
        const s = x.factors.map(go).reduce(combine, 'positive');
        return s !== 'unknown' ? s : factSign(x);
      }
      case 'pow': {
        const b = go(x.base);
        if (b === 'positive') return 'positive';
        if (x.exponent.kind === 'num' && qIsInt(x.exponent.value) && x.exponent.value.p % 2n === 0n)
          return qSign(x.exponent.value) > 0 ? 'nonnegative' : 'unknown';
        if (b === 'nonnegative' && go(x.exponent) === 'positive') return 'nonnegative';
        return factSign(x);
      }
      case 'fn':
        return (x.name === 'exp' || (ctx.positiveFunctions ?? []).includes(x.name)) && !x.derivs ? 'positive' : factSign(x);
    }
  };
  return go(e);
}

/** True when the sign read is at least the one wanted. */
export const atLeast = (s: Sign, want: 'positive' | 'nonnegative'): boolean => s === 'positive' || (want === 'nonnegative' && s === 'nonnegative');

const failed = (failure: string, checks: readonly Check[] = []): ProofOutcome => ({ proven: false, rules: [], detail: failure, checks, failure });

/** The context's sign declarations as assumptions of the identity, and those the identity itself adds (listed as facts). */
function identityAssumptions(cert: Certificate, ctx: SignContext, used: Set<string>) {
  const declared = currentAssumptions();
  for (const [n, k] of Object.entries(cert.identity?.assume ?? {})) if (declared[n] !== k) used.add(`assumed for the identity: ${n} ${k}`);
  return {
    ...Object.fromEntries((ctx.nonnegative ?? []).map((n) => [n, 'nonnegative' as const])),
    ...Object.fromEntries((ctx.positive ?? []).map((n) => [n, 'positive' as const])),
    ...cert.identity?.assume,
  };
}

/** Decide a certificate for lhs <= rhs (lhs < rhs when the goal is strict) under the sign context. */
export function prove(goal: Goal, cert: Certificate, ctx: SignContext = {}): ProofOutcome {
  const uses = cert.uses ?? [];
  const rules: string[] = [];
  const used = new Set<string>();
  const dependsOn = new Set<string>();
  let strictFromPremise = false;
  for (const { premise, multiplier } of uses) {
    if (!isCheckedPremise(premise))
      return failed(
        `the premise ${premise?.rule ?? '(none)'} was not built by a checked builder (young, hypothesis, fromClaim, monotone, ...): it is not trusted`,
      );
    for (const r of premise.requires ?? [])
      if (!atLeast(signOf(r.expr, ctx, used), r.sign)) return failed(`${premise.rule}: ${printExpr(r.expr)} is not shown ${r.sign} (${premise.detail})`);
    const mSign = multiplier ? signOf(multiplier, ctx, used) : 'positive';
    if (!atLeast(mSign, 'nonnegative')) return failed(`the multiplier ${printExpr(multiplier!)} of ${premise.rule} is not shown nonnegative`);
    if (premise.strict && mSign === 'positive') strictFromPremise = true;
    for (const f of premise.restsOn ?? []) used.add(f);
    for (const c of premise.dependsOn ?? []) dependsOn.add(c);
    if (!rules.includes(premise.rule)) rules.push(premise.rule);
  }
  let gap = sub(goal.rhs, goal.lhs);
  if (cert.squared) {
    for (const side of [goal.lhs, goal.rhs])
      if (!atLeast(signOf(side, ctx, used), 'nonnegative')) return failed(`compare-squares: ${printExpr(side)} is not shown nonnegative`);
    gap = sub(pow(goal.rhs, 2), pow(goal.lhs, 2));
    rules.push('compare-squares');
  }
  const scale = cert.scale ?? num(1);
  if (cert.scale && !atLeast(signOf(scale, ctx, used), 'positive')) return failed(`the scale ${printExpr(scale)} is not shown positive`);
  const combination = add(...uses.map(({ premise, multiplier }) => mul(multiplier ?? num(1), sub(premise.rhs, premise.lhs))));
  const lhsOfIdentity = sub(mul(scale, gap), combination);
  const rest = cert.rest ?? expand(lhsOfIdentity);
  let checks: readonly Check[] = [];
  try {
    // the signs the context declares are assumptions of the identity too (sqrt(x^2) = x, ln(x y) = ln x + ln y need them)
    const assume = identityAssumptions(cert, ctx, used);
    const v = equivalent(lhsOfIdentity, rest, { label: 'certificate identity', ...cert.identity, assume });
    checks = v.checks;
    if (v.status === 'disputed') return failed(`the methods dispute the certificate identity: ${v.reason}`, checks);
    if (!v.equivalent) return failed(`the certificate identity fails: scale*(rhs - lhs) - sum m_i (premise gaps) - rest = ${v.difference ?? v.reason}`, checks);
  } catch (err) {
    return failed(`${(err as Error).name}: ${(err as Error).message}`, checks);
  }
  const restZero = isZero(expand(rest));
  const restSign = restZero ? 'nonnegative' : signOf(rest, ctx, used);
  if (!atLeast(restSign, 'nonnegative')) return failed(`the remainder ${printExpr(rest)} is not shown nonnegative`, checks);
  const strict = restSign === 'positive' || strictFromPremise;
  if (goal.strict && !strict)
    return failed(
      `the goal is strict but the certificate is not: the remainder ${printExpr(rest)} is not shown positive and no strict premise has a positive multiplier`,
      checks,
    );
  rules.push(restZero ? 'identity' : cert.rest ? 'sum-of-squares' : 'nonnegative-terms');
  const methods = checks
    .filter((c) => c.result === 'equal')
    .map((c) => c.method)
    .join(', ');
  const facts = [...used];
  const detail = [
    ...uses.map(({ premise, multiplier }) => `${premise.detail}${multiplier ? ` (times ${printExpr(multiplier)})` : ''}`),
    `remainder ${printExpr(rest)} ${restSign === 'positive' ? '> 0' : '>= 0'}`,
    `identity by ${methods}`,
    ...(facts.length ? [`rests on: ${facts.join(', ')}`] : []),
  ].join('; ');
  return { proven: true, strict, rules, detail, checks, facts, dependsOn: [...dependsOn] };
}

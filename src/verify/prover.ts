/**
 * A small prover for the inequality steps of a proof. A step lhs <= rhs is proven by a
 * certificate:
 *
 *     scale * (rhs - lhs) = sum_i m_i * (p_i.rhs - p_i.lhs) + rest
 *
 * where each p_i is a premise — an instance of a named standard inequality built here (Young
 * with a parameter, AM–GM, e^x >= 1 + x, ln x <= x - 1, monotonicity by the sign of a
 * derivative), a hypothesis of the paper, or a result proven elsewhere — the multipliers m_i and
 * the remainder `rest` are nonnegative by their structure (squares, declared positive symbols,
 * exponentials, products and sums of such, facts), and `scale` is positive. The identity is
 * decided by the independent methods of `equivalent`; the signs by exact structural rules. The
 * verdict names every rule used. Nothing numeric is trusted here: the search is the other route.
 */
import {
  Expr,
  add,
  sub,
  mul,
  num,
  pow,
  div,
  exp,
  ln,
  sym,
  expand,
  toPoly,
  polyKey,
  printExpr,
  isZero,
  partial,
  substitute,
  qSign,
  qIsInt,
} from '../cas/index.ts';
import { equivalent, EquivalenceOptions, Check } from './equivalent.ts';
import { currentAssumptions } from '../cas/assumptions.ts';

/** A premise: lhs <= rhs, by a named rule, with what it needs to apply. */
export interface Premise {
  readonly rule: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The instantiation, for the report. */
  readonly detail: string;
  /** Expressions that must be positive (or nonnegative) for the rule to apply. */
  readonly requires?: readonly { readonly expr: Expr; readonly sign: 'positive' | 'nonnegative' }[];
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

/** A certificate for lhs <= rhs. */
export interface Certificate {
  /** A positive factor the goal is multiplied by (to clear a denominator); default 1. */
  readonly scale?: Expr;
  readonly uses?: readonly { readonly premise: Premise; readonly multiplier?: Expr }[];
  /** The remainder in a form whose sign is structural (squares, ...); default: computed and expanded. */
  readonly rest?: Expr;
  /** Prove lhs^2 <= rhs^2 instead, both sides being nonnegative (rule compare-squares). */
  readonly squared?: boolean;
  /** Options for the identity (e.g. methods, when nerdamer cannot read a radical). */
  readonly identity?: EquivalenceOptions;
}

/** The verdict of the prover. */
export interface ProofOutcome {
  readonly proven: boolean;
  /** The rules used, in order: premises' rules, then how the remainder's sign was read. */
  readonly rules: readonly string[];
  readonly detail: string;
  readonly checks: readonly Check[];
  readonly failure?: string;
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

/** The sign of e read from its structure and the context: positive, nonnegative, or unknown. */
export function signOf(e: Expr, ctx: SignContext = {}): Sign {
  // the declarations in force (d.assume, a claim's assume) count as well as the context
  const declared = Object.entries(currentAssumptions());
  const pos = new Set([...(ctx.positive ?? []), ...declared.filter(([, k]) => k === 'positive').map(([n]) => n)]);
  const nonneg = new Set([...(ctx.nonnegative ?? []), ...declared.filter(([, k]) => k === 'nonnegative').map(([n]) => n)]);
  const posFacts = new Set((ctx.positiveFacts ?? []).map(keyOfPoly));
  const facts = new Set((ctx.facts ?? []).map(keyOfPoly));
  const factSign = (x: Expr): Sign => {
    if (posFacts.size + facts.size === 0) return 'unknown';
    const k = keyOfPoly(x);
    return posFacts.has(k) ? 'positive' : facts.has(k) ? 'nonnegative' : 'unknown';
  };
  const go = (x: Expr): Sign => {
    switch (x.kind) {
      case 'num':
        return qSign(x.value) > 0 ? 'positive' : qSign(x.value) === 0 ? 'nonnegative' : 'unknown';
      case 'sym':
        return x.name === 'pi' || pos.has(x.name) ? 'positive' : nonneg.has(x.name) ? 'nonnegative' : factSign(x);
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

const atLeast = (s: Sign, want: 'positive' | 'nonnegative') => s === 'positive' || (want === 'nonnegative' && s === 'nonnegative');

// ---- standard inequalities (each a premise the prover may use)

/** Young's inequality with a parameter: a b <= (eta/2) a^2 + b^2/(2 eta), eta > 0. */
export const young = (a: Expr, b: Expr, eta: Expr): Premise => ({
  rule: 'young',
  lhs: mul(a, b),
  rhs: add(mul(div(eta, num(2)), pow(a, 2)), div(pow(b, 2), mul(num(2), eta))),
  detail: `Young: (${printExpr(a)})(${printExpr(b)}) <= (eta/2)(${printExpr(a)})^2 + (${printExpr(b)})^2/(2 eta), eta = ${printExpr(eta)}`,
  requires: [{ expr: eta, sign: 'positive' }],
});

/** AM–GM for two terms: a b <= (a^2 + b^2)/2. */
export const amGm = (a: Expr, b: Expr): Premise => ({
  rule: 'am-gm',
  lhs: mul(a, b),
  rhs: div(add(pow(a, 2), pow(b, 2)), num(2)),
  detail: `AM–GM: (${printExpr(a)})(${printExpr(b)}) <= ((${printExpr(a)})^2 + (${printExpr(b)})^2)/2`,
});

/** The tangent of the exponential: 1 + x <= e^x. */
export const expTangent = (x: Expr): Premise => ({ rule: 'exp-tangent', lhs: add(num(1), x), rhs: exp(x), detail: `e^x >= 1 + x at x = ${printExpr(x)}` });

/** The tangent of the logarithm: ln x <= x - 1, x > 0. */
export const logTangent = (x: Expr): Premise => ({
  rule: 'log-tangent',
  lhs: ln(x),
  rhs: sub(x, num(1)),
  detail: `ln x <= x - 1 at x = ${printExpr(x)}`,
  requires: [{ expr: x, sign: 'positive' }],
});

/** Cauchy–Schwarz: |<f, g>| <= ||f|| ||g||, stated for the given inner product and norms. */
export const cauchySchwarz = (inner: Expr, normF: Expr, normG: Expr, detail: string): Premise => ({
  rule: 'cauchy-schwarz',
  lhs: inner,
  rhs: mul(normF, normG),
  detail: `Cauchy–Schwarz: ${detail}`,
  requires: [
    { expr: normF, sign: 'nonnegative' },
    { expr: normG, sign: 'nonnegative' },
  ],
});

/** A named standard inequality stated for this instance (Jensen, log-Sobolev, Csiszár–Kullback, Gaussian–Poincaré, triangle, ...). */
export const standard = (rule: string, lhs: Expr, rhs: Expr, detail: string): Premise => ({ rule, lhs, rhs, detail });

/** A hypothesis of the paper, lhs <= rhs. */
export const hypothesis = (lhs: Expr, rhs: Expr, text: string): Premise => ({ rule: 'hypothesis', lhs, rhs, detail: `hypothesis: ${text}` });

/** A result established by another claim (named by its id). */
export const fromClaim = (lhs: Expr, rhs: Expr, claimId: string): Premise => ({ rule: `claim:${claimId}`, lhs, rhs, detail: `proven in ${claimId}` });

/**
 * Monotonicity: f(lo) <= f(hi) when d f/dx >= 0 on [lo, hi], the derivative's sign proven by a
 * certificate (with x - lo >= 0 and hi - x >= 0 added to the facts). Throws when that proof fails.
 */
export function monotone(f: Expr, x: string, lo: Expr, hi: Expr, derivative: Certificate, ctx: SignContext = {}): Premise {
  const dfdx = partial(f, x);
  const inner = prove({ lhs: num(0), rhs: dfdx }, derivative, { ...ctx, facts: [...(ctx.facts ?? []), sub(sym(x), lo), sub(hi, sym(x))] });
  if (!inner.proven) throw new ProofError(`monotone: d/d${x} ${printExpr(f)} = ${printExpr(dfdx)} is not shown >= 0: ${inner.failure}`);
  const at = (v: Expr) => substitute(f, new Map([[x, v]]));
  return {
    rule: 'monotone',
    lhs: at(lo),
    rhs: at(hi),
    detail: `monotone in ${x} on [${printExpr(lo)}, ${printExpr(hi)}]: d/d${x} = ${printExpr(dfdx)} >= 0 by ${inner.rules.join(' + ')}`,
  };
}

/** Checks that `gap` is y - x (two methods), so a premise cannot be built on a wrong gap. */
function checkedGap(x: Expr, y: Expr, gap: Expr, rule: string): void {
  const v = equivalent(gap, sub(y, x), { label: `${rule} gap` });
  if (v.status === 'disputed') throw new ProofError(`${rule}: the methods dispute that ${printExpr(gap)} is ${printExpr(y)} - (${printExpr(x)}): ${v.reason}`);
  if (!v.equivalent) throw new ProofError(`${rule}: the gap ${printExpr(gap)} is not ${printExpr(y)} - (${printExpr(x)}): difference ${v.difference}`);
}

/**
 * x^c <= y^c for 0 < x <= y and c > 0 (x^c increases), or y^-c <= x^-c ('decreasing': x^-c decreases);
 * `gap` is y - x written so that its sign is structural.
 */
export function powerMonotone(x: Expr, y: Expr, c: Expr, gap: Expr, direction: 'increasing' | 'decreasing' = 'increasing'): Premise {
  checkedGap(x, y, gap, 'power-monotone');
  const requires = [
    { expr: x, sign: 'positive' as const },
    { expr: c, sign: 'positive' as const },
    { expr: gap, sign: 'nonnegative' as const },
  ];
  const detail = `x^c ${direction === 'increasing' ? 'increases' : 'decreases'} for c = ${direction === 'increasing' ? '' : '-'}${printExpr(c)}: ${printExpr(x)} <= ${printExpr(y)}`;
  return direction === 'increasing'
    ? { rule: 'power-monotone', lhs: pow(x, c), rhs: pow(y, c), detail, requires }
    : { rule: 'power-monotone', lhs: pow(y, mul(num(-1), c)), rhs: pow(x, mul(num(-1), c)), detail, requires };
}

/** e^x <= e^y for x <= y (from e^{y-x} >= 1 + (y - x), times e^x); `gap` is y - x with a structural sign. */
export function expMonotone(x: Expr, y: Expr, gap: Expr): Premise {
  checkedGap(x, y, gap, 'exp-monotone');
  return {
    rule: 'exp-monotone',
    lhs: exp(x),
    rhs: exp(y),
    detail: `e^x increases: ${printExpr(x)} <= ${printExpr(y)}`,
    requires: [{ expr: gap, sign: 'nonnegative' }],
  };
}

/** A nonnegative expression as a premise 0 <= e (a square, a hypothesis term): rule 'sign'. */
export const nonnegative = (e: Expr, why: string): Premise => ({ rule: 'sign', lhs: num(0), rhs: e, detail: `${printExpr(e)} >= 0: ${why}` });

const failed = (failure: string, checks: readonly Check[] = []): ProofOutcome => ({ proven: false, rules: [], detail: failure, checks, failure });

/** Decide a certificate for lhs <= rhs under the sign context. */
export function prove(goal: { readonly lhs: Expr; readonly rhs: Expr }, cert: Certificate, ctx: SignContext = {}): ProofOutcome {
  const uses = cert.uses ?? [];
  const rules: string[] = [];
  for (const { premise, multiplier } of uses) {
    for (const r of premise.requires ?? [])
      if (!atLeast(signOf(r.expr, ctx), r.sign)) return failed(`${premise.rule}: ${printExpr(r.expr)} is not shown ${r.sign} (${premise.detail})`);
    if (multiplier && !atLeast(signOf(multiplier, ctx), 'nonnegative'))
      return failed(`the multiplier ${printExpr(multiplier)} of ${premise.rule} is not shown nonnegative`);
    if (!rules.includes(premise.rule)) rules.push(premise.rule);
  }
  let gap = sub(goal.rhs, goal.lhs);
  if (cert.squared) {
    for (const side of [goal.lhs, goal.rhs])
      if (!atLeast(signOf(side, ctx), 'nonnegative')) return failed(`compare-squares: ${printExpr(side)} is not shown nonnegative`);
    gap = sub(pow(goal.rhs, 2), pow(goal.lhs, 2));
    rules.push('compare-squares');
  }
  const scale = cert.scale ?? num(1);
  if (cert.scale && !atLeast(signOf(scale, ctx), 'positive')) return failed(`the scale ${printExpr(scale)} is not shown positive`);
  const combination = add(...uses.map(({ premise, multiplier }) => mul(multiplier ?? num(1), sub(premise.rhs, premise.lhs))));
  const lhsOfIdentity = sub(mul(scale, gap), combination);
  const rest = cert.rest ?? expand(lhsOfIdentity);
  let checks: readonly Check[] = [];
  try {
    // the signs the context declares are assumptions of the identity too (sqrt(x^2) = x, ln(x y) = ln x + ln y need them)
    const assume = {
      ...Object.fromEntries((ctx.nonnegative ?? []).map((n) => [n, 'nonnegative' as const])),
      ...Object.fromEntries((ctx.positive ?? []).map((n) => [n, 'positive' as const])),
      ...cert.identity?.assume,
    };
    const v = equivalent(lhsOfIdentity, rest, { label: 'certificate identity', ...cert.identity, assume });
    checks = v.checks;
    if (v.status === 'disputed') return failed(`the methods dispute the certificate identity: ${v.reason}`, checks);
    if (!v.equivalent) return failed(`the certificate identity fails: scale*(rhs - lhs) - sum m_i (premise gaps) - rest = ${v.difference ?? v.reason}`, checks);
  } catch (err) {
    return failed(`${(err as Error).name}: ${(err as Error).message}`, checks);
  }
  const restSign = isZero(expand(rest)) ? 'nonnegative' : signOf(rest, ctx);
  if (!atLeast(restSign, 'nonnegative')) return failed(`the remainder ${printExpr(rest)} is not shown nonnegative`, checks);
  rules.push(isZero(expand(rest)) ? 'identity' : cert.rest ? 'sum-of-squares' : 'nonnegative-terms');
  const methods = checks
    .filter((c) => c.result === 'equal')
    .map((c) => c.method)
    .join(', ');
  const detail = [
    ...uses.map(({ premise, multiplier }) => `${premise.detail}${multiplier ? ` (times ${printExpr(multiplier)})` : ''}`),
    `remainder ${printExpr(rest)} >= 0`,
    `identity by ${methods}`,
  ].join('; ');
  return { proven: true, rules, detail, checks };
}

/**
 * Definedness as data: the conditions under which an expression is a real number, read off the
 * expression as written (the constructors in expr.ts never fold a rewrite that forgets one, so
 * `substitute(y^2, {y: sqrt(x)})` still says x >= 0): a divisor != 0, an even root's radicand
 * >= 0 (every fractional power needs a nonnegative base, as in the witness), a base > 0 under a
 * negative fractional or a symbolic exponent, and the argument domains of the registry's
 * functions (ln u > 0, asin |u| <= 1, tan cos(u) != 0, ...). Conditions the declarations prove
 * (sign.ts) are discharged.
 *
 * compareDomains decides whether two expressions are defined on the same set up to measure zero:
 * the same inequality conditions (u > 0 and u >= 0 differ by the zero set of u), and every
 * `!= 0` condition shown not to vanish identically (its excluded points are listed). A point of
 * the declared domain where one side's conditions hold and the other's fail (with the margins of
 * the error bounds) proves the domains differ on a set of positive measure. Conditions that differ
 * in form (2 rho0 > rhoe against rho0^2 - (rho0 - rhoe)^2 >= 0) with no separating point are
 * left to the numeric witness, which sees where each side is defined at the same points.
 */
import { Expr, children, keyOf, sub, num, fn, pow } from './expr.ts';
import { knownFunction, ArgDomain } from './registry.ts';
import { Assumptions } from './assumptions.ts';
import { signOf } from './sign.ts';
import { printExpr } from './print.ts';
import { toPoly, polyScale, polyKey, Poly } from './normal.ts';
import { q, qSign, qneg, qIsInt } from './rational.ts';
import { withWorkBudget } from './polyCore.ts';

/** u > 0, u >= 0 or u != 0. */
export interface Condition {
  readonly expr: Expr;
  readonly rel: '>0' | '>=0' | '!=0';
}

const show = (c: Condition) => `${printExpr(c.expr)} ${c.rel === '>0' ? '>' : c.rel === '>=0' ? '>=' : '!='} 0`;

/** The conditions a registry function puts on its argument u. */
function argConditions(d: ArgDomain, u: Expr): Condition[] {
  const oneMinusSq = sub(num(1), pow(u, 2));
  switch (d) {
    case 'real':
      return [];
    case 'positive':
      return [{ expr: u, rel: '>0' }];
    case 'nonnegative':
      return [{ expr: u, rel: '>=0' }];
    case 'nonzero':
      return [{ expr: u, rel: '!=0' }];
    case 'cos-nonzero':
      return [{ expr: fn('cos', [u]), rel: '!=0' }];
    case 'sin-nonzero':
      return [{ expr: fn('sin', [u]), rel: '!=0' }];
    case 'unit-closed':
      return [{ expr: oneMinusSq, rel: '>=0' }];
    case 'unit-open':
      return [{ expr: oneMinusSq, rel: '>0' }];
    case 'outside-unit':
      return [{ expr: sub(pow(u, 2), num(1)), rel: '>=0' }];
    case 'at-least-one':
      return [{ expr: sub(u, num(1)), rel: '>=0' }];
  }
}

/** The conditions of one node (not of its children). */
function nodeConditions(e: Expr, a: Assumptions): Condition[] {
  if (e.kind === 'pow') {
    const k = e.exponent;
    if (k.kind !== 'num') {
      const integer = k.kind === 'sym' && a[k.name] === 'integer';
      return [{ expr: e.base, rel: integer ? '!=0' : '>0' }];
    }
    // a negative power of a power with a negative exponent (or of exp) is never 0 where defined
    const neverZero =
      (e.base.kind === 'pow' && e.base.exponent.kind === 'num' && qSign(e.base.exponent.value) < 0) || (e.base.kind === 'fn' && e.base.name === 'exp');
    if (qIsInt(k.value)) return qSign(k.value) < 0 && !neverZero ? [{ expr: e.base, rel: '!=0' }] : [];
    return [{ expr: e.base, rel: qSign(k.value) > 0 ? '>=0' : '>0' }];
  }
  if (e.kind === 'fn' && !e.derivs) {
    const f = knownFunction(e.name);
    if (f) return argConditions(f.domain, e.args[0]);
  }
  return [];
}

/** True when the declarations (or the number itself) make the condition hold everywhere. */
function discharged(c: Condition, a: Assumptions): boolean {
  const s = signOf(c.expr, a);
  if (c.rel === '>0') return s === 'pos';
  if (c.rel === '>=0') return s === 'pos' || s === 'nonneg';
  return s === 'pos' || s === 'neg';
}

/** Every condition under which e is a real number that the declarations do not already prove (deduplicated). */
export function conditionsOf(e: Expr, a: Assumptions = {}): Condition[] {
  const out = new Map<string, Condition>();
  const seen = new Set<Expr>();
  const visit = (x: Expr) => {
    if (seen.has(x)) return;
    seen.add(x);
    for (const c of nodeConditions(x, a)) if (!discharged(c, a)) out.set(`${c.rel}|${keyOf(c.expr)}`, c);
    children(x).forEach(visit);
  };
  visit(e);
  return [...out.values()];
}

/** The value of a condition's expression at one witness point, with its error bound (v NaN: not a real number there). */
export interface ConditionValue {
  readonly v: number;
  readonly e: number;
}
/** Values of an expression at the witness's points (the same points for every expression), with a description of each point. */
export type Evaluator = (e: Expr) => readonly { readonly value: ConditionValue; readonly at: string }[];

/** What compareDomains found. */
export interface DomainComparison {
  readonly status: 'same' | 'different' | 'unknown';
  /** The conditions used, as text ("x >= 0 (lhs)", "x - 1 != 0 (rhs: excluded points)"). */
  readonly conditions: readonly string[];
  readonly detail: string;
}

/** A key of the condition's expression up to a positive factor: x - 1 >= 0 and 2x - 2 >= 0 are one set. */
function setKey(c: Condition): string {
  let p: Poly;
  try {
    p = withWorkBudget(() => toPoly(c.expr));
  } catch {
    return `${c.rel === '!=0' ? '!=' : '>'}|${keyOf(c.expr)}`;
  }
  const terms = [...p.values()].sort((x, y) => (x.key < y.key ? -1 : 1));
  const lead = terms[0]?.coef;
  const scaled = lead ? polyScale(p, qSign(lead) < 0 ? qneg(q(lead.q, lead.p)) : q(lead.q, lead.p)) : p;
  return `${c.rel === '!=0' ? '!=' : '>'}|${polyKey(scaled)}`;
}

/** Whether the expression of a `!= 0` condition is identically zero ('zero'), shown not to be ('nonzero'), or neither. */
function vanishing(c: Condition, values: () => readonly { value: ConditionValue }[]): 'zero' | 'nonzero' | 'unknown' {
  try {
    const p = withWorkBudget(() => toPoly(c.expr));
    if (p.size === 0) return 'zero';
    // a nonzero polynomial in symbols (and numbers) vanishes only on a set of measure zero
    if ([...p.values()].every((t) => !t.expo && t.factors.every((f) => f.atom.kind === 'sym' || f.atom.kind === 'num'))) return 'nonzero';
  } catch {
    // too large for the normal form: the witness's points decide
  }
  return values().some((x) => Math.abs(x.value.v) > 16 * x.value.e) ? 'nonzero' : 'unknown';
}

/** At one point: do all the conditions hold with margin ('holds'), does one fail with margin ('fails'), or neither? */
function at(conds: readonly Condition[], vals: Map<Condition, readonly { value: ConditionValue }[]>, k: number): 'holds' | 'fails' | 'unclear' {
  let unclear = false;
  for (const c of conds) {
    const { v, e } = vals.get(c)![k].value;
    if (Number.isNaN(v)) return 'fails';
    const margin = 16 * e;
    const ok = c.rel === '!=0' ? Math.abs(v) > margin : v > margin;
    const bad = c.rel === '!=0' ? false : v < -margin;
    if (bad) return 'fails';
    if (!ok) unclear = true;
  }
  return unclear ? 'unclear' : 'holds';
}

/**
 * Are lhs and rhs defined on the same part of the declared domain (up to measure zero)? `evaluate`
 * gives values at the witness's points, used to find a separating point or to show a divisor is
 * not identically zero; without it the conditions are only listed.
 */
export function compareDomains(lhs: Expr, rhs: Expr, a: Assumptions, evaluate?: Evaluator): DomainComparison {
  const L = conditionsOf(lhs, a);
  const R = conditionsOf(rhs, a);
  const conditions = [
    ...L.map((c) => `${show(c)} (lhs${c.rel === '!=0' ? ': excluded points' : ''})`),
    ...R.map((c) => `${show(c)} (rhs${c.rel === '!=0' ? ': excluded points' : ''})`),
  ];
  if (L.length === 0 && R.length === 0) return { status: 'same', conditions, detail: 'both sides are defined everywhere in the declared domain' };
  if (!evaluate) return { status: 'unknown', conditions, detail: 'the domains were listed, not compared' };
  const cache = new Map<Condition, readonly { value: ConditionValue; at: string }[]>();
  const valuesOf = (c: Condition) => {
    let v = cache.get(c);
    if (!v) {
      try {
        v = evaluate(c.expr);
      } catch {
        v = [];
      }
      cache.set(c, v);
    }
    return v;
  };
  for (const [side, conds] of [['lhs', L] as const, ['rhs', R] as const])
    for (const c of conds.filter((x) => x.rel === '!=0')) {
      const z = vanishing(c, () => valuesOf(c));
      if (z === 'zero') return { status: 'different', conditions, detail: `${side} is nowhere defined: ${printExpr(c.expr)} is identically 0` };
      if (z === 'unknown')
        return {
          status: 'unknown',
          conditions,
          detail: `${side} divides by ${printExpr(c.expr)}, which vanishes at every witness point: it may be identically 0`,
        };
    }
  const ineq = (cs: Condition[]) => cs.filter((c) => c.rel !== '!=0');
  const keysL = new Set(ineq(L).map(setKey));
  const keysR = new Set(ineq(R).map(setKey));
  if (keysL.size === keysR.size && [...keysL].every((k) => keysR.has(k))) return { status: 'same', conditions, detail: 'both sides need the same conditions' };
  // look for a witness point where one side is defined and the other is not
  const all = [...L, ...R];
  const vals = new Map(all.map((c) => [c, valuesOf(c)] as const));
  const n = Math.min(...all.map((c) => vals.get(c)!.length));
  for (let k = 0; k < n; k++) {
    const l = at(L, vals, k);
    const r = at(R, vals, k);
    if ((l === 'holds' && r === 'fails') || (l === 'fails' && r === 'holds')) {
      const where = vals.get(all[0])![k].at;
      const [def, undef] = l === 'holds' ? ['lhs', 'rhs'] : ['rhs', 'lhs'];
      return { status: 'different', conditions, detail: `the domains differ: at ${where} ${def} is defined and ${undef} is not` };
    }
  }
  // no proof either way: the witness, which evaluates both sides at these points, is the judge of the rest
  return { status: 'same', conditions, detail: `the sides' conditions differ in form; no witness point of ${n} separates their domains` };
}

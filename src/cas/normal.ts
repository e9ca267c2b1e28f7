/**
 * Normal form: an expression as a sum of terms c * prod(atom^k) * exp(X) (polyCore.ts). Atoms are
 * symbols, applications of functions to arguments in normal form, e = exp(1) (so exp(c + X) is
 * e^c exp(X) and exp(2) = exp(1)^2), sums raised to a power that cannot be expanded, monomials
 * raised to a fractional power that may not be split, and powers with a symbolic exponent.
 *
 * Symbols are real unless the assumptions in force (assumptions.ts) say more. Rewrites that need a
 * hypothesis fire only when the declarations give it: (x y)^r = x^r y^r for fractional r only
 * over factors known nonnegative; (x^2)^(1/2) stays whole unless x >= 0; ln(x y) = ln x + ln y only
 * over positive factors; b^X = exp(X ln b) only for b > 0. Elementary functions are known at 0,
 * sin and cos are odd and even, and cos^2 = 1 - sin^2 (so sin^2 + cos^2 = 1).
 */
import { Q, q, ONE, qadd, qmul, qneg, qIsZero, qIsInt, qIsOne, qSign, qpowRational } from './rational.ts';
import { Expr, pow, num, fn, keyOf } from './expr.ts';
import { primeFactors } from './primes.ts';
import { currentAssumptions } from './assumptions.ts';
import { isPositive, isNonnegative, signOf } from './sign.ts';
import { rewriteFunction } from './functionRules.ts';
import { knownFunction } from './registry.ts';
import { rewriteTerm, atomRuleMayApply } from './atomRules.ts';
import { Ctx, contextFor, recall, remember } from './normalCache.ts';
import {
  Poly,
  Term,
  Factor,
  EMPTY,
  makeTerm,
  termPoly,
  polyConst,
  polyAtom,
  polyAdd,
  polySum,
  polyScale,
  polyMul,
  polyPowInt,
  mergeFactors,
  soleTerm,
  constantOf,
  toExpr,
  qLess,
  floorQ,
  withWorkBudget,
  workSpent,
} from './polyCore.ts';

export type { Poly, Term, Factor } from './polyCore.ts';
export { polyAdd, polyScale, polyMul, polyConst, polyKey, constantOf, toExpr, qLess } from './polyCore.ts';

/** e = exp(1), the one atom every rational exponential is a power of. */
export const E_ATOM: Expr = fn('exp', [num(1)]);
const E_KEY = keyOf(E_ATOM);

export { polyAtom };

/** The normal form of an expression, under the assumptions in force. */
export function toPoly(e: Expr): Poly {
  return withWorkBudget(() => poly(e, contextFor(currentAssumptions())));
}

function poly(e: Expr, ctx: Ctx): Poly {
  const hit = recall(e, ctx);
  if (hit) return hit;
  const w0 = workSpent();
  const p = settle(raw(e, ctx), ctx);
  remember(e, ctx, p, workSpent() - w0);
  return p;
}

function raw(e: Expr, ctx: Ctx): Poly {
  switch (e.kind) {
    case 'num':
      return polyConst(e.value);
    case 'sym':
      return polyAtom(e);
    case 'add':
      return polySum(e.terms.map((t) => poly(t, ctx)));
    case 'mul':
      // 0 * f, kept whole by the constructors for f's domain (domain.ts), is 0 wherever it is defined
      if (e.factors[0].kind === 'num' && qIsZero(e.factors[0].value)) return EMPTY;
      return e.factors.reduce<Poly>((acc, t) => polyMul(acc, poly(t, ctx)), polyConst(ONE));
    case 'pow': {
      const ex = poly(e.exponent, ctx);
      const c = constantOf(ex);
      const base = poly(e.base, ctx);
      if (c) return polyPow(base, c, ctx);
      // b^X = exp(X ln b) needs b > 0; otherwise the power is an atom of its own
      if (isPositive(toExpr(base), ctx.a)) return expPoly(polyMul(ex, lnPoly(base, ctx)), ctx);
      return polyAtom(pow(toExpr(base), toExpr(ex)));
    }
    case 'fn': {
      if (e.derivs)
        return polyAtom(
          fn(
            e.name,
            e.args.map((a) => toExpr(poly(a, ctx))),
            [...e.derivs],
          ),
        );
      const rewritten = rewriteFunction(e.name, e.args[0]);
      if (rewritten) return poly(rewritten, ctx);
      const arg = () => poly(e.args[0], ctx);
      if (e.name === 'exp') return expPoly(arg(), ctx);
      if (e.name === 'ln') return lnPoly(arg(), ctx);
      if (PARITY_ATOMS.has(e.name)) return parityPoly(e.name, arg(), ctx);
      return polyAtom(
        fn(
          e.name,
          e.args.map((a) => toExpr(poly(a, ctx))),
        ),
      );
    }
  }
}

/** Kept atoms with a parity and a known value at 0 (functionRules.ts). */
const PARITY_ATOMS = new Set(['sin', 'cos', 'asin', 'atan', 'erf', 'abs', 'sign']);

/**
 * sin, cos, asin, atan, erf, abs, sign of a normal form: known at 0, abs and sign of a rational or
 * of an argument of known sign evaluated, the argument's sign taken out (even or odd function).
 */
function parityPoly(name: string, x: Poly, ctx: Ctx): Poly {
  if (x.size === 0) return polyConst(name === 'cos' ? ONE : q(0));
  if (name === 'abs' || name === 'sign') {
    const s = signOf(toExpr(x), ctx.a);
    if (s === 'pos' || s === 'neg') return name === 'abs' ? polyScale(x, q(s === 'pos' ? 1 : -1)) : polyConst(q(s === 'pos' ? 1 : -1));
    if (name === 'abs' && s === 'nonneg') return x;
  }
  const lead = [...x.values()].sort((s, t) => (s.key < t.key ? -1 : s.key > t.key ? 1 : 0))[0];
  const flip = qSign(lead.coef) < 0;
  const atom = polyAtom(fn(name, [toExpr(flip ? polyScale(x, q(-1)) : x)]));
  return flip && knownFunction(name)?.parity === 'odd' ? polyScale(atom, q(-1)) : atom;
}

/** A positive rational raised to r: exact when it can be, else a product of prime radicals. */
function positiveRationalPow(c: Q, r: Q): { coef: Q; radicals: Factor[] } {
  const exact = qpowRational(c, r);
  if (exact) return { coef: exact, radicals: [] };
  const radicals: Factor[] = [];
  for (const [part, e] of [
    [c.p, r],
    [c.q, qneg(r)],
  ] as const)
    for (const [prime, k] of primeFactors(part)) {
      const base = num(prime);
      radicals.push({ atom: base, key: keyOf(base), exp: qmul(e, q(k)) });
    }
  return { coef: ONE, radicals: radicals.sort((x, y) => (x.key < y.key ? -1 : 1)) };
}

/**
 * May (atom^k)^r become atom^(k r) for an atom of unknown sign? Only when both sides are the same
 * real function: k r an even integer with k even ((x^4)^(1/2) = x^2), or k odd or fractional with
 * k r not an integer ((x^3)^(1/2) = x^(3/2): both need x >= 0).
 */
function passesThrough(k: Q, r: Q): boolean {
  const kr = qmul(k, r);
  if (qIsInt(k) && k.p % 2n === 0n) return qIsInt(kr) && kr.p % 2n === 0n;
  return !qIsInt(kr);
}

/** A monomial raised to a rational power r, splitting it only where the assumptions allow. */
function termPow(t: Term, r: Q, ctx: Ctx): Poly {
  if (qIsInt(r)) {
    if (qIsZero(t.coef) && r.p < 0n) throw new Error('division by zero in the normal form');
    const scaled = t.factors.map((f) => ({ ...f, exp: qmul(f.exp, r) }));
    const { factors, coef } = mergeFactors(scaled, []);
    return termPoly(makeTerm(qmul(qpowRational(t.coef, r)!, coef), factors, t.expo ? polyScale(t.expo, r) : undefined));
  }
  const out: Factor[] = [];
  const stay: Factor[] = [];
  for (const f of t.factors) {
    if (f.atom.kind === 'num' || isNonnegative(f.atom, ctx.a)) out.push({ ...f, exp: qmul(f.exp, r) });
    else stay.push(f);
  }
  const negative = qSign(t.coef) < 0;
  const { coef, radicals } = positiveRationalPow(negative ? qneg(t.coef) : t.coef, r);
  let absPart: Poly | undefined;
  if (stay.length === 1 && !negative && evenRootOfEvenPower(stay[0].exp, r))
    absPart = polyPow(poly(fn('abs', [stay[0].atom]), ctx), qmul(stay[0].exp, r), ctx); // (x^2)^(1/2) = |x|
  else if (stay.length === 1 && !negative && passesThrough(stay[0].exp, r)) out.push({ ...stay[0], exp: qmul(stay[0].exp, r) });
  else if (stay.length > 0 || negative) {
    // the rest stays one monomial under the power: (x^2)^(1/2), (x*y)^(1/2), (-x)^(1/2)
    const rest = toExpr(termPoly(makeTerm(negative ? q(-1) : ONE, stay)));
    out.push({ atom: rest, key: keyOf(rest), exp: r });
  }
  const sorted = out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const merged = mergeFactors(sorted, radicals);
  const result = termPoly(makeTerm(qmul(coef, merged.coef), merged.factors, t.expo ? polyScale(t.expo, r) : undefined));
  return absPart ? polyMul(result, absPart) : result;
}

/** (atom^k)^r with k even and k r an odd integer: |atom|^(k r). */
const evenRootOfEvenPower = (k: Q, r: Q): boolean => {
  const kr = qmul(k, r);
  return qIsInt(k) && k.p % 2n === 0n && qIsInt(kr) && kr.p % 2n !== 0n;
};

/**
 * Split a sum into content * primitive part: the content is a rational times the monomial gcd of
 * the terms, the primitive part has leading coefficient 1 (in key order). Makes S, -S, 2S and
 * x*S share one atom.
 */
export function primitivePart(p: Poly): { content: Term; prim: Poly } {
  const terms = [...p.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let common: Factor[] | null = null;
  for (const t of terms) {
    if (common === null) common = t.factors.filter((f) => f.atom.kind !== 'num');
    else {
      const next: Factor[] = [];
      for (const f of common) {
        const g = t.factors.find((x) => x.key === f.key);
        if (g) next.push(qLess(g.exp, f.exp) ? g : f);
      }
      common = next;
    }
  }
  const content = makeTerm(terms[0].coef, common ?? []);
  const inverse = content.factors.map((f) => ({ ...f, exp: qneg(f.exp) }));
  const inv = makeTerm(qpowRational(content.coef, q(-1))!, inverse);
  return { content, prim: polyMul(p, termPoly(inv)) };
}

/** The part of a content term the assumptions make positive (|c| and factors over nonnegative atoms); the rest stays inside. */
function positiveContent(c: Term, ctx: Ctx): Term {
  const coef = qSign(c.coef) < 0 ? qneg(c.coef) : c.coef;
  return makeTerm(
    coef,
    c.factors.filter((f) => isNonnegative(f.atom, ctx.a)),
  );
}

/** Raise a polynomial to a rational power: expand positive integer powers, keep sums as atoms otherwise. */
function polyPow(base: Poly, r: Q, ctx: Ctx): Poly {
  if (qIsZero(r)) return polyConst(ONE);
  if (base.size === 0) {
    if (qSign(r) < 0) throw new Error('division by zero in the normal form');
    return EMPTY;
  }
  const t = soleTerm(base);
  if (t) return termPow(t, r, ctx);
  if (qIsInt(r) && r.p > 0n) return polyPowInt(base, r.p);
  const { content, prim } = primitivePart(base);
  const outside = qIsInt(r) ? content : positiveContent(content, ctx);
  const inside = qIsInt(r) ? prim : polyMul(base, termPow(outside, q(-1), ctx));
  return polyMul(termPow(outside, r, ctx), polyAtom(toExpr(inside), r));
}

/** Compound atoms (a sum, or a monomial under a fractional power) appear as the base of a factor. */
export const isSumAtom = (f: Factor) => f.atom.kind === 'add';
const isMonomialAtom = (f: Factor) => f.atom.kind === 'mul' || (f.atom.kind === 'pow' && f.atom.exponent.kind === 'num');

/** The integer part of a compound atom's exponent that must be expanded (0n when none). */
function expandablePart(f: Factor): bigint {
  if (isSumAtom(f)) return qSign(f.exp) > 0 ? f.exp.p / f.exp.q : 0n;
  if (isMonomialAtom(f)) return floorQ(f.exp);
  return 0n;
}
/**
 * Expand the integer part of every compound atom's exponent (they arise when x^(1/2) * x^(1/2) or
 * S^-1 * S^2 meet): S^(5/2) becomes (expanded S^2) * S^(1/2); (x^2)^(3/2) becomes x^2 (x^2)^(1/2).
 * Negative powers of sums stay atoms; the function atoms' rules of atomRules.ts apply (cos^2 = 1 - sin^2, ...).
 */
function settle(p: Poly, ctx: Ctx): Poly {
  let dirty = false;
  for (const t of p.values())
    if (t.factors.some((f) => expandablePart(f) !== 0n || atomRuleMayApply(f))) {
      dirty = true;
      break;
    }
  if (!dirty) return p;
  const parts: Poly[] = [];
  const polyOf = (e: Expr) => poly(e, ctx);
  for (const t of p.values()) {
    const keep: Factor[] = [];
    const expand: Poly[] = [];
    for (const f of t.factors) {
      const n = expandablePart(f);
      if (n === 0n) {
        keep.push(f);
        continue;
      }
      const whole = poly(f.atom, ctx);
      expand.push(n > 0n ? polyPowInt(whole, n) : polyPow(whole, q(n), ctx));
      const rest = qadd(f.exp, q(-n));
      if (!qIsZero(rest)) keep.push({ ...f, exp: rest });
    }
    const kept = makeTerm(t.coef, keep, t.expo);
    const ruled = rewriteTerm(kept, polyOf);
    let acc: Poly = ruled ?? termPoly(kept);
    for (const x of expand) acc = polyMul(acc, x);
    parts.push(expand.length || ruled ? settle(acc, ctx) : acc);
  }
  return polySum(parts);
}

/** exp(X): terms q*ln(a) of X become a^q, the rational constant becomes e^c; the rest is one exponential factor. */
function expPoly(x: Poly, ctx: Ctx): Poly {
  const rest = new Map<string, Term>();
  let out = polyConst(ONE);
  for (const t of x.values()) {
    const f = t.factors.length === 1 && !t.expo ? t.factors[0] : null;
    if (f && qIsOne(f.exp) && f.atom.kind === 'fn' && f.atom.name === 'ln' && !f.atom.derivs) {
      out = polyMul(out, polyPow(poly(f.atom.args[0], ctx), t.coef, ctx));
    } else if (t.key === '') out = polyMul(out, polyAtom(E_ATOM, t.coef));
    else rest.set(t.key, t);
  }
  if (rest.size === 0) return out;
  return polyMul(out, termPoly(makeTerm(ONE, [], rest)));
}

const lnAtomPoly = (inner: Expr) => polyAtom(fn('ln', [inner]));

/**
 * ln(P): e^c and exp(X) give c and X; a monomial splits into logarithms of its positive factors
 * (and of one factor x^k with k odd, where ln(x^k) = k ln x is the same function); the rest stays
 * under one ln. A sum gives ln of its positive content plus ln of what is left.
 */
function lnPoly(p: Poly, ctx: Ctx): Poly {
  if (p.size === 0) throw new Error('ln(0) in the normal form');
  const t = soleTerm(p);
  if (!t) {
    const { content } = primitivePart(p);
    const outside = positiveContent(content, ctx);
    const inside = polyMul(p, termPow(outside, q(-1), ctx));
    return polyAdd(lnPoly(termPoly(outside), ctx), lnAtomPoly(toExpr(inside)));
  }
  const parts: Poly[] = [t.expo ?? EMPTY];
  const stay: Factor[] = [];
  for (const f of t.factors) {
    if (f.key === E_KEY) parts.push(polyConst(f.exp));
    else if (isNonnegative(f.atom, ctx.a)) parts.push(polyScale(lnOfAtom(f.atom, ctx), f.exp));
    else stay.push(f);
  }
  const negative = qSign(t.coef) < 0;
  const c = negative ? qneg(t.coef) : t.coef;
  for (const [prime, k] of primeFactors(c.p)) parts.push(polyScale(lnAtomPoly(num(prime)), q(k)));
  for (const [prime, k] of primeFactors(c.q)) parts.push(polyScale(lnAtomPoly(num(prime)), q(-k)));
  const single = stay.length === 1 && !negative && !(qIsInt(stay[0].exp) && stay[0].exp.p % 2n === 0n);
  if (single) parts.push(polyScale(lnOfAtom(stay[0].atom, ctx), stay[0].exp));
  else if (stay.length > 0 || negative) parts.push(lnAtomPoly(toExpr(termPoly(makeTerm(negative ? q(-1) : ONE, stay)))));
  return polySum(parts);
}

function lnOfAtom(a: Expr, ctx: Ctx): Poly {
  if (a.kind === 'add') return lnPoly(poly(a, ctx), ctx);
  if (a.kind === 'num') return lnPoly(polyConst(a.value), ctx);
  return lnAtomPoly(a);
}

/** settle() under the assumptions in force (for callers that multiply normal forms themselves). */
export const settleNow = (p: Poly): Poly => withWorkBudget(() => settle(p, contextFor(currentAssumptions())));

/** Expand and collect: the canonical form of e (under the assumptions in force). */
export const expand = (e: Expr): Expr => toExpr(toPoly(e));

/** The number of terms in the normal form of e (a cost measure). */
export const termCount = (e: Expr): number => toPoly(e).size;

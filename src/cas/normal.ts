/**
 * Normal form: an expression as a sum of terms c * prod(atom^k) * exp(X), with c rational,
 * k rational and X itself in normal form. Atoms are symbols, applications of functions to
 * arguments in normal form, and sums raised to a power that cannot be expanded (negative or
 * fractional). Symbols are taken positive where roots and logarithms are split
 * (sqrt(x^2) = x, ln(x*y) = ln x + ln y), as for the paper's parameters.
 */
import {
  Q, q, ONE, ZERO, qadd, qmul, qneg, qIsZero, qIsInt, qIsOne, qSign, qToString, qpowRational,
} from './rational.ts';
import { Expr, add, mul, pow, num, fn, keyOf, zero } from './expr.ts';

export interface Factor {
  readonly atom: Expr;
  readonly key: string;
  readonly exp: Q;
}
export interface Term {
  readonly coef: Q;
  readonly factors: readonly Factor[];
  /** Argument of the single exponential factor, when there is one. */
  readonly expo?: Poly;
  readonly key: string;
}
export type Poly = ReadonlyMap<string, Term>;

const EMPTY: Poly = new Map();

function termKey(factors: readonly Factor[], expo?: Poly): string {
  const f = factors.map((x) => `${x.key}^${qToString(x.exp)}`).join('*');
  return expo ? `${f}|e:${polyKey(expo)}` : f;
}

/** A stable text key of a polynomial (equal keys mean equal normal forms). */
export function polyKey(p: Poly): string {
  return [...p.values()]
    .map((t) => `${qToString(t.coef)}#${t.key}`)
    .sort()
    .join(' + ');
}

function makeTerm(coef: Q, factors: readonly Factor[], expo?: Poly): Term {
  const e = expo && expo.size > 0 ? expo : undefined;
  return { coef, factors, expo: e, key: termKey(factors, e) };
}

/** The constant polynomial c. */
export function polyConst(c: Q): Poly {
  return qIsZero(c) ? EMPTY : new Map([['', makeTerm(c, [])]]);
}

/** The polynomial atom^k for an atom already in canonical form. */
export function polyAtom(atom: Expr, k: Q = ONE): Poly {
  const t = makeTerm(ONE, [{ atom, key: keyOf(atom), exp: k }]);
  return new Map([[t.key, t]]);
}

function addTermInto(out: Map<string, Term>, t: Term): void {
  const prev = out.get(t.key);
  if (!prev) {
    out.set(t.key, t);
    return;
  }
  const c = qadd(prev.coef, t.coef);
  if (qIsZero(c)) out.delete(t.key);
  else out.set(t.key, { ...prev, coef: c });
}

/** a + b. */
export function polyAdd(a: Poly, b: Poly): Poly {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const t of b.values()) addTermInto(out, t);
  return out;
}

/** c * a for a rational c. */
export function polyScale(a: Poly, c: Q): Poly {
  if (qIsZero(c)) return EMPTY;
  if (qIsOne(c)) return a;
  const out = new Map<string, Term>();
  for (const [k, t] of a) out.set(k, { ...t, coef: qmul(t.coef, c) });
  return out;
}

/** Multiply two factor lists (sorted by key), adding exponents; numeric radicals fold into the coefficient. */
function mergeFactors(a: readonly Factor[], b: readonly Factor[]): { factors: Factor[]; coef: Q } {
  const out: Factor[] = [];
  let coef = ONE;
  let i = 0;
  let j = 0;
  const push = (f: Factor) => {
    if (qIsZero(f.exp)) return;
    if (f.atom.kind === 'num') {
      // numeric radicals: keep the exponent in (0, 1), the integer part goes to the coefficient
      const whole = floorQ(f.exp);
      if (whole !== 0n) coef = qmul(coef, qpowRational(f.atom.value, q(whole))!);
      const frac = qadd(f.exp, q(-whole));
      if (!qIsZero(frac)) out.push({ ...f, exp: frac });
      return;
    }
    out.push(f);
  };
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].key < b[j].key)) push(a[i++]);
    else if (i >= a.length || b[j].key < a[i].key) push(b[j++]);
    else {
      push({ atom: a[i].atom, key: a[i].key, exp: qadd(a[i].exp, b[j].exp) });
      i++;
      j++;
    }
  }
  return { factors: out, coef };
}

function termMul(a: Term, b: Term): Term {
  const { factors, coef } = mergeFactors(a.factors, b.factors);
  const expo = a.expo && b.expo ? polyAdd(a.expo, b.expo) : a.expo ?? b.expo;
  return makeTerm(qmul(qmul(a.coef, b.coef), coef), factors, expo);
}

/** a * b, fully distributed. */
export function polyMul(a: Poly, b: Poly): Poly {
  if (a.size === 0 || b.size === 0) return EMPTY;
  const out = new Map<string, Term>();
  for (const s of a.values()) for (const t of b.values()) addTermInto(out, termMul(s, t));
  return out;
}

/** a^n for a non-negative integer n, by repeated squaring. */
export function polyPowInt(a: Poly, n: bigint): Poly {
  let r = polyConst(ONE);
  let b = a;
  let e = n;
  while (e > 0n) {
    if (e & 1n) r = polyMul(r, b);
    e >>= 1n;
    if (e > 0n) b = polyMul(b, b);
  }
  return r;
}

/** The single term of a one-term polynomial, or null. */
const soleTerm = (p: Poly): Term | null => (p.size === 1 ? p.values().next().value! : null);

/** A monomial raised to a rational power (symbols taken positive), or null when not representable. */
function termPow(t: Term, r: Q): Poly | null {
  let coef = qpowRational(t.coef, r);
  const extra: Factor[] = [];
  if (!coef) {
    if (qSign(t.coef) < 0) return null;
    coef = ONE;
    for (const [part, e] of [[t.coef.p, r], [t.coef.q, qneg(r)]] as const) {
      for (const [prime, k] of primeFactors(part)) {
        const base = num(prime);
        extra.push({ atom: base, key: keyOf(base), exp: qmul(e, q(k)) });
      }
    }
  }
  const scaled = t.factors.map((f) => ({ ...f, exp: qmul(f.exp, r) }));
  const { factors, coef: c2 } = mergeFactors(scaled, extra.sort((x, y) => (x.key < y.key ? -1 : 1)));
  const term = makeTerm(qmul(coef, c2), factors, t.expo ? polyScale(t.expo, r) : undefined);
  return new Map([[term.key, term]]);
}

/**
 * Split a sum into content * primitive part: the content is a rational times the monomial gcd of
 * the terms, the primitive part has leading coefficient 1 (in key order). Makes S, -S, 2S and
 * x*S share one atom.
 */
export function primitivePart(p: Poly): { content: Term; prim: Poly } {
  const terms = [...p.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let common: Factor[] | null = null;
  for (const t of terms) {
    if (common === null) common = [...t.factors];
    else {
      const next: Factor[] = [];
      for (const f of common) {
        const g = t.factors.find((x) => x.key === f.key);
        if (g && g.atom.kind !== 'num') next.push(qLess(g.exp, f.exp) ? g : f);
      }
      common = next;
    }
  }
  const lead = terms[0].coef;
  const contentTerm = makeTerm(lead, common ?? []);
  const inv = termPow(contentTerm, q(-1))!;
  return { content: contentTerm, prim: polyMul(p, inv) };
}
/** a < b for rationals. */
export const qLess = (a: Q, b: Q) => a.p * b.q < b.p * a.q;

/** floor of a rational. */
function floorQ(a: Q): bigint {
  const d = a.p / a.q;
  return a.p < 0n && d * a.q !== a.p ? d - 1n : d;
}

/** Prime factorisation by trial division (numbers in formulas are small); large cofactors stay whole. */
function primeFactors(n: bigint): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  let m = n < 0n ? -n : n;
  for (let p = 2n; p * p <= m && p < 100000n; p += p === 2n ? 1n : 2n) {
    let k = 0n;
    while (m % p === 0n) {
      m /= p;
      k++;
    }
    if (k > 0n) out.push([p, k]);
  }
  if (m > 1n) out.push([m, 1n]);
  return out;
}

/** Raise a polynomial to a rational power: expand positive integer powers, keep sums as atoms otherwise. */
export function polyPow(base: Poly, r: Q): Poly {
  if (qIsZero(r)) return polyConst(ONE);
  if (base.size === 0) {
    if (qSign(r) < 0) throw new Error('division by zero in the normal form');
    return EMPTY;
  }
  const t = soleTerm(base);
  if (t) {
    const m = termPow(t, r);
    if (m) return m;
  }
  if (qIsInt(r) && r.p > 0n) return polyPowInt(base, r.p);
  const { content, prim } = primitivePart(base);
  const cpow = termPow(content, r);
  if (!cpow) return polyAtom(pow(toExpr(base), num(r)));
  return polyMul(cpow, polyAtom(toExpr(prim), r));
}

/** Sum atoms (canonical sums) appear as the base of a factor. */
export const isSumAtom = (f: Factor) => f.atom.kind === 'add';
/** The integer part of a positive exponent of a sum atom, which must be expanded (0n when none). */
const expandablePart = (f: Factor): bigint => (isSumAtom(f) && qSign(f.exp) > 0 ? f.exp.p / f.exp.q : 0n);

/**
 * Expand the integer part of every positive power of a sum atom (they arise when
 * x^(1/2) * x^(1/2) or S^-1 * S^2 meet): S^(5/2) becomes (expanded S^2) * S^(1/2). Negative and
 * fractional powers of sums stay atoms.
 */
export function settle(p: Poly): Poly {
  let dirty = false;
  for (const t of p.values()) if (t.factors.some((f) => expandablePart(f) > 0n)) dirty = true;
  if (!dirty) return p;
  let out: Poly = EMPTY;
  for (const t of p.values()) {
    const keep: Factor[] = [];
    const expand: { atom: Expr; n: bigint }[] = [];
    for (const f of t.factors) {
      const n = expandablePart(f);
      if (n === 0n) {
        keep.push(f);
        continue;
      }
      expand.push({ atom: f.atom, n });
      const rest = qadd(f.exp, q(-n));
      if (!qIsZero(rest)) keep.push({ ...f, exp: rest });
    }
    const head = makeTerm(t.coef, keep, t.expo);
    let acc: Poly = new Map([[head.key, head]]);
    for (const { atom, n } of expand) acc = polyMul(acc, polyPowInt(toPoly(atom), n));
    out = polyAdd(out, expand.length ? settle(acc) : acc);
  }
  return out;
}

const polyCache = new WeakMap<object, Poly>();

/** The normal form of an expression. */
export function toPoly(e: Expr): Poly {
  const hit = polyCache.get(e);
  if (hit) return hit;
  const p = settle(toPolyRaw(e));
  polyCache.set(e, p);
  return p;
}

function toPolyRaw(e: Expr): Poly {
  switch (e.kind) {
    case 'num':
      return polyConst(e.value);
    case 'sym':
      return polyAtom(e);
    case 'add':
      return e.terms.reduce<Poly>((acc, t) => polyAdd(acc, toPoly(t)), EMPTY);
    case 'mul':
      return e.factors.reduce<Poly>((acc, t) => polyMul(acc, toPoly(t)), polyConst(ONE));
    case 'pow': {
      const ex = toPoly(e.exponent);
      const c = constantOf(ex);
      if (c) return polyPow(toPoly(e.base), c);
      // b^x = exp(x ln b)
      return expPoly(polyMul(ex, lnPoly(toPoly(e.base))));
    }
    case 'fn':
      if (!e.derivs && e.name === 'exp') return expPoly(toPoly(e.args[0]));
      if (!e.derivs && e.name === 'ln') return lnPoly(toPoly(e.args[0]));
      return polyAtom(fn(e.name, e.args.map((a) => toExpr(toPoly(a))), e.derivs ? [...e.derivs] : undefined));
  }
}

/** The rational value of a constant polynomial, or null. */
export function constantOf(p: Poly): Q | null {
  if (p.size === 0) return ZERO;
  const t = soleTerm(p);
  return t && t.key === '' ? t.coef : null;
}

/** exp(X): terms q*ln(a) of X become a^q; the rest is kept as one exponential factor. */
function expPoly(x: Poly): Poly {
  let rest: Poly = EMPTY;
  let out = polyConst(ONE);
  for (const t of x.values()) {
    const f = t.factors.length === 1 && !t.expo ? t.factors[0] : null;
    if (f && qIsOne(f.exp) && f.atom.kind === 'fn' && f.atom.name === 'ln' && !f.atom.derivs) {
      out = polyMul(out, polyPow(toPoly(f.atom.args[0]), t.coef));
    } else rest = polyAdd(rest, new Map([[t.key, t]]));
  }
  if (rest.size === 0) return out;
  const c = constantOf(rest);
  const unit = makeTerm(ONE, [], rest);
  if (c !== null) {
    // exp of a rational constant: keep exp(c) as an atom of its own
    const atom = fn('exp', [num(c)]);
    return polyMul(out, polyAtom(atom));
  }
  return polyMul(out, new Map([[unit.key, unit]]));
}

/** ln(P): a monomial splits into logarithms of its atoms; a sum becomes ln of its primitive part. */
function lnPoly(p: Poly): Poly {
  if (p.size === 0) throw new Error('ln(0) in the normal form');
  const t = soleTerm(p);
  if (t) {
    let out: Poly = t.expo ?? EMPTY;
    for (const f of t.factors) out = polyAdd(out, polyScale(lnAtom(f.atom), f.exp));
    if (!qIsOne(t.coef)) {
      if (qSign(t.coef) < 0) throw new Error('ln of a negative number in the normal form');
      if (t.coef.p !== 1n) out = polyAdd(out, polyAtom(fn('ln', [num(t.coef.p)])));
      if (t.coef.q !== 1n) out = polyAdd(out, polyScale(polyAtom(fn('ln', [num(t.coef.q)])), q(-1)));
    }
    return out;
  }
  const { content, prim } = primitivePart(p);
  let c = content;
  let s = prim;
  if (qSign(c.coef) < 0) {
    c = makeTerm(qneg(c.coef), c.factors, c.expo);
    s = polyScale(s, q(-1));
  }
  return polyAdd(lnPoly(new Map([[c.key, c]])), polyAtom(fn('ln', [toExpr(s)])));
}

function lnAtom(a: Expr): Poly {
  if (a.kind === 'add') return lnPoly(toPoly(a));
  return polyAtom(fn('ln', [a]));
}

function factorExpr(f: Factor): Expr {
  return pow(f.atom, num(f.exp));
}

function termExpr(t: Term): Expr {
  const parts: Expr[] = [num(t.coef), ...t.factors.map(factorExpr)];
  if (t.expo) parts.push(fn('exp', [toExpr(t.expo)]));
  return mul(...parts);
}

/** The canonical expression of a normal form (terms in key order). */
export function toExpr(p: Poly): Expr {
  if (p.size === 0) return zero;
  const terms = [...p.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (terms.length === 1) return termExpr(terms[0]);
  return add(...terms.map(termExpr));
}

/** Expand and collect: the canonical form of e. */
export const expand = (e: Expr): Expr => toExpr(toPoly(e));

/** The number of terms in the normal form of e (a cost measure). */
export const termCount = (e: Expr): number => toPoly(e).size;


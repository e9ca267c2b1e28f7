/**
 * The arithmetic of normal forms: a sum of terms c * prod(atom^k) * exp(X), c and k rational, X a
 * normal form itself. This module adds, scales and multiplies them (with the work limits); which
 * rewrites are allowed under which assumptions is normal.ts's business.
 */
import { Q, q, ONE, ZERO, qadd, qmul, qIsZero, qIsOne, qToString, qpowRational } from './rational.ts';
import { Expr, add, mul, pow, num, fn, zero, keyOf } from './expr.ts';
import { LimitError, deepTreeError } from './errors.ts';
import { limits, currentCallDeadline } from './limits.ts';

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

/** The empty (zero) polynomial. */
export const EMPTY: Poly = new Map();

/** The work clock of the current check: past the deadline, arithmetic stops with a TimeoutError. */
let deadline = Infinity;
/** Term multiplications spent by the current normal form (null when none is being computed). */
let work: number | null = null;

let peakWork = 0;
/** The largest work one normal form has needed so far in this process (for choosing the limit). */
export const peakWorkSeen = (): number => peakWork;

/** Run f (a normal form computation) with a fresh work budget, unless one is already running. */
export function withWorkBudget<T>(f: () => T): T {
  if (work !== null) return f();
  work = 0;
  current = limits();
  try {
    return f();
  } catch (err) {
    throw deepTreeError(err, 'the normal form');
  } finally {
    work = null;
  }
}

/** Work spent so far by the current normal form (0 outside one). */
export const workSpent = (): number => work ?? 0;

/**
 * Charge work done earlier and reused (a memoised normal form): the limit then trips the same
 * way whatever ran before in the process, warm cache or cold.
 */
export function chargeReused(n: number): void {
  if (work === null || n === 0) return;
  work += n;
  if (work > peakWork) peakWork = work;
  if (work > current.maxWork) charge(0, () => `a reused normal form costing ${n} term multiplications`);
}

/** The limits, read once per normal form (limits() is a call per multiplication otherwise). */
let current = limits();

function charge(n: number, what: () => string): void {
  if (work === null) return;
  work += n;
  if (work > peakWork) peakWork = work;
  const bound = limits().maxWork;
  if (work > bound) throw new LimitError('maxWork', bound, what(), `the normal form needs more than ${bound} term multiplications`);
}

/** Too much time spent in one check (the method abstains with `timeout`), or in the whole call. */
export class TimeoutError extends Error {
  constructor(
    readonly ms: number,
    limit = 'methodMs',
  ) {
    super(`gave up after ${ms} ms (limit ${limit})`);
    this.name = 'TimeoutError';
  }
}

/** Run f with the normal form's arithmetic limited to ms milliseconds. */
export function withDeadline<T>(ms: number, f: () => T): T {
  const prev = deadline;
  deadline = Math.min(prev, performance.now() + ms);
  try {
    return f();
  } finally {
    deadline = prev;
  }
}

function checkClock(): void {
  const now = performance.now();
  if (now > currentCallDeadline()) throw new TimeoutError(limits().callMs, 'callMs');
  if (deadline !== Infinity && now > deadline) throw new TimeoutError(limits().methodMs);
}

/** Milliseconds left before the method's or the call's deadline (Infinity when neither is set). */
export const msLeft = (): number => Math.min(deadline, currentCallDeadline()) - performance.now();

/** The exponent's text in a key (the common exponent 1 without a BigInt conversion). */
const expText = (k: Q): string => (k.p === 1n && k.q === 1n ? '1' : qToString(k));

function termKey(factors: readonly Factor[], expo?: Poly): string {
  let f = '';
  for (let i = 0; i < factors.length; i++) f += `${i > 0 ? '*' : ''}${factors[i].key}^${expText(factors[i].exp)}`;
  return expo ? `${f}|e:${polyKey(expo)}` : f;
}

/** A stable text key of a polynomial (equal keys mean equal normal forms). */
export function polyKey(p: Poly): string {
  return [...p.values()]
    .map((t) => `${qToString(t.coef)}#${t.key}`)
    .sort()
    .join(' + ');
}

/** A term from its parts (the key is computed here). */
export function makeTerm(coef: Q, factors: readonly Factor[], expo?: Poly): Term {
  const e = expo && expo.size > 0 ? expo : undefined;
  return { coef, factors, expo: e, key: termKey(factors, e) };
}

/** The one-term polynomial of a term. */
export const termPoly = (t: Term): Poly => new Map([[t.key, t]]);

/** The constant polynomial c. */
export function polyConst(c: Q): Poly {
  return qIsZero(c) ? EMPTY : new Map([['', makeTerm(c, [])]]);
}

/** The polynomial atom^k for an atom already in canonical form. */
export function polyAtom(atom: Expr, k: Q = ONE): Poly {
  return termPoly(makeTerm(ONE, [{ atom, key: keyOf(atom), exp: k }]));
}

/** Add t into a mutable sum. */
export function addTermInto(out: Map<string, Term>, t: Term): void {
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

/** The sum of many polynomials, accumulated in one map (a 50 000-term sum stays linear). */
export function polySum(parts: Iterable<Poly>): Poly {
  const out = new Map<string, Term>();
  for (const p of parts) for (const t of p.values()) addTermInto(out, t);
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

/** floor of a rational. */
export function floorQ(a: Q): bigint {
  const d = a.p / a.q;
  return a.p < 0n && d * a.q !== a.p ? d - 1n : d;
}

/** Push a factor onto a product's list; a numeric radical keeps its exponent in (0, 1) and returns its integer part's value (else 1). */
function pushFactor(out: Factor[], f: Factor): Q {
  if (qIsZero(f.exp)) return ONE;
  if (f.atom.kind !== 'num') {
    out.push(f);
    return ONE;
  }
  const whole = floorQ(f.exp);
  const frac = qadd(f.exp, q(-whole));
  if (!qIsZero(frac)) out.push({ ...f, exp: frac });
  return whole !== 0n ? qpowRational(f.atom.value, q(whole))! : ONE;
}

/** Multiply two factor lists (sorted by key), adding exponents; numeric radicals fold into the coefficient. */
export function mergeFactors(a: readonly Factor[], b: readonly Factor[]): { factors: Factor[]; coef: Q } {
  const out: Factor[] = [];
  let coef = ONE;
  let i = 0;
  let j = 0;
  // (a function of its own, not a closure: a closure per call costs a name definition under the TypeScript loader)
  while (i < a.length || j < b.length) {
    let c: Q;
    if (j >= b.length || (i < a.length && a[i].key < b[j].key)) c = pushFactor(out, a[i++]);
    else if (i >= a.length || b[j].key < a[i].key) c = pushFactor(out, b[j++]);
    else {
      c = pushFactor(out, { atom: a[i].atom, key: a[i].key, exp: qadd(a[i].exp, b[j].exp) });
      i++;
      j++;
    }
    if (c !== ONE) coef = qmul(coef, c);
  }
  return { factors: out, coef };
}

/** The product of two terms. */
export function termMul(a: Term, b: Term): Term {
  const { factors, coef } = mergeFactors(a.factors, b.factors);
  const expo = a.expo && b.expo ? polyAdd(a.expo, b.expo) : (a.expo ?? b.expo);
  const c = qmul(a.coef, b.coef);
  return makeTerm(coef === ONE ? c : qmul(c, coef), factors, expo);
}

const BIG = 1n << 1024n;
/** The cost of one coefficient product, in units of a product of 1024-bit numbers: work counts digits, not only terms. */
function digitWeight(p: Poly): number {
  let w = 1;
  for (const t of p.values()) {
    const { p: n, q: d } = t.coef;
    if (n < BIG && n > -BIG && d < BIG) continue;
    w = Math.max(w, Math.ceil(Math.max((n < 0n ? -n : n).toString(16).length, d.toString(16).length) / 256));
  }
  return w;
}

/** a * b, fully distributed (refused past the terms limit; stops at the check's deadline). */
export function polyMul(a: Poly, b: Poly): Poly {
  if (a.size === 0 || b.size === 0) return EMPTY;
  checkClock();
  const bound = limits().maxTerms;
  if (a.size * b.size > 50 * bound) throw new LimitError('maxTerms', bound, `a product of ${a.size} by ${b.size} terms`, 'the expansion would be too large');
  charge(a.size * b.size * digitWeight(a) * digitWeight(b), () => `a product of ${a.size} by ${b.size} terms (coefficients counted by their digits)`);
  const out = new Map<string, Term>();
  let n = 0;
  for (const s of a.values())
    for (const t of b.values()) {
      addTermInto(out, termMul(s, t));
      if ((++n & 4095) === 0) checkClock();
    }
  if (out.size > bound) throw new LimitError('maxTerms', bound, `a product of ${a.size} by ${b.size} terms`, `the expansion has ${out.size} terms`);
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
export const soleTerm = (p: Poly): Term | null => (p.size === 1 ? p.values().next().value! : null);

/** The rational value of a constant polynomial, or null. */
export function constantOf(p: Poly): Q | null {
  if (p.size === 0) return ZERO;
  const t = soleTerm(p);
  return t && t.key === '' ? t.coef : null;
}

/** a < b for rationals. */
export const qLess = (a: Q, b: Q) => a.p * b.q < b.p * a.q;

const factorExpr = (f: Factor): Expr => pow(f.atom, num(f.exp));

/** The expression of one term. */
export function termExpr(t: Term): Expr {
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

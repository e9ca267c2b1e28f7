/**
 * High-precision interval arithmetic for the numeric witness: where a float evaluation overflows,
 * underflows or cancels its digits, the point is evaluated again with decimal.js at P significant
 * digits, each value an interval [lo, hi] certain to contain the exact value. Every result computed
 * by decimal.js (correctly rounded for + - * / sqrt, and documented to within one unit in the last
 * place for exp, ln, powers and the trigonometric functions) is widened outwards by 10 units in
 * the last place (100 for the transcendental functions), so the bounds hold whatever the rounding.
 * A value that is not a real number is `undefined`; one the interval cannot decide (a divisor,
 * radicand or logarithm argument whose interval contains 0, an exponent beyond decimal range) is
 * `unresolved` with the reason, never guessed.
 */
import { Decimal } from 'decimal.js';

/** A real value certainly in [lo, hi], with the magnitude of the terms it was computed from. */
export interface Real {
  readonly kind: 'real';
  readonly lo: Decimal;
  readonly hi: Decimal;
  readonly s: Decimal;
}
/** Not a real number at this point (ln of a negative number, a division by exactly 0, ...). */
export interface NotReal {
  readonly kind: 'undefined';
}
/** The interval cannot decide: why (a divisor may be 0, an overflow beyond decimal range). */
export interface Unresolved {
  readonly kind: 'unresolved';
  readonly why: 'divisor' | 'domain' | 'overflow' | 'unsupported';
  readonly detail: string;
}
/** An interval value. */
export type Interval = Real | NotReal | Unresolved;

/** The arithmetic of one precision: a decimal.js constructor and its widening factors. */
export interface Precision {
  readonly digits: number;
  readonly D: typeof Decimal;
  /** 10 units in the last place, relative. */
  readonly ulp10: Decimal;
  /** 100 units in the last place, relative. */
  readonly ulp100: Decimal;
  /** pi rounded to the precision (within one unit in the last place). */
  readonly pi: Decimal;
}

const contexts = new Map<number, Precision>();
/** The arithmetic at `digits` significant digits (constructors are immutable and shared). */
export function precision(digits: number): Precision {
  let c = contexts.get(digits);
  if (!c) {
    const D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
    c = { digits, D, ulp10: new D(10).pow(2 - digits), ulp100: new D(10).pow(3 - digits), pi: D.acos(-1) };
    contexts.set(digits, c);
  }
  return c;
}

/**
 * Run a decimal.js function safely: it throws on arguments it cannot reduce (sin of 1e2000 needs
 * pi to more than the 1025 digits it carries) and may leave its constructor's precision changed
 * when it does; the precision is restored and the failure is `undefined`.
 */
function guarded(P: Precision, f: () => Decimal): Decimal | undefined {
  try {
    return f();
  } catch {
    return undefined;
  } finally {
    if (P.D.precision !== P.digits || P.D.rounding !== Decimal.ROUND_HALF_EVEN) P.D.set({ precision: P.digits, rounding: Decimal.ROUND_HALF_EVEN });
  }
}

/** The undefined value. */
export const NOT_REAL: NotReal = { kind: 'undefined' };
/** An unresolved value with its reason. */
export const unresolved = (why: Unresolved['why'], detail: string): Unresolved => ({ kind: 'unresolved', why, detail });

const finite = (x: Decimal) => x.isFinite();
/** An interval from endpoints (overflow beyond decimal range is unresolved). */
function real(lo: Decimal, hi: Decimal, s: Decimal): Interval {
  if (!finite(lo) || !finite(hi)) return unresolved('overflow', 'beyond the decimal exponent range');
  return { kind: 'real', lo, hi, s: finite(s) ? s : Decimal.max(hi.abs(), lo.abs()) };
}
/** Widen [lo, hi] outwards by a relative margin (an exact zero stays exact). */
function widen(lo: Decimal, hi: Decimal, rel: Decimal, s: Decimal): Interval {
  return real(lo.minus(lo.abs().times(rel)), hi.plus(hi.abs().times(rel)), s);
}

/** The exact value x (a float sample or a written constant). */
export function pExact(P: Precision, x: Decimal.Value): Interval {
  const v = new P.D(x);
  return real(v, v, v.abs());
}

/** The first non-real operand (undefined wins over unresolved), if any. */
export function pBad(...xs: Interval[]): NotReal | Unresolved | undefined {
  return (xs.find((x) => x.kind === 'undefined') as NotReal | undefined) ?? (xs.find((x) => x.kind === 'unresolved') as Unresolved | undefined);
}

/** Digits the exact sum of x and y can need (so a sum that fits P digits is exact and is not widened). */
const sumDigits = (x: Decimal, y: Decimal) =>
  x.isZero() || y.isZero() ? Math.max(x.sd(), y.sd()) : Math.max(x.e, y.e) + 2 - Math.min(x.e - x.sd(), y.e - y.sd());
/** One endpoint of a sum: exact when the digits fit, else widened by 10 ulp in its direction. */
function sumEnd(P: Precision, x: Decimal, y: Decimal, dir: 1 | -1): Decimal {
  const r = x.plus(y);
  return sumDigits(x, y) <= P.digits ? r : r.plus(r.abs().times(P.ulp10).times(dir));
}

/** a + b. */
export function pAdd(P: Precision, a: Interval, b: Interval): Interval {
  if (a.kind !== 'real' || b.kind !== 'real') return pBad(a, b)!;
  return real(sumEnd(P, a.lo, b.lo, -1), sumEnd(P, a.hi, b.hi, 1), a.s.plus(b.s));
}

/** -a. */
export const pNeg = (a: Interval): Interval => (a.kind === 'real' ? { kind: 'real', lo: a.hi.neg(), hi: a.lo.neg(), s: a.s } : a);

function hull(P: Precision, xs: Decimal[], rel: Decimal, s: Decimal): Interval {
  return widen(P.D.min(...xs), P.D.max(...xs), rel, s);
}

/** a * b (a product whose digits fit P digits is exact and is not widened). */
export function pMul(P: Precision, a: Interval, b: Interval): Interval {
  if (a.kind !== 'real' || b.kind !== 'real') return pBad(a, b)!;
  const corners = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  const digits = (x: Real) => Math.max(x.lo.sd(), x.hi.sd());
  const exact = digits(a) + digits(b) <= P.digits;
  const s = a.s.times(b.s);
  return exact ? real(P.D.min(...corners), P.D.max(...corners), s) : hull(P, corners, P.ulp10, s);
}

const containsZero = (a: Real) => a.lo.lte(0) && a.hi.gte(0);
const isZeroPoint = (a: Real) => a.lo.isZero() && a.hi.isZero();

/** a / b: undefined when b is exactly 0, unresolved when b's interval contains 0. */
export function pDiv(P: Precision, a: Interval, b: Interval): Interval {
  if (b.kind === 'real' && isZeroPoint(b)) return NOT_REAL;
  if (a.kind !== 'real' || b.kind !== 'real') return pBad(a, b)!;
  if (containsZero(b)) return unresolved('divisor', `a divisor is within ${b.hi.minus(b.lo).toSignificantDigits(3).toString()} of 0`);
  const inv = hull(P, [new P.D(1).div(b.lo), new P.D(1).div(b.hi)], P.ulp10, new P.D(1).div(P.D.min(b.lo.abs(), b.hi.abs())));
  const out = pMul(P, a, inv);
  return out.kind === 'real' ? { ...out, s: a.s.times((inv as Real).s) } : out;
}

/** a^n for an integer n. */
export function pPowInt(P: Precision, a: Interval, n: bigint): Interval {
  if (n === 0n) return a.kind === 'undefined' ? a : pExact(P, 1);
  if (a.kind !== 'real') return a;
  if (n < 0n) return pDiv(P, pExact(P, 1), pPowInt(P, a, -n));
  const k = new P.D(n.toString());
  // decimal.js raises to an integer by repeated squaring: about 2 log2(n) roundings, none when the digits fit
  const exact = Math.max(a.lo.sd(), a.hi.sd()) * Number(n) <= P.digits;
  const rel = exact ? new P.D(0) : P.ulp100.times(n.toString(2).length + 1);
  const lo = guarded(P, () => a.lo.abs().pow(k));
  const hi = guarded(P, () => a.hi.abs().pow(k));
  const s = guarded(P, () => a.s.pow(k)) ?? new P.D(Infinity);
  if (!lo || !hi) return unresolved('overflow', 'a power beyond what decimal.js evaluates');
  if (n % 2n === 1n) return widen(a.lo.isNeg() ? lo.neg() : lo, a.hi.isNeg() ? hi.neg() : hi, rel, s);
  if (containsZero(a)) return widen(new P.D(0), P.D.max(lo, hi), rel, s);
  return widen(P.D.min(lo, hi), P.D.max(lo, hi), rel, s);
}

/** The integer an exponent interval certainly equals, if it is one point on an integer. */
function pointInteger(b: Real): bigint | undefined {
  return b.lo.eq(b.hi) && b.lo.isInteger() ? BigInt(b.lo.toFixed(0)) : undefined;
}

/** a^b for a real exponent: a power of a negative base is real only for an integer exponent. */
export function pPow(P: Precision, a: Interval, b: Interval): Interval {
  if (b.kind !== 'real') return a.kind === 'undefined' ? a : b;
  const n = pointInteger(b);
  if (n !== undefined) {
    if (n > 1_000_000_000n || n < -1_000_000_000n) return unresolved('overflow', `an exponent of ${n}`);
    return pPowInt(P, a, n);
  }
  if (a.kind !== 'real') return a;
  const twice = pointInteger({ ...b, lo: b.lo.times(2), hi: b.hi.times(2) });
  if (twice !== undefined && twice > -1_000_000_000n && twice < 1_000_000_000n) return pPowInt(P, pSqrt(P, a), twice); // a^(k/2): a fast, correctly rounded sqrt
  if (isZeroPoint(a)) return b.lo.gt(0) ? pExact(P, 0) : b.hi.lte(0) ? NOT_REAL : unresolved('domain', 'a power of 0 whose exponent may be <= 0');
  const integerInside = b.lo.ceil().lte(b.hi.floor());
  if (a.hi.lt(0)) return integerInside ? unresolved('domain', 'a negative base whose exponent may be an integer') : NOT_REAL;
  if (a.lo.lte(0)) return unresolved('domain', 'a base that may be 0 or negative');
  const lnLo = guarded(P, () => a.lo.ln());
  const lnHi = guarded(P, () => a.hi.ln());
  if (!lnLo || !lnHi) return unresolved('overflow', 'a power beyond what decimal.js evaluates');
  const u = [lnLo, lnHi];
  const corners = [u[0].times(b.lo), u[0].times(b.hi), u[1].times(b.lo), u[1].times(b.hi)];
  const lo = P.D.min(...corners);
  const hi = P.D.max(...corners);
  // the exponent's own error: ln is within 100 ulp, the product within 10
  const slack = P.D.max(hi.abs(), lo.abs()).times(P.ulp100).times(3);
  return pExp(P, real(lo.minus(slack), hi.plus(slack), hi.abs()));
}

/** The largest |argument| a function is evaluated at in decimals: exp overflows decimal.js's exponent range (9e15 digits) just beyond it. */
export const DECIMAL_ARGUMENT = 2e16;

/** exp(a). */
export function pExp(P: Precision, a: Interval): Interval {
  if (a.kind !== 'real') return a;
  if (a.hi.gt(DECIMAL_ARGUMENT)) return unresolved('overflow', 'exp of a number beyond the decimal exponent range');
  const lo = a.lo.lt(-DECIMAL_ARGUMENT) ? new P.D(0) : guarded(P, () => a.lo.exp());
  const hi = guarded(P, () => a.hi.exp());
  if (!lo || !hi) return unresolved('overflow', 'exp beyond what decimal.js evaluates');
  return widen(lo, hi, P.ulp100, hi);
}

/** ln(a): undefined for a <= 0. */
export function pLn(P: Precision, a: Interval): Interval {
  if (a.kind !== 'real') return a;
  if (a.hi.lt(0) || isZeroPoint(a)) return NOT_REAL;
  if (a.lo.lte(0)) return unresolved('domain', 'a logarithm of a number that may be <= 0');
  const lo = guarded(P, () => a.lo.ln());
  const hi = guarded(P, () => a.hi.ln());
  if (!lo || !hi) return unresolved('overflow', 'ln beyond what decimal.js evaluates');
  return widen(lo, hi, P.ulp100, P.D.max(lo.abs(), hi.abs(), 1));
}

/** sqrt(a): undefined for a < 0. */
export function pSqrt(P: Precision, a: Interval): Interval {
  if (a.kind !== 'real') return a;
  if (a.hi.lt(0)) return NOT_REAL;
  if (isZeroPoint(a)) return a;
  if (a.lo.lt(0)) return unresolved('domain', 'a square root of a number that may be negative');
  return widen(a.lo.sqrt(), a.hi.sqrt(), P.ulp10, a.s.isFinite() ? a.s.sqrt() : a.s);
}

/** A function with |f'| <= lipschitz, evaluated at the midpoint, widened by the radius (sin, cos). */
export function pLipschitz(P: Precision, a: Interval, f: (x: Decimal) => Decimal, lipschitz: number, range?: [number, number]): Interval {
  if (a.kind !== 'real') return a;
  const mid = a.lo.plus(a.hi).div(2);
  const r = a.hi.minus(a.lo).div(2).times(lipschitz).times(new P.D(1).plus(P.ulp10));
  // an argument too large to reduce (sin of 1e2000) or a radius past the range: the whole range
  const v = mid.e + P.digits > 900 ? undefined : guarded(P, () => f(mid));
  if (!v)
    return range
      ? real(new P.D(range[0]), new P.D(range[1]), new P.D(Math.max(-range[0], range[1])))
      : unresolved('overflow', 'beyond what decimal.js evaluates');
  const margin = P.D.max(v.abs(), 1).times(P.ulp100);
  let lo = v.minus(r).minus(margin);
  let hi = v.plus(r).plus(margin);
  if (range) {
    lo = P.D.max(lo, range[0]);
    hi = P.D.min(hi, range[1]);
  }
  return real(lo, hi, P.D.max(range ? Math.max(Math.abs(range[0]), Math.abs(range[1])) : 1, v.abs()));
}

/** |a|. */
export function pAbs(P: Precision, a: Interval): Interval {
  if (a.kind !== 'real') return a;
  if (containsZero(a)) return real(new P.D(0), P.D.max(a.lo.abs(), a.hi.abs()), a.s);
  return real(P.D.min(a.lo.abs(), a.hi.abs()), P.D.max(a.lo.abs(), a.hi.abs()), a.s);
}

/** A function increasing on [lo, hi] inside its domain, evaluated at the endpoints and widened. */
export function pIncreasing(P: Precision, a: Interval, f: (x: Decimal) => Decimal): Interval {
  if (a.kind !== 'real') return a;
  const lo = guarded(P, () => f(a.lo));
  const hi = guarded(P, () => f(a.hi));
  if (!lo || !hi) return unresolved('overflow', 'beyond what decimal.js evaluates');
  return widen(lo, hi, P.ulp100, P.D.max(lo.abs(), hi.abs()));
}

/** True when the interval certainly excludes 0. */
export const excludesZero = (a: Interval): boolean => a.kind === 'real' && (a.lo.gt(0) || a.hi.lt(0));

/** The midpoint as a float (for reports). */
export const midpoint = (a: Real): number => a.lo.plus(a.hi).div(2).toNumber();

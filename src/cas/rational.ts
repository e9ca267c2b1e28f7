/**
 * Exact rational numbers p/q over BigInt, always normalised (q > 0, gcd(p, q) = 1). Kept by hand
 * rather than through fraction.js (installed with mathjs): the normal form builds millions of these
 * per replay, and plain {p, q} records with inline BigInt arithmetic are several times faster than
 * Fraction objects while being exact in the same way.
 */
import { LimitError } from './errors.ts';
import { limits } from './limits.ts';

export interface Q {
  readonly p: bigint;
  readonly q: bigint;
}

/** The greatest common divisor of two bigints (non-negative). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** x when it is a whole number; otherwise a RangeError naming the rational p/d asked for and how to write it. */
function whole(x: number, p: bigint | number, d: bigint | number): number {
  if (Number.isInteger(x)) return x;
  throw new RangeError(`a rational p/d needs whole numbers, got p = ${p}, d = ${d}: write num(3, 2) for 1.5, or parse the text "1.5" (exact)`);
}

/** The rational p/q in lowest terms; throws on a zero denominator, and on p or d that is not a whole number. */
export function q(p: bigint | number, d: bigint | number = 1n): Q {
  let P = typeof p === 'bigint' ? p : BigInt(whole(p, p, d));
  let D = typeof d === 'bigint' ? d : BigInt(whole(d, p, d));
  if (D === 1n) return { p: P, q: 1n }; // an integer is in lowest terms already
  if (D === 0n) throw new Error('rational with zero denominator');
  if (D < 0n) {
    P = -P;
    D = -D;
  }
  const g = gcd(P, D);
  return g > 1n ? { p: P / g, q: D / g } : { p: P, q: D };
}

/** The rationals 0, 1 and -1. */
export const ZERO = q(0);
export const ONE = q(1);
export const MINUS_ONE = q(-1);

/** Sum of two rationals. */
export const qadd = (a: Q, b: Q): Q =>
  a.q === 1n && b.q === 1n ? { p: a.p + b.p, q: 1n } : a.q === b.q ? q(a.p + b.p, a.q) : q(a.p * b.q + b.p * a.q, a.q * b.q);
/** Difference of two rationals. */
export const qsub = (a: Q, b: Q): Q => qadd(a, qneg(b));
/** Product of two rationals. */
export const qmul = (a: Q, b: Q): Q => (a.q === 1n && b.q === 1n ? { p: a.p * b.p, q: 1n } : q(a.p * b.p, a.q * b.q));
/** Quotient of two rationals; throws on division by zero. */
export const qdiv = (a: Q, b: Q): Q => q(a.p * b.q, a.q * b.p);
/** Negation. */
export const qneg = (a: Q): Q => ({ p: -a.p, q: a.q });
/** True when a == 0. */
export const qIsZero = (a: Q): boolean => a.p === 0n;
/** True when a == 1. */
export const qIsOne = (a: Q): boolean => a.p === 1n && a.q === 1n;
/** True when a is an integer. */
export const qIsInt = (a: Q): boolean => a.q === 1n;
/** Equality of rationals. */
export const qEq = (a: Q, b: Q): boolean => a.p === b.p && a.q === b.q;
/** Sign of a rational: -1, 0 or 1. */
export const qSign = (a: Q): number => (a.p > 0n ? 1 : a.p < 0n ? -1 : 0);
/** Comparison a < b. */
export const qLt = (a: Q, b: Q): boolean => a.p * b.q < b.p * a.q;
/** Float value of a rational. */
export const qToNumber = (a: Q): number => Number(a.p) / Number(a.q);
/** Text form "p" or "p/q". */
export const qToString = (a: Q): string => (a.q === 1n ? a.p.toString() : `${a.p}/${a.q}`);

/** Integer power of a rational (negative exponents allowed for nonzero bases). */
export function qpowInt(a: Q, n: bigint): Q {
  if (n < 0n) return qpowInt(qdiv(ONE, a), -n);
  let r = ONE;
  let b = a;
  let e = n;
  while (e > 0n) {
    if (e & 1n) r = qmul(r, b);
    b = qmul(b, b);
    e >>= 1n;
  }
  return r;
}

/** Exact integer k-th root of a non-negative bigint, or null when it is not a perfect power. */
function intRoot(x: bigint, k: bigint): bigint | null {
  if (x < 0n) return null;
  if (x < 2n) return x;
  let lo = 0n;
  let hi = 1n;
  while (hi ** k <= x) hi *= 2n;
  while (lo < hi - 1n) {
    const mid = (lo + hi) / 2n;
    if (mid ** k <= x) lo = mid;
    else hi = mid;
  }
  return lo ** k === x ? lo : null;
}

/** Bits of |n|. */
export function bitLength(n: bigint): number {
  return (n < 0n ? -n : n).toString(2).length;
}

/** Refuse a power whose exact value would pass the power-bits limit. */
function checkPowerSize(a: Q, n: bigint): void {
  const bits = Math.max(bitLength(a.p), bitLength(a.q)) * Math.abs(Number(n));
  const bound = limits().maxPowerBits;
  if (bits > bound && !(qIsZero(a) || (a.q === 1n && (a.p === 1n || a.p === -1n))))
    throw new LimitError('maxPowerBits', bound, `${qToString(a)}^${n}`, `the exact value would have about ${bits.toExponential(2)} bits`);
}

/** a^(e) exactly when the result is rational (perfect powers), else null. */
export function qpowRational(a: Q, e: Q): Q | null {
  if (e.q === 1n) {
    if (qIsZero(a) && e.p < 0n) return null;
    checkPowerSize(a, e.p);
    return qpowInt(a, e.p);
  }
  if (a.p < 0n) return null;
  const rp = intRoot(a.p, e.q);
  const rq = intRoot(a.q, e.q);
  if (rp === null || rq === null) return null;
  if (rp === 0n && e.p < 0n) return null;
  return qpowInt(q(rp, rq), e.p);
}

/** The exact rational a decimal numeral denotes ("0.1" is 1/10, "1e-400" is 10^-400); digits and exponent are limited. */
export function qFromDecimalString(text: string): Q {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) throw new Error(`not a decimal number: ${text}`);
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const frac = m[3] || '';
  const bound = limits().maxNumberDigits;
  const shift = Number(m[4] || '0');
  if (intPart.length + frac.length > bound || !Number.isSafeInteger(shift) || Math.abs(shift) > bound)
    throw new LimitError('maxNumberDigits', bound, text, 'the number has too many digits or too large a decimal exponent');
  const exp = shift - frac.length;
  const digits = sign * BigInt(intPart + frac);
  return exp >= 0 ? q(digits * 10n ** BigInt(exp)) : q(digits, 10n ** BigInt(-exp));
}

/** n!! = n (n - 2) (n - 4) ... (1 for n <= 0): the even Gaussian moments are (k - 1)!!. */
export function doubleFactorial(n: number): number {
  let r = 1;
  for (let j = n; j > 1; j -= 2) r *= j;
  return r;
}

/**
 * Floating-point values that carry their own error: each operation returns the computed value, a
 * bound on its distance from the exact result (running error analysis, first order made
 * rigorous where it is cheap), and a magnitude scale (the size of what was added up, so that a
 * cancellation keeps the scale of its terms). A value that is not a real number (a negative base
 * under a fractional power, ln of a non-positive number, an overflow) is NaN: undefined.
 */

/** A value, the bound on its error, and the magnitude of what it was computed from. */
export interface Bounded {
  readonly v: number;
  readonly e: number;
  readonly s: number;
}

/** The unit roundoff of float64. */
export const UNIT = 2 ** -53;
/** The undefined value (not a real number at this point). */
export const UNDEFINED: Bounded = { v: NaN, e: NaN, s: NaN };
/** A value floats cannot pin down (2^10000, exp(exp(10)), a divisor within its error of 0): not a finding, just not resolvable here. */
export const OVERFLOW: Bounded = { v: Infinity, e: Infinity, s: Infinity };

/** True for the overflow marker. */
export const isOverflow = (a: Bounded): boolean => a.v === Infinity && a.e === Infinity;

/** An exact value (a sampled point, a float constant that is exactly what was written). */
export const exact = (v: number): Bounded => ({ v, e: 0, s: Math.abs(v) });
/** A value known to within e. */
export const approx = (v: number, e: number, s = Math.abs(v)): Bounded =>
  Number.isFinite(v) && Number.isFinite(e) ? { v, e, s } : Number.isNaN(v) ? UNDEFINED : OVERFLOW;

/** A result that underflowed to 0 from nonzero inputs is only known to be tiny: give it an error. */
const tiny = (x: Bounded): Bounded => (x.v === 0 && x.e === 0 ? { v: 0, e: Number.MIN_VALUE, s: Math.max(x.s, Number.MIN_VALUE) } : x);

const ok = (x: Bounded) => Number.isFinite(x.v) && Number.isFinite(x.e);
/** The result when an operand is not a finite value: undefined wins over overflow. */
const bad = (...xs: Bounded[]): Bounded => (xs.some((x) => Number.isNaN(x.v)) ? UNDEFINED : OVERFLOW);
const round = (v: number) => UNIT * Math.abs(v);

/** a + b (the rounding error of the sum is computed exactly, TwoSum, so an exact sum adds none). */
export function bAdd(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return bad(a, b);
  const v = a.v + b.v;
  if (!Number.isFinite(v)) return OVERFLOW;
  const bv = v - a.v;
  const r = a.v - (v - bv) + (b.v - bv);
  return approx(v, a.e + b.e + Math.abs(r), a.s + b.s);
}

/** -a. */
export const bNeg = (a: Bounded): Bounded => (ok(a) ? { v: -a.v, e: a.e, s: a.s } : bad(a));

/** a * b. */
export function bMul(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return bad(a, b);
  const v = a.v * b.v;
  const out = approx(v, Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e + round(v), a.s * b.s);
  return a.v !== 0 && b.v !== 0 ? tiny(out) : out;
}

/** a / b; undefined when b may be 0 within its error. */
export function bDiv(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return bad(a, b);
  const d = Math.abs(b.v) - b.e;
  if (b.v === 0 && b.e === 0) return UNDEFINED;
  if (!(d > 0)) return OVERFLOW; // the divisor may be 0 within its error: not resolvable here
  const v = a.v / b.v;
  // (|a| e_b / |b| + e_a) / (|b| - e_b), in an order whose intermediates cannot overflow
  const out = approx(v, ((Math.abs(a.v) * (b.e / Math.abs(b.v)) + a.e) / d) * (1 + 4 * UNIT) + round(v), a.s / d);
  return a.v !== 0 ? tiny(out) : out;
}

/** a^n for an integer n (exact exponent). */
export function bPowInt(a: Bounded, n: number): Bounded {
  if (!ok(a)) return bad(a);
  if (n === 0) return exact(1);
  const v = a.v ** n;
  if (!Number.isFinite(v)) return a.v === 0 ? UNDEFINED : OVERFLOW;
  const m = Math.abs(n);
  if (a.v === 0) return n > 0 ? approx(0, a.e ** n, a.s ** n) : a.e === 0 ? UNDEFINED : OVERFLOW;
  const rho = a.e / Math.abs(a.v);
  let rel: number;
  if (n > 0) rel = (1 + rho) ** m - 1;
  else if (rho < 1) rel = (1 - rho) ** -m - 1;
  else return OVERFLOW;
  return tiny(approx(v, Math.abs(v) * (rel + (m + 1) * UNIT), n > 0 ? a.s ** n : Math.abs(v)));
}

/** The error of b ln a as computed: log, product and exp each within an ulp. */
const expSlack = (x: number) => 4 * UNIT * Math.abs(x) + Number.MIN_VALUE;

/** a^b for a real exponent: a must be positive (a fractional power of a negative number is not real). */
export function bPow(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return bad(a, b);
  if (b.e === 0 && Number.isSafeInteger(b.v)) return bPowInt(a, b.v);
  const bLo = b.v - b.e;
  const bHi = b.v + b.e;
  const integerInside = Math.ceil(bLo) <= Math.floor(bHi);
  if (a.v === 0 && a.e === 0) return bLo > 0 ? exact(0) : bHi < 0 ? UNDEFINED : OVERFLOW;
  if (a.v + a.e < 0) return integerInside ? OVERFLOW : UNDEFINED; // a negative base: real only for an integer exponent
  const aLo = a.v - a.e;
  if (!(aLo > 0)) return OVERFLOW; // the base may be 0 or negative within its error
  // b ln a over the box of (a, b) is bilinear in (b, ln a): its extremes are at the corners
  const u0 = Math.log(aLo);
  const u1 = Math.log(a.v + a.e);
  const t0 = u0 * bLo;
  const t1 = u0 * bHi;
  const t2 = u1 * bLo;
  const t3 = u1 * bHi;
  const tMin = Math.min(t0, t1, t2, t3);
  const tMax = Math.max(t0, t1, t2, t3);
  const lo = Math.exp(tMin - expSlack(tMin)) * (1 - 2 * UNIT);
  const hi = Math.exp(tMax + expSlack(tMax)) * (1 + 2 * UNIT);
  const v = a.v ** b.v;
  if (!Number.isFinite(v) || !Number.isFinite(hi)) return OVERFLOW;
  return tiny(approx(v, Math.max(hi - v, v - lo, 0) + 2 * round(v)));
}

/** exp(a). */
export function bExp(a: Bounded): Bounded {
  if (!ok(a)) return bad(a);
  const v = Math.exp(a.v);
  return tiny(approx(v, v * Math.expm1(a.e) + 2 * round(v)));
}

/** ln(a), undefined for a <= 0. */
export function bLn(a: Bounded): Bounded {
  if (!ok(a)) return bad(a);
  if (a.v < -a.e || (a.v === 0 && a.e === 0)) return UNDEFINED;
  if (!(a.v > 0)) return OVERFLOW;
  const v = Math.log(a.v);
  const e = a.e < a.v ? -Math.log1p(-a.e / a.v) + 2 * round(v) + UNIT : Infinity;
  return { v, e, s: Math.max(Math.abs(v), 1) };
}

/** sqrt(a), undefined for a < 0. */
export function bSqrt(a: Bounded): Bounded {
  if (!ok(a)) return bad(a);
  if (a.v < 0) return a.v + a.e >= 0 ? approx(0, Math.sqrt(a.e), Math.sqrt(a.s)) : UNDEFINED;
  const v = Math.sqrt(a.v);
  const lower = Math.sqrt(Math.max(a.v - a.e, 0));
  return approx(v, a.e / (v + lower || 1) + round(v), Math.sqrt(a.s));
}

/** sin(a) and cos(a). */
export function bTrig(a: Bounded, f: 'sin' | 'cos'): Bounded {
  if (!ok(a)) return bad(a);
  const v = f === 'sin' ? Math.sin(a.v) : Math.cos(a.v);
  return approx(v, a.e + 2 * UNIT, 1);
}

/** |a|. */
export const bAbs = (a: Bounded): Bounded => (ok(a) ? { v: Math.abs(a.v), e: a.e, s: a.s } : bad(a));

/** True when the value is a real number with a finite error bound. */
export const isDefined = (a: Bounded): boolean => ok(a);

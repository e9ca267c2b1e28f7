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

/** An exact value (a sampled point, a float constant that is exactly what was written). */
export const exact = (v: number): Bounded => ({ v, e: 0, s: Math.abs(v) });
/** A value known to within e. */
export const approx = (v: number, e: number, s = Math.abs(v)): Bounded => (Number.isFinite(v) ? { v, e, s } : UNDEFINED);

const ok = (x: Bounded) => Number.isFinite(x.v) && Number.isFinite(x.e);
const round = (v: number) => UNIT * Math.abs(v);

/** a + b. */
export function bAdd(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return UNDEFINED;
  const v = a.v + b.v;
  return approx(v, a.e + b.e + round(v), a.s + b.s);
}

/** -a. */
export const bNeg = (a: Bounded): Bounded => (ok(a) ? { v: -a.v, e: a.e, s: a.s } : UNDEFINED);

/** a * b. */
export function bMul(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return UNDEFINED;
  const v = a.v * b.v;
  return approx(v, Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e + round(v), a.s * b.s);
}

/** a / b; undefined when b may be 0 within its error. */
export function bDiv(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return UNDEFINED;
  const d = Math.abs(b.v) - b.e;
  if (!(d > 0)) return UNDEFINED;
  const v = a.v / b.v;
  return approx(v, (Math.abs(a.v) * b.e + Math.abs(b.v) * a.e) / (Math.abs(b.v) * d) + round(v), a.s / d);
}

/** a^n for an integer n (exact exponent). */
export function bPowInt(a: Bounded, n: number): Bounded {
  if (!ok(a)) return UNDEFINED;
  if (n === 0) return exact(1);
  const v = a.v ** n;
  if (!Number.isFinite(v)) return UNDEFINED;
  const m = Math.abs(n);
  if (a.v === 0) return n > 0 ? approx(0, a.e ** n, a.s ** n) : UNDEFINED;
  const rho = a.e / Math.abs(a.v);
  let rel: number;
  if (n > 0) rel = (1 + rho) ** m - 1;
  else if (rho < 1) rel = (1 - rho) ** -m - 1;
  else return UNDEFINED;
  return approx(v, Math.abs(v) * (rel + (m + 1) * UNIT), n > 0 ? a.s ** n : Math.abs(v));
}

/** a^b for a real exponent: a must be positive (a fractional power of a negative number is not real). */
export function bPow(a: Bounded, b: Bounded): Bounded {
  if (!ok(a) || !ok(b)) return UNDEFINED;
  const n = Math.round(b.v);
  if (b.e <= 1e-9 && Math.abs(b.v - n) <= b.e && Math.abs(n) <= 1024) return bPowInt(a, n);
  if (a.v === 0 && a.e === 0) return b.v > 0 ? exact(0) : UNDEFINED;
  if (!(a.v > 0)) return UNDEFINED;
  const v = a.v ** b.v;
  if (!Number.isFinite(v)) return UNDEFINED;
  const lower = a.v - a.e;
  const baseRel = lower > 0 ? a.e / lower : Infinity;
  return approx(v, Math.abs(v) * (Math.abs(b.v) * baseRel + Math.abs(Math.log(a.v)) * b.e) + 2 * round(v));
}

/** exp(a). */
export function bExp(a: Bounded): Bounded {
  if (!ok(a)) return UNDEFINED;
  const v = Math.exp(a.v);
  return approx(v, v * Math.expm1(a.e) + 2 * round(v));
}

/** ln(a), undefined for a <= 0. */
export function bLn(a: Bounded): Bounded {
  if (!ok(a) || !(a.v > 0)) return UNDEFINED;
  const v = Math.log(a.v);
  const e = a.e < a.v ? -Math.log1p(-a.e / a.v) + 2 * round(v) + UNIT : Infinity;
  return { v, e, s: Math.max(Math.abs(v), 1) };
}

/** sqrt(a), undefined for a < 0. */
export function bSqrt(a: Bounded): Bounded {
  if (!ok(a)) return UNDEFINED;
  if (a.v < 0) return a.v + a.e >= 0 ? approx(0, Math.sqrt(a.e), Math.sqrt(a.s)) : UNDEFINED;
  const v = Math.sqrt(a.v);
  const lower = Math.sqrt(Math.max(a.v - a.e, 0));
  return approx(v, a.e / (v + lower || 1) + round(v), Math.sqrt(a.s));
}

/** sin(a) and cos(a). */
export function bTrig(a: Bounded, f: 'sin' | 'cos'): Bounded {
  if (!ok(a)) return UNDEFINED;
  const v = f === 'sin' ? Math.sin(a.v) : Math.cos(a.v);
  return approx(v, a.e + 2 * UNIT, 1);
}

/** |a|. */
export const bAbs = (a: Bounded): Bounded => (ok(a) ? { v: Math.abs(a.v), e: a.e, s: a.s } : UNDEFINED);

/** True when the value is a real number with a finite error bound. */
export const isDefined = (a: Bounded): boolean => ok(a);

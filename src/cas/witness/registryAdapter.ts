/**
 * The witness's evaluation of a function registry entry (src/cas/registry.ts): floats through the registry's rigorous enclosure over [v - e, v + e], decimal intervals
 * through its decimal value at the ends (a function with no critical point inside is monotone
 * there) or, when an extremum or a jump lies inside, through the float enclosure. arith.ts's
 * `witnessFunction` uses it for every registry name its own table does not list.
 */
import { Decimal } from 'decimal.js';
import { Bounded, UNDEFINED, OVERFLOW, approx } from './bounded.ts';
import { Interval, Precision, NOT_REAL, unresolved, DECIMAL_ARGUMENT } from './precise.ts';

/** What the witness reads of a registry entry. */
export interface RegistryEntry {
  readonly name: string;
  float(x: number): number;
  decimal(x: Decimal, D: typeof Decimal): Decimal;
  critical?(lo: number, hi: number): number[];
  pole?(lo: number, hi: number): boolean;
}

/** The registry's float enclosure of f over [lo, hi]. */
export type Enclose = (name: string, lo: number, hi: number) => { kind: 'defined'; lo: number; hi: number } | { kind: 'undefined' } | { kind: 'partly' };

/** A registry function of a float with its bound: the enclosure over the value's error interval. */
export function registryFloat(f: RegistryEntry, enclose: Enclose, a: Bounded): Bounded {
  if (Number.isNaN(a.v)) return UNDEFINED;
  if (!Number.isFinite(a.v) || !Number.isFinite(a.e)) return OVERFLOW;
  const box = enclose(f.name, a.v - a.e, a.v + a.e);
  if (box.kind === 'undefined') return UNDEFINED;
  if (box.kind === 'partly') return OVERFLOW; // a domain boundary or a pole within the error: the decimals decide
  const v = f.float(a.v);
  if (!Number.isFinite(v)) return OVERFLOW;
  return approx(v, Math.max(v - box.lo, box.hi - v, 0), Math.max(Math.abs(box.lo), Math.abs(box.hi)));
}

/** A registry function of a decimal interval: monotone pieces by their ends, widened by 100 units in the last place. */
export function registryPrecise(P: Precision, f: RegistryEntry, enclose: Enclose, a: Interval): Interval {
  if (a.kind !== 'real') return a;
  // one rule for every function (exp's): beyond DECIMAL_ARGUMENT the point abstains; below it every registry
  // function runs in bounded time (the hyperbolic ones through exp: decimal.js's own tanh(1e6) ran for minutes)
  if (a.lo.abs().gt(DECIMAL_ARGUMENT) || a.hi.abs().gt(DECIMAL_ARGUMENT))
    return unresolved('overflow', `${f.name} of an argument beyond ${DECIMAL_ARGUMENT} in decimals`);
  const lo = a.lo.toNumber();
  const hi = a.hi.toNumber();
  const pad = (x: number) => Math.abs(x) * 2 ** -52 + Number.MIN_VALUE; // a float interval around the decimal one
  const box = enclose(f.name, lo - pad(lo), hi + pad(hi));
  if (box.kind === 'undefined') return NOT_REAL;
  if (box.kind === 'partly') return unresolved('domain', `${f.name} of an interval that meets a domain boundary or a pole`);
  const inside = f.critical?.(lo - pad(lo), hi + pad(hi)) ?? [];
  if (inside.length > 0) return { kind: 'real', lo: new P.D(box.lo), hi: new P.D(box.hi), s: new P.D(Math.max(Math.abs(box.lo), Math.abs(box.hi))) };
  let x: Decimal;
  let y: Decimal;
  try {
    x = f.decimal(a.lo, P.D);
    y = f.decimal(a.hi, P.D);
  } catch {
    return unresolved('overflow', `${f.name} beyond what decimal.js evaluates`);
  } finally {
    if (P.D.precision !== P.digits) P.D.set({ precision: P.digits });
  }
  if (x.isNaN() || y.isNaN()) return unresolved('domain', `${f.name} not defined at an end of the interval`);
  if (!x.isFinite() || !y.isFinite()) return unresolved('overflow', `${f.name} beyond the decimal exponent range`);
  const l = P.D.min(x, y);
  const h = P.D.max(x, y);
  return { kind: 'real', lo: l.minus(l.abs().times(P.ulp100)), hi: h.plus(h.abs().times(P.ulp100)), s: P.D.max(l.abs(), h.abs()) };
}

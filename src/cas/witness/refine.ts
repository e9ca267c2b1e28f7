/**
 * What the witness sees at one point. Floats first (fast, with error bounds); where they cannot
 * decide (an overflow, an underflow, digits lost to cancellation, a divisor or radicand within its
 * error of 0) the point is evaluated again in decimal intervals at 34 and then 100 digits. A side
 * that is not a real number is a finding whatever the size of the other side; a divisor that
 * stays within its bound of 0 at 100 digits is a finding too (the expression is nowhere defined,
 * or the point is on its singular set): never an agreement.
 */
import { Decimal } from 'decimal.js';
import { Bounded, isDefined, isOverflow } from './bounded.ts';
import { Interval, Real } from './precise.ts';
import { preciseArith } from './arith.ts';
import { compileTextIn, compileText, Program, Reading, Env } from './compile.ts';
import type { Point } from './domain.ts';

/** The decimal precisions tried, in order, where floats cannot decide. */
export const PRECISIONS = [34, 100] as const;

/** A text compiled for floats now and for decimal intervals when first needed. */
export class SideProgram {
  readonly float: Program;
  private readonly precise = new Map<number, Program<Interval>>();
  constructor(
    readonly text: string,
    readonly reading: Reading,
  ) {
    this.float = compileText(text, reading);
  }

  /** The program in decimal intervals at this many digits. */
  at(digits: number): Program<Interval> {
    let p = this.precise.get(digits);
    if (!p) {
      p = compileTextIn(this.text, this.reading, preciseArith(digits));
      this.precise.set(digits, p);
    }
    return p;
  }
}

/** What happened at one point. */
export interface PointOutcome {
  readonly point: Point;
  readonly lhs: Bounded;
  readonly rhs: Bounded;
  readonly kind: 'agree' | 'differ' | 'blind' | 'undefined-both' | 'undefined-one' | 'undefined-maybe' | 'zero-divisor';
  /** The gap the witness cannot see below (absolute). */
  readonly noise: number;
  /** That gap relative to the size of the terms. */
  readonly relative: number;
  /** 'float', or the decimal digits the point was decided at. */
  readonly precision: 'float' | number;
  /** Why the point is blind or a finding, when it is. */
  readonly why?: string;
}

const scaleOf = (lhs: Bounded, rhs: Bounded) => Math.max(Math.abs(lhs.v), Math.abs(rhs.v), lhs.s, rhs.s, Number.MIN_VALUE);

/** One float outcome (every outcome the same shape: written out, not spread from a shared base). */
const floatOutcome = (point: Point, lhs: Bounded, rhs: Bounded, kind: PointOutcome['kind'], noise: number, relative: number, why?: string): PointOutcome => ({
  point,
  lhs,
  rhs,
  precision: 'float',
  kind,
  noise,
  relative,
  why,
});

/** Classify one point from float values; `blind` asks for decimal evaluation. */
function classifyFloat(point: Point, lhs: Bounded, rhs: Bounded, tol: number): PointOutcome {
  const undefL = Number.isNaN(lhs.v);
  const undefR = Number.isNaN(rhs.v);
  if (undefL && undefR) return floatOutcome(point, lhs, rhs, 'undefined-both', NaN, NaN);
  if ((undefL && isDefined(rhs)) || (undefR && isDefined(lhs))) return floatOutcome(point, lhs, rhs, 'undefined-one', NaN, NaN);
  if (isOverflow(lhs) || isOverflow(rhs) || undefL || undefR) return floatOutcome(point, lhs, rhs, 'blind', Infinity, Infinity, 'beyond floats');
  const scale = scaleOf(lhs, rhs);
  const noise = Math.max(16 * (lhs.e + rhs.e), 1e-13 * scale);
  if (Math.abs(lhs.v - rhs.v) > noise) return floatOutcome(point, lhs, rhs, 'differ', noise, noise / scale);
  // agreement is relative to the size of the terms (a cancellation below it is another method's to show: equivalent.ts reconciles)
  return floatOutcome(point, lhs, rhs, noise / scale <= tol ? 'agree' : 'blind', noise, noise / scale, 'digits lost to rounding');
}

const half = (r: Real) => r.hi.minus(r.lo).div(2);
const mid = (r: Real) => r.lo.plus(r.hi).div(2);
/** A decimal interval as a float Bounded (for reports and for comparing with other methods' residuals). */
export function toBounded(x: Interval): Bounded {
  if (x.kind === 'undefined') return { v: NaN, e: NaN, s: NaN };
  if (x.kind === 'unresolved') return { v: Infinity, e: Infinity, s: Infinity };
  const v = mid(x).toNumber();
  return { v, e: half(x).toNumber(), s: x.s.toNumber() };
}

/** Classify one point from decimal intervals at `digits`; undefined when a higher precision should be tried. */
function classifyPrecise(point: Point, L: Interval, R: Interval, tol: number, digits: number, last: boolean): PointOutcome | undefined {
  const base = { point, lhs: toBounded(L), rhs: toBounded(R), precision: digits };
  if (L.kind === 'undefined' && R.kind === 'undefined') return { ...base, kind: 'undefined-both', noise: NaN, relative: NaN };
  if ((L.kind === 'undefined' && R.kind === 'real') || (R.kind === 'undefined' && L.kind === 'real'))
    return { ...base, kind: 'undefined-one', noise: NaN, relative: NaN };
  if (L.kind === 'real' && R.kind === 'real') {
    const noise = half(L).plus(half(R));
    const scale = Decimal.max(mid(L).abs(), mid(R).abs(), L.s, R.s);
    const relative = scale.isZero() ? (noise.isZero() ? 0 : Infinity) : noise.div(scale).toNumber();
    if (L.hi.lt(R.lo) || R.hi.lt(L.lo)) return { ...base, kind: 'differ', noise: noise.toNumber(), relative };
    if (relative <= tol) return { ...base, kind: 'agree', noise: noise.toNumber(), relative };
    return last ? { ...base, kind: 'blind', noise: noise.toNumber(), relative, why: `digits lost even at ${digits} digits` } : undefined;
  }
  if (!last) return undefined;
  const open = [L, R].find((x) => x.kind === 'unresolved');
  const why = open?.kind === 'unresolved' ? open.detail : 'unresolved';
  if (L.kind === 'undefined' || R.kind === 'undefined')
    return {
      ...base,
      kind: 'undefined-maybe',
      noise: NaN,
      relative: NaN,
      why: `${L.kind === 'undefined' ? 'lhs' : 'rhs'} is not a real number and the other side is unresolved (${why})`,
    };
  const divisor = [L, R].some((x) => x.kind === 'unresolved' && x.why === 'divisor');
  return { ...base, kind: divisor ? 'zero-divisor' : 'blind', noise: Infinity, relative: Infinity, why };
}

/** Evaluate both sides at one point: floats first, decimal intervals where floats cannot decide (until the deadline). */
export function comparePoint(L: SideProgram, R: SideProgram, env: Env, tol: number, deadline = Infinity): PointOutcome {
  const first = classifyFloat(env.point, L.float(env), R.float(env), tol);
  if (first.kind !== 'blind') return first;
  const penv = { point: env.point, fns: env.fns } as Env<Interval>;
  for (let i = 0; i < PRECISIONS.length; i++) {
    if (performance.now() > deadline) break;
    const digits = PRECISIONS[i];
    const out = classifyPrecise(env.point, L.at(digits)(penv), R.at(digits)(penv), tol, digits, i === PRECISIONS.length - 1);
    if (out) return out;
  }
  return first;
}

/** A float value whose bound excludes 0 with the witness's safety factor of 16 on its error. */
export const floatNonzero = (b: Bounded): boolean => isDefined(b) && Math.abs(b.v) > 16 * b.e;

/** A value and what is proven about it: nonzero (its bounds exclude 0), vanishing to its bound at the highest precision, or not real. */
export interface CertifiedValue {
  readonly value: Bounded;
  readonly certified?: 'nonzero' | 'vanishes' | 'undefined';
  readonly digits?: number;
}

/** The value of one program at a point, refined in decimals where the float cannot tell it from 0. */
export function certifyValue(side: SideProgram, env: Env, deadline = Infinity): CertifiedValue {
  const value = side.float(env);
  if (Number.isNaN(value.v)) return { value, certified: 'undefined' };
  if (floatNonzero(value)) return { value, certified: 'nonzero' };
  const penv = { point: env.point, fns: env.fns } as Env<Interval>;
  let last: Interval | undefined;
  let digits = 0;
  for (const d of PRECISIONS) {
    if (performance.now() > deadline) break;
    digits = d;
    last = side.at(d)(penv);
    if (last.kind === 'undefined') return { value, certified: 'undefined', digits };
    if (last.kind === 'real' && (last.lo.gt(0) || last.hi.lt(0))) return { value: toBounded(last), certified: 'nonzero', digits };
  }
  if (last?.kind === 'real' && last.lo.lte(0) && last.hi.gte(0)) return { value: toBounded(last), certified: 'vanishes', digits };
  return { value };
}

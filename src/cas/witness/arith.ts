/**
 * The two arithmetics the witness evaluates a text in: floats with running error bounds (fast,
 * bounded.ts) and decimal intervals at a chosen precision (precise.ts), behind one interface so
 * that the compiler (compile.ts) reads a text once for both. The table of known functions is here,
 * one entry per name with its float and its high-precision evaluation: it is the one place to
 * replace by the function registry (src/cas/registry.ts) once every name comes from there.
 */
import { knownFunction as registryEntry, enclose } from '../registry.ts';
import { registryFloat, registryPrecise } from './registryAdapter.ts';
import { Decimal } from 'decimal.js';
import { Bounded, UNDEFINED, OVERFLOW, UNIT, approx, bAdd, bNeg, bMul, bDiv, bPow, bExp, bLn, bSqrt, bTrig, bAbs } from './bounded.ts';
import { Interval, Precision, NOT_REAL, pAdd, pNeg, pMul, pDiv, pPow, pExp, pLn, pSqrt, pAbs, pLipschitz, pExact, precision, unresolved } from './precise.ts';
import type { RandomFunctions } from './randomFunctions.ts';
import { Q, qFromDecimalString } from '../rational.ts';

/** A written constant as mathjs's exact parser gives it (a BigNumber), or a plain number. */
export type ConstantValue = { toNumber(): number; toString(): string } | number;

/** What the compiler needs of an arithmetic. */
export interface Arith<T> {
  /** A name for messages ("float", "60 digits"). */
  readonly name: string;
  readonly constant: (c: ConstantValue) => T;
  /** A sampled coordinate (exact). */
  readonly sample: (v: number) => T;
  readonly notReal: T;
  readonly e: T;
  readonly pi: T;
  readonly add: (a: T, b: T) => T;
  readonly neg: (a: T) => T;
  readonly mul: (a: T, b: T) => T;
  readonly div: (a: T, b: T) => T;
  readonly pow: (a: T, b: T) => T;
  /** A known function of one argument, or undefined for a name it does not know. */
  readonly fn: (name: string) => ((a: T) => T) | undefined;
  /** An opaque function's stand-in (or its derivative) at the arguments. */
  readonly opaque: (fns: RandomFunctions, name: string, args: readonly T[], derivs: readonly number[]) => T;
}

/** One known function: its float and its high-precision evaluation. */
interface KnownFunction {
  readonly float: (a: Bounded) => Bounded;
  readonly precise: (P: Precision, a: Interval) => Interval;
}

const sinOrCos = (f: 'sin' | 'cos'): KnownFunction => ({
  float: (a) => bTrig(a, f),
  precise: (P, a) => pLipschitz(P, a, (x) => (f === 'sin' ? x.sin() : x.cos()), 1, [-1, 1]),
});

/** The functions the witness evaluates itself (anything else is an opaque function or refused). */
export const KNOWN_FUNCTIONS: Readonly<Record<string, KnownFunction>> = {
  exp: { float: bExp, precise: pExp },
  ln: { float: bLn, precise: pLn },
  log: { float: bLn, precise: pLn },
  sqrt: { float: bSqrt, precise: pSqrt },
  abs: { float: bAbs, precise: pAbs },
  sin: sinOrCos('sin'),
  cos: sinOrCos('cos'),
};

const fromRegistry = new Map<string, KnownFunction | undefined>();
/**
 * The witness's evaluator of a function name: its own table first (exp, ln, sqrt, abs, sin, cos),
 * then the function registry (tan, cosh, erf, sign, ...: src/cas/registry.ts) through its rigorous
 * float enclosure and decimal values; undefined for a name neither knows (an opaque function).
 */
export function witnessFunction(name: string): KnownFunction | undefined {
  const own = KNOWN_FUNCTIONS[name];
  if (own) return own;
  if (!fromRegistry.has(name)) {
    const entry = registryEntry(name);
    fromRegistry.set(name, entry && { float: (a) => registryFloat(entry, enclose, a), precise: (P, a) => registryPrecise(P, entry, enclose, a) });
  }
  return fromRegistry.get(name);
}

/** True when a decimal numeral is exactly a float: a dyadic rational with at most 53 bits (0.5, 3, 2.25; not 0.1). */
function isFloatExactly(text: string): boolean {
  let r: Q;
  try {
    r = qFromDecimalString(text);
  } catch {
    return false;
  }
  const den = r.q;
  const num = r.p < 0n ? -r.p : r.p;
  return (den & (den - 1n)) === 0n && num <= 2n ** 53n && den <= 2n ** 1000n;
}

/** A written constant as a float: exact when the float is the number written, else within its rounding. */
function floatConstant(d: ConstantValue): Bounded {
  if (typeof d === 'number') return approx(d, 0);
  const v = d.toNumber();
  if (!Number.isFinite(v)) return OVERFLOW;
  if (isFloatExactly(d.toString())) return { v, e: 0, s: Math.abs(v) };
  if (v === 0) return { v: 0, e: Number.MIN_VALUE, s: Number.MIN_VALUE }; // underflow: known only to be tiny
  return approx(v, UNIT * Math.abs(v));
}

/** Float arithmetic with running error bounds. */
export const FLOAT: Arith<Bounded> = {
  name: 'float',
  constant: floatConstant,
  sample: (v) => ({ v, e: 0, s: Math.abs(v) }),
  notReal: UNDEFINED,
  e: { v: Math.E, e: UNIT * Math.E, s: Math.E },
  pi: { v: Math.PI, e: UNIT * Math.PI, s: Math.PI },
  add: bAdd,
  neg: bNeg,
  mul: bMul,
  div: bDiv,
  pow: bPow,
  fn: (name) => witnessFunction(name)?.float,
  opaque: (fns, name, args, derivs) => fns.evaluate(name, args, derivs),
};

const preciseCache = new Map<number, Arith<Interval>>();
/** Decimal interval arithmetic at `digits` significant digits. */
export function preciseArith(digits: number): Arith<Interval> {
  let a = preciseCache.get(digits);
  if (a) return a;
  const P = precision(digits);
  const widened = (x: Decimal) => pLipschitz(P, pExact(P, x), (y) => y, 0); // a constant computed to P digits, widened past its rounding
  const e = widened(new P.D(1).exp());
  a = {
    name: `${digits} digits`,
    constant: (c) => pExact(P, typeof c === 'number' ? c : c.toString()),
    sample: (v) => (Number.isFinite(v) ? pExact(P, v) : unresolved('overflow', 'a sample that is not finite')),
    notReal: NOT_REAL,
    e,
    pi: widened(P.pi),
    add: (x, y) => pAdd(P, x, y),
    neg: pNeg,
    mul: (x, y) => pMul(P, x, y),
    div: (x, y) => pDiv(P, x, y),
    pow: (x, y) => (x === e ? pExp(P, y) : pPow(P, x, y)), // e^y is exp(y), not exp(y ln e)
    fn: (name) => {
      const f = witnessFunction(name);
      return f ? (x) => f.precise(P, x) : undefined;
    },
    opaque: (fns, name, args, derivs) => fns.evaluatePrecise(P, name, args, derivs),
  };
  preciseCache.set(digits, a);
  return a;
}

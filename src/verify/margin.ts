/**
 * The margin of lhs <= rhs at one point, relative to the size of the sides, in a range floats
 * cannot hold: where a side underflows to 0 or overflows (e^{-1/eps} at eps = 1e-3, e^{t/eps}),
 * expression sides are evaluated again as a sign and a natural logarithm (a log-space reading of
 * the expression tree), so "both sides are 0" is never read as "equal". The relative margin
 * (rhs - lhs)/(|lhs| + |rhs|) lies in [-1, 1]; where both sides have one sign it is
 * tanh(ln(rhs/lhs)/2), and the search minimises the unsaturated 2 atanh of it (the log-ratio).
 */
import { Expr, printExpr, qToNumber, checkTree } from '../cas/index.ts';
import { compileExpr, evaluateExpr } from '../calculus/index.ts';
import { Bounded, UNIT, approx, exact, bAdd, bMul, bPow, bExp, bLn, bTrig, isDefined } from '../cas/witness/bounded.ts';
import type { Sample } from './region.ts';

/** Bad input to the inequality checker: a NaN/infinite sample value or side. */
export class InequalityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InequalityInputError';
  }
}

/** A real number as a sign and ln|x| (0 has sign 0 and log -Infinity). */
export interface LogValue {
  readonly sign: -1 | 0 | 1;
  readonly log: number;
}

const fromNumber = (v: number): LogValue | undefined =>
  Number.isNaN(v) ? undefined : v === 0 ? { sign: 0, log: -Infinity } : { sign: v > 0 ? 1 : -1, log: Math.log(Math.abs(v)) };
const toNumber = (x: LogValue): number => (x.sign === 0 ? 0 : x.sign * Math.exp(x.log));

/** The sum of signed log values (log-sum-exp about the largest term; terms in order, zeros skipped). */
function logSum(xs: readonly LogValue[]): LogValue | undefined {
  let top = -Infinity;
  let nonzero = false;
  for (const x of xs)
    if (x.sign !== 0) {
      nonzero = true;
      top = Math.max(top, x.log);
    }
  if (!nonzero) return { sign: 0, log: -Infinity };
  if (!Number.isFinite(top)) return undefined;
  let a = 0;
  for (const x of xs) if (x.sign !== 0) a += x.sign * Math.exp(x.log - top);
  const sum = fromNumber(a);
  return sum && sum.sign !== 0 ? { sign: sum.sign, log: sum.log + top } : sum;
}

/**
 * The value of e at the sample as a sign and a logarithm, or undefined where it is not a real
 * number. Products, powers, exp and ln never leave log space; other functions are evaluated in floats.
 */
export function logValue(e: Expr, s: Sample): LogValue | undefined {
  switch (e.kind) {
    case 'num':
      return fromNumber(qToNumber(e.value));
    case 'sym':
      return e.name === 'pi' ? fromNumber(Math.PI) : e.name in s ? fromNumber(s[e.name]) : undefined;
    case 'add': {
      const ts: LogValue[] = [];
      for (const t of e.terms) {
        const v = logValue(t, s);
        if (!v) return undefined;
        ts.push(v);
      }
      return logSum(ts);
    }
    case 'mul': {
      let sign = 1;
      let log = 0;
      for (const f of e.factors) {
        const v = logValue(f, s);
        if (!v) return undefined;
        if (v.sign === 0) return v;
        sign *= v.sign;
        log += v.log;
      }
      return { sign: sign as 1 | -1, log };
    }
    case 'pow': {
      const b = logValue(e.base, s);
      const x = logValue(e.exponent, s);
      if (!b || !x) return undefined;
      const n = toNumber(x);
      if (!Number.isFinite(n)) return undefined;
      if (b.sign === 0) return n > 0 ? b : undefined;
      if (b.sign > 0) return { sign: 1, log: n * b.log };
      return Number.isInteger(n) ? { sign: n % 2 === 0 ? 1 : -1, log: n * b.log } : undefined;
    }
    case 'fn': {
      if (!e.derivs?.some((k) => k > 0) && e.args.length === 1 && (e.name === 'exp' || e.name === 'ln')) {
        const a = logValue(e.args[0], s);
        if (!a) return undefined;
        if (e.name === 'ln') return a.sign > 0 ? fromNumber(a.log) : undefined;
        const v = toNumber(a);
        return Number.isFinite(v) ? { sign: 1, log: v } : undefined;
      }
      try {
        return fromNumber(evaluateExpr(e, s));
      } catch {
        return undefined;
      }
    }
  }
}

/** A side of an inequality: an expression in the sample's names, or a function of the sample. */
export type Side = Expr | ((s: Sample) => number);

/** The value of a side at a point: a float, and the log-space reading where the float cannot be trusted. */
export interface SideValue {
  readonly v: number;
  readonly log?: LogValue;
}

/** Smallest magnitude a float side is trusted at (below it underflow may have eaten it). */
const TINY = 1e-290;

/** A side as a function of the sample: floats first, log space where they under- or overflow (expression sides only, checked as `label`: checkTree). */
export function sideEvaluator(side: Side, label = 'a side of the inequality'): (s: Sample) => SideValue | undefined {
  if (typeof side === 'function') return (s) => ({ v: side(s) });
  checkTree(side, label);
  const f = compileExpr(side);
  return (s) => {
    let v = Number.NaN;
    try {
      v = f(s);
    } catch {
      // non-finite in floats: read it in log space
    }
    if (Number.isFinite(v) && (Math.abs(v) >= TINY || v === 0)) {
      if (v !== 0) return { v };
      // a 0 may be an underflow (then the log reading is below the float range); a 0 by cancellation stays 0
      const log = logValue(side, s);
      return log && log.sign !== 0 && log.log < Math.log(TINY) ? { v, log } : { v };
    }
    const log = logValue(side, s);
    return log ? { v: Number.isFinite(v) ? v : toNumber(log), log } : undefined;
  };
}

const signOf = (x: SideValue): number => (x.log ? x.log.sign : Math.sign(x.v));
const lnAbs = (x: SideValue): number => (x.log ? x.log.log : Math.log(Math.abs(x.v)));

/** The relative margin (rhs - lhs)/(|lhs| + |rhs|) in [-1, 1] and its unsaturated form 2 atanh (the log-ratio, capped at ±CAP). */
export function relativeMargins(l: SideValue, r: SideValue): { relative: number; logRatio: number } {
  const [sl, sr] = [signOf(l), signOf(r)];
  if (!l.log && !r.log) {
    if (l.v === r.v) return { relative: 0, logRatio: 0 };
    if (sl === sr && sl !== 0) {
      const lr = sl * (Math.log(Math.abs(r.v)) - Math.log(Math.abs(l.v)));
      return { relative: (r.v - l.v) / (Math.abs(l.v) + Math.abs(r.v)), logRatio: cap(lr) };
    }
    const rel = (r.v - l.v) / (Math.abs(l.v) + Math.abs(r.v));
    return { relative: rel, logRatio: rel * CAP };
  }
  if (sl === 0 && sr === 0) return { relative: 0, logRatio: 0 };
  if (sl === sr) {
    const lr = sl * (lnAbs(r) - lnAbs(l));
    return { relative: Math.tanh(lr / 2), logRatio: cap(lr) };
  }
  const rel = sr > sl ? 1 : -1;
  return { relative: rel, logRatio: rel * CAP };
}
/** Largest log-ratio the search distinguishes (tanh(CAP/2) is 1 in floats). */
const CAP = 80;
const cap = (x: number) => Math.max(-CAP, Math.min(CAP, x));

/** The sides in words where the floats could not hold them (e.g. "lhs = 10^-434.3"). */
export function logNote(l: SideValue, r: SideValue): string | undefined {
  return l.log || r.log ? `evaluated in log space: ${sideNote('lhs', l)}, ${sideNote('rhs', r)}` : undefined;
}

/** One side in words: its power of ten where it was read in log space, else its float. */
const sideNote = (name: string, x: SideValue): string =>
  x.log && x.log.sign !== 0 ? `${name} = ${x.log.sign < 0 ? '-' : ''}10^${(x.log.log / Math.LN10).toFixed(1)}` : `${name} = ${x.v}`;

/** The bounded values of xs folded from the left with op (as a reduce without a seed, without its arrays). */
function foldBounded(xs: readonly Expr[], s: Sample, op: (a: Bounded, b: Bounded) => Bounded): Bounded {
  let acc = boundedValue(xs[0], s);
  for (let i = 1; i < xs.length; i++) acc = op(acc, boundedValue(xs[i], s));
  return acc;
}

/** The value of e at the sample with a bound on its rounding error (running error analysis of src/cas/witness). */
export function boundedValue(e: Expr, s: Sample): Bounded {
  switch (e.kind) {
    case 'num': {
      const v = qToNumber(e.value);
      return Number.isSafeInteger(v) ? exact(v) : approx(v, UNIT * Math.abs(v));
    }
    case 'sym':
      return e.name === 'pi' ? approx(Math.PI, UNIT * 4) : exact(s[e.name]);
    case 'add':
      return foldBounded(e.terms, s, bAdd);
    case 'mul':
      return foldBounded(e.factors, s, bMul);
    case 'pow':
      return bPow(boundedValue(e.base, s), boundedValue(e.exponent, s));
    case 'fn': {
      const plain = !e.derivs?.some((k) => k > 0) && e.args.length === 1;
      const a = plain ? boundedValue(e.args[0], s) : undefined;
      if (a && e.name === 'exp') return bExp(a);
      if (a && e.name === 'ln') return bLn(a);
      if (a && (e.name === 'sin' || e.name === 'cos')) return bTrig(a, e.name);
      return approx(Number.NaN, Number.NaN); // no error bound for other functions
    }
  }
}

/**
 * The rounding error of a side's value at a point: the running error bound of an expression
 * (log-space readings: 1e-12 relative), the stated accuracy of a function side (quadratures).
 */
export function roundingOf(side: Side, s: Sample, x: SideValue, accuracy: number): number {
  if (typeof side === 'function') return accuracy;
  if (x.log) return 1e-12 * Math.abs(x.v);
  const b = boundedValue(side, s);
  return isDefined(b) ? b.e : 0;
}

/** The side in words (for error messages). */
export const sideText = (side: Side): string => (typeof side === 'function' ? '(function)' : printExpr(side));

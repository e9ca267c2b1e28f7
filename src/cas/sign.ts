/**
 * What the declarations say about the sign of an expression: positive, nonnegative, negative, or
 * unknown. Used by the normal form to decide whether a rewrite's hypothesis holds (a fractional
 * power splits over a factor only if that factor is known nonnegative, ln splits only over
 * positive factors, b^x becomes exp(x ln b) only for b known positive). Fractional powers are
 * real-valued only for nonnegative bases, so x^(1/2) counts as nonnegative where it is defined.
 */
import { Expr } from './expr.ts';
import { Assumptions } from './assumptions.ts';
import { qSign } from './rational.ts';

/** The sign known for an expression. */
export type Sign = 'pos' | 'nonneg' | 'neg' | 'unknown';

/** Registry functions of known sign wherever they are defined. */
const FUNCTION_SIGN: Readonly<Record<string, Sign>> = { exp: 'pos', cosh: 'pos', sech: 'pos', erfc: 'pos', abs: 'nonneg', acos: 'nonneg', sqrt: 'nonneg' };

const atLeastNonneg = (s: Sign) => s === 'pos' || s === 'nonneg';

/** The sign of e under the declarations a. */
export function signOf(e: Expr, a: Assumptions): Sign {
  switch (e.kind) {
    case 'num': {
      const s = qSign(e.value);
      return s > 0 ? 'pos' : s === 0 ? 'nonneg' : 'neg';
    }
    case 'sym': {
      if (e.name === 'pi') return 'pos';
      const k = a[e.name];
      return k === 'positive' ? 'pos' : k === 'nonnegative' ? 'nonneg' : k === 'negative' ? 'neg' : 'unknown';
    }
    case 'add': {
      const signs = e.terms.map((t) => signOf(t, a));
      if (signs.every(atLeastNonneg)) return signs.includes('pos') ? 'pos' : 'nonneg';
      if (signs.every((s) => s === 'neg')) return 'neg';
      return 'unknown';
    }
    case 'mul': {
      let negatives = 0;
      let strict = true;
      for (const f of e.factors) {
        const s = signOf(f, a);
        if (s === 'unknown') return 'unknown';
        if (s === 'neg') negatives++;
        if (s === 'nonneg') strict = false;
      }
      if (negatives % 2 === 1) return strict ? 'neg' : 'unknown';
      return strict ? 'pos' : 'nonneg';
    }
    case 'pow': {
      const b = signOf(e.base, a);
      if (e.exponent.kind !== 'num') return b === 'pos' ? 'pos' : 'unknown';
      const k = e.exponent.value;
      if (b === 'pos') return 'pos';
      if (k.q > 1n) return 'nonneg'; // real only where the base is nonnegative
      if (k.p % 2n === 0n) return b === 'neg' ? 'pos' : 'nonneg';
      return b;
    }
    case 'fn':
      return e.derivs ? 'unknown' : (FUNCTION_SIGN[e.name] ?? 'unknown');
  }
}

/** True when the declarations make e > 0. */
export const isPositive = (e: Expr, a: Assumptions): boolean => signOf(e, a) === 'pos';
/** True when the declarations make e >= 0 (where e is defined). */
export const isNonnegative = (e: Expr, a: Assumptions): boolean => atLeastNonneg(signOf(e, a));

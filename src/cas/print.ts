/**
 * Plain-text printing. The output parses back with `parseExpr` (and with mathjs and nerdamer
 * once names are mapped), so the same printer feeds the independent checkers.
 */
import { Expr } from './expr.ts';
import { deepTreeError } from './errors.ts';
import { qToString, qSign, qneg } from './rational.ts';

/** How names are written: identity by default; checkers map names to safe ones. */
export interface Naming {
  symbol(name: string): string;
  func(name: string, derivs: readonly number[] | undefined): string;
}

/** Plain-text naming: every symbol and function printed by its own name. */
export const plainNaming: Naming = {
  symbol: (n) => n,
  func: (n, d) => (d ? `${n}__d${d.join('_')}` : n),
};

const PREC = { add: 1, mul: 2, neg: 2, pow: 4, atom: 5 } as const;

/** Text of e, with `ln` written as `lnName` (mathjs and nerdamer both call it log). */
export function printExpr(e: Expr, naming: Naming = plainNaming, lnName = 'ln'): string {
  try {
    return printed(e, naming, lnName).s;
  } catch (err) {
    throw deepTreeError(err, 'printing');
  }
}

/** Text of x and the precedence of its outermost operation (a module function: printing makes no closure per call). */
function printed(x: Expr, naming: Naming, lnName: string): { s: string; prec: number } {
  switch (x.kind) {
    case 'num': {
      const v = x.value;
      if (qSign(v) < 0) return { s: `-${qToString(qneg(v))}`, prec: PREC.neg };
      return { s: qToString(v), prec: v.q === 1n ? PREC.atom : PREC.mul };
    }
    case 'sym':
      return { s: naming.symbol(x.name), prec: PREC.atom };
    case 'add': {
      let s = '';
      for (let i = 0; i < x.terms.length; i++) {
        const r = printed(x.terms[i], naming, lnName);
        if (i === 0) s = r.s;
        else if (r.s.startsWith('-')) s += ` - ${r.s.slice(1)}`;
        else s += ` + ${r.s}`;
      }
      return { s, prec: PREC.add };
    }
    case 'mul': {
      const parts = x.factors.map((f) => {
        const r = printed(f, naming, lnName);
        return r.prec <= PREC.add || (r.prec === PREC.neg && f.kind !== 'num') ? `(${r.s})` : r.s;
      });
      if (parts[0] === '-1' && parts.length > 1) return { s: `-${parts.slice(1).join('*')}`, prec: PREC.neg };
      return { s: parts.join('*'), prec: PREC.mul };
    }
    case 'pow': {
      const b = printed(x.base, naming, lnName);
      const ex = printed(x.exponent, naming, lnName);
      const bs = b.prec < PREC.atom || b.s.startsWith('-') ? `(${b.s})` : b.s;
      const es = ex.prec < PREC.atom || ex.s.startsWith('-') ? `(${ex.s})` : ex.s;
      return { s: `${bs}^${es}`, prec: PREC.pow };
    }
    case 'fn': {
      const name = x.name === 'ln' && !x.derivs ? lnName : naming.func(x.name, x.derivs);
      return { s: `${name}(${x.args.map((a) => printed(a, naming, lnName).s).join(', ')})`, prec: PREC.atom };
    }
  }
}

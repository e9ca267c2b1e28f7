/**
 * The derivatives at 0 of a polynomial in one variable, read off the engine's normal form: the
 * k-th derivative at 0 of sum_k c_k x^k is k! c_k, so an average against named moments (or E over
 * a Gaussian) needs no repeated differentiation. Only where every term of the normal form is
 * c * x^k * (x-free factors) with an integer k >= 0; otherwise the caller differentiates.
 */
import { Expr, symbolsOf } from './expr.ts';
import { q, qmul } from './rational.ts';
import { toPoly, toExpr, expand } from './normal.ts';
import { EMPTY, Factor, Term, makeTerm, addTermInto } from './polyCore.ts';

/** The power of x in a term and its other factors, or undefined when x is not a plain non-negative integer power there. */
function splitPower(t: Term, x: string): { k: number; rest: Factor[] } | undefined {
  if (t.expo && symbolsOf(toExpr(t.expo)).has(x)) return undefined;
  let k = 0;
  const rest: Factor[] = [];
  for (const f of t.factors) {
    if (f.atom.kind === 'sym' && f.atom.name === x) {
      if (f.exp.q !== 1n || f.exp.p < 0n) return undefined;
      k = Number(f.exp.p);
    } else if (symbolsOf(f.atom).has(x)) return undefined;
    else rest.push(f);
  }
  return { k, rest };
}

/**
 * The k-th derivatives in x at x = 0 of e (k = 0 up to its degree), each expanded, when e's normal
 * form is a polynomial in x of degree below maxDegree with x-free coefficients; otherwise undefined.
 */
export function derivativesAtZero(e: Expr, x: string, maxDegree: number): Expr[] | undefined {
  const byDegree: Map<string, Term>[] = [];
  for (const t of toPoly(e).values()) {
    const s = splitPower(t, x);
    if (!s || s.k >= maxDegree) return undefined;
    let factorial = 1n;
    for (let j = 2n; j <= BigInt(s.k); j++) factorial *= j;
    byDegree[s.k] ??= new Map();
    addTermInto(byDegree[s.k], makeTerm(qmul(t.coef, q(factorial)), s.rest, t.expo));
  }
  return Array.from({ length: byDegree.length }, (_, k) => expand(toExpr(byDegree[k] ?? EMPTY)));
}

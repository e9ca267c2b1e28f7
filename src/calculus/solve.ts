/** Solving for a symbol that enters linearly (the theta ODE is read off this way). */
import { Expr, neg, div, partial, expand, substitute, isZero, zero, printExpr } from '../cas/index.ts';

/** The value of x solving e = 0, when e is affine in x with a nonzero coefficient; throws otherwise. */
export function solveLinear(e: Expr, x: string): Expr {
  const coeff = expand(partial(e, x));
  if (isZero(coeff)) throw new Error(`cannot solve ${printExpr(e)} = 0 for ${x}: ${x} does not occur`);
  if (!isZero(expand(partial(coeff, x)))) throw new Error(`cannot solve ${printExpr(e)} = 0 for ${x}: not linear in ${x}`);
  const rest = substitute(e, new Map([[x, zero]]));
  return expand(div(neg(rest), coeff));
}

/** e with x replaced by its solution of eq = 0. */
export const eliminate = (e: Expr, eq: Expr, x: string): Expr => expand(substitute(e, new Map([[x, solveLinear(eq, x)]])));


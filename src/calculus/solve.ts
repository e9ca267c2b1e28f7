/** Solving for a symbol that enters linearly (the theta ODE is read off this way). */
import { Expr, add, mul, neg, div, sym, exp, partial, expand, substitute, isZero, zero, printExpr } from '../cas/index.ts';

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

/**
 * The solution of y' = alpha y + beta with y(0) = y0, when alpha and beta depend neither on y nor
 * on the time variable: y = (y0 + beta/alpha) e^{alpha t} - beta/alpha (or y0 + beta t if alpha = 0).
 */
export function solveAffineOde(rhs: Expr, y: string, time: string, y0: Expr): Expr {
  const alpha = expand(partial(rhs, y));
  const beta = expand(substitute(rhs, new Map([[y, zero]])));
  for (const [name, c] of [
    ['coefficient of y', alpha],
    ['source', beta],
  ] as const) {
    if (!isZero(expand(partial(c, y)))) throw new Error(`y' = ${printExpr(rhs)} is not affine in ${y} (${name} depends on ${y})`);
    if (!isZero(expand(partial(c, time)))) throw new Error(`y' = ${printExpr(rhs)}: the ${name} depends on ${time}; only autonomous affine ODEs are solved`);
  }
  if (isZero(alpha)) return expand(add(y0, mul(beta, sym(time))));
  const ratio = expand(div(beta, alpha));
  return add(mul(expand(add(y0, ratio)), exp(expand(mul(alpha, sym(time))))), expand(neg(ratio)));
}

/**
 * The generator of a Fokker–Planck model acting on a test function:
 * d/dt ∫ g f du = ∫ (a · grad g + D : Hess g) f du  (for g not depending on t).
 */
import { Expr, add, mul, num, zero, partial, isZero, expand, substitute, printExpr } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';

/** (L* g)(u) = a · grad g + D : Hess g, whose average is d/dt of the average of g. */
export function generatorOf(model: FokkerPlanckModel, g: Expr): Expr {
  const terms: Expr[] = [];
  model.state.forEach((x, i) => terms.push(mul(model.drift[i], partial(g, x))));
  model.state.forEach((x, i) =>
    model.state.forEach((y, j) => {
      if (!isZero(model.diffusion[i][j])) terms.push(mul(model.diffusion[i][j], partial(partial(g, x), y)));
    }),
  );
  return add(...terms);
}

/**
 * The average of a polynomial in x against a density whose moments are named: sum_k c_k M_k
 * with M_k = moment(k) (M_0 = 1 for a probability density). Throws when e is not polynomial in x.
 */
export function averageOfPolynomial(e: Expr, x: string, moment: (k: number) => Expr, maxDegree = 12): Expr {
  const terms: Expr[] = [];
  let d = expand(e);
  let factorial = 1;
  for (let k = 0; k <= maxDegree; k++) {
    if (isZero(d)) return add(...terms);
    const c = expand(substitute(d, new Map([[x, zero]])));
    if (!isZero(c)) terms.push(mul(c, num(1, factorial), moment(k)));
    d = expand(partial(d, x));
    factorial *= k + 1;
  }
  throw new Error(`${printExpr(e)} is not a polynomial in ${x} of degree <= ${maxDegree}: its average does not close on moments`);
}

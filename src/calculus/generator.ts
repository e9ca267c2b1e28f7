/**
 * The generator of a Fokker–Planck model acting on a test function:
 * d/dt ∫ g f du = ∫ (a · grad g + D : Hess g) f du  (for g not depending on t).
 */
import { Expr, add, mul, num, zero, partial, isZero, expand, substitute, printExpr, derivativesAtZero } from '../cas/index.ts';
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
  // read off the normal form where it is a plain polynomial in x (the same derivatives, without differentiating)
  const derivatives = derivativesAtZero(e, x, maxDegree) ?? derivativesByDifferentiation(e, x, maxDegree);
  const terms: Expr[] = [];
  let factorial = 1;
  derivatives.forEach((c, k) => {
    if (!isZero(c)) terms.push(mul(c, num(1, factorial), moment(k)));
    factorial *= k + 1;
  });
  return add(...terms);
}

/** The k-th derivatives in x at 0 of e (expanded), differentiating until one vanishes; throws past maxDegree. */
function derivativesByDifferentiation(e: Expr, x: string, maxDegree: number): Expr[] {
  const out: Expr[] = [];
  let d = expand(e);
  for (let k = 0; k <= maxDegree; k++) {
    if (isZero(d)) return out;
    out.push(expand(substitute(d, new Map([[x, zero]]))));
    d = expand(partial(d, x));
  }
  throw new Error(`${printExpr(e)} is not a polynomial in ${x} of degree <= ${maxDegree}: its average does not close on moments`);
}

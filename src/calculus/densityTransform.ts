/**
 * Going back through a change of variables: the density in the original variables from one in
 * the new variables, mu(u) = J(u) nu(phi(u)), and the substitution x = psi(y) in a one-dimensional
 * integral, ∫ F(x) dx = ∫ F(psi(y)) psi'(y) dy (for an increasing psi).
 */
import { Expr, mul, expand, partial, substitute } from '../cas/index.ts';
import { ChangedModel } from './changeOfVariables.ts';

/** mu(u) = J(u) * nu(phi(u)) for nu written in the variables `newVars`. */
export function pullBackDensity(nu: Expr, newVars: readonly string[], phi: readonly Expr[], J: Expr): Expr {
  if (newVars.length !== phi.length) throw new Error(`pullBackDensity: ${newVars.length} new variables but ${phi.length} map components`);
  return mul(J, substitute(nu, new Map(newVars.map((y, i) => [y, phi[i]]))));
}

/** Invert a change of variables on a density of the new variables: mu(u) = det(grad phi)(u) nu(phi(u)). */
export function inverseDensityTransform(changed: ChangedModel, nu: Expr): Expr {
  const state = changed.model.state;
  const J = substitute(changed.ito.jacobianDeterminant, new Map(state.map((y, i) => [y, changed.map[i]])));
  return pullBackDensity(nu, state, changed.map, J);
}

/** The integrand in y after substituting x = psi(y): F(psi(y)) psi'(y) (psi increasing, so no sign). */
export function substituteIntegrationVariable(F: Expr, x: string, psi: Expr, y: string): Expr {
  return expand(mul(substitute(F, new Map([[x, psi]])), partial(psi, y)));
}

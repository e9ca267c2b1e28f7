/**
 * Changes of variables y = phi(t, u) by Itô's formula: the new drift is
 * d_t phi + (grad phi) a + D : Hess phi, the new diffusion (grad phi) D (grad phi)^T, both
 * expressed in y through the inverse map; the density picks up the Jacobian,
 * f(t, u) = det(grad phi) * g(t, phi(t, u)).
 */
import { Expr, add, mul, neg, sym, fn, expand, substitute, isZero, printExpr, equalByNormalForm, partial, totalTimeDerivative, zero } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { Matrix, jacobian, determinant, inverse, matVec, sandwich } from './matrix.ts';
import { Declarations, makeScope } from './scope.ts';

/** A change of variables, written as the paper writes it. */
export interface ChangeOfVariables {
  readonly name: string;
  /** New state variable names (may reuse the old names, as the paper does). */
  readonly newState: readonly string[];
  /** phi(t, u): the new variables in terms of the old ones. */
  readonly map: readonly string[];
  /** Optional inverse u = psi(t, y); computed for affine maps, required otherwise (and checked). */
  readonly inverse?: readonly string[];
  /** Name of the new unknown density. */
  readonly density: string;
  /** Declarations the map introduces (theta, gamma, ...). */
  readonly introduces?: Declarations;
  /** The claimed density factor J in f(u) = J * g(phi(u)); checked against det(grad phi). */
  readonly densityFactor?: string;
}

/** Every intermediate piece, kept for the report. */
export interface ItoTerms {
  readonly timeDerivative: readonly Expr[];
  readonly gradientTimesDrift: readonly Expr[];
  readonly hessianTerm: readonly Expr[];
  readonly gradient: Matrix;
  readonly jacobianDeterminant: Expr;
  readonly inverse: readonly Expr[];
}

/** The transformed model and how it was obtained. */
export interface ChangedModel {
  readonly model: FokkerPlanckModel;
  readonly map: readonly Expr[];
  readonly ito: ItoTerms;
}

/** A change of variables that cannot be carried out: non-invertible, wrong inverse or Jacobian. */
export class ChangeOfVariablesError extends Error {
  constructor(name: string, detail: string) {
    super(`change of variables ${name}: ${detail}`);
    this.name = 'ChangeOfVariablesError';
  }
}

const isAffineIn = (gradient: Matrix, vars: readonly string[]) => gradient.every((row) => row.every((g) => vars.every((x) => isZero(expand(partial(g, x))))));

/** Apply the change of variables to the model (Itô's formula), refusing non-invertible maps. */
export function changeVariables(model: FokkerPlanckModel, cv: ChangeOfVariables): ChangedModel {
  const n = model.state.length;
  if (cv.newState.length !== n || cv.map.length !== n) throw new ChangeOfVariablesError(cv.name, `needs ${n} new variables and ${n} map components`);
  const oldScope = model.scope.extend({ ...(cv.introduces ?? {}) });
  const phi = cv.map.map((m, i) => oldScope.parse(m, `${cv.name} map[${i}]`));
  const grad = jacobian(phi, model.state);
  const det = determinant(grad);
  if (isZero(det))
    throw new ChangeOfVariablesError(cv.name, `the map (${phi.map((p) => printExpr(p)).join(', ')}) is not invertible: det(d phi/d u) = 0 identically`);
  const newScope = oldScope.extend({ symbols: cv.newState });
  const tmp = cv.newState.map((_, i) => `__y${i}`);
  let psi: Expr[];
  if (cv.inverse) {
    psi = cv.inverse.map((s, i) => newScope.parse(s, `${cv.name} inverse[${i}]`));
    const back = phi.map((p) => expand(substitute(p, new Map(model.state.map((u, i) => [u, renameState(psi[i], cv.newState, tmp)])))));
    back.forEach((b, i) => {
      if (!equalByNormalForm(b, sym(tmp[i])))
        throw new ChangeOfVariablesError(cv.name, `the given inverse is wrong: phi(psi(y))[${i}] = ${printExpr(b)}, not ${cv.newState[i]}`);
    });
  } else {
    if (!isAffineIn(grad, model.state))
      throw new ChangeOfVariablesError(cv.name, 'the map is not affine in the state variables: pass its `inverse` explicitly');
    // phi(u) = M u + c  =>  u = M^{-1} (y - c)
    const c = phi.map((p) => expand(substitute(p, new Map(model.state.map((u) => [u, zero])))));
    const inv = inverse(grad, det);
    psi = matVec(
      inv,
      cv.newState.map((y, i) => add(sym(y), neg(c[i]))),
    ).map(expand);
  }
  const toNew = (e: Expr) => expand(substitute(e, new Map(model.state.map((u, i) => [u, psi[i]]))));
  const rates = oldScope.rates;
  const dtPhi = phi.map((p) => totalTimeDerivative(p, model.time, rates));
  const gradA = matVec(grad, model.drift as Expr[]);
  const hess = phi.map((p) => {
    const terms: Expr[] = [];
    model.state.forEach((a, i) =>
      model.state.forEach((b, j) => {
        if (!isZero(model.diffusion[i][j])) terms.push(mul(model.diffusion[i][j], partial(partial(p, a), b)));
      }),
    );
    return add(...terms);
  });
  const drift = phi.map((_, i) => toNew(add(dtPhi[i], gradA[i], hess[i])));
  const diffusion = sandwich(grad, model.diffusion as Matrix).map((row) => row.map(toNew));
  const jac = toNew(det);
  if (cv.densityFactor !== undefined) {
    const claimed = toNew(oldScope.parse(cv.densityFactor, `${cv.name} density factor`));
    if (!equalByNormalForm(claimed, jac))
      throw new ChangeOfVariablesError(cv.name, `wrong Jacobian: the density factor ${cv.densityFactor} is not det(d phi/d u) = ${printExpr(jac)}`);
  }
  const declarations: Declarations = mergeDeclarations(model.declarations, cv.introduces ?? {});
  const scope = makeScope(declarations, [model.time, ...cv.newState]);
  const transformed: FokkerPlanckModel = {
    name: `${model.name} after ${cv.name}`,
    time: model.time,
    state: [...cv.newState],
    density: cv.density,
    drift,
    diffusion,
    scope,
    declarations,
  };
  return {
    model: transformed,
    map: phi,
    ito: { timeDerivative: dtPhi, gradientTimesDrift: gradA, hessianTerm: hess, gradient: grad, jacobianDeterminant: jac, inverse: psi },
  };
}

function renameState(e: Expr, from: readonly string[], to: readonly string[]): Expr {
  return substitute(e, new Map(from.map((f, i) => [f, sym(to[i])])));
}

/** Union of two sets of declarations. */
export function mergeDeclarations(a: Declarations, b: Declarations): Declarations {
  return {
    parameters: [...new Set([...(a.parameters ?? []), ...(b.parameters ?? [])])],
    coefficients: { ...(a.coefficients ?? {}), ...(b.coefficients ?? {}) },
    functions: { ...(a.functions ?? {}), ...(b.functions ?? {}) },
    macros: { ...(a.macros ?? {}), ...(b.macros ?? {}) },
  };
}

/**
 * The residual of the Fokker–Planck equation applied to a density expression f(t, u):
 * d_t f + div(a f) - sum d_i d_j (D_ij f), with the total time derivative for coefficients.
 */
export function fokkerPlanckResidual(model: FokkerPlanckModel, f: Expr, rates = model.scope.rates): Expr {
  const terms: Expr[] = [totalTimeDerivative(f, model.time, rates)];
  model.state.forEach((x, i) => terms.push(partial(mul(model.drift[i], f), x)));
  model.state.forEach((x, i) =>
    model.state.forEach((y, j) => {
      if (!isZero(model.diffusion[i][j])) terms.push(neg(partial(partial(mul(model.diffusion[i][j], f), x), y)));
    }),
  );
  return add(...terms);
}

/**
 * The second, independent route to a transformed equation: substitute
 * f(t, u) = J(t, u) * g(t, phi(t, u)) into the original equation by the chain rule, and return
 * both sides of  [original residual of f] = J * [transformed residual of g](t, phi(t, u)),
 * with g an opaque function of (t, y). They agree exactly when the Itô transform is right.
 */
export function chainRuleWitness(original: FokkerPlanckModel, changed: ChangedModel, densityFactor?: Expr): { lhs: Expr; rhs: Expr } {
  const { model: target, map: phi } = changed;
  const J = densityFactor ?? substitute(changed.ito.jacobianDeterminant, new Map(target.state.map((y, i) => [y, phi[i]])));
  const g = fn(`${target.density}`, [sym(original.time), ...phi]);
  const rates = new Map([...original.scope.rates, ...target.scope.rates]);
  const lhs = fokkerPlanckResidual(original, mul(J, g), rates);
  // d_t g at fixed y is the derivative in g's time slot: no coefficient rates here
  const gy = fn(target.density, [sym(target.time), ...target.state.map(sym)]);
  const newResidual = fokkerPlanckResidual(target, gy, new Map());
  const atPhi = substitute(newResidual, new Map(target.state.map((y, i) => [y, phi[i]])));
  return { lhs, rhs: mul(J, atPhi) };
}

/**
 * Equations in operator form d_t g = L[g]: L applied to an opaque unknown g(u) is linear in g and
 * its derivatives, so two equations agree exactly when their operators are equal as expressions.
 * Printed equations are parsed with d_<var>(...) for partial derivatives and d_t(g) for the time
 * derivative, the unknown written as its bare name.
 */
import { Expr, add, mul, neg, div, sym, fn, num, zero, partial, expand, substitute, isZero, printExpr, constantOf, toPoly } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { ModelScope } from './scope.ts';

const DT_MARKER = '__dt_unknown';

/** The opaque unknown g(u) of a model. */
export const unknownOf = (model: Pick<FokkerPlanckModel, 'density' | 'state'>): Expr => fn(model.density, model.state.map(sym));

/** L[g] = -div(a g) + sum d_i d_j (D_ij g) for the model's unknown g. */
export function operatorOf(model: FokkerPlanckModel): Expr {
  const g = unknownOf(model);
  const terms: Expr[] = [];
  model.state.forEach((x, i) => terms.push(neg(partial(mul(model.drift[i], g), x))));
  model.state.forEach((x, i) =>
    model.state.forEach((y, j) => {
      if (!isZero(model.diffusion[i][j])) terms.push(partial(partial(mul(model.diffusion[i][j], g), x), y));
    }),
  );
  return add(...terms);
}

/** Parse "lhs = rhs" (a printed equation) into its operator L, with d_t(g) solved for. */
export function parseEquationOperator(scope: ModelScope, text: string, unknown: string, state: readonly string[], label: string): Expr {
  const parts = text.split('=');
  if (parts.length !== 2) throw new Error(`${label}: an equation needs exactly one "=", got "${text}"`);
  const g = fn(unknown, state.map(sym));
  const place = (e: Expr) => substitute(e, new Map([[unknown, g]]));
  const operators = new Map<string, (args: Expr[]) => Expr>();
  for (const x of state) operators.set(`d_${x}`, ([e]) => partial(place(e), x));
  operators.set('d_t', ([e]) => {
    if (!(e.kind === 'sym' && e.name === unknown)) throw new Error(`${label}: d_t applies to the unknown ${unknown} only`);
    return sym(DT_MARKER);
  });
  const s = scope.extend({ symbols: [unknown, DT_MARKER, ...state], operators });
  const lhs = place(s.parse(parts[0], `${label} (left side)`));
  const rhs = place(s.parse(parts[1], `${label} (right side)`));
  const residual = expand(add(lhs, neg(rhs)));
  const c = constantOf(toPoly(partial(residual, DT_MARKER)));
  if (c === null || c.p === 0n) throw new Error(`${label}: the equation must contain d_t(${unknown}) with a constant coefficient`);
  const L = substitute(residual, new Map([[DT_MARKER, zero]]));
  return expand(div(neg(L), num(c)));
}

/**
 * Read the equation in the paper's form d_t g + div[b g] = kappa d_v[k v g + d_v g], given the
 * printed transport b: returns kappa = D_vv and k, after checking that the rest of the drift is
 * exactly -kappa k v along v (k and kappa independent of the state) and that no other diffusion
 * is present. Throws naming the component that does not fit.
 */
export function readStiffForm(model: FokkerPlanckModel, transport: readonly Expr[], along: string): { kappa: Expr; k: Expr } {
  const i = model.state.indexOf(along);
  if (i < 0) throw new Error(`${model.name}: ${along} is not a state variable`);
  const kappa = expand(model.diffusion[i][i]);
  model.state.forEach((x, a) =>
    model.state.forEach((y, b) => {
      if ((a !== i || b !== i) && !isZero(expand(model.diffusion[a][b])))
        throw new Error(`${model.name}: diffusion[${x}][${y}] = ${printExpr(model.diffusion[a][b])} is not of the form kappa d_${along}^2`);
    }),
  );
  for (const x of model.state) if (!isZero(expand(partial(kappa, x)))) throw new Error(`${model.name}: kappa = ${printExpr(kappa)} depends on ${x}`);
  model.state.forEach((x, a) => {
    if (a === i) return;
    const r = expand(add(model.drift[a], neg(transport[a])));
    if (!isZero(r)) throw new Error(`${model.name}: drift[${x}] differs from the transport by ${printExpr(r)}`);
  });
  const rest = expand(add(model.drift[i], neg(transport[i])));
  const k = expand(div(neg(rest), mul(kappa, sym(along))));
  for (const x of model.state) if (!isZero(expand(partial(k, x)))) throw new Error(`${model.name}: the stiff coefficient ${printExpr(k)} depends on ${x}`);
  return { kappa, k };
}

/**
 * Integrating a Fokker–Planck equation over some of its variables (the marginal equation).
 * Two independent routes: the weak form through the generator (a test function of the remaining
 * variables, then integration by parts in them), and the strong form term by term (integration
 * by parts in the integrated variables, every d_v(...) dropping, boundary terms assumed to vanish).
 */
import { Expr, add, mul, num, expand, partial, partialN, symbolsOf, printExpr, isZero, substitute, zero } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { generatorOf } from './generator.ts';
import { MomentSpace, MomentError, testFunction, testFunctionSlots, termsOf, factorsOf, splitFactors } from './moments.ts';

function checkSpace(state: readonly string[], density: string, space: MomentSpace, who: string): void {
  if (space.density !== density) throw new MomentError(`${who}: the moment space is for ${space.density}, the equation for ${density}`);
  const all = [...space.over, ...space.remaining];
  const missing = state.filter((x) => !all.includes(x));
  const extra = all.filter((x) => !state.includes(x));
  if (missing.length || extra.length)
    throw new MomentError(`${who}: integrated + remaining variables (${all.join(', ')}) must be the state (${state.join(', ')})`);
}

/** Apply d^orders in the given variables. */
const derive = (e: Expr, vars: readonly string[], orders: readonly number[]): Expr => vars.reduce((acc, x, i) => partialN(acc, x, orders[i] ?? 0), e);

/**
 * The marginal equation d_t fbar = Lbar by the weak form: d/dt ∫ phi f du = ∫ (a·grad phi + D:Hess phi) f du
 * for phi(remaining); each coefficient c_alpha of d^alpha phi becomes (-1)^|alpha| d^alpha ∫ c_alpha f d(over).
 */
export function marginalOf(model: FokkerPlanckModel, space: MomentSpace): Expr {
  checkSpace(model.state, model.density, space, `marginal of ${model.name}`);
  const { expr, slots } = testFunctionSlots(generatorOf(model, testFunction(space.remaining)));
  const at0 = expand(substitute(expr, new Map([...slots.keys()].map((s) => [s, zero]))));
  if (!isZero(at0)) throw new MomentError(`marginal of ${model.name}: the generator has a term without derivative of the test function: ${printExpr(at0)}`);
  const terms = [...slots].map(([slot, orders]) => {
    const coefficient = expand(partial(expr, slot));
    const sign = orders.reduce((s, k) => s + k, 0) % 2 === 0 ? 1 : -1;
    return mul(num(sign), derive(space.of(coefficient), space.remaining, orders));
  });
  return expand(add(...terms));
}

/**
 * The same marginal from the strong form of an operator L[f] (linear in f(state) and its
 * derivatives): ∫ c d_over^k d_rem^l f d(over) = (-1)^k d_rem^l ∫ (d_over^k c) f d(over), which needs
 * each coefficient to separate into (free of the integrated variables) x (free of the remaining ones).
 */
export function marginalByParts(operator: Expr, state: readonly string[], density: string, space: MomentSpace): Expr {
  checkSpace(state, density, space, 'marginal by parts');
  const overIdx = space.over.map((x) => state.indexOf(x));
  const remIdx = space.remaining.map((x) => state.indexOf(x));
  const out: Expr[] = [];
  for (const t of termsOf(expand(operator))) {
    const factors = factorsOf(t);
    const dens = factors.filter((f) => f.kind === 'fn' && f.name === density);
    if (dens.length !== 1 || dens[0].kind !== 'fn') throw new MomentError(`marginal by parts: the term ${printExpr(t)} is not linear in ${density}`);
    const d = dens[0].derivs ?? state.map(() => 0);
    let c = mul(...factors.filter((f) => f !== dens[0]));
    if (symbolsOf(c).has(density)) throw new MomentError(`marginal by parts: the term ${printExpr(t)} is not linear in ${density}`);
    let sign = 1;
    overIdx.forEach((i) => {
      c = partialN(c, state[i], d[i]);
      if (d[i] % 2) sign = -sign;
    });
    for (const s of termsOf(expand(c))) {
      const { free, bound } = splitFactors(s, space.over);
      const mixed = space.remaining.find((x) => symbolsOf(bound).has(x));
      if (mixed)
        throw new MomentError(`marginal by parts: ${printExpr(bound)} depends on both the integrated variables and ${mixed}; the term does not separate`);
      out.push(
        mul(
          num(sign),
          free,
          derive(
            space.atomFor(bound),
            space.remaining,
            remIdx.map((i) => d[i]),
          ),
        ),
      );
    }
  }
  return expand(add(...out));
}

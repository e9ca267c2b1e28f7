/**
 * Splitting off a stiff affine part of the drift: its exact Ornstein–Uhlenbeck transition over a
 * step (moment ODEs from the generator, solved in closed form), the Lie split that follows it by
 * an explicit step of the rest, and how a stiff part is found when the user does not mark it
 * (the terms singular in a small parameter, or the linear rates of the drift).
 */
import { Expr, add, mul, num, pow, sym, zero, partial, isZero, expand, substitute, printExpr, symbolsOf } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { solveAffineOde } from './solve.ts';
import { averageOfPolynomial, generatorOf } from './generator.ts';
import { brownianIncrement, noiseSymbol } from './noise.ts';
import { SchemeError, SchemeOptions, UpdateRule, factorFor, stepRequirements } from './schemes.ts';

/** Which part of a drift component is the stiff linear relaxation -lambda (x - centre). */
export interface StiffPart {
  readonly variable: string;
  readonly stiff: string | Expr;
}

/** The exact transition of an affine SDE over a step: the moment ODEs (from the generator) and their solutions. */
export interface AffineTransition {
  readonly meanRate: Expr;
  readonly varianceRate: Expr;
  readonly mean: Expr;
  readonly variance: Expr;
}

/**
 * Mean and variance of the exact flow of dx = s(x) dt + sqrt(2 D) dB over a step, s affine in x:
 * the generator on x and x^2 gives m' and S' (S = M2 - M1^2), both solved in closed form.
 */
export function exactAffineTransition(stiff: Expr, diffusion: Expr, variable: string, step: string, names = { mean: 'm', variance: 'S' }): AffineTransition {
  const slope = expand(partial(stiff, variable));
  if (!isZero(expand(partial(slope, variable)))) throw new Error(`the stiff part ${printExpr(stiff)} is not affine in ${variable}`);
  if (isZero(slope)) throw new Error(`the stiff part ${printExpr(stiff)} does not depend on ${variable}: nothing to relax`);
  if (!isZero(expand(partial(diffusion, variable))))
    throw new Error(`the diffusion ${printExpr(diffusion)} depends on ${variable}; the exact transition needs it constant`);
  const oneVariable = { state: [variable], drift: [stiff], diffusion: [[diffusion]] } as unknown as FokkerPlanckModel;
  const M = (k: number) => (k === 0 ? num(1) : sym(`M${k}__`));
  const firstRate = averageOfPolynomial(generatorOf(oneVariable, sym(variable)), variable, M);
  const secondRate = averageOfPolynomial(generatorOf(oneVariable, pow(sym(variable), num(2))), variable, M);
  const [m, S] = [sym(names.mean), sym(names.variance)];
  const toMeanVariance = new Map([
    ['M1__', m],
    ['M2__', add(S, pow(m, num(2)))],
  ]);
  const meanRate = expand(substitute(firstRate, toMeanVariance));
  const varianceRate = expand(substitute(add(secondRate, mul(num(-2), sym('M1__'), firstRate)), toMeanVariance));
  return {
    meanRate,
    varianceRate,
    mean: solveAffineOde(meanRate, names.mean, step, sym(variable)),
    variance: solveAffineOde(varianceRate, names.variance, step, zero),
  };
}

/** The stiff part as an expression of the model's scope. */
const stiffExpr = (model: FokkerPlanckModel, part: StiffPart, scheme: string): Expr =>
  typeof part.stiff === 'string' ? model.scope.parse(part.stiff, `${scheme} stiff part`) : part.stiff;

/**
 * The exact Ornstein–Uhlenbeck split (Lie): first the stiff affine part of one variable's drift
 * with its noise, exactly over the step; then an explicit Euler step of the rest of the drift,
 * evaluated at the relaxed state, with the other variables' Brownian increments. Stable for any
 * step in the stiff part. With a full D the relaxed variable's normal is its noise row of the
 * Cholesky factor, normalised (sum_j sigma_ij xi_j / sqrt(2 D_ii)), so the increments keep
 * their correlation 2 D_ij h to first order.
 */
export function ouSplit(model: FokkerPlanckModel, part: StiffPart, options: SchemeOptions = {}): UpdateRule {
  const scheme = 'ou-split';
  const h = options.step ?? 'dt';
  const i = model.state.indexOf(part.variable);
  if (i < 0) throw new SchemeError(scheme, model.name, `${part.variable} is not a state variable (${model.state.join(', ')})`);
  const factor = factorFor(model, scheme);
  const Dii = model.diffusion[i][i];
  const stiff = stiffExpr(model, part, scheme);
  let transition: AffineTransition;
  try {
    transition = exactAffineTransition(stiff, Dii, part.variable, h, { mean: 'm__', variance: 'S__' });
  } catch (err) {
    throw new SchemeError(scheme, model.name, (err as Error).message);
  }
  if (model.state.some((x) => x !== part.variable && symbolsOf(stiff).has(x)))
    throw new SchemeError(scheme, model.name, `the stiff part ${printExpr(stiff)} of ${part.variable} depends on another state variable`);
  const row = factor.sigma[i];
  const ownNormal = factor.diagonal || row.every((s, j) => j === i || isZero(s));
  const normal = ownNormal
    ? sym(noiseSymbol(part.variable))
    : mul(add(...row.map((s, j) => (isZero(s) ? zero : mul(s, sym(noiseSymbol(model.state[j])))))), pow(mul(num(2), Dii), num(-1, 2)));
  const relaxed = add(transition.mean, isZero(Dii) ? zero : mul(pow(transition.variance, num(1, 2)), normal));
  const atRelaxed = new Map([[part.variable, relaxed]]);
  const rest = model.drift.map((a, j) => substitute(j === i ? expand(add(a, mul(num(-1), stiff))) : a, atRelaxed));
  const update = Object.fromEntries(
    model.state.map((x, j) => [
      x,
      j === i ? add(relaxed, mul(rest[j], sym(h))) : add(sym(x), mul(rest[j], sym(h)), brownianIncrement(factor, j, sym(h), model.state)),
    ]),
  );
  const rate = expand(mul(num(-1), partial(stiff, part.variable)));
  return {
    scheme,
    model: model.name,
    state: model.state,
    step: h,
    noise: factor.normals,
    update,
    explanation: `exact OU flow of ${printExpr(stiff)} in ${part.variable} over the step, then Euler on the rest of the drift at the relaxed state`,
    weakOrder: 1,
    strongOrder: 0.5,
    requirements: [...stepRequirements(h, factor), { expr: rate, test: 'positive', what: `the relaxation rate of the stiff part of ${part.variable}` }],
  };
}

/** The power of a symbol in a product term (symbol^k factors only; 0 when it occurs otherwise or not at all). */
function powerIn(term: Expr, name: string): number {
  const factors = term.kind === 'mul' ? term.factors : [term];
  let k = 0;
  for (const f of factors) {
    if (f.kind === 'sym' && f.name === name) k += 1;
    else if (f.kind === 'pow' && f.base.kind === 'sym' && f.base.name === name && f.exponent.kind === 'num')
      k += Number(f.exponent.value.p) / Number(f.exponent.value.q);
  }
  return k;
}

/**
 * The stiff part as eps -> 0: the terms of the drift with a negative power of the small parameter.
 * They must sit in one variable's drift and be affine in it (and free of the other variables);
 * returns undefined when no term is singular.
 */
export function stiffPartOf(model: FokkerPlanckModel, small: string): StiffPart | undefined {
  const found = model.state.flatMap((x, i) => {
    const d = expand(model.drift[i]);
    const terms = (d.kind === 'add' ? d.terms : [d]).filter((t) => powerIn(t, small) < 0);
    return terms.length ? [{ variable: x, stiff: add(...terms) }] : [];
  });
  if (found.length === 0) return undefined;
  if (found.length > 1)
    throw new SchemeError(
      'ou-split',
      model.name,
      `the terms singular in ${small} sit in the drifts of ${found.map((f) => f.variable).join(' and ')}; the split relaxes one variable`,
    );
  const [part] = found;
  const slope = expand(partial(part.stiff, part.variable));
  if (model.state.some((x) => symbolsOf(slope).has(x) || (x !== part.variable && symbolsOf(part.stiff).has(x))))
    throw new SchemeError('ou-split', model.name, `the terms singular in ${small}, ${printExpr(part.stiff)}, are not affine in ${part.variable} alone`);
  return part;
}

/** The linear rates of the drift: for each variable x_i, the state-free coefficient c_i of the terms c_i x_i of its drift (0 when none). */
export function linearRates(model: FokkerPlanckModel): { variable: string; coefficient: Expr }[] {
  return model.state.map((x, i) => {
    const d = expand(model.drift[i]);
    const linear = (d.kind === 'add' ? d.terms : [d]).filter((t) => {
      const c = partial(t, x);
      return !model.state.some((y) => symbolsOf(c).has(y)) && isZero(expand(add(t, mul(num(-1), c, sym(x)))));
    });
    return { variable: x, coefficient: expand(partial(add(...linear), x)) };
  });
}

/**
 * Time-stepping schemes as symbolic update rules, the way Brian2 describes its state updaters:
 * a scheme takes a model's drift and diffusion and returns the new state as expressions of the
 * old state, the step and standard normal draws `xi_<variable>`. Code generation turns a rule into
 * a loop kernel, so a new model gets its steppers without new hand-written numerics.
 */
import { Expr, add, mul, num, pow, sym, zero, partial, isZero, expand, substitute, printExpr, parseExpr, doubleFactorial } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { solveAffineOde } from './solve.ts';
import { averageOfPolynomial, generatorOf } from './generator.ts';

/** A scheme's update: new value of each state variable in terms of the old ones, the step and the normals. */
export interface UpdateRule {
  readonly scheme: string;
  readonly model: string;
  readonly state: readonly string[];
  /** The step-size symbol. */
  readonly step: string;
  /** The standard normal draws the update uses, in state order (`xi_v`, ...). */
  readonly noise: readonly string[];
  readonly update: Readonly<Record<string, Expr>>;
  readonly explanation: string;
}

/** A scheme that cannot be applied to this model (non-diagonal noise, a stiff part that is not affine, ...). */
export class SchemeError extends Error {
  constructor(scheme: string, model: string, detail: string) {
    super(`scheme ${scheme} on model ${model}: ${detail}`);
    this.name = 'SchemeError';
  }
}

/** The normal draw used for a state variable. */
export const noiseSymbol = (variable: string): string => `xi_${variable}`;

/** Options shared by the schemes: the name of the step symbol. */
export interface SchemeOptions {
  readonly step?: string;
}

/** The noise amplitude sqrt(2 D_ii) of each variable; refuses a non-diagonal diffusion matrix. */
function noiseAmplitudes(model: FokkerPlanckModel, scheme: string): Expr[] {
  model.state.forEach((_, i) =>
    model.state.forEach((__, j) => {
      if (i !== j && !isZero(model.diffusion[i][j]))
        throw new SchemeError(scheme, model.name, `needs a diagonal diffusion matrix; D[${i}][${j}] = ${printExpr(model.diffusion[i][j])}`);
    }),
  );
  return model.state.map((_, i) => model.diffusion[i][i]);
}

/** sqrt(2 D h) xi: the Brownian increment of one variable over a step (zero when D = 0). */
function brownianIncrement(variable: string, diffusion: Expr, variance: Expr): Expr {
  return isZero(diffusion) ? zero : mul(pow(variance, num(1, 2)), sym(noiseSymbol(variable)));
}

function noiseOf(model: FokkerPlanckModel, amplitudes: readonly Expr[]): string[] {
  return model.state.filter((_, i) => !isZero(amplitudes[i])).map(noiseSymbol);
}

/** Euler–Maruyama: x + a(x) h + sqrt(2 D h) xi. */
export function eulerMaruyama(model: FokkerPlanckModel, options: SchemeOptions = {}): UpdateRule {
  const h = sym(options.step ?? 'dt');
  const D = noiseAmplitudes(model, 'euler-maruyama');
  const update = Object.fromEntries(
    model.state.map((x, i) => [x, add(sym(x), mul(model.drift[i], h), brownianIncrement(x, D[i], mul(num(2), D[i], h)))]),
  );
  return {
    scheme: 'euler-maruyama', model: model.name, state: model.state, step: h.name, noise: noiseOf(model, D), update,
    explanation: 'x_{n+1} = x_n + a(x_n) h + sqrt(2 D h) xi (strong order 1/2, weak order 1)',
  };
}

/** An explicit Runge–Kutta tableau: stage matrix a (strictly lower), weights b, nodes c. */
export interface ButcherTableau {
  readonly name: string;
  readonly a: readonly (readonly string[])[];
  readonly b: readonly string[];
  readonly c: readonly string[];
}

/** The classical fourth-order tableau. */
export const RK4: ButcherTableau = {
  name: 'rk4',
  a: [[], ['1/2'], ['0', '1/2'], ['0', '0', '1']],
  b: ['1/6', '1/3', '1/3', '1/6'],
  c: ['0', '1/2', '1/2', '1'],
};

/** Heun's method (explicit trapezoid). */
export const HEUN: ButcherTableau = { name: 'heun', a: [[], ['1']], b: ['1/2', '1/2'], c: ['0', '1'] };

/**
 * Explicit Runge–Kutta stages on the drift (time advanced to t + c_j h in stage j), plus the
 * additive Brownian increment sqrt(2 D h) xi; refuses a diffusion that depends on the state.
 */
export function rungeKutta(model: FokkerPlanckModel, tableau: ButcherTableau, options: SchemeOptions = {}): UpdateRule {
  const scheme = `runge-kutta(${tableau.name})`;
  const h = sym(options.step ?? 'dt');
  const D = noiseAmplitudes(model, scheme);
  D.forEach((d, i) =>
    model.state.forEach((x) => {
      if (!isZero(expand(partial(d, x))))
        throw new SchemeError(scheme, model.name, `additive-noise Runge–Kutta needs D[${i}][${i}] independent of the state; it depends on ${x}`);
    }),
  );
  const coef = (s: string) => parseExpr(s);
  const stages: Expr[][] = [];
  tableau.b.forEach((_, j) => {
    const shift = new Map<string, Expr>(
      model.state.map((x, i) => [x, add(sym(x), mul(h, add(...stages.map((k, l) => mul(coef(tableau.a[j][l] ?? '0'), k[i])))))]),
    );
    shift.set(model.time, add(sym(model.time), mul(coef(tableau.c[j]), h)));
    stages.push(model.drift.map((a) => (j === 0 ? a : substitute(a, shift))));
  });
  const update = Object.fromEntries(
    model.state.map((x, i) => [
      x,
      add(sym(x), mul(h, add(...stages.map((k, j) => mul(coef(tableau.b[j]), k[i])))), brownianIncrement(x, D[i], mul(num(2), D[i], h))),
    ]),
  );
  return {
    scheme, model: model.name, state: model.state, step: h.name, noise: noiseOf(model, D), update,
    explanation: `${tableau.b.length}-stage explicit Runge–Kutta (${tableau.name}) on the drift, Brownian increment added`,
  };
}

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
  if (!isZero(expand(partial(diffusion, variable)))) throw new Error(`the diffusion ${printExpr(diffusion)} depends on ${variable}; the exact transition needs it constant`);
  const oneVariable = { state: [variable], drift: [stiff], diffusion: [[diffusion]] } as unknown as FokkerPlanckModel;
  const M = (k: number) => (k === 0 ? num(1) : sym(`M${k}__`));
  const firstRate = averageOfPolynomial(generatorOf(oneVariable, sym(variable)), variable, M);
  const secondRate = averageOfPolynomial(generatorOf(oneVariable, pow(sym(variable), num(2))), variable, M);
  const [m, S] = [sym(names.mean), sym(names.variance)];
  const toMeanVariance = new Map([['M1__', m], ['M2__', add(S, pow(m, num(2)))]]);
  const meanRate = expand(substitute(firstRate, toMeanVariance));
  const varianceRate = expand(substitute(add(secondRate, mul(num(-2), sym('M1__'), firstRate)), toMeanVariance));
  return {
    meanRate,
    varianceRate,
    mean: solveAffineOde(meanRate, names.mean, step, sym(variable)),
    variance: solveAffineOde(varianceRate, names.variance, step, zero),
  };
}

/**
 * The exact Ornstein–Uhlenbeck split (Lie): first the stiff affine part of one variable's drift
 * with its noise, exactly over the step; then an explicit Euler step of the rest of the drift,
 * evaluated at the relaxed state. Stable for any step in the stiff part.
 */
export function ouSplit(model: FokkerPlanckModel, part: StiffPart, options: SchemeOptions = {}): UpdateRule {
  const scheme = 'ou-split';
  const h = options.step ?? 'dt';
  const i = model.state.indexOf(part.variable);
  if (i < 0) throw new SchemeError(scheme, model.name, `${part.variable} is not a state variable (${model.state.join(', ')})`);
  const D = noiseAmplitudes(model, scheme);
  const stiff = typeof part.stiff === 'string' ? model.scope.parse(part.stiff, `${scheme} stiff part`) : part.stiff;
  let transition: AffineTransition;
  try {
    transition = exactAffineTransition(stiff, D[i], part.variable, h, { mean: 'm__', variance: 'S__' });
  } catch (err) {
    throw new SchemeError(scheme, model.name, (err as Error).message);
  }
  const relaxed = add(transition.mean, brownianIncrement(part.variable, D[i], transition.variance));
  const atRelaxed = new Map([[part.variable, relaxed]]);
  const rest = model.drift.map((a, j) => substitute(j === i ? expand(add(a, mul(num(-1), stiff))) : a, atRelaxed));
  const update = Object.fromEntries(
    model.state.map((x, j) => [
      x,
      j === i
        ? add(relaxed, mul(rest[j], sym(h)))
        : add(sym(x), mul(rest[j], sym(h)), brownianIncrement(x, D[j], mul(num(2), D[j], sym(h)))),
    ]),
  );
  return {
    scheme, model: model.name, state: model.state, step: h, noise: noiseOf(model, D), update,
    explanation: `exact OU flow of ${printExpr(stiff)} in ${part.variable} over the step, then Euler on the rest of the drift at the relaxed state`,
  };
}

/** E over independent standard normals of a polynomial in them: E[xi^k] = (k-1)!! for even k, 0 for odd. */
export function expectationOverNoise(e: Expr, noise: readonly string[]): Expr {
  const normalMoment = (k: number): Expr => (k % 2 === 1 ? zero : num(doubleFactorial(k - 1)));
  return noise.reduce((acc, xi) => expand(averageOfPolynomial(acc, xi, normalMoment)), expand(e));
}

/**
 * Weak consistency of a rule at order one: d/dh E[x' - x] and d/dh E[(x' - x)^2] at h = 0, per
 * variable; a consistent scheme gives the drift a and 2 D (the generator of the model).
 */
export function firstOrderMoments(rule: UpdateRule): Record<string, { drift: Expr; diffusion2: Expr }> {
  const atZero = new Map([[rule.step, zero]]);
  const rateAtZero = (e: Expr) => expand(substitute(expand(partial(expectationOverNoise(e, rule.noise), rule.step)), atZero));
  return Object.fromEntries(
    rule.state.map((x) => {
      const increment = add(rule.update[x], mul(num(-1), sym(x)));
      return [x, { drift: rateAtZero(increment), diffusion2: rateAtZero(mul(increment, increment)) }];
    }),
  );
}

/**
 * Time-stepping schemes as symbolic update rules, the way Brian2 describes its state updaters:
 * a scheme takes a model's drift and diffusion and returns the new state as expressions of the
 * old state, the step and standard normal draws `xi_<variable>`. Code generation turns a rule into
 * a loop kernel, so a new model gets its steppers without new hand-written numerics. The noise
 * enters through the Cholesky factor of 2D (noise.ts): additive, diagonal or full.
 */
import { Expr, add, mul, num, sym, zero, partial, isZero, expand, substitute, printExpr, parseExpr } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { NoiseFactor, Requirement, brownianIncrement, noiseFactor, noiseSymbol } from './noise.ts';

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
  /** Order of convergence in law (of smooth observables) and pathwise, on this model's kind of noise. */
  readonly weakOrder: number;
  readonly strongOrder: number;
  /** What a kernel of this rule checks before stepping: the step is positive, pivots of 2D are >= 0, stability bounds. */
  readonly requirements: readonly Requirement[];
}

/** A scheme that cannot be applied to this model (multiplicative non-commutative noise, a stiff part that is not affine, ...). */
export class SchemeError extends Error {
  constructor(scheme: string, model: string, detail: string) {
    super(`scheme ${scheme} on model ${model}: ${detail}`);
    this.name = 'SchemeError';
  }
}

/** Options shared by the schemes: the name of the step symbol. */
export interface SchemeOptions {
  readonly step?: string;
}

/** The noise factor of a model, a scheme's refusal naming the model when 2D cannot be factored. */
export function factorFor(model: FokkerPlanckModel, scheme: string): NoiseFactor {
  try {
    return noiseFactor(model);
  } catch (err) {
    throw new SchemeError(scheme, model.name, (err as Error).message);
  }
}

/** The requirement that the step is positive, then those of the noise. */
export const stepRequirements = (h: string, factor: NoiseFactor): Requirement[] => [
  { expr: sym(h), test: 'positive', what: 'the step' },
  ...factor.requirements,
];

/** A rule's fields every stochastic scheme fills the same way: model, state, step, the normals of its noise factor, and (by default) the step's requirements. */
function noisyRule(
  model: FokkerPlanckModel,
  scheme: string,
  h: Expr & { kind: 'sym' },
  factor: NoiseFactor,
  update: UpdateRule['update'],
  what: Pick<UpdateRule, 'explanation' | 'weakOrder' | 'strongOrder'> & { readonly requirements?: readonly Requirement[] },
): UpdateRule {
  const requirements = what.requirements ?? stepRequirements(h.name, factor);
  return { scheme, model: model.name, state: model.state, step: h.name, noise: factor.normals, update, ...what, requirements };
}

/** A rule for every state variable from a function of its index. */
const rule = (model: FokkerPlanckModel, f: (x: string, i: number) => Expr) => Object.fromEntries(model.state.map((x, i) => [x, f(x, i)]));

/** Options of Euler–Maruyama: a stiff relaxation rate lambda (>= 0) whose explicit step must satisfy lambda h < 2. */
export interface EulerMaruyamaOptions extends SchemeOptions {
  /** The rate lambda of a stiff linear part -lambda (x - c) in the drift, if the model has one: the kernel refuses lambda h >= 2. */
  readonly stiffRate?: string | Expr;
}

/** Euler–Maruyama: x + a(x) h + sqrt(h) sigma xi, sigma the Cholesky factor of 2D. */
export function eulerMaruyama(model: FokkerPlanckModel, options: EulerMaruyamaOptions = {}): UpdateRule {
  const scheme = 'euler-maruyama';
  const h = sym(options.step ?? 'dt');
  const factor = factorFor(model, scheme);
  const update = rule(model, (x, i) => add(sym(x), mul(model.drift[i], h), brownianIncrement(factor, i, h, model.state)));
  const stiff: Requirement[] = [];
  if (options.stiffRate !== undefined) {
    const rate = typeof options.stiffRate === 'string' ? model.scope.parse(options.stiffRate, `${scheme} stiff rate`) : options.stiffRate;
    stiff.push({ expr: expand(mul(rate, h)), test: 'below-two', what: 'the stiff rate times the step' });
  }
  return noisyRule(model, scheme, h, factor, update, {
    explanation: 'x_{n+1} = x_n + a(x_n) h + sqrt(h) sigma xi, sigma sigma^T = 2D (strong order 1/2, 1 for additive noise; weak order 1)',
    weakOrder: 1,
    strongOrder: factor.additive ? 1 : 0.5,
    requirements: [...stepRequirements(h.name, factor), ...stiff],
  });
}

/** The drift with the time shifted to t + c h (stages of a Runge–Kutta scheme). */
const atTime = (model: FokkerPlanckModel, e: Expr, h: Expr, c: Expr): Expr =>
  isZero(c) ? e : substitute(e, new Map([[model.time, add(sym(model.time), mul(c, h))]]));

/** Additive noise is required by the Runge–Kutta-type schemes: D may depend on time and parameters, not on the state. */
function requireAdditive(model: FokkerPlanckModel, factor: NoiseFactor, scheme: string): void {
  if (factor.additive) return;
  model.diffusion.forEach((row, i) =>
    row.forEach((d, j) =>
      model.state.forEach((x) => {
        if (!isZero(expand(partial(d, x))))
          throw new SchemeError(scheme, model.name, `additive-noise ${scheme} needs D[${i}][${j}] independent of the state; it depends on ${x}`);
      }),
    ),
  );
}

/**
 * The stochastic Heun scheme for additive noise: predictor Y = x + a(x) h + dW, corrector
 * x + (a(x) + a(Y)) h / 2 + dW with the same dW = sqrt(h) sigma xi (sigma at mid-step when D
 * depends on time). Weak order 2 and strong order 1 for additive noise (Kloeden–Platen 15.1).
 */
export function stochasticHeun(model: FokkerPlanckModel, options: SchemeOptions = {}): UpdateRule {
  const scheme = 'heun';
  const h = sym(options.step ?? 'dt');
  const factor = factorFor(model, scheme);
  requireAdditive(model, factor, scheme);
  const dW = model.state.map((_, i) => atTime(model, brownianIncrement(factor, i, h, model.state), h, num(1, 2)));
  const predictor = new Map(model.state.map((x, i) => [x, add(sym(x), mul(model.drift[i], h), dW[i])]));
  const update = rule(model, (x, i) => {
    const late = substitute(atTime(model, model.drift[i], h, num(1)), predictor);
    return add(sym(x), mul(num(1, 2), h, add(model.drift[i], late)), dW[i]);
  });
  return noisyRule(model, scheme, h, factor, update, {
    explanation: 'predictor x + a(x) h + dW, then x + (a(x) + a(predictor)) h/2 + dW (weak order 2, strong order 1, additive noise)',
    weakOrder: 2,
    strongOrder: 1,
  });
}

/**
 * Milstein for commutative diagonal noise (sigma_i = sqrt(2 D_ii) depending on x_i only):
 * x_i + a_i h + sigma_i dW_i + (1/2) (d_i D_ii) (dW_i^2 - h), since sigma_i d_i sigma_i = d_i D_ii.
 * Strong order 1. Additive noise (any D) has no correction: it is then Euler–Maruyama, also strong order 1.
 * A D_ii depending on another variable needs Lévy areas and is refused.
 */
export function milstein(model: FokkerPlanckModel, options: SchemeOptions = {}): UpdateRule {
  const scheme = 'milstein';
  const h = sym(options.step ?? 'dt');
  const factor = factorFor(model, scheme);
  if (!factor.additive && !factor.diagonal)
    throw new SchemeError(scheme, model.name, 'state-dependent noise with a non-diagonal D needs iterated Itô integrals (Lévy areas); use euler-maruyama');
  const correction = model.state.map((x, i) => {
    if (factor.additive) return zero;
    const Dii = model.diffusion[i][i];
    model.state.forEach((y) => {
      if (y !== x && !isZero(expand(partial(Dii, y))))
        throw new SchemeError(
          scheme,
          model.name,
          `the noise of ${x} depends on ${y} (D[${i}][${i}] = ${printExpr(Dii)}): not commutative, Lévy areas needed; use euler-maruyama`,
        );
    });
    const slope = expand(partial(Dii, x));
    if (isZero(slope)) return zero;
    const xi = sym(noiseSymbol(x));
    return mul(num(1, 2), slope, h, add(mul(xi, xi), num(-1)));
  });
  const update = rule(model, (x, i) => add(sym(x), mul(model.drift[i], h), brownianIncrement(factor, i, h, model.state), correction[i]));
  return noisyRule(model, scheme, h, factor, update, {
    explanation: 'x + a h + sigma dW + (1/2)(d_x D) (dW^2 - h) per variable (strong order 1, commutative diagonal noise)',
    weakOrder: 1,
    strongOrder: 1,
  });
}

/** An explicit Runge–Kutta tableau: stage matrix a (strictly lower), weights b, nodes c. */
export interface ButcherTableau {
  readonly name: string;
  readonly a: readonly (readonly string[])[];
  readonly b: readonly string[];
  readonly c: readonly string[];
  /** The order of the deterministic method (1 when not given). */
  readonly order?: number;
}

/** The classical fourth-order tableau. */
export const RK4: ButcherTableau = {
  name: 'rk4',
  a: [[], ['1/2'], ['0', '1/2'], ['0', '0', '1']],
  b: ['1/6', '1/3', '1/3', '1/6'],
  c: ['0', '1/2', '1/2', '1'],
  order: 4,
};

/** Heun's method (explicit trapezoid). */
export const HEUN: ButcherTableau = { name: 'heun', a: [[], ['1']], b: ['1/2', '1/2'], c: ['0', '1'], order: 2 };

/**
 * Explicit Runge–Kutta stages on the drift (time advanced to t + c_j h in stage j), plus the
 * additive Brownian increment sqrt(h) sigma xi; refuses a diffusion that depends on the state.
 */
export function rungeKutta(model: FokkerPlanckModel, tableau: ButcherTableau, options: SchemeOptions = {}): UpdateRule {
  const scheme = `runge-kutta(${tableau.name})`;
  const h = sym(options.step ?? 'dt');
  const factor = factorFor(model, scheme);
  requireAdditive(model, factor, scheme);
  const coef = (s: string) => parseExpr(s);
  const stages: Expr[][] = [];
  tableau.b.forEach((_, j) => {
    const shift = new Map<string, Expr>(
      model.state.map((x, i) => [x, add(sym(x), mul(h, add(...stages.map((k, l) => mul(coef(tableau.a[j][l] ?? '0'), k[i])))))]),
    );
    stages.push(model.drift.map((a) => (j === 0 ? a : substitute(atTime(model, a, h, coef(tableau.c[j])), shift))));
  });
  const update = rule(model, (x, i) =>
    add(sym(x), mul(h, add(...stages.map((k, j) => mul(coef(tableau.b[j]), k[i])))), brownianIncrement(factor, i, h, model.state)),
  );
  return noisyRule(model, scheme, h, factor, update, {
    explanation: `${tableau.b.length}-stage explicit Runge–Kutta (${tableau.name}) on the drift, Brownian increment added`,
    weakOrder: factor.kind === 'none' ? (tableau.order ?? 1) : 1,
    strongOrder: factor.kind === 'none' ? (tableau.order ?? 1) : 1,
  });
}

/**
 * What a scheme's rule promises, checked symbolically: the moments of one step against the
 * model's generator. First order (drift a and 2D, cross terms included) is weak consistency; the
 * h^k terms of E[phi(X_1)] against L^k phi / k! decide the weak order on polynomial models.
 */
import { Expr, add, mul, num, sym, zero, partial, expand, substitute, doubleFactorial } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';
import { averageOfPolynomial, generatorOf } from './generator.ts';
import { UpdateRule } from './schemes.ts';

/** E over independent standard normals of a polynomial in them: E[xi^k] = (k-1)!! for even k, 0 for odd. */
export function expectationOverNoise(e: Expr, noise: readonly string[]): Expr {
  const normalMoment = (k: number): Expr => (k % 2 === 1 ? zero : num(doubleFactorial(k - 1)));
  return noise.reduce((acc, xi) => expand(averageOfPolynomial(acc, xi, normalMoment)), expand(e));
}

/** d/dh of E[e] at h = 0. */
const rateAtZero = (rule: UpdateRule, e: Expr) =>
  expand(substitute(expand(partial(expectationOverNoise(e, rule.noise), rule.step)), new Map([[rule.step, zero]])));

const increment = (rule: UpdateRule, x: string) => add(rule.update[x], mul(num(-1), sym(x)));

/** The first-order rates of one variable. */
export interface FirstOrderRates {
  /** d/dh E[x' - x] at h = 0 (the drift a of a consistent scheme). */
  readonly drift: Expr;
  /** d/dh E[(x' - x)^2] at h = 0 (2 D of a consistent scheme). */
  readonly diffusion2: Expr;
}

/**
 * Weak consistency of a rule at order one: d/dh E[x' - x] and d/dh E[(x' - x)^2] at h = 0, per
 * variable; a consistent scheme gives the drift a and 2 D (the generator of the model). Each rate
 * is derived when first read, then kept: squaring a split step's increment is the costly part
 * (the OU split's w^2 rate alone took 8 ms), and a caller may need only some of them.
 */
export function firstOrderMoments(rule: UpdateRule): Record<string, FirstOrderRates> {
  return Object.fromEntries(rule.state.map((x) => [x, ratesOf(rule, x)]));
}

/** The rates of x, each derived on first reading. */
function ratesOf(rule: UpdateRule, x: string): FirstOrderRates {
  const dx = increment(rule, x);
  let drift: Expr | undefined;
  let diffusion2: Expr | undefined;
  return {
    get drift() {
      drift ??= rateAtZero(rule, dx);
      return drift;
    },
    get diffusion2() {
      diffusion2 ??= rateAtZero(rule, mul(dx, dx));
      return diffusion2;
    },
  };
}

/** The matrix d/dh E[(x_i' - x_i)(x_j' - x_j)] at h = 0: a consistent scheme gives 2 D, off-diagonal entries included. */
export function secondMomentRates(rule: UpdateRule): Expr[][] {
  return rule.state.map((x) => rule.state.map((y) => rateAtZero(rule, mul(increment(rule, x), increment(rule, y)))));
}

/**
 * For a test function phi of the state: the k-th derivative in h at h = 0 of E[phi(X_1)] - phi and
 * the k-th power of the generator on phi, for k = 1..order. A scheme of weak order p matches
 * them up to k = p (on an autonomous model, phi and the drift polynomial); the first k where
 * they differ bounds its order.
 */
export function weakTaylorTerms(rule: UpdateRule, model: FokkerPlanckModel, phi: Expr, order: number): { k: number; scheme: Expr; exact: Expr }[] {
  const stepped = expectationOverNoise(substitute(phi, new Map(rule.state.map((x) => [x, rule.update[x]]))), rule.noise);
  const atZero = new Map([[rule.step, zero]]);
  const out: { k: number; scheme: Expr; exact: Expr }[] = [];
  let derivative = stepped;
  let power = phi;
  for (let k = 1; k <= order; k++) {
    derivative = expand(partial(derivative, rule.step));
    power = expand(generatorOf(model, power));
    out.push({ k, scheme: expand(substitute(derivative, atZero)), exact: power });
  }
  return out;
}

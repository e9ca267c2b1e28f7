/**
 * Observed orders of the particle schemes against the theory, with a deliberately wrong scheme
 * rejected by the same measurement. Weak: the exact first two moments of a scheme on a linear OU
 * process follow a recursion read off its rule (no sampling noise), compared with the exact law.
 * Strong: geometric Brownian motion against its exact solution on the same Brownian paths,
 * through the generated kernels.
 */
import { describe, it, expect } from 'vitest';
import {
  defineModel,
  eulerMaruyama,
  stochasticHeun,
  milstein,
  ouSplit,
  expectationOverNoise,
  compileKernels,
  particleKernel,
  createRng,
  fitPowerLaw,
  mul,
  parseExpr,
  Expr,
  UpdateRule,
} from '../../src/index.ts';

const LAMBDA = 2;
const D = 0.5;
const ou = defineModel({ name: 'ou', state: ['x'], density: 'p', parameters: ['lam', 'D'], drift: ['-lam*x'], diffusion: ['D'] });

/** A numeric function of dt and x from an expression in x, dt, lam, D (the scalar printer, compiled). */
function numeric(e: Expr): (dt: number, x: number) => number {
  const args = ['dt', 'x', 'lam', 'D'];
  const f = compileKernels([{ kind: 'scalar', name: 'f', doc: '', args, expr: e, provenance: { derivation: 'test' } }]).f as (...a: number[]) => number;
  return (dt, x) => f(dt, x, LAMBDA, D);
}

/** E[x_T^2] of a scheme from x_0 = 1: E[x'] = a x + b and E[x'^2] = c x^2 + d x + e read off the rule, iterated T/h times. */
function schemeSecondMoment(rule: UpdateRule, h: number, T = 1): number {
  const E1 = numeric(expectationOverNoise(rule.update.x, rule.noise));
  const E2 = numeric(expectationOverNoise(mul(rule.update.x, rule.update.x), rule.noise));
  const [b, a] = [E1(h, 0), E1(h, 1) - E1(h, 0)];
  const e = E2(h, 0);
  const c = (E2(h, 1) + E2(h, -1)) / 2 - e;
  const d = (E2(h, 1) - E2(h, -1)) / 2;
  let [m1, m2] = [1, 1];
  for (let k = 0; k < Math.round(T / h); k++) [m1, m2] = [a * m1 + b, c * m2 + d * m1 + e];
  return m2;
}

const exactSecondMoment = (T = 1) => Math.exp(-2 * LAMBDA * T) + (D / LAMBDA) * (1 - Math.exp(-2 * LAMBDA * T));

/** The slope of the weak error of E[x_T^2] against h. */
function weakOrder(rule: UpdateRule): { slope: number; errors: number[] } {
  const hs = [0.1, 0.05, 0.025, 0.0125];
  const errors = hs.map((h) => Math.abs(schemeSecondMoment(rule, h) - exactSecondMoment()));
  return { slope: fitPowerLaw(hs, errors).slope, errors };
}

describe('weak order on E[x^2] of an OU process (exact moments of each scheme, no sampling)', () => {
  it('Euler–Maruyama: 1; stochastic Heun: 2 (as their rules declare)', () => {
    const em = eulerMaruyama(ou);
    const heun = stochasticHeun(ou);
    expect(Math.abs(weakOrder(em).slope - em.weakOrder)).toBeLessThan(0.15);
    expect(Math.abs(weakOrder(heun).slope - heun.weakOrder)).toBeLessThan(0.15);
  });

  it('the OU split of the whole (affine) drift is exact at any step', () => {
    const split = ouSplit(ou, { variable: 'x', stiff: '-lam*x' });
    for (const h of [0.5, 0.1, 0.0125]) expect(Math.abs(schemeSecondMoment(split, h) - exactSecondMoment()), `h = ${h}`).toBeLessThan(1e-13);
  });

  it('a wrong scheme (noise sqrt(D h) instead of sqrt(2 D h)) does not converge: its measured order is about 0', () => {
    const em = eulerMaruyama(ou);
    const wrong: UpdateRule = { ...em, update: { x: parseExpr('x - lam*x*dt + (D*dt)^(1/2)*xi_x') } };
    expect(Math.abs(weakOrder(wrong).slope)).toBeLessThan(0.2);
    expect(Math.min(...weakOrder(wrong).errors)).toBeGreaterThan(0.05);
  });
});

/** The mean strong error E|X_N - X(T)| of a scheme on dX = mu X dt + s X dB against exp((mu - s^2/2) T + s W_T), same paths. */
function strongErrors(rule: UpdateRule, steps: readonly number[], paths = 20_000): number[] {
  const kernel = particleKernel(rule, 'step');
  const step = compileKernels([kernel]).step as (...a: unknown[]) => void;
  const [mu, s, T] = [0.5, 0.8, 1];
  return steps.map((N) => {
    const h = T / N;
    const rng = createRng(5);
    const x = new Float64Array(paths).fill(1);
    const W = new Float64Array(paths);
    const xi = new Float64Array(paths);
    for (let k = 0; k < N; k++) {
      rng.fillNormal(xi);
      for (let i = 0; i < paths; i++) W[i] += Math.sqrt(h) * xi[i];
      step(paths, x, xi, ...kernel.uniforms.map((u) => ({ mu, s, dt: h })[u as 'mu' | 's' | 'dt']));
    }
    let err = 0;
    for (let i = 0; i < paths; i++) err += Math.abs(x[i] - Math.exp((mu - (s * s) / 2) * T + s * W[i]));
    return err / paths;
  });
}

describe('strong order on geometric Brownian motion (same Brownian paths, generated kernels)', () => {
  const gbm = defineModel({ name: 'gbm', state: ['x'], density: 'p', parameters: ['mu', 's'], drift: ['mu*x'], diffusion: ['s^2*x^2/2'] });
  const steps = [16, 32, 64, 128];
  const slope = (rule: UpdateRule) =>
    fitPowerLaw(
      steps.map((N) => 1 / N),
      strongErrors(rule, steps),
    ).slope;

  it('Euler–Maruyama: 1/2; Milstein: 1 (as their rules declare)', () => {
    const em = eulerMaruyama(gbm);
    const mil = milstein(gbm);
    expect(Math.abs(slope(em) - em.strongOrder)).toBeLessThan(0.15);
    expect(Math.abs(slope(mil) - mil.strongOrder)).toBeLessThan(0.15);
  });

  it('Milstein with its correction of the wrong sign is rejected: order 1/2', () => {
    const mil = milstein(gbm);
    const wrong: UpdateRule = { ...mil, update: { x: parseExpr('x + mu*x*dt + (s^2*x^2*dt)^(1/2)*xi_x - s^2*x*dt*(xi_x^2 - 1)/2') } };
    expect(slope(wrong)).toBeLessThan(0.7);
  });
});

/**
 * Noise through the Cholesky factor of 2D and the schemes built on it: sigma sigma^T = 2D
 * symbolically, the second moments of a step reproduce 2D (cross terms included), the weak
 * Taylor terms of stochastic Heun match the generator to order 2 where Euler–Maruyama stops at 1,
 * Milstein's correction, the OU split with a full D, and stiff parts found by a small parameter.
 * Each check also rejects a deliberately wrong rule.
 */
import { describe, it, expect } from 'vitest';
import {
  defineModel,
  noiseFactor,
  eulerMaruyama,
  stochasticHeun,
  milstein,
  ouSplit,
  secondMomentRates,
  firstOrderMoments,
  weakTaylorTerms,
  expectationOverNoise,
  stiffPartOf,
  linearRates,
  equivalent,
  parseExpr,
  expand,
  add,
  mul,
  num,
  sym,
  substitute,
  printExpr,
  Expr,
  UpdateRule,
} from '../../src/index.ts';

/** Two expressions agree (by independent methods); the step dt is positive, so its square root is real. */
const same = (x: Expr, y: Expr) => equivalent(x, y, { assume: { dt: 'positive' } }).equivalent;
const full = defineModel({
  name: 'full',
  state: ['x', 'y'],
  density: 'p',
  parameters: ['p', 'q', 'r', 'k'],
  drift: ['-x + y/2 - x^3', '-2*y + k*x'],
  diffusion: [
    ['p', 'q'],
    ['q', 'r'],
  ],
});

describe('the noise factor', () => {
  it('sigma sigma^T = 2D for a symbolic full 2x2 D, lower triangular, two normals', () => {
    const f = noiseFactor(full);
    expect(f.kind).toBe('additive');
    expect(f.normals).toEqual(['xi_x', 'xi_y']);
    expect(printExpr(f.sigma[0][1])).toBe('0');
    // the identity needs p > 0 (sqrt(p) p^(-1/2) = 1): checked at random points of the cone p > 0, p r > q^2
    for (const [p, q, r] of [
      [0.7, 0.2, 0.5],
      [2, -1.1, 0.9],
      [0.05, 0.01, 3],
    ])
      full.state.forEach((_, i) =>
        full.state.forEach((__, j) => {
          const product = add(...f.sigma[i].map((s, k) => mul(s, f.sigma[j][k])));
          const at = (e: Expr) =>
            evaluate(
              substitute(
                e,
                new Map([
                  ['p', num(Math.round(p * 100), 100)],
                  ['q', num(Math.round(q * 100), 100)],
                  ['r', num(Math.round(r * 100), 100)],
                ]),
              ),
              0,
            );
          expect(Math.abs(at(product) - 2 * at(full.diffusion[i][j])), `(${i}, ${j}) at ${[p, q, r]}`).toBeLessThan(1e-14);
        }),
      );
    // the pivots are checked >= 0 by the kernels (positive semidefiniteness at the given values)
    expect(f.requirements.map((r) => printExpr(r.expr))).toEqual(['2*p', expect.stringMatching(/r/)]);
  });

  it('a 3x3 D with a variable without noise: zero column kept, the factor still reproduces 2D', () => {
    const m = defineModel({
      name: '3d',
      state: ['u', 'v', 'w'],
      density: 'p',
      drift: ['-u', '-v', 'u - w'],
      diffusion: [
        ['1', '1/2', '0'],
        ['1/2', '1', '0'],
        ['0', '0', '0'],
      ],
    });
    const f = noiseFactor(m);
    expect(f.normals).toEqual(['xi_u', 'xi_v']);
    m.state.forEach((_, i) =>
      m.state.forEach((__, j) => expect(same(add(...f.sigma[i].map((s, k) => mul(s, f.sigma[j][k]))), mul(num(2), m.diffusion[i][j]))).toBe(true)),
    );
  });

  it('refuses a 2D that is not positive semidefinite, naming the entry', () => {
    const bad = defineModel({
      name: 'bad',
      state: ['x', 'y'],
      density: 'p',
      drift: ['-x', '-y'],
      diffusion: [
        ['0', '1'],
        ['1', '1'],
      ],
    });
    expect(() => noiseFactor(bad)).toThrow(/2D is not positive semidefinite: the pivot of x is 0 but D\[1\]\[0\] = 1 is not/);
  });
});

describe('schemes on a full diffusion matrix', () => {
  it('Euler–Maruyama: the first moments are the drift, the second moments 2D with the cross term; a diagonal-only noise is rejected by the same check', () => {
    const rule = eulerMaruyama(full);
    const M = secondMomentRates(rule);
    full.state.forEach((x, i) => {
      expect(same(firstOrderMoments(rule)[x].drift, full.drift[i])).toBe(true);
      full.state.forEach((_, j) => expect(same(M[i][j], mul(num(2), full.diffusion[i][j])), `(${i}, ${j})`).toBe(true));
    });
    const wrong: UpdateRule = {
      ...rule,
      update: { x: parseExpr('x + (-x + y/2 - x^3)*dt + (2*p*dt)^(1/2)*xi_x'), y: parseExpr('y + (-2*y + k*x)*dt + (2*r*dt)^(1/2)*xi_y') },
    };
    expect(same(secondMomentRates(wrong)[0][1], mul(num(2), sym('q')))).toBe(false);
  });

  it('stochastic Heun has weak order 2 (E[phi(X_h)] matches phi + h L phi + h^2 L^2 phi / 2); Euler–Maruyama stops at 1', () => {
    const m = defineModel({
      name: 'num',
      state: ['x', 'y'],
      density: 'p',
      drift: ['-x + y/2 - x^3', '-2*y + x/3'],
      diffusion: [
        ['1', '1/3'],
        ['1/3', '1/2'],
      ],
    });
    for (const phi of ['x^2*y', 'x*y + y^2']) {
      const heun = weakTaylorTerms(stochasticHeun(m), m, parseExpr(phi), 2);
      const em = weakTaylorTerms(eulerMaruyama(m), m, parseExpr(phi), 2);
      expect(
        heun.map((t) => same(t.scheme, t.exact)),
        `heun ${phi}`,
      ).toEqual([true, true]);
      expect(
        em.map((t) => same(t.scheme, t.exact)),
        `em ${phi}`,
      ).toEqual([true, false]);
    }
    expect(stochasticHeun(m).weakOrder).toBe(2);
  });

  it('Heun refuses state-dependent noise; Milstein refuses non-commutative noise, both by name', () => {
    const mult = defineModel({ name: 'mult', state: ['x', 'y'], density: 'p', drift: ['-x', '-y'], diffusion: ['y^2', '1'] });
    expect(() => stochasticHeun(mult)).toThrow(/additive-noise heun needs D\[0\]\[0\] independent of the state; it depends on y/);
    expect(() => milstein(mult)).toThrow(/the noise of x depends on y .* Lévy areas needed/);
    const fullMult = defineModel({
      name: 'fm',
      state: ['x', 'y'],
      density: 'p',
      drift: ['-x', '-y'],
      diffusion: [
        ['x^2', '1/4'],
        ['1/4', '1'],
      ],
    });
    expect(() => milstein(fullMult)).toThrow(/non-diagonal D needs iterated Itô integrals/);
  });

  it('Milstein adds (1/2)(d_x D)(xi^2 - 1) h: its second moment matches 2D and its first the drift', () => {
    const gbm = defineModel({ name: 'gbm', state: ['x'], density: 'p', parameters: ['mu', 's'], drift: ['mu*x'], diffusion: ['s^2*x^2/2'] });
    const rule = milstein(gbm);
    expect(same(rule.update.x, parseExpr('x + mu*x*dt + (s^2*x^2*dt)^(1/2)*xi_x + s^2*x*dt*(xi_x^2 - 1)/2'))).toBe(true);
    expect(same(firstOrderMoments(rule).x.drift, gbm.drift[0])).toBe(true);
    expect(rule.strongOrder).toBe(1);
  });

  it('the OU split with a full D: exact on the stiff part, and the increments keep the correlation 2 D_xy h to first order', () => {
    const m = defineModel({
      name: 'split',
      state: ['x', 'y'],
      density: 'p',
      parameters: ['lam'],
      drift: ['-lam*x + y', '-y'],
      diffusion: [
        ['1', '3/10'],
        ['3/10', '1/2'],
      ],
    });
    const rule = ouSplit(m, { variable: 'x', stiff: '-lam*x' });
    const dx = add(rule.update.x, mul(num(-1), sym('x')));
    const dy = add(rule.update.y, mul(num(-1), sym('y')));
    const cross = expectationOverNoise(mul(dx, dy), rule.noise);
    // at small h: E[dx dy] / h -> 2 D_xy = 3/5 (the symbolic limit has a 0/0, so evaluate it)
    const at = (h: number) =>
      evaluate(
        substitute(
          cross,
          new Map([
            ['x', num(0)],
            ['y', num(0)],
            ['lam', num(3)],
          ]),
        ),
        h,
      ) / h;
    expect(Math.abs(at(1e-7) - 0.6)).toBeLessThan(1e-4);
    expect(Math.abs(at(1e-3) - 0.6)).toBeGreaterThan(1e-6); // not exact at finite h: first order only
    expect(rule.requirements.map((r) => printExpr(r.expr))).toContain('lam');
  });
});

/** Numeric value of an expression of dt only. */
function evaluate(e: Expr, dt: number): number {
  const text = printExpr(expand(e))
    .replace(/\^/g, '**')
    .replace(/exp\(/g, 'Math.exp(')
    .replace(/\bdt\b/g, `(${dt})`);
  return Function(`return ${text};`)() as number;
}

describe('stiff parts found by the engine', () => {
  const fhn = defineModel({
    name: 'fhn',
    state: ['v', 'w'],
    density: 'p',
    parameters: ['rho', 'eps', 'V'],
    drift: ['v - v^3 - w - (rho/eps)*(v - V)', 'v - w'],
    diffusion: ['1', '0'],
  });

  it('the terms singular in eps: -(rho/eps)(v - V), in v', () => {
    const part = stiffPartOf(fhn, 'eps');
    expect(part?.variable).toBe('v');
    expect(same(part?.stiff as Expr, parseExpr('-(rho/eps)*(v - V)'))).toBe(true);
    expect(stiffPartOf(fhn, 'rho')).toBeUndefined();
  });

  it('refuses singular terms that are not affine in one variable', () => {
    const bad = defineModel({ name: 'bad', state: ['v', 'w'], density: 'p', parameters: ['eps'], drift: ['-v^3/eps', '-w'], diffusion: ['1', '0'] });
    expect(() => stiffPartOf(bad, 'eps')).toThrow(/are not affine in v alone/);
    const two = defineModel({ name: 'two', state: ['v', 'w'], density: 'p', parameters: ['eps'], drift: ['-v/eps', '-w/eps'], diffusion: ['1', '0'] });
    expect(() => stiffPartOf(two, 'eps')).toThrow(/sit in the drifts of v and w/);
  });

  it('the linear rates of the drift', () => {
    const rates = linearRates(fhn);
    expect(same(rates[0].coefficient, parseExpr('1 - rho/eps'))).toBe(true);
    expect(same(rates[1].coefficient, num(-1))).toBe(true);
  });
});

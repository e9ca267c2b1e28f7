/**
 * Schemes as symbolic update rules: consistency with the model's generator, exactness of the OU
 * split, Runge–Kutta stages, refusals, and the in-place step kernel generated from a rule.
 */
import { describe, it, expect } from 'vitest';
import {
  defineModel,
  eulerMaruyama,
  ouSplit,
  rungeKutta,
  RK4,
  HEUN,
  firstOrderMoments,
  expectationOverNoise,
  stepKernel,
  emitModule,
  equivalent,
  parseExpr,
  expand,
  sub,
  mul,
  sym,
  num,
  Expr,
  UpdateRule,
} from '../../src/index.ts';
import { importGenerated } from '../codegen/compile.ts';

const model = defineModel({
  name: 'stiff toy',
  state: ['v', 'w'],
  density: 'f',
  parameters: ['lam', 'V', 'a'],
  drift: ['-lam*(v - V) + v - v^3 - w', 'a*v - w'],
  diffusion: ['1', '0'],
});
const same = (x: Expr, y: Expr) => equivalent(x, y).equivalent;

describe('update rules', () => {
  it('Euler–Maruyama and the OU split are weakly consistent: drift a and 2 D at first order in h', () => {
    for (const rule of [eulerMaruyama(model), ouSplit(model, { variable: 'v', stiff: '-lam*(v - V)' })]) {
      const fo = firstOrderMoments(rule);
      expect(same(fo.v.drift, model.drift[0]), rule.scheme).toBe(true);
      expect(same(fo.v.diffusion2, num(2)), rule.scheme).toBe(true);
      expect(same(fo.w.drift, model.drift[1]), rule.scheme).toBe(true);
      expect(same(fo.w.diffusion2, num(0)), rule.scheme).toBe(true);
      expect(rule.noise).toEqual(['xi_v']);
    }
  });

  it('derives each rate when it is first read, and keeps it (a rate nobody reads is never derived)', () => {
    const good = eulerMaruyama(model);
    // xi^7: the drift's average closes on moments (degree 7), the square's does not (degree 14, past the moments read): it throws when derived
    const heavy: UpdateRule = { ...good, update: { ...good.update, v: parseExpr('v + (-lam*(v - V) + v - v^3 - w)*dt + dt^(1/2)*xi_v^7') } };
    const fo = firstOrderMoments(heavy);
    expect(same(fo.v.drift, model.drift[0])).toBe(true);
    expect(fo.v.drift).toBe(fo.v.drift);
    expect(() => fo.v.diffusion2).toThrow(/not a polynomial in xi_v of degree <= 12/);
  });

  it('rejects a rule with the wrong noise amplitude (sqrt(h) instead of sqrt(2 h))', () => {
    const good = eulerMaruyama(model);
    const wrong: UpdateRule = { ...good, update: { ...good.update, v: parseExpr('v + (-lam*(v - V) + v - v^3 - w)*dt + dt^(1/2)*xi_v') } };
    expect(same(firstOrderMoments(wrong).v.diffusion2, num(2))).toBe(false);
    expect(same(firstOrderMoments(wrong).v.diffusion2, num(1))).toBe(true);
  });

  it('the OU split is exact on the stiff part alone, at any step', () => {
    const ou = defineModel({ name: 'ou', state: ['v'], density: 'p', parameters: ['lam', 'V'], drift: ['-lam*(v - V)'], diffusion: ['1'] });
    const rule = ouSplit(ou, { variable: 'v', stiff: '-lam*(v - V)' });
    const mean = expectationOverNoise(rule.update.v, rule.noise);
    const variance = expand(sub(expectationOverNoise(mul(rule.update.v, rule.update.v), rule.noise), mul(mean, mean)));
    expect(same(mean, parseExpr('V + (v - V)*exp(-lam*dt)'))).toBe(true);
    expect(same(variance, parseExpr('(1 - exp(-2*lam*dt))/lam'))).toBe(true);
    expect(same(variance, parseExpr('2*dt'))).toBe(false); // the Euler–Maruyama variance is only first-order right
  });

  it('Runge–Kutta stages reproduce the Taylor polynomial of the exact flow (order 4 and 2)', () => {
    const decay = defineModel({ name: 'decay', state: ['y'], density: 'p', parameters: ['lam'], drift: ['-lam*y'], diffusion: ['0'] });
    expect(same(rungeKutta(decay, RK4).update.y, parseExpr('y*(1 - lam*dt + (lam*dt)^2/2 - (lam*dt)^3/6 + (lam*dt)^4/24)'))).toBe(true);
    expect(same(rungeKutta(decay, HEUN).update.y, parseExpr('y*(1 - lam*dt + (lam*dt)^2/2)'))).toBe(true);
    expect(same(rungeKutta(decay, HEUN).update.y, parseExpr('y*(1 - lam*dt + (lam*dt)^2/2 - (lam*dt)^3/6)'))).toBe(false);
    // time-dependent drift: stage j sees t + c_j h
    const forced = defineModel({ name: 'forced', state: ['y'], density: 'p', drift: ['t'], diffusion: ['0'] });
    expect(same(rungeKutta(forced, RK4).update.y, parseExpr('y + t*dt + dt^2/2'))).toBe(true);
  });

  it('refuses what it cannot do, naming the reason', () => {
    expect(() => ouSplit(model, { variable: 'v', stiff: '-lam*(v^2 - V)' })).toThrow(/not affine in v/);
    expect(() => ouSplit(model, { variable: 'q', stiff: '-lam*v' })).toThrow(/q is not a state variable/);
    expect(() => ouSplit(model, { variable: 'v', stiff: '-w' })).toThrow(/does not depend on v/);
    const indefinite = defineModel({
      name: 'indefinite',
      state: ['v', 'w'],
      density: 'f',
      drift: ['-v', '-w'],
      diffusion: [
        ['0', '1/2'],
        ['1/2', '1'],
      ],
    });
    expect(() => eulerMaruyama(indefinite)).toThrow(/2D is not positive semidefinite: the pivot of v is 0 but D\[1\]\[0\] = 1\/2 is not/);
    const multiplicative = defineModel({ name: 'mult', state: ['v'], density: 'f', drift: ['-v'], diffusion: ['v^2'] });
    expect(() => rungeKutta(multiplicative, RK4)).toThrow(/independent of the state; it depends on v/);
  });
});

describe('step kernels generated from a rule', () => {
  it('update in place, every new value from the old state', async () => {
    const rule = eulerMaruyama(model);
    const kernel = stepKernel(rule, { name: 'emStep', doc: 'test', uniforms: ['lam', 'V', 'a'], provenance: { derivation: 'test' } });
    const src = emitModule('test', [kernel]);
    expect(src).toContain(
      'export function emStep(n: number, v: Float64Array, w: Float64Array, xi_v: Float64Array, lam: number, V: number, a: number, dt: number)',
    );
    expect(src).not.toMatch(/Math\.pow/);
    const { emStep } = (await importGenerated(src)) as unknown as { emStep: (...args: unknown[]) => void };
    const v = Float64Array.of(0.5, -1),
      w = Float64Array.of(0.2, 0.1),
      xi = Float64Array.of(0.3, -0.7);
    const [lam, V, a, dt] = [3, 0.1, 0.8, 0.01];
    const expectV = (vi: number, wi: number, x: number) => vi + (-lam * (vi - V) + vi - vi ** 3 - wi) * dt + Math.sqrt(2 * dt) * x;
    const expectW = (vi: number, wi: number) => wi + (a * vi - wi) * dt; // the OLD v
    const want = [0, 1].map((i) => [expectV(v[i], w[i], xi[i]), expectW(v[i], w[i])]);
    emStep(2, v, w, xi, lam, V, a, dt);
    [0, 1].forEach((i) => {
      expect(v[i]).toBeCloseTo(want[i][0], 14);
      expect(w[i]).toBeCloseTo(want[i][1], 14);
    });
  });

  it('keeps the step symbol a uniform and the normals an array', () => {
    const k = stepKernel(ouSplit(model, { variable: 'v', stiff: '-lam*(v - V)' }), {
      name: 's',
      doc: 'd',
      uniforms: ['lam', 'V', 'a'],
      provenance: { derivation: 't' },
    });
    expect(k.arrays).toEqual(['v', 'w', 'xi_v']);
    expect(k.uniforms).toEqual(['lam', 'V', 'a', 'dt']);
    expect(Object.keys(k.outputs)).toEqual(['v', 'w']);
    expect(sym('dt').name).toBe('dt');
  });
});

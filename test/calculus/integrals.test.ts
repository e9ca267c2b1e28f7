import { describe, it, expect } from 'vitest';
import {
  makeScope,
  integrateGaussian,
  gaussianMomentIntegral,
  underIntegral,
  checkDecay,
  evaluateExpr,
  quadrature,
  equivalent,
  decideClaim,
  IntegralError,
  partial,
  mul,
  pow,
  sym,
  num,
  fn,
  add,
  sub,
  neg,
  Expr,
} from '../../src/index.ts';

const scope = makeScope({ parameters: ['rho', 'kappa', 'h', 'a'], functions: { nu: 2, nubar: 1 } }, ['v', 'w']);
const P = (t: string) => scope.parse(t, t);
const M = (r: string, x: string) => `sqrt(${r}/(2*pi))*exp(-${r}*(${x})^2/2)`;
const decay = { representatives: [{ name: 'nu', params: ['v', 'w'], body: P('(1 + v)*exp(-(rho*v^2 + w^2)/2)') }], points: { rho: 0.9 } };

describe('Gaussian integrals', () => {
  it('gives the moments of M_rho: mass 1, mean 0, variance 1/rho, fourth moment 3/rho^2', () => {
    const mom = (k: number) => integrateGaussian(P(`v^${k}*${M('rho', 'v')}`), 'v').value;
    expect(equivalent(mom(0), '1').equivalent).toBe(true);
    expect(equivalent(mom(1), '0').equivalent).toBe(true);
    expect(equivalent(mom(2), P('1/rho')).equivalent).toBe(true);
    expect(equivalent(mom(4), P('3/rho^2')).equivalent).toBe(true);
  });

  it('rejects a wrong Gaussian moment', () => {
    const m4 = integrateGaussian(P(`v^4*${M('rho', 'v')}`), 'v').value;
    expect(equivalent(m4, P('1/rho^2')).equivalent).toBe(false);
    const rec = decideClaim({ id: 'wrong-moment', source: 'test', title: 'wrong fourth moment' }, () => [{ label: 'm4', printed: P('2/rho^2'), derived: m4 }]);
    expect(rec.status).toBe('erratum');
  });

  it('completes the square for shifted Gaussians and agrees with quadrature', () => {
    const e = P(`(v + 1)^3*exp(-a*v^2/2 + h*v)*nubar(w)`);
    const I = integrateGaussian(e, 'v');
    const at = { a: 1.7, h: 0.6 };
    // nubar is carried along as a factor free of v
    const withoutNubar = integrateGaussian(P('(v + 1)^3*exp(-a*v^2/2 + h*v)'), 'v');
    expect(Math.abs(evaluateExpr(withoutNubar.value, at) - quadrature(P('(v + 1)^3*exp(-a*v^2/2 + h*v)'), 'v', at))).toBeLessThan(1e-9);
    // the Gaussian decays for a > 0 (the integral returns that condition in .positive): declared so
    expect(equivalent(I.value, mul(withoutNubar.value, fn('nubar', [sym('w')])), { assume: { a: 'positive' } }).equivalent).toBe(true);
    expect(withoutNubar.positive.map((p) => evaluateExpr(p, at))).toEqual([1.7]);
  });

  it('gives ||M - tau_h M||^2 in L2(M^-1) = e^{rho h^2} - 1', () => {
    const e = P(`(${M('rho', 'v')} - ${M('rho', 'v + h')})^2 / (${M('rho', 'v')})`);
    expect(equivalent(integrateGaussian(e, 'v').value, P('exp(rho*h^2) - 1')).equivalent).toBe(true);
  });

  it('refuses what is not a polynomial times a Gaussian, and growing Gaussians', () => {
    expect(() => integrateGaussian(P('exp(-v^2)*nu(v, w)'), 'v')).toThrow(/not a power of v/);
    expect(() => integrateGaussian(P('v^2'), 'v')).toThrow(/no Gaussian factor/);
    expect(() => integrateGaussian(P('exp(v^2)'), 'v')).toThrow(/does not decay/);
    expect(() => integrateGaussian(P('exp(-v^3)'), 'v')).toThrow(/not quadratic/);
    expect(() => gaussianMomentIntegral(-1, sym('rho'))).toThrow(IntegralError);
  });
});

describe('identities under an integral', () => {
  const nu = fn('nu', [sym('v'), sym('w')]);
  const m = P('exp(rho*v^2/2)');
  const dv = (e: Expr) => partial(e, 'v');
  const spec = {
    label: 'rho v^2 relation',
    lhs: mul(num(1, 2), sub(mul(sym('rho'), pow(sym('v'), 2)), num(1)), pow(nu, 2), m),
    rhs: mul(sym('v'), nu, dv(mul(nu, m))),
    variable: 'v',
    flux: mul(num(-1, 2), sym('v'), m, pow(nu, 2)),
    decay,
  };

  it('accepts an integrand identity up to d_v of a decaying flux', () => {
    const part = underIntegral(spec);
    expect(equivalent(part.printed, part.derived).equivalent).toBe(true);
  });

  it('rejects an integrand identity off by a non-derivative term', () => {
    const part = underIntegral({ ...spec, lhs: add(spec.lhs, mul(num(1, 10), pow(nu, 2), m)) });
    expect(equivalent(part.printed, part.derived).equivalent).toBe(false);
  });

  it('rejects a flux that does not decay (the boundary term would not vanish)', () => {
    expect(() => underIntegral({ ...spec, lhs: add(spec.lhs, num(1)), flux: add(spec.flux, sym('v')) })).toThrow(/does not decay/);
    expect(() => checkDecay(mul(m, m), 'v', decay)).toThrow(IntegralError);
  });

  it('evaluateExpr refuses opaque functions and missing symbols', () => {
    expect(() => evaluateExpr(nu, { v: 1, w: 1 })).toThrow(/opaque function/);
    expect(() => evaluateExpr(P('rho*v'), { v: 1 })).toThrow(/no value for the symbol rho/);
    expect(() => evaluateExpr(P('ln(v)'), { v: -1 })).toThrow(/not finite/);
    expect(evaluateExpr(neg(P('pi')), {})).toBeCloseTo(-Math.PI, 15);
  });
});

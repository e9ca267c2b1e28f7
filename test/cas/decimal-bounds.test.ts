/** The decimal re-evaluation never outlasts the call: a registry function of a huge argument abstains instead of running for minutes. */
import { describe, expect, it, vi } from 'vitest';
import { Decimal } from 'decimal.js';
import { equivalent } from '../../src/index.ts';
import { knownFunction, knownFunctionNames, inArgDomain } from '../../src/cas/registry.ts';

describe('registry functions of huge arguments in decimals', () => {
  it.each([
    ['tanh(123456789012345678901*r*x^3)', '(exp(2*123456789012345678901*r*x^3) - 1)/(exp(2*123456789012345678901*r*x^3) + 1)'],
    ['sinh(1e19*x)', '(exp(1e19*x) - exp(-1e19*x))/2'],
    ['cosh(3e18*x^2)', '(exp(3e18*x^2) + exp(-3e18*x^2))/2'],
  ])('%s vs its exponential form ends (a hang fails the test timeout) with a verdict that is not different', (lhs, rhs) => {
    const v = equivalent(lhs, rhs, { assume: { r: 'positive' } });
    expect(v.status).not.toBe('different');
  });

  it('a false identity with a huge argument is still not called equal', () => {
    expect(equivalent('tanh(1e19*x)', '2*tanh(1e19*x)').status).not.toBe('equal');
  });
});

describe("one argument-size rule: every registry function runs in bounded time in decimals up to exp's range", () => {
  const D = Decimal.clone({ precision: 100, maxE: 9e15, minE: -9e15 });
  // decimal.js's own tanh(1e6) ran for minutes (a synchronous call: vitest's timeout cannot stop it, so the test below checks the route)
  it.each(knownFunctionNames())(
    '%s at +-1e6, +-1e10, +-1.9e16 (where defined) gives a number',
    (name) => {
      const f = knownFunction(name)!;
      for (const x of [1e6, -1e6, 1e10, -1e10, 1.9e16, -1.9e16]) {
        if (!inArgDomain(f.domain, x)) continue;
        const y = f.decimal(new D(x), D);
        expect(y.isNaN(), `${name}(${x})`).toBe(false);
      }
    },
    20_000,
  );

  it("at |x| >= 1 the hyperbolic functions never call decimal.js's own sinh, cosh, tanh (superlinear in |x|); below 1 they do", () => {
    const own = (['sinh', 'cosh', 'tanh'] as const).map((m) => vi.spyOn(D.prototype, m));
    try {
      for (const name of ['sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch']) for (const x of [1, -2.5, 1e6, -1e10]) knownFunction(name)!.decimal(new D(x), D);
      expect(own.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
      knownFunction('tanh')!.decimal(new D(0.5), D);
      expect(own[2]).toHaveBeenCalledTimes(1);
    } finally {
      for (const spy of own) spy.mockRestore();
    }
  });

  it.each(['sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch'])("%s through exp agrees with decimal.js's own series to 95 digits where that is fast", (name) => {
    const own: Record<string, (x: Decimal) => Decimal> = {
      sinh: (x) => x.sinh(),
      cosh: (x) => x.cosh(),
      tanh: (x) => x.tanh(),
      coth: (x) => new D(1).div(x.tanh()),
      sech: (x) => new D(1).div(x.cosh()),
      csch: (x) => new D(1).div(x.sinh()),
    };
    for (const x of ['0.5', '1', '1.5', '-3', '30', '-77.25']) {
      const ours = knownFunction(name)!.decimal(new D(x), D);
      const ref = own[name](new D(x));
      expect(ours.minus(ref).abs().div(ref.abs()).lt('1e-95'), `${name}(${x}) = ${ours} vs ${ref}`).toBe(true);
    }
  });

  it('sinh(1e6) has ln(sinh(1e6)) = 1e6 - ln 2 to 90 digits, and tanh(1e10) is 1 to 100 digits', () => {
    const s = knownFunction('sinh')!.decimal(new D(1e6), D);
    expect(
      s
        .ln()
        .minus(new D(1e6).minus(new D(2).ln()))
        .abs()
        .lt('1e-90'),
    ).toBe(true);
    expect(knownFunction('tanh')!.decimal(new D(-1e10), D).plus(1).abs().lt('1e-100')).toBe(true);
  });

  it('a difference in the 40th digit behind tanh of 2e6 is still not equal', () => {
    expect(equivalent('tanh(2e6*(1 + x^2))', 'tanh(2e6*(1 + x^2)) + 1e-40').status).not.toBe('equal');
    expect(equivalent('sinh(3e7*(1 + x^2))/exp(3e7*(1 + x^2))', '1/2 - exp(-6e7*(1 + x^2))/2').status).not.toBe('different');
  });
});

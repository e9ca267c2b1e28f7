/**
 * The function registry (issue 18, item 11): every name known to every method alike, true
 * identities of registry functions `equal`, false ones not, unknown names refused by name with the
 * close known names, and each function's float value, enclosure and derivative checked against
 * 60-digit values and finite differences.
 */
import { describe, it, expect } from 'vitest';
import { Decimal } from 'decimal.js';
import { equivalent } from '../../src/verify/equivalent.ts';
import { parseExpr, partial, printExpr, evalFloat, evalDecimal, enclose, knownFunctionNames, UnknownFunctionError } from '../../src/cas/index.ts';
import { evaluateAt } from '../../src/cas/witness/index.ts';

describe('true identities of registry functions are equal', () => {
  it.each([
    ['tan(x)', 'sin(x)/cos(x)'], // the example
    ['cosh(x)^2 - sinh(x)^2', '1'],
    ['tanh(x)', 'sinh(x)/cosh(x)'],
    ['erfc(x)', '1 - erf(x)'],
    ['abs(x)^2', 'x^2'],
    ['sign(x)*abs(x)', 'x'],
    ['tan(x)^2 + 1', 'sec(x)^2'],
    ['sqrt(x^2)', 'abs(x)'],
    ['abs(x)^3', 'x^2*abs(x)'],
    ['erf(-x)', '-erf(x)'],
    ['asinh(x)', 'ln(x + sqrt(x^2 + 1))'],
    ['cot(x)*tan(x)', '1'],
    ['cosh(x) + sinh(x)', 'exp(x)'],
    ['log(x*y)', 'ln(x) + ln(y)', { assume: { x: 'positive', y: 'positive' } }],
    ['acos(x) + asin(x)', 'pi/2', { ranges: { x: [-0.9, 0.9] } }],
  ] as const)('%s = %s', (a, b, o?: object) => {
    const v = equivalent(a, b, o);
    expect(v.status, v.checks.map((c) => c.detail).join(' | ')).toBe('equal');
  });
});

describe('false identities of registry functions are not equal', () => {
  it.each([
    ['tan(x)', 'cos(x)/sin(x)'],
    ['cosh(x)', 'sinh(x)'],
    ['tanh(x)', '1'],
    ['erfc(x)', '1 + erf(x)'],
    ['abs(x)', 'x'],
    ['sign(x)^2', '1'], // false at x = 0 only: never equal
    ['atan(x)', 'asin(x)'],
    ['acos(x) + asin(x)', 'pi/2'], // x real: the left side is undefined for |x| > 1
  ])('%s vs %s', (a, b) => {
    const v = equivalent(a, b);
    expect(v.status).not.toBe('equal');
  });
});

describe('unknown function names', () => {
  it('are refused by name with the close known names, unless declared opaque', () => {
    expect(() => parseExpr('tna(x)')).toThrow(UnknownFunctionError);
    expect(() => parseExpr('tna(x)')).toThrow(/unknown function "tna".*did you mean .*tan/);
    expect(() => parseExpr('sinhh(x)')).toThrow(/did you mean sinh/);
    expect(() => equivalent('f(x)', 'f(x)')).toThrow(/unknown function "f".*opaque: \['f'\]/);
    expect(equivalent('f(x)', 'f(x)', { opaque: ['f'] }).status).toBe('equal');
    expect(() => equivalent('sin(x)', 'sin(x)', { opaque: ['sin'] })).toThrow(/known function of the registry/);
  });
});

describe('the registry numbers', () => {
  const names = knownFunctionNames().filter((n) => n !== 'log');
  const inside: Record<string, number[]> = {
    asin: [-0.7, 0.2, 0.95],
    acos: [-0.7, 0.2, 0.95],
    atanh: [-0.7, 0.2, 0.95],
    acosh: [1.2, 3, 40],
    asec: [-3, 1.5, 20],
    acsc: [-3, 1.5, 20],
    ln: [0.01, 1.5, 300],
    sqrt: [0, 1.5, 300],
  };
  it('float values agree with 60-digit values to a few units in the last place', () => {
    for (const name of names)
      for (const x of inside[name] ?? [-2.5, -0.3, 0.7, 1.9, 4.2]) {
        const exact = evalDecimal(name, x, 60);
        const f = evalFloat(name, x);
        const tol = 64 * Number.EPSILON * Math.max(Math.abs(f), 1e-300) + 64 * Number.EPSILON * (name === 'erfc' ? 1 : 0);
        expect(Math.abs(new Decimal(f).sub(exact).toNumber()), `${name}(${x})`).toBeLessThanOrEqual(tol);
      }
  });
  it('enclosures contain the 60-digit values on every subinterval, and refuse poles and domain edges', () => {
    for (const name of names)
      for (const x of inside[name] ?? [-2.5, -0.3, 0.7, 1.9, 4.2]) {
        const box = enclose(name, x, x + 1e-3);
        if (box.kind !== 'defined') continue;
        for (const y of [x, x + 5e-4, x + 1e-3]) {
          const v = evalDecimal(name, y, 60).toNumber();
          expect(v, `${name}(${y})`).toBeGreaterThanOrEqual(box.lo);
          expect(v, `${name}(${y})`).toBeLessThanOrEqual(box.hi);
        }
      }
    expect(enclose('sin', 1, 2)).toMatchObject({ kind: 'defined', hi: expect.any(Number) });
    expect((enclose('sin', 1, 2) as { hi: number }).hi).toBeGreaterThanOrEqual(1); // the maximum at pi/2 is inside
    expect(enclose('tan', 1, 2).kind).toBe('partly'); // the pole at pi/2
    expect(enclose('ln', -2, -1).kind).toBe('undefined');
    expect(enclose('ln', -1, 1).kind).toBe('partly');
    expect(evalFloat('ln', -1)).toBeNaN();
    expect(evalDecimal('acosh', 0.5).isNaN()).toBe(true);
  });
  it('derivatives of every registry function agree with central differences', () => {
    for (const name of names) {
      const x0 = inside[name]?.[1] ?? 0.7;
      const d = partial(parseExpr(`${name}(x)`), 'x');
      const h = 1e-6;
      const fd = (evalFloat(name, x0 + h) - evalFloat(name, x0 - h)) / (2 * h);
      const [val] = evaluateAt(d, { assumptions: {}, ranges: { x: [x0, x0] }, seeds: [1], points: 1 }, [d]);
      expect(Math.abs(val.value.v - fd), `d/dx ${name}(x) = ${printExpr(d)} at ${x0}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });
});

/**
 * Definedness as data (issue 18, items 4 and 8): conditions read off the expression as written and
 * kept by every constructor; `equal` needs the same domain up to measure zero, with the excluded
 * points listed; a domain difference of positive measure is `different` with a separating point.
 */
import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/equivalent.ts';
import { parseExpr, substitute, sym, pow, sqrt, mul, num, div, ln, exp, printExpr, isZero, DivisionByZeroError } from '../../src/cas/index.ts';
import { conditionsOf } from '../../src/cas/domain.ts';

const shown = (e: Parameters<typeof conditionsOf>[0], a = {}) => conditionsOf(e, a).map((c) => `${printExpr(c.expr)} ${c.rel}`);

describe('conditions are data of the expression', () => {
  it('are read off divisors, roots, ln and the registry domains, and discharged by declarations', () => {
    expect(shown(parseExpr('1/(x - 1) + sqrt(y) + ln(z) + asin(w)'))).toEqual(['x - 1 !=0', 'y >=0', 'z >0', '-w^2 + 1 >=0']);
    expect(shown(parseExpr('tan(x)'))).toEqual(['cos(x) !=0']);
    expect(shown(parseExpr('sqrt(x) + ln(x)'), { x: 'positive' })).toEqual([]);
    expect(shown(parseExpr('x^2 + exp(x) + abs(x)'))).toEqual([]);
  });

  it('survive construction-time folding: substitution, 0 * f, f^0, 1^f, (f^(1/2))^2', () => {
    const x = sym('x');
    // the example: substitute(y^2, {y: sqrt(x)}) must still say x >= 0
    expect(shown(substitute(pow(sym('y'), 2), { y: sqrt(x) }))).toEqual(['x >=0']);
    expect(shown(mul(num(0), sqrt(x)))).toEqual(['x >=0']);
    expect(shown(pow(div(num(1), x), 0))).toEqual(['x !=0']);
    expect(shown(pow(num(1), ln(x)))).toEqual(['x >0']);
    expect(shown(pow(pow(x, num(-1)), -1))).toEqual(['x !=0']);
    // folds that keep the domain still happen
    expect(isZero(mul(num(0), exp(x)))).toBe(true);
    expect(printExpr(pow(pow(x, num(1, 2)), 3))).toBe('x^(3/2)');
    expect(printExpr(pow(pow(x, num(1, 2)), -1))).toBe('x^(-1/2)');
  });
});

describe('equal needs the same domain up to measure zero', () => {
  it.each([
    ['x/x', '1', 'x != 0'],
    ['(x^2 - 1)/(x - 1)', 'x + 1', 'x - 1 != 0'],
    ['tan(x)*cos(x)', 'sin(x)', 'cos(x) != 0'],
    ['(x^3 - y^3)/(x - y)', 'x^2 + x*y + y^2', 'x - y != 0'],
  ])('%s = %s, excluding %s', (a, b, excluded) => {
    const v = equivalent(a, b);
    expect(v.status).toBe('equal');
    expect(v.domain?.join('; ')).toContain(excluded);
  });

  it.each([
    ['sqrt(x)^2', 'x'], // the example
    ['exp(ln(x))', 'x'],
    ['x^(1/3)*x^(2/3)', 'x'],
    ['ln(x^2)', '2*ln(x)'],
    ['sqrt(x)*sqrt(y)', 'sqrt(x*y)'],
    ['asin(x) + acos(x)', 'pi/2'],
  ])('%s vs %s for real symbols is different, with a separating point', (a, b) => {
    const v = equivalent(a, b);
    expect(v.status).toBe('different');
    expect(v.checks.map((c) => c.detail).join(' ')).toMatch(/not a real|defined on one side|domains differ/);
  });

  it('substitute(y^2, {y: sqrt(x)}) is different from x for real x, and equal for x >= 0', () => {
    const e = substitute(pow(sym('y'), 2), { y: sqrt(sym('x')) });
    expect(equivalent(e, 'x').status).toBe('different');
    expect(equivalent(e, 'x', { assume: { x: 'nonnegative' } }).status).toBe('equal');
  });

  it('a divisor that vanishes identically but not syntactically is never equal (refused when the normal form sees it)', () => {
    const status = (a: string, b: string) => {
      try {
        return equivalent(a, b).status;
      } catch (err) {
        if (err instanceof DivisionByZeroError) return 'refused';
        throw err;
      }
    };
    const D = 'cos(2*x) + 2*sin(x)^2 - 1'; // the example: 0 for every x
    expect(status(`x*(${D})/(${D})`, 'x')).toBe('disputed');
    expect(status(`(${D})/(${D})`, '1')).toBe('disputed');
    expect(status(`exp(x)*(cos(x)^2 - 1 + sin(x)^2)^2/(cos(x)^2 - 1 + sin(x)^2)`, '0')).toBe('refused');
    expect(status('(x - x)/(x - x)', '1')).toBe('refused');
    // a divisor that is not identically zero keeps the identity
    expect(status(`x*(${D} + 1)/(${D} + 1)`, 'x')).toBe('equal');
  });
});

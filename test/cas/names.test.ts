/**
 * Names (issue 18, items 2 and 6): a method's own names (nerdamer's atoms, roots) cannot be a
 * user's symbol, and e, pi, i are never a user's parameter, symbol with assumptions, opaque
 * function or macro argument.
 */
import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/equivalent.ts';
import { parseExpr, ReservedNameError, AssumptionError } from '../../src/cas/index.ts';
import { nerdamerDifference } from '../../src/cas/nerdamerCheck.ts';
import { makeScope } from '../../src/calculus/scope.ts';

describe("a method's names cannot collide with a user's symbols", () => {
  it.each([
    ['N(x)*N__d1(y)', 'q0x*N__d1(y)'], // the example: q0x was nerdamer's first atom
    ['N(x) + N(y)', 'q0x + q1x'],
    ['1/(x + 1) + N(x)', 'd0x + N(x)'], // d0x named nerdamer's first denominator
    ['sqrt(x)*N(x)', 'x__root*N(x)'],
  ])('%s vs %s is not equal, and nerdamer does not say 0', (a, b) => {
    expect(equivalent(a, b, { opaque: ['N'] }).status).not.toBe('equal');
    expect(nerdamerDifference(parseExpr(a, { opaque: ['N'] }), parseExpr(b, { opaque: ['N'] }), { x: 'positive' }).isZero).toBe(false);
  });

  it('still meets equal applications of opaque functions through nerdamer', () => {
    expect(nerdamerDifference(parseExpr('N(x + y)*q0x', { opaque: ['N'] }), parseExpr('q0x*N(y + x)', { opaque: ['N'] })).isZero).toBe(true);
  });
});

describe('e, pi and i are not user names', () => {
  it('refuses them as parameters, coefficients, symbols, opaque functions and macro arguments', () => {
    expect(() => makeScope({ parameters: ['e'] }, [])).toThrow(ReservedNameError);
    expect(() => makeScope({ parameters: ['i'] }, [])).toThrow(/"i" is reserved \(the imaginary unit\)/);
    expect(() => makeScope({ coefficients: { pi: null } }, [])).toThrow(/"pi" is reserved/);
    expect(() => makeScope({}, ['x', 'e'])).toThrow(/symbol "e" is reserved/);
    expect(() => makeScope({ functions: { e: 1 } }, [])).toThrow(ReservedNameError);
    expect(() => makeScope({ macros: { M: { params: ['e'], body: 'e^2' } } }, [])).toThrow(/argument of macro M "e" is reserved/);
    expect(() => makeScope({ functions: { exp: 1 } }, [])).toThrow(/known function of the registry/);
    expect(() => makeScope({ functions: { N__d1: 1 } }, [])).toThrow(/"__" marks derivatives/);
  });

  it('refuses them in assumptions and in opaque lists, and refuses i in text', () => {
    expect(() => equivalent('ln(e)', '1', { assume: { e: 'positive' } })).toThrow(AssumptionError);
    expect(() => equivalent('x', 'x', { assume: { pi: 'positive' } })).toThrow(/"pi" is reserved/);
    expect(() => equivalent('i(x)', 'i(x)', { opaque: ['i'] })).toThrow(ReservedNameError);
    expect(() => parseExpr('i^2 + 1')).toThrow(/imaginary unit/);
  });

  it('keeps e and pi the constants, and a macro argument that is a plain name works', () => {
    expect(equivalent('ln(e)', '1').status).toBe('equal');
    const s = makeScope({ parameters: ['a'], macros: { M: { params: ['u'], body: 'u^2' } } }, ['x']);
    expect(equivalent(s.parse('M(x + a)', 'm'), '(x + a)^2').status).toBe('equal');
    expect(equivalent(s.parse('M(x)', 'm'), 'x').status).not.toBe('equal');
  });
});

import { describe, it, expect } from 'vitest';
import { parseExpr, printExpr, ExpressionSyntaxError, UnknownSymbolError } from '../../src/cas/index.ts';

const scope = {
  symbols: new Set(['a', 'b', 'x', 'theta']),
  functions: new Map([
    ['N', 1],
    ['B0', 2],
  ]),
};

describe('parsing', () => {
  it('round-trips through the printer', () => {
    for (const s of ['a + b*x^2', 'N(a + theta*x) - B0(x, a)/theta', 'exp(-2*a*x/b)', '-(a - b)^(1/2)', 'B0__d1_0(x, a)']) {
      const e = parseExpr(s, scope);
      expect(printExpr(parseExpr(printExpr(e), scope))).toBe(printExpr(e));
    }
  });

  it('names the expression and the position of a syntax error', () => {
    let err: unknown;
    try {
      parseExpr('a + * b', scope, 'claim eq-x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExpressionSyntaxError);
    const m = (err as Error).message;
    expect(m).toContain('claim eq-x');
    expect(m).toContain('"a + * b"');
    expect(m).toMatch(/character 5/);
  });

  it('reports unknown symbols and functions instead of inventing variables', () => {
    expect(() => parseExpr('a + thetta', scope, 'claim eq-y')).toThrow(UnknownSymbolError);
    expect(() => parseExpr('a + thetta', scope, 'claim eq-y')).toThrow(/unknown symbol "thetta" in claim eq-y/);
    expect(() => parseExpr('M(x)', scope)).toThrow(/unknown function "M"/);
    expect(() => parseExpr('B0(x)', scope)).toThrow(/B0 takes 2 argument/);
    expect(() => parseExpr('', scope)).toThrow(/empty expression/);
    // nerdamer reads theta(t) as theta*t; here a time-dependent coefficient is a symbol, and
    // applying it is refused rather than silently turned into a product
    expect(() => parseExpr('theta(t)^2', { ...scope, symbols: new Set([...scope.symbols, 't']) })).toThrow(/unknown function "theta"/);
  });
});

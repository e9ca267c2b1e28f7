import { describe, it, expect } from 'vitest';
import { parseExpr, expand, printExpr, equalByNormalForm, toPoly, withAssumptions, Assumptions, clearMemos } from '../../src/cas/index.ts';
import { equivalent } from '../../src/verify/index.ts';

const P = (s: string) => parseExpr(s, { opaque: ['N', 'f', 'B0'] });
const eq = (a: string, b: string, assume?: Assumptions) => withAssumptions(assume, () => equalByNormalForm(P(a), P(b)));

describe('normal form', () => {
  it('expands and collects polynomials', () => {
    expect(printExpr(expand(P('(a+b)^3 - a^3 - b^3')))).toBe('3*a*b^2 + 3*a^2*b');
    expect(toPoly(P('(x - y)*(x + y) - x^2 + y^2')).size).toBe(0);
    expect(toPoly(P('(x - y)*(x + y) - x^2')).size).toBe(1);
  });

  it('combines exponentials and logarithms', () => {
    expect(eq('exp(a)*exp(b)', 'exp(a + b)')).toBe(true);
    expect(eq('exp(2*ln(x))', 'x^2')).toBe(true);
    expect(eq('ln(x^3*y)', '3*ln(x) + ln(y)', { x: 'positive', y: 'positive' })).toBe(true);
    expect(eq('ln(x^3*y)', '3*ln(x) + ln(y)')).toBe(false); // x = y = -1: the left side is defined, the right is not
    expect(eq('exp(a)*exp(b)', 'exp(a*b)')).toBe(false);
  });

  it('splits powers and logarithms only under the assumptions that make it true', () => {
    expect(eq('sqrt(x^2)', 'x')).toBe(false);
    expect(eq('sqrt(x^2)', 'x', { x: 'nonnegative' })).toBe(true);
    expect(eq('sqrt(x^4)', 'x^2')).toBe(true); // both sides are the same real function
    expect(eq('sqrt(x*y)', 'sqrt(x)*sqrt(y)')).toBe(false);
    expect(eq('sqrt(x*y)', 'sqrt(x)*sqrt(y)', { x: 'positive', y: 'positive' })).toBe(true);
    expect(eq('(x^a)^b', 'x^(a*b)')).toBe(false);
    expect(eq('(x^a)^b', 'x^(a*b)', { x: 'positive' })).toBe(true);
    expect(eq('ln(v^2)', '2*ln(v)')).toBe(false);
    expect(eq('ln(v^2)', '2*ln(v)', { v: 'positive' })).toBe(true);
    expect(eq('ln(f(x)^2)', '2*ln(f(x))')).toBe(false);
    expect(eq('sqrt(2*x)', 'sqrt(2)*sqrt(x)')).toBe(true); // a positive constant always splits off
    expect(eq('ln(2*a + 2*b)', 'ln(2) + ln(a + b)')).toBe(true);
    expect(eq('sqrt(x*a + x*b)', 'sqrt(x)*sqrt(a + b)')).toBe(false);
    expect(eq('sqrt(x*a + x*b)', 'sqrt(x)*sqrt(a + b)', { x: 'positive' })).toBe(true);
  });

  it('knows e, exponentials of sums and of constants, elementary values at 0, and sin^2 + cos^2', () => {
    expect(eq('e^x', 'exp(x)')).toBe(true);
    expect(eq('exp(1)*exp(x)', 'exp(1 + x)')).toBe(true);
    expect(eq('exp(2)', 'exp(1)^2')).toBe(true);
    expect(eq('exp(2)', 'exp(1)^3')).toBe(false);
    expect(eq('cos(0) + sin(0) + ln(1)', '1')).toBe(true);
    expect(eq('sin(x)^2 + cos(x)^2', '1')).toBe(true);
    expect(eq('sin(x)^2 + cos(x)^2', '2')).toBe(false);
    expect(eq('cos(-x) + sin(-x)', 'cos(x) - sin(x)')).toBe(true);
    expect(eq('ln(6)', 'ln(2) + ln(3)')).toBe(true);
  });

  it('handles square roots of symbols and numbers', () => {
    expect(eq('sqrt(rho)^2', 'rho')).toBe(true);
    expect(eq('sqrt(2)*sqrt(2)', '2')).toBe(true);
    expect(eq('sqrt(8)', '2*sqrt(2)')).toBe(true);
    expect(eq('sqrt(rho)*sqrt(rho)', '2*rho')).toBe(false);
  });

  it('keeps sums in denominators as atoms and clears them to decide zero', () => {
    expect(eq('1/(a+b) + 1/(a+b)', '2/(a+b)')).toBe(true);
    expect(eq('(a^2 - b^2)/(a - b)', 'a + b')).toBe(true);
    expect(eq('1/(a+b)', '1/a + 1/b')).toBe(false);
    // the same sum up to sign and content is one atom
    expect(eq('1/(2*a + 2*b)', '-1/(-a - b)/2')).toBe(true);
  });

  it('treats opaque applications as atoms with canonical arguments', () => {
    expect(eq('N(V + theta*v) - N(theta*v + V)', '0')).toBe(true);
    expect(eq('N(V + theta*v)', 'N(V - theta*v)')).toBe(false);
    expect(eq('B0(x*(1+y), w)', 'B0(x + x*y, w)')).toBe(true);
  });

  it('expands fractional powers of sums when they meet integer parts', () => {
    expect(eq('(a+b)^(3/2)', '(a+b)*sqrt(a+b)')).toBe(true);
    expect(eq('(a+b)^(3/2) - a*sqrt(a+b)', 'b*sqrt(a+b)')).toBe(true);
  });
});

describe('the engine decides on a second normalisation of its residual', () => {
  // One pass of the normal form is not a fixpoint: |-42 r p y^2| normalises to a form whose own
  // normal form is simpler. The engine's residual is normalised again (toPoly of its printed
  // expansion), which decides these; a shortcut that skipped the second pass (tried on 2026-12-06:
  // expand registering its output's normal form) lost this `equal` in the 100 000-case fuzz.
  it('|(-7 r p)(6 y^2)| = |-7 r p| |6 y^2| for positive r, p is equal by both methods', () => {
    clearMemos();
    const v = equivalent('abs(((-7)*r*p)*(6*y^2))', 'abs((-7)*r*p)*abs(6*y^2)', { assume: { p: 'positive', r: 'positive' } });
    expect(v.status).toBe('equal');
    expect(v.checks.find((c) => c.method === 'engine-normal-form')?.result).toBe('equal');
  });
});

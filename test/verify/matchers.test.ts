import { describe, it, expect } from 'vitest';
import { fhnMatchers } from '../../src/verify/matchers.ts';
import { parseExpr, partial } from '../../src/index.ts';

expect.extend(fhnMatchers);

describe('vitest matchers', () => {
  it('accepts a true identity, from text or expressions', () => {
    expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
    expect(partial(parseExpr('sin(x)^2 + x^3'), 'x')).toBeEquivalentTo('2*sin(x)*cos(x) + 3*x^2');
    expect('exp(a)*exp(b) - exp(a+b)').toBeIdenticallyZero();
  });

  it('rejects a wrong identity and reports the difference', () => {
    expect('(a+b)^2').not.toBeEquivalentTo('a^2 + b^2');
    let message = '';
    try {
      expect('(a+b)^2').toBeEquivalentTo('a^2 + b^2');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('2*a*b');
    expect(message).toContain('nerdamer-expand: different');
  });
});

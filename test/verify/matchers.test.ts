import { describe, it, expect } from 'vitest';
import { fhnMatchers, DisputedVerdictError } from '../../src/verify/matchers.ts';
import { parseExpr, partial } from '../../src/index.ts';

expect.extend(fhnMatchers);

describe('vitest matchers', () => {
  it('accepts a true identity, from text or expressions', () => {
    expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
    expect(partial(parseExpr('sin(x)^2 + x^3'), 'x')).toBeEquivalentTo('2*sin(x)*cos(x) + 3*x^2');
    expect('exp(a)*exp(b) - exp(a+b)').toBeIdenticallyZero();
    expect('sqrt(x^2)').toBeEquivalentTo('x', { assume: { x: 'nonnegative' } });
  });

  it('rejects a wrong identity and reports the difference and the evidence', () => {
    expect('(a+b)^2').not.toBeEquivalentTo('a^2 + b^2');
    expect('sqrt(x^2)').not.toBeEquivalentTo('x'); // x real: x = -1 is a counterexample
    let message = '';
    try {
      expect('(a+b)^2').toBeEquivalentTo('a^2 + b^2');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('2*a*b');
    expect(message).toContain('engine-normal-form: different');
    expect(message).toMatch(/mathjs-random-points: different \(at \{/);
  });

  it('throws on a disputed verdict, so that neither the matcher nor .not can pass', () => {
    // ln(x) with x real: the witness finds points where neither side is a real number
    expect(() => expect('ln(x) + ln(x)').toBeEquivalentTo('2*ln(x)')).toThrow(DisputedVerdictError);
    expect(() => expect('ln(x) + ln(x)').not.toBeEquivalentTo('2*ln(x)')).toThrow(/do not settle/);
    expect('ln(x) + ln(x)').toBeEquivalentTo('2*ln(x)', { assume: { x: 'positive' } });
  });
});

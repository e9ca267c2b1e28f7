import { describe, it, expect } from 'vitest';
import { equivalent, MethodDisagreementError } from '../../src/verify/index.ts';

describe('equivalent()', () => {
  it('verifies with every method and keeps the evidence', () => {
    const v = equivalent('(x+1)^2/(x+1)', 'x + 1');
    expect(v.equivalent).toBe(true);
    expect(v.checks.map((c) => c.method)).toEqual(['engine-normal-form', 'nerdamer-expand', 'mathjs-random-points']);
    expect(v.checks.every((c) => c.result === 'equal')).toBe(true);
  });

  it('rejects a wrong identity with all methods and gives the difference', () => {
    const v = equivalent('exp(a)*exp(b)', 'exp(a)*exp(b) + 1/(1+a)');
    expect(v.equivalent).toBe(false);
    expect(v.checks.every((c) => c.result === 'different')).toBe(true);
    expect(v.difference).toBe('-(a + 1)^(-1)');
  });

  it('fails loudly, printing both forms, when methods disagree', () => {
    // sqrt(x^2) = x holds for the engine's positive symbols but not at negative sample points
    const run = () => equivalent('sqrt(x^2)', 'x', { ranges: { x: [-2, -1] } });
    expect(run).toThrow(MethodDisagreementError);
    expect(run).toThrow(/lhs = \(x\^2\)\^\(1\/2\)[\s\S]*rhs = x/);
  });

  it('refuses to decide with a single method', () => {
    expect(() => equivalent('x', 'x', { methods: ['engine-normal-form'] })).toThrow(/at least two/);
  });
});

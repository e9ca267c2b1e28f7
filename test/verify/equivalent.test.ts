import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/index.ts';
import { withAssumptions } from '../../src/cas/index.ts';

const methodsRun = (v: ReturnType<typeof equivalent>) => v.checks.map((c) => c.method);

describe('equivalent()', () => {
  it('says equal when the engine and the witness agree, and does not need nerdamer for it', () => {
    const v = equivalent('(x+1)^2/(x+1)', 'x + 1');
    expect(v.status).toBe('equal');
    expect(v.equivalent).toBe(true);
    expect(methodsRun(v)).toEqual(['engine-normal-form', 'mathjs-random-points']);
    expect(v.checks.every((c) => c.result === 'equal')).toBe(true);
    expect(v.reason).toMatch(/2 independent methods agree/);
  });

  it('runs all three methods when asked to be thorough', () => {
    const v = equivalent('(x+1)^2', 'x^2 + 2*x + 1', { thorough: true });
    expect(methodsRun(v).sort()).toEqual(['engine-normal-form', 'mathjs-random-points', 'nerdamer-expand']);
    expect(v.checks.every((c) => c.result === 'equal')).toBe(true);
  });

  it('rejects a wrong identity with the evidence and the difference', () => {
    const v = equivalent('exp(a)*exp(b)', 'exp(a)*exp(b) + 1/(1+a)');
    expect(v.status).toBe('different');
    expect(v.equivalent).toBe(false);
    expect(v.checks.find((c) => c.method === 'engine-normal-form')!.result).toBe('different');
    expect(v.checks.find((c) => c.method === 'mathjs-random-points')!.detail).toMatch(/gap .* > error bound/);
    expect(v.difference).toBe('-(a + 1)^(-1)');
  });

  it('a dissent makes the verdict disputed, with both forms, never an exception', () => {
    // the engine reads (x^a)^b and x^(a b) as different powers, nerdamer calls them equal, the witness finds
    // points where neither side is real: nobody may call this equal
    const v = equivalent('(x^a)^b', 'x^(a*b)', { methods: ['engine-normal-form', 'mathjs-random-points', 'nerdamer-expand'] });
    expect(v.status).toBe('disputed');
    expect(v.equivalent).toBe(false);
    expect(v.lhs).toBe('(x^a)^b');
    expect(v.rhs).toBe('x^(a*b)');
    expect(v.findings.length).toBeGreaterThan(0);
  });

  it('reports the assumptions a verdict used (only those of its symbols)', () => {
    const v = equivalent('ln(v^2)', '2*ln(v)', { assume: { v: 'positive', unrelated: 'positive' } });
    expect(v.status).toBe('equal');
    expect(v.assumptions).toEqual({ v: 'positive' });
    expect(v.reason).toMatch(/v positive/);
    // the same from the ambient declarations (a derivation's d.assume)
    expect(withAssumptions({ v: 'positive' }, () => equivalent('ln(v^2)', '2*ln(v)')).status).toBe('equal');
    expect(equivalent('ln(v^2)', '2*ln(v)').assumptions).toEqual({});
  });

  it('refuses to decide with a single method, and malformed assumptions', () => {
    expect(() => equivalent('x', 'x', { methods: ['engine-normal-form'] })).toThrow(/at least two/);
    expect(() => equivalent('x', 'x', { assume: { x: 'postive' as never } })).toThrow(/kinds are real, positive/);
    expect(() => equivalent('x', 'x', { assume: { x: 'positive' }, ranges: { x: [-2, -1] } })).toThrow(/outside the declared positive/);
  });
});

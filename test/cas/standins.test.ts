/** Stand-ins for opaque functions: bounded under nesting, no derivative order vanishes identically. */
import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/equivalent.ts';
import { RandomFunctions, exact } from '../../src/cas/witness/index.ts';

const nest = (f: string, depth: number, x = 'x'): string => (depth === 0 ? x : `${f}(${nest(f, depth - 1, x)})`);

describe('opaque stand-ins', () => {
  it.each([7, 12, 20])('identical sides nested %i deep are equal, not disputed', (depth) => {
    expect(equivalent(nest('f', depth), nest('f', depth), { opaque: ['f'] }).status).toBe('equal');
  });

  it('a nesting that differs is seen: f(g(x)) vs g(f(x)), f^7 vs f^6', () => {
    expect(equivalent('f(g(x))', 'g(f(x))', { opaque: ['f', 'g'] }).status).toBe('different');
    expect(equivalent(nest('f', 7), nest('f', 6), { opaque: ['f'] }).status).toBe('different');
  });

  it('values stay bounded whatever the argument', () => {
    const fns = new RandomFunctions(3);
    for (const x of [0, 1e3, -1e8, 1e15]) {
      const v = fns.evaluate('f', [exact(x)]);
      expect(Math.abs(v.v)).toBeLessThanOrEqual(v.s + 1e-12);
      expect(v.s).toBeLessThan(5);
    }
  });

  it.each([5, 6, 9])('the %i-th derivative is not identically 0 (the stand-in has no degree)', (k) => {
    const fns = new RandomFunctions(1);
    const values = [0.3, 1.1, -0.7].map((x) => fns.evaluate('N', [exact(x)], [k]).v);
    expect(values.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  });

  it('d^5 N is not claimed equal to 0 through the witness', () => {
    const w = equivalent('N__d5(x)', '0', { opaque: ['N'] }).checks.find((c) => c.method === 'mathjs-random-points')!;
    expect(w.result).toBe('different');
  });
});

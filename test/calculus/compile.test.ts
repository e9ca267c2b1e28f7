/**
 * Generated evaluators (src/calculus/compile.ts) against a walk of the tree written here: the same
 * float, bit for bit, on random trees (signs, fractions, powers, functions outside their domain,
 * shared and deep subtrees), the errors a walk would raise, and linear text for trees that share.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Expr, add, mul, pow, num, sym, fn, clearMemos, qToNumber, evalFloat } from '../../src/cas/index.ts';
import { compileExpr, evaluateExpr } from '../../src/calculus/index.ts';
import { engineExpressions } from '../support/expressions.ts';

/** The value of a tree by walking it: sums from 0 and products from 1, left to right (what the generated code must reproduce). */
function walk(e: Expr, v: Readonly<Record<string, number>>): number {
  switch (e.kind) {
    case 'num':
      return qToNumber(e.value);
    case 'sym': {
      const y = v[e.name];
      if (y !== undefined) return y;
      if (e.name === 'pi') return Math.PI;
      throw new Error(`no value for the symbol ${e.name}`);
    }
    case 'add': {
      let s = 0;
      for (const t of e.terms) s += walk(t, v);
      return s;
    }
    case 'mul': {
      let s = 1;
      for (const t of e.factors) s *= walk(t, v);
      return s;
    }
    case 'pow':
      return walk(e.base, v) ** walk(e.exponent, v);
    case 'fn':
      return evalFloat(e.name, walk(e.args[0], v));
  }
}

const tree: fc.Arbitrary<Expr> = engineExpressions({
  names: ['x', 'y', 'eps', 'pi'],
  maxNumerator: 10n ** 20n,
  maxDenominator: 10n ** 4n,
  functions: ['exp', 'ln', 'sin', 'sqrt', 'abs', 'cos'],
  // the same node twice: a shared subtree is computed once into a local
  more: (e) => [e().map((a) => ({ kind: 'add', terms: [a, { kind: 'mul', factors: [a, sym('x')] }] }) as Expr)],
});
const point = fc.record({
  x: fc.double({ min: -50, max: 50, noNaN: true }),
  y: fc.double({ min: -5, max: 5, noNaN: true }),
  eps: fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
});

/** The generated function's raw value (compileExpr refuses non-finite values, as it should; the raw float is what is compared). */
const raw = (e: Expr, v: Record<string, number>): number => {
  try {
    return compileExpr(e)(v);
  } catch (err) {
    if (/is not finite \((.*)\)/.test((err as Error).message)) return Number((err as Error).message.match(/is not finite \((.*)\)/)![1]);
    throw err;
  }
};

describe('generated evaluators compute what a walk of the tree computes', () => {
  it('gives the same float, bit for bit (NaN, infinities and -0 included), on random trees and points', () => {
    fc.assert(
      fc.property(tree, point, (e, v) => {
        clearMemos();
        expect(Object.is(raw(e, v), walk(e, v))).toBe(true);
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it('sums from the left, as the walk does: (1e16 + 1) - 1e16 is 0 in floats (another order would give 1)', () => {
    const e: Expr = { kind: 'add', terms: [num(10n ** 16n), sym('x'), num(-(10n ** 16n))] };
    expect(evaluateExpr(e, { x: 1 })).toBe(0);
    const reordered: Expr = { kind: 'add', terms: [num(10n ** 16n), num(-(10n ** 16n)), sym('x')] };
    expect(evaluateExpr(reordered, { x: 1 })).toBe(1);
  });

  it('names the first missing symbol a walk would meet, reads pi as pi unless given, and refuses opaque functions', () => {
    expect(() => evaluateExpr(add(sym('a'), mul(sym('b'), sym('c'))), { a: 1 })).toThrow(/no value for the symbol b$/);
    expect(evaluateExpr(mul(num(2), sym('pi')), {})).toBe(2 * Math.PI);
    expect(evaluateExpr(mul(num(2), sym('pi')), { pi: 3 })).toBe(6);
    expect(() => compileExpr(fn('phi', [sym('x')]))).toThrow(/phi is an opaque function/);
    expect(() => compileExpr(fn('exp', [sym('x')], [1]))).toThrow(/opaque derivative/);
  });

  it('compiles a tree that shares its subtrees in linear text, and a deep one without overflowing the parser', () => {
    // 18 levels of s -> s + s: 2^18 leaves as a tree (under the limit of a printed text), 19 objects, computed once each
    let s: Expr = sym('x');
    for (let k = 0; k < 18; k++) s = { kind: 'add', terms: [s, s] };
    expect(evaluateExpr(s, { x: 1 })).toBe(2 ** 18);
    // 70 levels of (... / 2 + 1/2): 140 deep, within maxDepth (150), past the nesting the generated text keeps inline
    let deep: Expr = sym('x');
    for (let k = 0; k < 70; k++) deep = { kind: 'add', terms: [{ kind: 'mul', factors: [deep, num(1, 2)] }, num(1, 2)] };
    expect(evaluateExpr(deep, { x: 3 })).toBe(walk(deep, { x: 3 }));
  });

  it('keeps evaluating correctly after the memos are cleared (a function cached by its text serves equal trees)', () => {
    const e = add(pow(sym('x'), num(3)), fn('ln', [sym('x')]));
    const before = evaluateExpr(e, { x: 2.5 });
    clearMemos();
    const again = add(pow(sym('x'), num(3)), fn('ln', [sym('x')]));
    expect(evaluateExpr(again, { x: 2.5 })).toBe(before);
    expect(evaluateExpr(again, { x: 4 })).toBe(64 + Math.log(4));
  });
});

/**
 * Expressions built through the API, not parsed, meet the limits a text meets: a tree nested past
 * maxDepth, or one whose shared subtrees would print past maxTextLength, is refused with a
 * LimitError naming the limit at every entry that walks it (equivalent, claims, inequalities,
 * numeric evaluation), never a stack overflow or a hang; trees within the limits are unaffected.
 */
import { describe, expect, it } from 'vitest';
import { Expr, LimitError, checkTreeSize, expand, limits, num, parseExpr, partial, printExpr, setLimits, substitute, sym } from '../../src/cas/index.ts';
import { decideClaim, decideInequalityClaim, equivalent, checkInequality, grid } from '../../src/verify/index.ts';
import { evaluateExpr } from '../../src/calculus/index.ts';

/** x nested `depth` times as (... * y) + 1: each level adds two levels of the tree. */
function nested(depth: number): Expr {
  let e: Expr = sym('x');
  for (let k = 0; k < depth; k++) e = { kind: 'add', terms: [{ kind: 'mul', factors: [e, sym('y')] }, num(1)] };
  return e;
}

/** s -> s + s, `levels` times over one shared node: 2^levels leaves as printed, levels + 1 objects. */
function doubled(levels: number): Expr {
  let e: Expr = sym('x');
  for (let k = 0; k < levels; k++) e = { kind: 'add', terms: [e, e] };
  return e;
}

/** The error f throws (or undefined). */
function thrown(f: () => unknown): Error | undefined {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

describe('trees built through the API meet the limits of texts', () => {
  it('refuses a tree nested deeper than maxDepth with a LimitError, even 20 000 deep (a walk of it would overflow the stack)', () => {
    for (const depth of [200, 20_000]) {
      const err = thrown(() => equivalent(nested(depth), nested(depth)));
      expect(err).toBeInstanceOf(LimitError);
      expect((err as LimitError).limit).toBe('maxDepth');
      expect(err!.message).toMatch(/identity \(lhs\) nests operations more than 150 deep/);
    }
  });

  it('accepts a tree exactly maxDepth deep and refuses one a level deeper', () => {
    const chain = (levels: number): Expr => {
      let e: Expr = sym('x');
      for (let k = 1; k < levels; k++) e = { kind: 'fn', name: 'exp', args: [e] };
      return e;
    };
    const L = limits().maxDepth;
    expect(() => checkTreeSize(chain(L), 'at the limit')).not.toThrow();
    expect(() => checkTreeSize(chain(L + 1), 'past the limit')).toThrow(/past the limit nests operations more than 150 deep/);
  });

  it('refuses a tree whose shared subtrees would print past maxTextLength (2^40 leaves, 41 objects), and accepts 2^15', () => {
    const err = thrown(() => equivalent(doubled(40), parseExpr('x')));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('maxTextLength');
    expect(equivalent(doubled(15), parseExpr('32768*x')).status).toBe('equal');
  });

  it('names the limit in a claim and in an inequality claim (failed with the message), and in the standalone checkers', () => {
    const claim = decideClaim({ id: 'deep', source: 'test', title: 'a deep identity' }, () => [{ label: 'deep', printed: nested(300), derived: nested(300) }]);
    expect(claim.status).toBe('failed');
    expect(claim.message).toMatch(/LimitError: limit maxDepth = 150 exceeded by claim deep deep \(lhs\)/);
    const ineq = decideInequalityClaim({ id: 'deep-ineq', source: 'test', title: 'a deep side' }, () => ({
      inequalities: [{ label: 'deep side', printed: 'x <= deep', lhs: sym('x'), rhs: nested(300), samples: grid({ x: [0.5], y: [0.5] }) }],
    }));
    expect(ineq.status).toBe('failed');
    expect(ineq.message).toMatch(/LimitError: limit maxDepth = 150 exceeded by deep side \(rhs\)/);
    expect(() => checkInequality({ label: 'q', printed: 'q', lhs: sym('x'), rhs: doubled(60), samples: [{ x: 1 }] })).toThrow(/maxTextLength/);
    expect(() => evaluateExpr(nested(400), { x: 1, y: 1 })).toThrow(/maxDepth/);
  });

  it('leaves the engine own large results alone, and follows the limits when they are raised', () => {
    const big = expand(parseExpr('(a + b + c + d + 1)^12'));
    expect(() => checkTreeSize(big, 'an expansion')).not.toThrow();
    const prev = setLimits({ maxDepth: 1000 });
    try {
      expect(() => checkTreeSize(nested(400), 'raised')).not.toThrow();
    } finally {
      setLimits(prev);
    }
  });

  it('refuses a tree too deep for the algebra walks (printing, expansion, differentiation, substitution) with a LimitError, not a stack overflow', () => {
    const deep = nested(20_000);
    const walks: [string, () => unknown][] = [
      ['printing', () => printExpr(deep)],
      ['the normal form', () => expand(deep)],
      ['differentiation', () => partial(deep, 'x')],
      ['substitution', () => substitute(deep, { y: num(2) })],
    ];
    for (const [walk, f] of walks) {
      const err = thrown(f);
      expect(err, walk).toBeInstanceOf(LimitError);
      expect(err!.message).toMatch(/limit maxDepth/);
    }
    // a tree these walks handle stays theirs: 120 levels are printed, expanded and differentiated as before
    const fine = nested(60);
    expect(printExpr(fine).length).toBeGreaterThan(100);
    expect(() => partial(fine, 'x')).not.toThrow();
  });
});

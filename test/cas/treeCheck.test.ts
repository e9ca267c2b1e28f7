/**
 * Expressions built through the API, not parsed, are checked where they enter a verdict or an
 * evaluation: a malformed node is refused naming where it is and what is wrong (never a bare
 * TypeError, never a wrong number); a tree nested past maxDepth, or one whose shared subtrees would
 * print past maxTextLength, is refused with a LimitError naming the limit (equivalent, claims,
 * inequalities, numeric evaluation), never a stack overflow or a hang; trees within the limits and
 * well formed are unaffected.
 */
import { describe, expect, it } from 'vitest';
import {
  Expr,
  LimitError,
  MalformedExpressionError,
  checkTree,
  expand,
  fn,
  limits,
  num,
  parseExpr,
  partial,
  printExpr,
  setLimits,
  substitute,
  sym,
} from '../../src/cas/index.ts';
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
    expect(() => checkTree(chain(L), 'at the limit')).not.toThrow();
    expect(() => checkTree(chain(L + 1), 'past the limit')).toThrow(/past the limit nests operations more than 150 deep/);
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
    expect(() => checkTree(big, 'an expansion')).not.toThrow();
    const prev = setLimits({ maxDepth: 1000 });
    try {
      expect(() => checkTree(nested(400), 'raised')).not.toThrow();
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

describe('malformed expressions built through the API are refused by name, where they enter', () => {
  const x = sym('x');
  const y = sym('y');
  const malformed: [string, unknown, RegExp][] = [
    ['exp with two arguments (evaluated as exp(x) before: a wrong number)', fn('exp', [x, y]), /exp takes one argument, got 2/],
    ['a function without arguments', fn('exp', []), /exp needs its arguments/],
    ['an empty name', sym(''), /a symbol needs a non-empty name/],
    ['an empty sum', { kind: 'add', terms: [] }, /a sum needs terms/],
    ['a power without exponent, inside a sum', { kind: 'add', terms: [x, { kind: 'pow', base: y }] }, /at terms\[1\]: a power needs a base and an exponent/],
    [
      'an unknown kind, deep inside',
      { kind: 'mul', factors: [x, { kind: 'fn', name: 'ln', args: [{ kind: 'neg', of: y }] }] },
      /at factors\[1\]\.args\[0\]: unknown kind "neg"/,
    ],
    ['a rational not in lowest terms', { kind: 'num', value: { p: 2n, q: 4n } }, /2\/4 is not in lowest terms/],
    ['a number held as a float', { kind: 'num', value: 0.5 }, /a number must hold a rational \{p, q\} of bigints/],
    [
      'derivative orders that do not match the arguments',
      { kind: 'fn', name: 'phi', args: [x, y], derivs: [1] },
      /derivative orders of phi must be whole numbers >= 0, one per argument/,
    ],
    ['not an object at all', 'x', /not an expression object/],
  ];

  it('in equivalent(), in numeric evaluation and in an inequality, each with the place and the defect', () => {
    for (const [what, e, why] of malformed) {
      const inEquivalent = thrown(() => equivalent(e as Expr, x));
      // a string side is a text: equivalent reads it (the parser checks texts); the other entries check it
      if (typeof e !== 'string') {
        expect(inEquivalent, what).toBeInstanceOf(MalformedExpressionError);
        expect(inEquivalent!.message, what).toMatch(why);
      }
      const inEvaluation = thrown(() => evaluateExpr(e as Expr, { x: 1, y: 2 }));
      expect(inEvaluation, what).toBeInstanceOf(MalformedExpressionError);
      expect(inEvaluation!.message, what).toMatch(why);
      expect(() => checkInequality({ label: 'q', printed: 'q', lhs: x, rhs: e as Expr, samples: [{ x: 1, y: 2 }] }), what).toThrow(why);
    }
  });

  it('well-formed trees of every kind pass: opaque functions of several arguments, derivatives, rationals', () => {
    const fine: Expr[] = [fn('phi', [x, y], [1, 0]), num(-3, 6), parseExpr('exp(x)*ln(y)^(1/3) + sin(x - y)')];
    for (const e of fine) expect(() => checkTree(e, 'fine')).not.toThrow();
  });

  it('numbers: num() of a fraction or NaN says how to write it; evaluation reads only the values own numbers', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => num(bad)).toThrow(/needs whole numbers, got p = .*: write num\(3, 2\) for 1\.5/);
    expect(() => evaluateExpr(sym('constructor'), { x: 1 })).toThrow(/no value for the symbol constructor/);
    expect(() => evaluateExpr(sym('__proto__'), { x: 1 })).toThrow(/no value for the symbol __proto__/);
    expect(() => evaluateExpr(sym('x'), { x: '2' as unknown as number })).toThrow(/the value of x is not a number \(string "2"\)/);
    expect(() => evaluateExpr(sym('pi'), { pi: '3' as unknown as number })).toThrow(/the value of pi is not a number/);
    expect(evaluateExpr(sym('pi'), {})).toBe(Math.PI);
  });
});

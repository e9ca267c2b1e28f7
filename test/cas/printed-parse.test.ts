/**
 * The witness's reader of printed texts (readPrinted) against mathjs's parser: on every text it
 * reads, it must build mathjs's tree (same nodes, operators, grouping, parentheses and constants);
 * on every text outside the printer's grammar it must decline (undefined), so mathjs reads it.
 */
import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { Expr, add, mul, pow, num, sym, fn, printExpr } from '../../src/cas/index.ts';
import { mathParseExact, parseTree } from '../../src/cas/parse.ts';
import { exactMath } from '../../src/cas/mathjs.ts';
import { equivalent } from '../../src/verify/index.ts';
import { engineExpressions } from '../support/expressions.ts';
import { clearMemos } from '../../src/cas/index.ts';
import { safeNamesFor } from '../../src/cas/safeNames.ts';
import { readPrinted } from '../../src/cas/printedParse.ts';
import { compileText, printedReading, RandomFunctions, Point } from '../../src/cas/witness/index.ts';

interface Shape {
  type: string;
  fn?: string | Shape;
  name?: string;
  value?: string;
  args?: Shape[];
  content?: Shape;
}

/** The parts of a tree the witness reads, as plain data (mathjs's nodes carry methods and more). */
function shape(n: any): Shape {
  switch (n.type) {
    case 'ConstantNode':
      return { type: n.type, value: `${n.value.isBigNumber ? 'big' : typeof n.value}:${n.value.toString()}` };
    case 'SymbolNode':
      return { type: n.type, name: n.name };
    case 'ParenthesisNode':
      return { type: n.type, content: shape(n.content) };
    case 'OperatorNode':
      return { type: n.type, fn: n.fn, args: n.args.map(shape) };
    case 'FunctionNode':
      return { type: n.type, fn: shape(n.fn), args: n.args.map(shape) };
    default:
      return { type: n.type };
  }
}

/** mathjs's tree of a text, or undefined where mathjs refuses it. */
function mathjsShape(text: string): Shape | undefined {
  try {
    return shape(mathParseExact(text));
  } catch {
    return undefined;
  }
}

/** Engine expressions of every kind the printer writes: signs, fractions, big integers, powers, opaque functions and their derivatives. */
const exprArb: fc.Arbitrary<Expr> = engineExpressions({
  names: ['x', 'y', 'eps', 'pi', 'alpha_1'],
  maxNumerator: 10n ** 25n,
  maxDenominator: 10n ** 6n,
  functions: ['exp', 'ln', 'sin', 'sqrt', 'abs'],
  more: (e) => [fc.tuple(e(), e(), fc.constantFrom<number[] | undefined>(undefined, [1, 0], [0, 2])).map(([a, b, d]) => fn('phi', [a, b], d))],
});

describe('readPrinted builds the tree mathjs builds', () => {
  it('on the printed forms of random engine expressions, with safe names (property, 400 runs); it declines none of them', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const text = printExpr(e, safeNamesFor([e]), 'log');
        const mine = readPrinted(text);
        expect(mine, text).toBeDefined();
        expect(shape(mine), text).toEqual(mathjsShape(text));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it("on random strings of the printer's tokens and others, it reads mathjs's tree or declines (property, 2000 runs)", () => {
    const names = ['x', 'f0', 's1', '_x', '$x', 'x_1', 'pi', 'e', 'i', 'Infinity', 'NaN', 'true', 'end', 'π'];
    const numbers = ['2', '10', '123456789012345678901234', '.5', 'e3', '2x'];
    const others = ['+', '-', '*', '/', '^', '(', ')', ', ', ' ', 'mod', 'to', '!', "'", '%', '[1]', '\t', '\n', ';', '=', '<', '.*'];
    const token = fc.constantFrom(...names, ...numbers, ...others);
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        const mine = readPrinted(text);
        if (mine !== undefined) expect(shape(mine), text).toEqual(mathjsShape(text));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("follows mathjs's precedence where a reader could plausibly go wrong", () => {
    for (const text of ['-s1^2', 'a^b^c', 'a/b*c', 'a/b/c', 'a - b - c', '2*-3', '-a*b', 'x^-1', '1/2*x', '-(a + b)^2', 'f0(a, b)^2', '--x', '+x']) {
      expect(shape(readPrinted(text)), text).toEqual(mathjsShape(text));
    }
  });

  it("declines what is outside the printer's grammar (mathjs reads it, with its own rules)", () => {
    for (const text of [
      '2x',
      '2 x',
      '1.5',
      '1e3',
      'a mod b',
      '(a)(b)',
      'f (x)',
      'f(x)(y)',
      'x!',
      "x'",
      'a.b',
      'not x',
      'a and b',
      'x\t+ 1',
      'true',
      '',
      '(',
      'a +',
      'x[1]',
      '3%',
      'f()',
      'Infinity',
      'NaN*x',
      'x = 1',
      'a < b',
    ]) {
      expect(readPrinted(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('parseTree: one tree per text for the engine and the witness', () => {
  it("gives mathjs's tree, from readPrinted where it reads the text and from mathjs where it declines", () => {
    for (const text of ['-x^2 + 1/3*exp(y)', 'f0(a, b)^(-1)', '2x + 1', '0.5*x', 'a mod b']) {
      expect(shape(parseTree(text)), text).toEqual(mathjsShape(text));
    }
    expect((parseTree('2x') as { implicit?: boolean }).implicit).toBe(true); // mathjs's own node, with its flags
  });

  it('the witness evaluates a printed form to its value', () => {
    const e = add(mul(num(-1), pow(sym('x'), num(2))), mul(num(1, 3), fn('exp', [sym('y')])));
    const names = safeNamesFor([e]);
    const env = { point: { get: (n: string) => (n === 'x' ? 1.5 : 0.25) } as unknown as Point, fns: new RandomFunctions(1) };
    const got = compileText(printExpr(e, names, 'log'), printedReading(names))(env);
    expect(got.v).toBeCloseTo(-(1.5 ** 2) + Math.exp(0.25) / 3, 14);
    expect(got.e).toBeLessThan(1e-14);
  });
});

describe('one parse per text', () => {
  it("the engine and the witness share a text's tree; mathjs parses only what readPrinted declines, once", () => {
    clearMemos();
    const spy = vi.spyOn(exactMath, 'parse');
    try {
      const v = equivalent('0.5*x*(y + 1)', 'x*y/2 + x/2');
      expect(v.status).toBe('equal');
      expect(v.checks.map((c) => c.method)).toContain('mathjs-random-points');
      expect(spy.mock.calls.map((c) => c[0])).toEqual(['0.5*x*(y + 1)']); // a decimal point: mathjs's tree, read by both
    } finally {
      spy.mockRestore();
    }
  });
});

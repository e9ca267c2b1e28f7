/**
 * The average of a polynomial read off the normal form (derivativesAtZero) against the
 * derivative-based reading it replaced: the same expressions (same structural keys) on seeded
 * random polynomials with symbolic, radical, exponential and opaque coefficients, under
 * assumptions; the same error where the expression is not a polynomial in the variable.
 */
import { describe, it, expect } from 'vitest';
import { averageOfPolynomial } from '../../src/calculus/generator.ts';
import { expectationOverNoise } from '../../src/calculus/weakOrder.ts';
import {
  Expr,
  add,
  mul,
  num,
  sym,
  pow,
  fn,
  exp,
  sqrt,
  zero,
  partial,
  isZero,
  expand,
  substitute,
  printExpr,
  keyOf,
  seededRandom,
  withAssumptions,
  derivativesAtZero,
} from '../../src/cas/index.ts';

/** The derivative-based average as it was written before derivativesAtZero (the reference). */
function referenceAverage(e: Expr, x: string, moment: (k: number) => Expr, maxDegree = 12): Expr {
  const terms: Expr[] = [];
  let d = expand(e);
  let factorial = 1;
  for (let k = 0; k <= maxDegree; k++) {
    if (isZero(d)) return add(...terms);
    const c = expand(substitute(d, new Map([[x, zero]])));
    if (!isZero(c)) terms.push(mul(c, num(1, factorial), moment(k)));
    d = expand(partial(d, x));
    factorial *= k + 1;
  }
  throw new Error(`${printExpr(e)} is not a polynomial in ${x} of degree <= ${maxDegree}: its average does not close on moments`);
}

const moment = (k: number): Expr => sym(`M${k}`);

/** A seeded random expression: a product of powers of x and y (degree <= maxPow) times coefficients, possibly raised to a power. */
function randomExpr(rand: () => number, maxPow: number, wild: boolean): Expr {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const coefficient = (): Expr =>
    pick([
      () => num(Math.floor(rand() * 19) - 9, 1 + Math.floor(rand() * 4)),
      () => sym('a'),
      () => sqrt(sym('b')),
      () => exp(mul(sym('a'), sym('t'))),
      () => fn('N', [add(sym('V'), mul(sym('theta'), sym('w')))]),
      () => pow(sym('theta'), num(-1)),
      () => (wild ? fn('exp', [sym('x')]) : sym('c')),
      () => (wild ? pow(sym('x'), num(-1)) : num(3, 7)),
      () => (wild ? sqrt(sym('x')) : sym('w')),
    ])();
  const terms = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
    mul(coefficient(), coefficient(), pow(sym('x'), num(Math.floor(rand() * (maxPow + 1)))), pow(sym('y'), num(Math.floor(rand() * 3)))),
  );
  const base = add(...terms);
  return rand() < 0.3 ? pow(base, num(2)) : base;
}

/** The outcome of f: the key of its expression, or its error message. */
const outcome = (f: () => Expr): string => {
  try {
    return keyOf(f());
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
};

describe('averageOfPolynomial read off the normal form', () => {
  it('equals the derivative-based average on seeded random polynomials (and fails the same way elsewhere)', () => {
    const rand = seededRandom(20221);
    let fast = 0;
    for (let i = 0; i < 150; i++) {
      const e = randomExpr(rand, i % 10 === 0 ? 8 : 4, i % 3 === 0);
      const assume = i % 2 === 0 ? { a: 'positive', b: 'positive', theta: 'positive' } : {};
      withAssumptions(assume as never, () => {
        if (derivativesAtZero(e, 'x', 12)) fast++;
        for (const x of ['x', 'y'])
          expect(
            outcome(() => averageOfPolynomial(e, x, moment)),
            `${printExpr(e)} in ${x}`,
          ).toBe(outcome(() => referenceAverage(e, x, moment)));
        expect(outcome(() => averageOfPolynomial(e, 'x', moment, 5))).toBe(outcome(() => referenceAverage(e, 'x', moment, 5)));
      });
    }
    expect(fast).toBeGreaterThan(50); // the fast path is taken (and compared) on most of them
  });

  it('reads off exactly the polynomials of degree below maxDegree with x-free coefficients', () => {
    const x = sym('x');
    expect(derivativesAtZero(pow(x, num(11)), 'x', 12)?.length).toBe(12);
    expect(derivativesAtZero(pow(x, num(12)), 'x', 12)).toBeUndefined();
    expect(() => averageOfPolynomial(pow(x, num(12)), 'x', moment)).toThrow(/not a polynomial in x/);
    expect(derivativesAtZero(exp(x), 'x', 12)).toBeUndefined();
    expect(derivativesAtZero(fn('N', [x]), 'x', 12)).toBeUndefined();
    expect(derivativesAtZero(zero, 'x', 12)).toEqual([]);
    expect(derivativesAtZero(mul(num(3), pow(x, num(2)), sym('a')), 'x', 12)!.map((c) => printExpr(c))).toEqual(['0', '0', '6*a']);
  });

  it('gives the Gaussian moments over two noises as the reference does', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 20; i++) {
      const e = substitute(
        randomExpr(rand, 4, false),
        new Map([
          ['y', sym('xi2')],
          ['x', sym('xi1')],
        ]),
      );
      const gaussian = (k: number): Expr => (k % 2 === 1 ? zero : num([1, 1, 3, 15, 105][k / 2]));
      const reference = ['xi1', 'xi2'].reduce((acc, xi) => expand(referenceAverage(acc, xi, gaussian)), expand(e));
      expect(keyOf(expectationOverNoise(e, ['xi1', 'xi2']))).toBe(keyOf(reference));
    }
  });
});

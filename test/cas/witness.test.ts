/**
 * The numeric witness: its error bounds contain the exact value (checked against 60-digit
 * BigNumber evaluation by mathjs on random expressions), it samples the declared domain, and it
 * reads the user's text itself, so a wrong conversion of that text shows up as a disagreement.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { create, all } from 'mathjs';
import { parseExpr } from '../../src/cas/index.ts';
import { compileText, numericWitness, Point, DomainError, RandomFunctions } from '../../src/cas/witness/index.ts';
import { checkRanges } from '../../src/cas/witness/domain.ts';

const big = create(all, { number: 'BigNumber', precision: 60 });

/** Random expression texts over positive x, y (so every value is a real number). */
const leaf = fc.oneof(fc.constantFrom('x', 'y', '0.1', '3', '1/7', '2.5e-3'), fc.integer({ min: -9, max: 9 }).map(String));
const exprText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 4 },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} * ${b})`),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 5 })).map(([a, k]) => `(${a})^${k}`),
    tie('e').map((a) => `exp(${a}/10)`),
    tie('e').map((a) => `sin(${a})`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `ln(2 + (${a})^2)`),
  ),
})).e;

describe('Bounded evaluation', () => {
  it('the error bound contains the 60-digit value (property, 300 random expressions at 3 points each)', () => {
    const fns = new RandomFunctions(1);
    fc.assert(
      fc.property(exprText, fc.double({ min: 0.2, max: 2.2, noNaN: true }), fc.double({ min: 0.2, max: 2.2, noNaN: true }), (text, x, y) => {
        const got = compileText(text)({ point: { get: (n: string) => (n === 'x' ? x : y) } as unknown as Point, fns });
        const exact = Number(big.evaluate(text.replaceAll('ln(', 'log('), { x: big.bignumber(x), y: big.bignumber(y) }).toString());
        if (!Number.isFinite(got.v) || !Number.isFinite(exact)) return; // overflow: nothing to compare
        expect(Math.abs(got.v - exact)).toBeLessThanOrEqual(got.e + 1e-300);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('would notice a bound that is too small: dividing the bounds by 1e6 breaks the property', () => {
    const fns = new RandomFunctions(1);
    const failures = fc.sample(fc.tuple(exprText, fc.double({ min: 0.2, max: 2.2, noNaN: true })), { seed: 3, numRuns: 300 }).filter(([text, x]) => {
      const got = compileText(text)({ point: { get: () => x } as unknown as Point, fns });
      const exact = Number(big.evaluate(text.replaceAll('ln(', 'log('), { x: big.bignumber(x), y: big.bignumber(x) }).toString());
      return Number.isFinite(got.v) && Math.abs(got.v - exact) > got.e / 1e6;
    });
    expect(failures.length).toBeGreaterThan(10);
  });
});

describe('the declared domain', () => {
  const values = (assumptions: Record<string, string>, name: string, ranges?: Record<string, [number, number]>) =>
    Array.from({ length: 60 }, (_, k) => new Point(1, k, { assumptions: assumptions as never, ranges }).get(name));

  it('real symbols take negative values, positive ones never, integers are integers, ranges are kept', () => {
    expect(Math.min(...values({}, 'x'))).toBeLessThan(0);
    expect(Math.max(...values({}, 'x'))).toBeGreaterThan(0);
    expect(Math.min(...values({ x: 'positive' }, 'x'))).toBeGreaterThan(0);
    expect(Math.max(...values({ x: 'negative' }, 'x'))).toBeLessThan(0);
    expect(values({ n: 'integer' }, 'n').every(Number.isInteger)).toBe(true);
    expect(values({}, 'x', { x: [-2, -1] }).every((v) => v >= -2 && v <= -1)).toBe(true);
  });

  it('refuses a range outside the declared kind, or malformed', () => {
    expect(() => checkRanges({ assumptions: { x: 'positive' }, ranges: { x: [-2, -1] } })).toThrow(DomainError);
    expect(() => checkRanges({ assumptions: {}, ranges: { x: [2, 1] } })).toThrow(/lo <= hi/);
    expect(() => checkRanges({ assumptions: {}, ranges: { x: [0, Infinity] } })).toThrow(/finite/);
  });
});

describe('the witness reads the text itself', () => {
  it('a conversion that changed the text (x + 1 read as x + 2) is seen by the witness, not by a method that shares the tree', () => {
    const wrong = parseExpr('x + 2');
    const r = numericWitness({ expr: wrong, text: 'x + 1' }, { expr: parseExpr('x + 2') }, { assumptions: {} });
    expect(r.result).toBe('different');
    expect(r.readings.lhs).toBe('its text');
    expect(r.readings.rhs).toMatch(/its text|printed/);
  });

  it('a non-real value inside the domain is reported as a finding, not dropped', () => {
    const r = numericWitness({ expr: parseExpr('ln(x)') }, { expr: parseExpr('ln(x)') }, { assumptions: {} });
    expect(r.result).toBe('unknown');
    expect(r.findings[0]).toMatch(/not a real number at \{"x":-/);
    expect(numericWitness({ expr: parseExpr('ln(x)') }, { expr: parseExpr('ln(x)') }, { assumptions: { x: 'positive' } }).result).toBe('equal');
  });
});

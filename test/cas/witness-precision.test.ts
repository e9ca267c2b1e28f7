/**
 * The witness cannot be blinded silently: its float bounds and its decimal intervals contain the
 * 60-digit value (powers, huge and tiny magnitudes included), points where floats overflow or
 * cancel are decided in decimals, and a side that is not a real number is a finding whatever the
 * size of the other side.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { create, all } from 'mathjs';
import { equivalent } from '../../src/verify/equivalent.ts';
import { compileText, Point, RandomFunctions } from '../../src/cas/witness/index.ts';
import { compileTextIn } from '../../src/cas/witness/compile.ts';
import { preciseArith } from '../../src/cas/witness/arith.ts';
import type { Interval } from '../../src/cas/witness/precise.ts';

const fresh = () => create(all, { number: 'BigNumber', precision: 60 });
let big = fresh();
const fns = new RandomFunctions(1);
const at = (x: number, y: number) => ({ point: { get: (n: string) => (n === 'x' ? x : y) } as unknown as Point, fns });
/** A float's own value as a decimal string (to 100 digits; String(v) is only the shortest string that rounds to it). */
const exactly = (v: number) => v.toPrecision(100);

/** The 60-digit value (decimal.js through mathjs), or NaN where decimal.js gives up (sin of 1e2000: its instance is then replaced, as such a throw leaves its precision changed). */
function reference(text: string, x: number, y: number, exactPoint = false): Decimal {
  const coordinate = (v: number) => big.bignumber(exactPoint ? exactly(v) : String(v));
  try {
    return new Decimal(big.evaluate(text.replaceAll('ln(', 'log('), { x: coordinate(x), y: coordinate(y) }).toString());
  } catch {
    big = fresh();
    return new Decimal(Number.NaN);
  }
}

/** Random texts over positive x, y with powers (integer, fractional, huge exponents), huge and tiny magnitudes. */
const leaf = fc.oneof(fc.constantFrom('x', 'y', '0.1', '3', '1/7', '2.5e-3', '1e-200', '7e150'), fc.integer({ min: -9, max: 9 }).map(String));
const exprText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 4 },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} * ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} / (1 + (${b})^2))`),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 7 })).map(([a, k]) => `(${a})^${k}`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(1 + (${a})^2)^(${b}/3)`),
    tie('e').map((a) => `exp(${a}/10)`),
    tie('e').map((a) => `exp(300 + ${a})`),
    tie('e').map((a) => `sin(${a})`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `ln(2 + (${a})^2)`),
  ),
})).e;
const coord = fc.double({ min: 0.2, max: 2.2, noNaN: true });

/** |value - exact| within the float bound divided by `shrink`; undefined when the float could not evaluate. */
function floatHolds(text: string, x: number, y: number, shrink = 1): boolean | undefined {
  const got = compileText(text)(at(x, y));
  if (!Number.isFinite(got.v) || !Number.isFinite(got.e)) return undefined;
  const exact = reference(text, x, y, true);
  if (!exact.isFinite() || exact.abs().gt(1e300)) return undefined;
  return exact
    .minus(exactly(got.v))
    .abs()
    .lte(new Decimal(exactly(got.e)).div(shrink).plus(1e-320));
}

/** The 60-digit value inside the 34-digit interval shrunk about its midpoint by `shrink`; undefined when unresolved. */
function preciseHolds(text: string, x: number, y: number, shrink = 1): boolean | undefined {
  const r = compileTextIn(text, {}, preciseArith(34))(at(x, y) as never) as Interval;
  if (r.kind !== 'real') return undefined;
  const exact = reference(text, x, y);
  if (!exact.isFinite()) return undefined;
  const mid = r.lo.plus(r.hi).div(2);
  const half = r.hi.minus(r.lo).div(2).div(shrink);
  return exact.gte(mid.minus(half)) && exact.lte(mid.plus(half));
}

describe('bounds against 60-digit values', () => {
  it('float bounds contain the exact value (400 random expressions with powers and extreme magnitudes)', () => {
    let checked = 0;
    fc.assert(
      fc.property(exprText, coord, coord, (text, x, y) => {
        const ok = floatHolds(text, x, y);
        if (ok === undefined) return;
        checked++;
        expect(ok, text).toBe(true);
      }),
      { seed: 7, numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it('decimal intervals at 34 digits contain the exact value, also where floats overflow', () => {
    let beyondFloats = 0;
    fc.assert(
      fc.property(exprText, coord, coord, (text, x, y) => {
        const ok = preciseHolds(text, x, y);
        if (ok === undefined) return;
        if (!Number.isFinite(compileText(text)(at(x, y)).v)) beyondFloats++;
        expect(ok, text).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(beyondFloats).toBeGreaterThan(0);
  });

  it('would notice bounds that are too small: shrinking either by 1e6 breaks the property', () => {
    const cases = fc.sample(fc.tuple(exprText, coord, coord), { seed: 3, numRuns: 300 });
    expect(cases.filter(([t, x, y]) => floatHolds(t, x, y, 1e6) === false).length).toBeGreaterThan(10);
    expect(cases.filter(([t, x, y]) => preciseHolds(t, x, y, 1e6) === false).length).toBeGreaterThan(10);
  });

  it('an exponent computed with cancellation is decided in decimals: 10^((1e17 + 3) - 1e17) is 1000', () => {
    for (const [l, r] of [
      ['10^((1e17 + 3) - 1e17)', '1000'],
      ['(-8)^((1e17 + 1) - 1e17)', '-8'],
      ['x^((1e17 + 1/2) - 1e17)', 'sqrt(x)'],
      ['2^((1e20 + 10) - 1e20)', '1024'],
    ])
      expect(equivalent(l, r, { assume: { x: 'positive' } }).status, `${l} vs ${r}`).toBe('equal');
    // and a wrong value behind the same cancellation is seen
    expect(equivalent('10^((1e17 + 3) - 1e17)', '1001').status).toBe('different');
  });
});

describe('overflow, underflow and cancellation do not blind the witness', () => {
  const witnessOf = (l: string, r: string, assume: Record<string, string>) =>
    equivalent(l, r, { assume: assume as never }).checks.find((c) => c.method === 'mathjs-random-points')!;

  it.each([
    ['exp(10000/T)*sqrt(x)^2', 'exp(10000/T)*x', { T: 'positive' }],
    ['exp(1000)*exp(ln(x))', 'exp(1000)*x', {}],
    ['exp(50000/(8.314*T))*x^(1/3)*x^(2/3)', 'exp(50000/(8.314*T))*x', { T: 'positive' }],
    ['sqrt(x - 1)^2*exp(900)', '(x - 1)*exp(900)', {}],
    ['exp(-2000)*ln(x)^0*y', 'exp(-2000)*y', {}],
    ['1e-300*1e-300*sqrt(x)^2', '1e-600*x', {}],
  ])('%s vs %s is not equal: one side is not a real number at some points, whatever the size of the other', (l, r, assume) => {
    const v = equivalent(l, r, { assume: assume as never });
    expect(v.status).not.toBe('equal');
    expect(witnessOf(l, r, assume).result).toBe('different');
    expect(witnessOf(l, r, assume).detail).toMatch(/defined on one side only/);
  });

  it.each([
    ['exp(800)*(x + 1) - exp(800)*x', 'exp(800)', {}],
    ['exp(710)*x/exp(709)', 'e*x', {}],
    ['ln(exp(1000)*x)', '1000 + ln(x)', { x: 'positive' }],
    ['exp(10000/T)*x^(1/3)*x^(2/3)', 'exp(10000/T)*x', { T: 'positive', x: 'positive' }],
  ])('%s vs %s is equal, decided in decimal intervals', (l, r, assume) => {
    expect(equivalent(l, r, { assume: assume as never }).status).toBe('equal');
    const w = witnessOf(l, r, assume);
    expect(w.result).toBe('equal');
    expect(w.detail).toMatch(/decided in decimal intervals/);
  });

  it.each([
    ['exp(-800)*x', '0'],
    ['exp(1000)*(x + 1e-25)', 'exp(1000)*x'],
    ['1e-400', '0'],
    ['exp(-1000)', 'exp(-1001)'],
  ])('%s vs %s: a difference hidden from floats is seen in decimals', (l, r) => {
    expect(equivalent(l, r).status).toBe('different');
    expect(witnessOf(l, r, {}).result).toBe('different');
  });
});

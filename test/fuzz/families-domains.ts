/**
 * Fuzz families for the classes of issue 18 about domains (part 1): even roots, ln and divisors
 * (identically zero ones included), residuals that are zero but do not look it, overflowing
 * factors, and ranges. Each family makes true and false pairs; the truth comes from the
 * construction: an argument is drawn from a class whose sign is known (positive everywhere, or
 * negative on a half-space or a comparable share of every box), so whether a rule's hypothesis
 * holds is known without evaluating anything. The reference evaluator (reference.ts) checks
 * these labels in the test.
 */
import fc from 'fast-check';
import { G, S, N, add, mul, pow, call, neg, polynomial } from './expressions.ts';
import type { HostileCase } from './hostile.ts';

/** Real symbols x, y, z; positive symbols p, q, r (and T, a temperature). */
export const DECLARED = { p: 'positive', q: 'positive', r: 'positive', T: 'positive' } as const;
const x = S('x');
const y = S('y');
const p = S('p');
const q = S('q');
const inv = (g: G) => pow(g, -1);

/** Expressions positive on the whole declared domain. */
export const positiveForm: fc.Arbitrary<G> = fc.constantFrom<G>(
  p,
  mul(p, q),
  add(pow(x, 2), N(1)),
  call('exp', x),
  add(p, q),
  add(pow(x, 2), p),
  mul(N(3), p, add(pow(y, 2), N('0.5'))),
);

/** Expressions negative on a large share of the declared domain (so a rule that needs them positive is false). */
export const signChanging: fc.Arbitrary<G> = fc.constantFrom<G>(x, mul(x, p), add(x, neg(p)), add(x, y), add(pow(x, 3), neg(p)), call('sin', x), add(y, N(-1)));

/** Expressions that are zero everywhere but not syntactically (each a true identity minus its other side). */
export const zeroForm: fc.Arbitrary<G> = fc
  .tuple(fc.constantFrom<G>(x, y, p, add(x, p), mul(N(2), y)), fc.integer({ min: 0, max: 4 }))
  .map(
    ([u, k]) =>
      [
        add(call('cos', mul(N(2), u)), mul(N(2), pow(call('sin', u), 2)), N(-1)),
        add(pow(add(u, N(1)), 2), neg(pow(u, 2)), mul(N(-2), u), N(-1)),
        add(pow(call('sin', u), 2), pow(call('cos', u), 2), N(-1)),
        add(mul(call('exp', u), call('exp', neg(u))), N(-1)),
        add(call('ln', call('exp', u)), neg(u)),
      ][k],
  );

type Pair = [G, G, 'equal' | 'different'];
const signed = fc.oneof(
  positiveForm.map((u) => [u, true] as const),
  signChanging.map((u) => [u, false] as const),
);

/** Rules that need a positive (or nonnegative) argument, applied to an argument whose sign is known. */
const domainRules: fc.Arbitrary<[string, Pair]> = fc.tuple(signed, signed, fc.integer({ min: 0, max: 6 })).map(([[u, up], [w, wp], k]): [string, Pair] => {
  const truth = up ? 'equal' : 'different';
  const both = up && wp ? 'equal' : !up && !wp ? 'different' : undefined;
  const rules: [string, Pair][] = [
    ['domains: square of an even root', [pow(call('sqrt', u), 2), u, truth]],
    ['domains: fourth power of a fourth root', [pow(pow(u, N('0.25')), 4), u, truth]],
    ['domains: root times root', [mul(call('sqrt', u), call('sqrt', u)), u, truth]],
    ['domains: exp of ln', [call('exp', call('ln', u)), u, truth]],
    ['domains: ln of a square', [call('ln', pow(u, 2)), mul(N(2), call('ln', u)), truth]],
    ['domains: sqrt of a square', [call('sqrt', pow(u, 2)), u, truth]],
    // ln(u w) = ln u + ln w: true when both are positive, false when both can be negative together
    both
      ? ['domains: ln of a product', [call('ln', mul(u, w)), add(call('ln', u), call('ln', w)), both]]
      : ['domains: exp of ln', [call('exp', call('ln', u)), u, truth]],
  ];
  return rules[k];
});

/** Divisors: an identically zero one leaves nothing defined (different); a divisor zero on a set of measure zero cancels (equal). */
const divisors: fc.Arbitrary<[string, Pair]> = fc
  .tuple(
    zeroForm,
    fc.constantFrom<G>(x, add(x, y), mul(p, y), N(3)),
    fc.constantFrom<G>(add(x, neg(p)), add(x, y, N(1)), add(pow(x, 2), N(-2))),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([z, a, d, k]): [string, Pair] => {
    const rules: [string, Pair][] = [
      ['domains: identically zero divisor', [mul(a, z, inv(z)), a, 'different']],
      ['domains: identically zero divisor', [add(a, mul(z, inv(z))), add(a, N(1)), 'different']],
      ['domains: removable divisor', [mul(a, d, inv(d)), a, 'equal']],
      ['domains: removable divisor', [mul(add(pow(x, 2), neg(pow(p, 2))), inv(add(x, neg(p)))), add(x, p), 'equal']],
      ['domains: removable divisor, wrong quotient', [mul(add(pow(x, 2), neg(pow(p, 2))), inv(add(x, neg(p)))), add(x, neg(p)), 'different']],
    ];
    return rules[k];
  });

/** Residuals that are zero without looking it: one term, a function of an identically zero sum (issue 18 item 9). */
const hiddenZeros: fc.Arbitrary<[string, Pair]> = fc.tuple(zeroForm, fc.integer({ min: 0, max: 5 })).map(([z, k]): [string, Pair] => {
  const rules: [string, Pair][] = [
    ['hidden zero: ln(1 + Z) = 0', [call('ln', add(N(1), z)), N(0), 'equal']],
    ['hidden zero: exp(Z) = 1', [call('exp', z), N(1), 'equal']],
    ['hidden zero: (1 + Z)^3 = 1', [pow(add(N(1), z), 3), N(1), 'equal']],
    ['hidden zero: sqrt(1 + Z) = 1', [call('sqrt', add(N(1), z)), N(1), 'equal']],
    ['hidden zero: ln(2 + Z) = 0 (false)', [call('ln', add(N(2), z)), N(0), 'different']],
    ['hidden zero: exp(Z) = 1 + 1e-12 (false)', [call('exp', z), N('1.000000000001'), 'different']],
  ];
  return rules[k];
});

/** Factors that overflow floats: exp(10000/T), exp(1000), an Arrhenius factor, 10^400. */
const bigFactor: fc.Arbitrary<G> = fc.constantFrom<G>(
  call('exp', mul(N(10000), inv(S('T')))),
  call('exp', N(1000)),
  call('exp', mul(N(50000), inv(mul(N('8.314'), S('T'))))),
  pow(N(10), 400),
  mul(call('exp', N(700)), call('exp', N(700))),
);

/** A true or false identity behind a factor no float can hold. */
const overflow: fc.Arbitrary<[string, Pair]> = fc
  .tuple(bigFactor, signed, polynomial, fc.integer({ min: 0, max: 5 }))
  .map(([K, [u, up], a, k]): [string, Pair] => {
    const rules: [string, Pair][] = [
      ['overflow: root squared behind a large factor', [mul(K, pow(call('sqrt', u), 2)), mul(K, u), up ? 'equal' : 'different']],
      ['overflow: exp of ln behind a large factor', [mul(K, call('exp', call('ln', u))), mul(K, u), up ? 'equal' : 'different']],
      ['overflow: cube roots of a positive number', [mul(K, pow(p, mul(N(1), inv(N(3)))), pow(p, mul(N(2), inv(N(3))))), mul(K, p), 'equal']],
      ['overflow: expansion behind a large factor', [mul(K, pow(add(a, x), 2)), mul(K, add(pow(a, 2), mul(N(2), a, x), pow(x, 2))), 'equal']],
      ['overflow: tiny relative difference', [mul(K, add(a, N(1))), mul(K, add(a, N('1.00000000000000000001'))), 'different']],
      ['overflow: large minus large', [add(K, x, neg(K)), x, 'equal']],
    ];
    return rules[k];
  });

/** Cases in which ranges narrow the domain (truth on the range), or cross a declared sign (refused). */
const ranges: fc.Arbitrary<HostileCase> = fc
  .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 1.5, max: 4, noNaN: true }), fc.integer({ min: 0, max: 8 }))
  .map(([lo0, hi0, k]) => {
    const lo = Number(lo0.toFixed(3));
    const hi = Number(hi0.toFixed(3));
    const mk = (
      family: string,
      l: G,
      r: G,
      truth: HostileCase['truth'],
      rs: Record<string, [number, number]>,
      assume: Record<string, string> = {},
    ): HostileCase => ({
      family,
      l,
      r,
      truth,
      assume,
      ranges: rs,
    });
    const cases: HostileCase[] = [
      mk('ranges: power of a power on a positive range', pow(pow(x, S('a')), S('b')), pow(x, mul(S('a'), S('b'))), 'equal', { x: [lo, hi] }),
      mk('ranges: sqrt of a square, positive range', call('sqrt', pow(x, 2)), x, 'equal', { x: [lo, hi] }),
      mk('ranges: sqrt of a square, negative range', call('sqrt', pow(x, 2)), neg(x), 'equal', { x: [-hi, -lo] }),
      mk('ranges: sqrt of a square, negative range (false)', call('sqrt', pow(x, 2)), x, 'different', { x: [-hi, -lo] }),
      mk('ranges: sqrt of a square across 0 (false)', call('sqrt', pow(x, 2)), x, 'different', { x: [-hi, lo] }),
      mk('ranges: ln of a product on positive ranges', call('ln', mul(x, y)), add(call('ln', x), call('ln', y)), 'equal', { x: [lo, hi], y: [lo, hi] }),
      mk('ranges: a narrow range still separates x^2 from x', pow(x, 2), x, 'different', { x: [1 - lo / 1000, 1 + lo / 1000] }),
      mk('ranges: a range crossing a declared sign is refused', add(x, N(1)), add(N(1), x), 'refused', { x: [-lo, hi] }, { x: 'positive' }),
      mk('ranges: a range crossing a declared sign is refused', add(x, N(1)), add(N(1), x), 'refused', { x: [-lo, hi] }, { x: 'nonzero' }),
    ];
    return cases[k];
  });

const pairCase = ([family, [l, r, truth]]: [string, Pair]): HostileCase => ({
  family,
  l,
  r,
  truth,
  assume: DECLARED,
  ...(family.includes('identically zero divisor') ? { refusable: true } : {}),
});

/** The families of this file, by class. */
export const DOMAIN_FAMILIES: Record<string, fc.Arbitrary<HostileCase>> = {
  domains: fc.oneof(domainRules, divisors).map(pairCase),
  'hidden zero': hiddenZeros.map(pairCase),
  overflow: overflow.map(pairCase),
  ranges,
};

/**
 * Families of expression pairs whose truth is known by construction. Equal pairs come from valid
 * rewrites (expansion, exp/ln/power rules under the assumptions that make them true, the chain
 * rule, trigonometric identities, exact decimals); different pairs from small perturbations (a
 * nonzero term added, a coefficient changed, an exponent off by one, a rule applied without its
 * hypothesis, a wrong chain-rule factor). Substituting the same expression for a symbol on both
 * sides keeps the truth, so families compose.
 */
import fc from 'fast-check';
import type { Assumptions } from '../../src/index.ts';
import { G, S, N, add, mul, pow, call, neg, text, subst, diff, REAL, POSITIVE, smooth, polynomial, monomial, coefficient } from './expressions.ts';

/** One generated case. */
export interface Case {
  readonly family: string;
  /** The left side is d/dx of this text, computed by the engine (the chain-rule families). */
  readonly differentiate?: string;
  readonly lhs: string;
  readonly rhs: string;
  readonly assume: Assumptions;
  /** `refused`: the call must throw a clear error (a range crossing a declared sign, a reserved name declared). */
  readonly truth: 'equal' | 'different' | 'refused';
  /** Ranges narrowing the domain (hostile.ts). */
  readonly ranges?: Readonly<Record<string, [number, number]>>;
  /** A refusal (a clear error) is also a right outcome (an expression defined nowhere, such as x*Z/Z with Z identically zero). */
  readonly refusable?: boolean;
  /** Function names used as opaque functions (hostile.ts). */
  readonly opaque?: readonly string[];
}

const positive: Assumptions = Object.fromEntries(POSITIVE.map((p) => [p, 'positive']));
const make = (family: string, l: G, r: G, truth: Case['truth'], assume: Assumptions = positive): Case =>
  l.t === 'fn' && l.f === 'DIFF_X'
    ? { family, differentiate: 'x', lhs: text(l.xs[0]), rhs: text(r), assume, truth }
    : { family, lhs: text(l), rhs: text(r), assume, truth };
const posSym = fc.constantFrom(...POSITIVE).map(S);
const realSym = fc.constantFrom(...REAL).map(S);

/** A polynomial that depends on x through k x^j, j = 2 or 3, and on nothing else in x (its other terms are made x-free, so nothing cancels the x-term). */
const inX = fc
  .tuple(polynomial, fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 5 }))
  .map(([u, j, k]) => add(subst(u, 'x', S('y')), mul(N(k), pow(S('x'), j))));

/** Identities that hold for every real value of the real symbols (positive symbols declared). */
const equalPairs: fc.Arbitrary<[string, G, G]>[] = [
  fc.tuple(smooth, smooth, smooth).map(([a, b, c]) => ['distribute', mul(a, add(b, c)), add(mul(a, b), mul(a, c))]),
  fc.tuple(smooth, smooth).map(([a, b]) => ['square', pow(add(a, b), 2), add(pow(a, 2), mul(N(2), a, b), pow(b, 2))]),
  fc.tuple(smooth, smooth).map(([a, b]) => ['cube', pow(add(a, b), 3), add(pow(a, 3), mul(N(3), pow(a, 2), b), mul(N(3), a, pow(b, 2)), pow(b, 3))]),
  fc.tuple(smooth, smooth).map(([a, b]) => ['difference of squares', mul(add(a, neg(b)), add(a, b)), add(pow(a, 2), neg(pow(b, 2)))]),
  fc.tuple(polynomial, polynomial).map(([a, b]) => ['exp of a sum', mul(call('exp', a), call('exp', b)), call('exp', add(a, b))]),
  fc.tuple(polynomial, fc.integer({ min: 2, max: 4 })).map(([a, k]) => ['exp power', pow(call('exp', a), k), call('exp', mul(N(k), a))]),
  polynomial.map((a) => ['e^x', pow(S('e'), a), call('exp', a)]),
  fc.tuple(posSym, posSym).map(([p, q]) => ['ln of a product', call('ln', mul(p, q)), add(call('ln', p), call('ln', q))]),
  fc.tuple(posSym, fc.integer({ min: 2, max: 5 })).map(([p, k]) => ['ln of a power', call('ln', pow(p, k)), mul(N(k), call('ln', p))]),
  smooth.map((a) => ['ln of exp', call('ln', call('exp', a)), a]),
  posSym.map((p) => ['sqrt of a square', call('sqrt', pow(p, 2)), p]),
  realSym.map((x) => ['sqrt of a fourth power', call('sqrt', pow(x, 4)), pow(x, 2)]),
  fc.tuple(posSym, realSym, realSym).map(([p, a, b]) => ['power of a power', pow(pow(p, a), b), pow(p, mul(a, b))]),
  fc.tuple(posSym, posSym).map(([p, q]) => ['sqrt of a product', call('sqrt', mul(p, q)), mul(call('sqrt', p), call('sqrt', q))]),
  fc
    .tuple(posSym, fc.integer({ min: 2, max: 7 }))
    .map(([p, k]) => ['sqrt with a constant', call('sqrt', mul(N(k), p)), mul(call('sqrt', N(k)), call('sqrt', p))]),
  smooth.map((a) => ['sin^2 + cos^2', add(pow(call('sin', a), 2), pow(call('cos', a), 2)), N(1)]),
  smooth.map((a) => ['cos is even', call('cos', neg(a)), call('cos', a)]),
  smooth.map((a) => ['sin is odd', call('sin', neg(a)), neg(call('sin', a))]),
  fc.tuple(smooth, monomial).map(([a, m]) => ['cancel a factor', mul(a, m, pow(m, -1)), a]),
  fc.tuple(monomial, monomial).map(([a, b]) => ['add fractions', add(pow(a, -1), pow(b, -1)), mul(add(a, b), pow(mul(a, b), -1))]),
  inX.map((u) => ['chain rule', diffOf(call('f', u)), mul(call('f__d1', u), diff(u, 'x'))]),
  fc
    .tuple(inX, inX)
    .map(([u, w]) => [
      'product rule',
      diffOf(mul(call('f', u), call('g', w))),
      add(mul(call('f__d1', u), diff(u, 'x'), call('g', w)), mul(call('f', u), call('g__d1', w), diff(w, 'x'))),
    ]),
  fc
    .constantFrom<[string, string]>(
      ['0.1 + 0.2', '0.3'],
      ['1/3 + 1/6', '0.5'],
      ['123456789012345678901 + 1', '123456789012345678902'],
      ['1e-400*10^400', '1'],
      ['2.5e3', '2500'],
    )
    .map(([a, b]) => ['exact decimals', { t: 'sym', n: `(${a})` } as G, { t: 'sym', n: `(${b})` } as G]),
];

/** d/dx written by the differentiation operator of the public API's text form: the engine differentiates. */
function diffOf(g: G): G {
  return { t: 'fn', f: 'DIFF_X', xs: [g] };
}

/** A nonzero expression to add to one side (a monomial, a constant, exp of something, a positive root). */
const nonzero: fc.Arbitrary<G> = fc.oneof(
  monomial,
  coefficient,
  fc.tuple(coefficient, polynomial).map(([c, a]) => mul(c, call('exp', a))),
  fc.tuple(coefficient, posSym).map(([c, p]) => mul(c, call('sqrt', p))),
);

/** Perturbations of an equal pair into a pair that is false (on the declared domain). */
function perturbations(name: string, l: G, r: G): fc.Arbitrary<Case>[] {
  return [nonzero.map((d) => make(`${name} + a nonzero term`, l, add(r, d), 'different'))];
}

/** Rules applied without their hypothesis: the symbols are real (the identity fails for negative values). */
const withoutHypothesis: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(realSym, realSym).map(([a, b]) => make('ln of a product, real symbols', call('ln', mul(a, b)), add(call('ln', a), call('ln', b)), 'different', {})),
  realSym.map((a) => make('ln of a square, real symbol', call('ln', pow(a, 2)), mul(N(2), call('ln', a)), 'different', {})),
  realSym.map((a) => make('sqrt of a square, real symbol', call('sqrt', pow(a, 2)), a, 'different', {})),
  fc
    .tuple(realSym, realSym)
    .map(([a, b]) => make('sqrt of a product, real symbols', call('sqrt', mul(a, b)), mul(call('sqrt', a), call('sqrt', b)), 'different', {})),
  fc.tuple(realSym, posSym).map(([a, b]) => make('power of a power, real base', pow(pow(a, N(2)), mul(N('0.5'), b)), pow(a, b), 'different', {})),
  polynomial.map((a) => make('ln of f squared', call('ln', pow(call('f', a), 2)), mul(N(2), call('ln', call('f', a))), 'different', {})),
);

/** Structured mistakes: a coefficient, an exponent, a chain-rule factor. */
const mistakes: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(smooth, smooth).map(([a, b]) => make('square, wrong middle coefficient', pow(add(a, b), 2), add(pow(a, 2), mul(a, b), pow(b, 2)), 'different')),
  fc.tuple(monomial, fc.integer({ min: 2, max: 4 })).map(([a, k]) => make('exponent off by one', pow(a, k), pow(a, k + 1), 'different')),
  fc
    .tuple(posSym, fc.integer({ min: 2, max: 7 }))
    .map(([p, k]) => make('wrong factor under a root', call('sqrt', mul(N(k), p)), mul(call('sqrt', N(k + 1)), call('sqrt', p)), 'different')),
  inX.map((u) => make('chain rule without the inner derivative', diffOf(call('f', u)), call('f__d1', u), 'different')),
  inX.map((u) => make('chain rule, doubled factor', diffOf(call('f', u)), mul(N(2), call('f__d1', u), diff(u, 'x')), 'different')),
  inX.map((u) => make('chain rule, wrong derivative order', diffOf(call('f', u)), mul(call('f__d2', u), diff(u, 'x')), 'different')),
);

/** Every family, equal and different, with a substitution applied to both sides now and then. */
export const cases: fc.Arbitrary<Case> = fc.oneof(
  ...equalPairs.map((arb) =>
    fc.tuple(arb, fc.option(polynomial, { freq: 4 })).chain(([[name, l, r], by]) => {
      const [L, R] = by && !name.startsWith('exact') && !name.includes('rule') ? [subst(l, 'x', by), subst(r, 'x', by)] : [l, r];
      return fc.oneof(fc.constant(make(name, L, R, 'equal')), ...perturbations(name, L, R));
    }),
  ),
  withoutHypothesis,
  mistakes,
);

/** The opaque functions the cases use, with their arity (derivative markers are understood). */
export const FUNCTIONS = { f: 1, g: 1 };
export { S };

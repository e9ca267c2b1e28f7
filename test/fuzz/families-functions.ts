/**
 * Fuzz families for the classes of issue 18 about functions and names (part 2): the registry's
 * special functions (tan, sinh, cosh, tanh, erf, erfc, abs, sign) with their identities and
 * near-misses, deep nesting of opaque functions, symbols and functions named like the methods'
 * internal names (q0x, d0x, t__root, N__d5), the reserved names e, pi, i, and radicals of integers
 * with large prime factors. Truth by construction (a known identity, or one with a deliberate
 * mistake; the argument's sign class where the identity needs it).
 */
import fc from 'fast-check';
import { G, S, N, add, mul, pow, call, neg, polynomial } from './expressions.ts';
import { positiveForm, signChanging, DECLARED } from './families-domains.ts';
import type { HostileCase } from './hostile.ts';

const x = S('x');
const y = S('y');
const inv = (g: G) => pow(g, -1);
const half = N('0.5');
type Pair = [G, G, 'equal' | 'different'];
const arg = fc.oneof(polynomial, fc.constantFrom<G>(x, y, S('p'), add(x, S('p'))));

/** Identities of the registry's functions (true) and their near-misses (false). */
const special: fc.Arbitrary<[string, Pair]> = fc
  .tuple(
    arg,
    arg,
    fc.oneof(
      positiveForm.map((u) => [u, true] as const),
      signChanging.map((u) => [u, false] as const),
    ),
    fc.integer({ min: 0, max: 21 }),
  )
  .map(([u, w, [s, positive], k]): [string, Pair] => {
    const e = (a: G) => call('exp', a);
    const rules: [string, Pair][] = [
      ['special: tan = sin/cos', [call('tan', u), mul(call('sin', u), inv(call('cos', u))), 'equal']],
      ['special: tan = cos/sin (false)', [call('tan', u), mul(call('cos', u), inv(call('sin', u))), 'different']],
      ['special: sinh by exp', [call('sinh', u), mul(half, add(e(u), neg(e(neg(u))))), 'equal']],
      ['special: sinh by exp, wrong sign (false)', [call('sinh', u), mul(half, add(e(u), e(neg(u)))), 'different']],
      ['special: cosh by exp', [call('cosh', u), mul(half, add(e(u), e(neg(u)))), 'equal']],
      ['special: cosh^2 - sinh^2 = 1', [add(pow(call('cosh', u), 2), neg(pow(call('sinh', u), 2))), N(1), 'equal']],
      ['special: cosh^2 + sinh^2 = 1 (false)', [add(pow(call('cosh', u), 2), pow(call('sinh', u), 2)), N(1), 'different']],
      ['special: tanh = sinh/cosh', [call('tanh', u), mul(call('sinh', u), inv(call('cosh', u))), 'equal']],
      ['special: tanh by exp', [call('tanh', u), mul(add(e(mul(N(2), u)), N(-1)), inv(add(e(mul(N(2), u)), N(1)))), 'equal']],
      ['special: tanh = sinh*cosh (false)', [call('tanh', u), mul(call('sinh', u), call('cosh', u)), 'different']],
      ['special: erf is odd', [call('erf', neg(u)), neg(call('erf', u)), 'equal']],
      ['special: erf is even (false)', [call('erf', neg(u)), call('erf', u), 'different']],
      ['special: erfc = 1 - erf', [call('erfc', u), add(N(1), neg(call('erf', u))), 'equal']],
      ['special: abs squared', [pow(call('abs', u), 2), pow(u, 2), 'equal']],
      ['special: abs = sqrt of the square', [call('abs', u), call('sqrt', pow(u, 2)), 'equal']],
      ['special: abs of a product', [call('abs', mul(u, w)), mul(call('abs', u), call('abs', w)), 'equal']],
      ['special: sign times abs', [mul(call('sign', s), call('abs', s)), s, 'equal']],
      ['special: abs(u) = u', [call('abs', s), s, positive ? 'equal' : 'different']],
      ['special: sign(u) = 1', [call('sign', s), N(1), positive ? 'equal' : 'different']],
      ['special: sin(2u) = 2 sin u cos u', [call('sin', mul(N(2), u)), mul(N(2), call('sin', u), call('cos', u)), 'equal']],
      ['special: 1 + tan^2 = 1/cos^2', [add(N(1), pow(call('tan', u), 2)), inv(pow(call('cos', u), 2)), 'equal']],
      ['special: sinh(2u) = sinh u cosh u (false)', [call('sinh', mul(N(2), u)), mul(call('sinh', u), call('cosh', u)), 'different']],
    ];
    return rules[k];
  });

/** f applied k times. */
const nest = (f: string, k: number, a: G): G => (k === 0 ? a : call(f, nest(f, k - 1, a)));

/** Opaque functions nested up to 8 deep: identical sides, rewritten arguments, swapped or missing layers, the chain rule. */
const nesting: fc.Arbitrary<HostileCase> = fc.tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 7 }), arg).map(([depth, k, u]) => {
  const F = (a: G) => nest('f', depth, a);
  const opaque = ['f', 'g'];
  const mk = (family: string, l: G, r: G, truth: HostileCase['truth'], differentiate?: string): HostileCase => ({
    family,
    l,
    r,
    truth,
    assume: DECLARED,
    opaque,
    differentiate,
  });
  const cases: HostileCase[] = [
    mk('nesting: identical sides', F(u), F(u), 'equal'),
    mk('nesting: a rewritten argument', F(mul(N(2), x)), F(add(x, x)), 'equal'),
    mk('nesting: a sum reordered around it', add(F(x), N(1)), add(N(1), F(x)), 'equal'),
    mk('nesting: another argument (false)', F(x), F(y), 'different'),
    mk('nesting: one layer missing (false)', F(x), nest('f', depth - 1, x), 'different'),
    mk('nesting: f and g swapped (false)', call('f', call('g', F(x))), call('g', call('f', F(x))), 'different'),
    mk('nesting: chain rule', call('f', call('f', x)), mul(call('f__d1', call('f', x)), call('f__d1', x)), 'equal', 'x'),
    mk('nesting: chain rule without the inner factor (false)', call('f', call('f', x)), call('f__d1', call('f', x)), 'different', 'x'),
  ];
  return cases[k];
});

/** The methods' internal names as user symbols and functions (issue 18 item 2). */
const INTERNAL = ['q0x', 'd0x', 'q1x', 'd1x', 't__root'];
const names: fc.Arbitrary<HostileCase> = fc
  .tuple(fc.constantFrom(...INTERNAL), fc.constantFrom(...INTERNAL), fc.integer({ min: 0, max: 5 }))
  .filter(([a, b]) => a !== b)
  .map(([an, bn, k]) => {
    const a = S(an);
    const b = S(bn);
    const opaque = ['N', 'f'];
    const mk = (family: string, l: G, r: G, truth: HostileCase['truth']): HostileCase => ({ family, l, r, truth, assume: DECLARED, opaque });
    const cases: HostileCase[] = [
      mk('names: internal names, square of a sum', pow(add(a, b), 2), add(pow(a, 2), mul(N(2), a, b), pow(b, 2)), 'equal'),
      mk('names: two internal names are two symbols (false)', a, b, 'different'),
      mk('names: internal names, exp of a sum', mul(call('exp', a), call('exp', b)), call('exp', add(a, b)), 'equal'),
      mk('names: a derivative name beside a symbol (false)', mul(call('N', x), call('N__d5', y)), mul(a, call('N__d5', y)), 'different'),
      mk('names: a derivative name, same on both sides', mul(call('N__d5', a), add(b, N(1))), add(mul(b, call('N__d5', a)), call('N__d5', a)), 'equal'),
      mk('names: an internal name inside f (false)', call('f', a), call('f', b), 'different'),
    ];
    return cases[k];
  });

/** e, pi, i: constants when not declared; refused when declared as parameters (issue 18 item 6). */
const reserved: fc.Arbitrary<HostileCase> = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 9 }), arg).map(([n, k, u]) => {
  const e = S('e');
  const pi = S('pi');
  const mk = (family: string, l: G, r: G, truth: HostileCase['truth'], assume: Record<string, string> = DECLARED): HostileCase => ({
    family,
    l,
    r,
    truth,
    assume,
  });
  const cases: HostileCase[] = [
    mk('reserved: e is Euler’s number', call('ln', pow(e, n)), N(n), 'equal'),
    mk('reserved: e^u = exp(u)', pow(e, u), call('exp', u), 'equal'),
    mk('reserved: sin(n pi) = 0', call('sin', mul(N(n), pi)), N(0), 'equal'),
    mk('reserved: cos(pi) = -1', call('cos', pi), N(-1), 'equal'),
    mk('reserved: pi is not its 15-digit decimal (false)', pi, N('3.14159265358979'), 'different'),
    mk('reserved: e is not its 16-digit decimal (false)', e, N('2.718281828459045'), 'different'),
    mk('reserved: e declared as a parameter is refused', call('ln', e), N(1), 'refused', { ...DECLARED, e: 'positive' }),
    mk('reserved: pi declared as a parameter is refused', call('sin', pi), N(0), 'refused', { ...DECLARED, pi: 'positive' }),
    mk('reserved: i declared as a parameter is refused', mul(S('i'), S('i')), N(-1), 'refused', { ...DECLARED, i: 'real' }),
    mk('reserved: e declared real is refused', pow(e, 2), mul(e, e), 'refused', { ...DECLARED, e: 'real' }),
  ];
  return cases[k];
});

/** The smallest prime >= n (n < 2^40: trial division by odd numbers up to the square root, about 10^6 steps at most). */
function nextPrime(n: number): number {
  for (let m = Math.max(2, Math.ceil(n)); ; m++) {
    let prime = m === 2 || m % 2 === 1;
    for (let d = 3; prime && d * d <= m; d += 2) if (m % d === 0) prime = false;
    if (prime) return m;
  }
}

/** Radicals of integers with prime factors above the trial-division bound (issue 18 item 10). */
const radicals: fc.Arbitrary<HostileCase> = fc
  .tuple(fc.integer({ min: 100_000, max: 3_000_000 }), fc.integer({ min: 100_000, max: 3_000_000 }), fc.integer({ min: 0, max: 5 }))
  .map(([a, b, k]) => {
    const P = nextPrime(a);
    const Q0 = nextPrime(b);
    const Q = Q0 === P ? nextPrime(P + 1) : Q0;
    const Qn = nextPrime(Q + 1);
    const big = (v: bigint) => N(v.toString());
    const pq = big(BigInt(P) * BigInt(Q));
    const third = mul(N(1), inv(N(3)));
    const mk = (family: string, l: G, r: G, truth: HostileCase['truth']): HostileCase => ({ family, l, r, truth, assume: DECLARED });
    const cases: HostileCase[] = [
      mk('radicals: sqrt(p q) = sqrt p sqrt q, large primes', call('sqrt', pq), mul(call('sqrt', N(P)), call('sqrt', N(Q))), 'equal'),
      mk('radicals: sqrt(p^2 q) = p sqrt q', call('sqrt', big(BigInt(P) * BigInt(P) * BigInt(Q))), mul(N(P), call('sqrt', N(Q))), 'equal'),
      mk('radicals: another prime (false)', call('sqrt', pq), mul(call('sqrt', N(P)), call('sqrt', N(Qn))), 'different'),
      mk('radicals: p q + 1 under the root (false)', call('sqrt', big(BigInt(P) * BigInt(Q) + 1n)), mul(call('sqrt', N(P)), call('sqrt', N(Q))), 'different'),
      mk('radicals: cube roots of a product', pow(pq, third), mul(pow(N(P), third), pow(N(Q), third)), 'equal'),
      mk('radicals: beside a symbol', add(call('sqrt', pq), x), add(x, mul(call('sqrt', N(P)), call('sqrt', N(Q)))), 'equal'),
    ];
    return cases[k];
  });

/** The families of this file, by class. */
export const FUNCTION_FAMILIES: Record<string, fc.Arbitrary<HostileCase>> = {
  special: special.map(([family, [l, r, truth]]): HostileCase => ({ family, l, r, truth, assume: DECLARED })),
  nesting,
  names,
  reserved,
  radicals,
};

/**
 * The fuzz campaign's own little expression language: trees it builds with fast-check, prints as
 * text for equivalent(), and differentiates itself. Nothing here uses the engine: the truth of a
 * generated pair comes from how it was built, never from the code under test.
 */
import fc from 'fast-check';

/** A generated expression. */
export type G =
  | { t: 'sym'; n: string }
  | { t: 'num'; v: string }
  | { t: 'add'; xs: G[] }
  | { t: 'mul'; xs: G[] }
  | { t: 'pow'; b: G; e: G }
  | { t: 'fn'; f: string; xs: G[] };

/** Constructors. */
export const S = (n: string): G => ({ t: 'sym', n });
export const N = (v: number | string): G => ({ t: 'num', v: String(v) });
export const add = (...xs: G[]): G => ({ t: 'add', xs });
export const mul = (...xs: G[]): G => ({ t: 'mul', xs });
export const pow = (b: G, e: G | number): G => ({ t: 'pow', b, e: typeof e === 'number' ? N(e) : e });
export const call = (f: string, ...xs: G[]): G => ({ t: 'fn', f, xs });
export const neg = (x: G): G => mul(N(-1), x);

/** Text of an expression, fully parenthesised (the parser must not decide the truth either). */
export function text(g: G): string {
  switch (g.t) {
    case 'sym':
      return g.n;
    case 'num':
      return g.v.startsWith('-') ? `(${g.v})` : g.v;
    case 'add':
      return `(${g.xs.map(text).join(' + ')})`;
    case 'mul':
      return `(${g.xs.map(text).join('*')})`;
    case 'pow':
      return `(${text(g.b)})^(${text(g.e)})`;
    case 'fn':
      return `${g.f}(${g.xs.map(text).join(', ')})`;
  }
}

/** Replace a symbol by an expression (used to compose families: substitution preserves identities). */
export function subst(g: G, n: string, by: G): G {
  switch (g.t) {
    case 'sym':
      return g.n === n ? by : g;
    case 'num':
      return g;
    case 'add':
      return add(...g.xs.map((x) => subst(x, n, by)));
    case 'mul':
      return mul(...g.xs.map((x) => subst(x, n, by)));
    case 'pow':
      return pow(subst(g.b, n, by), subst(g.e, n, by));
    case 'fn':
      return call(g.f, ...g.xs.map((x) => subst(x, n, by)));
  }
}

/** d/dx by the textbook rules (integer or constant exponents; opaque f(u) -> f__d1(u) u'). */
export function diff(g: G, x: string): G {
  switch (g.t) {
    case 'sym':
      return N(g.n === x ? 1 : 0);
    case 'num':
      return N(0);
    case 'add':
      return add(...g.xs.map((t) => diff(t, x)));
    case 'mul':
      return add(...g.xs.map((_, i) => mul(...g.xs.map((f, j) => (i === j ? diff(f, x) : f)))));
    case 'pow':
      // the exponent is a constant here (the generator only makes such powers to differentiate)
      return mul(g.e, pow(g.b, add(g.e, N(-1))), diff(g.b, x));
    case 'fn': {
      const [u] = g.xs;
      const du = diff(u, x);
      if (g.f === 'exp') return mul(call('exp', u), du);
      if (g.f === 'sin') return mul(call('cos', u), du);
      if (g.f === 'cos') return mul(N(-1), call('sin', u), du);
      return mul(call(`${g.f}__d1`, u), du);
    }
  }
}

/** Real symbols and positive symbols the generators draw from (declared in each case's assumptions). */
export const REAL = ['x', 'y', 'z'];
export const POSITIVE = ['p', 'q', 'r'];

/** A small nonzero rational as text: an integer, a fraction, a decimal, sometimes tiny or huge. */
export const coefficient: fc.Arbitrary<G> = fc.oneof(
  fc
    .integer({ min: -9, max: 9 })
    .filter((k) => k !== 0)
    .map(N),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([a, b]) => mul(N(a), pow(N(b), -1))),
  fc.constantFrom('0.1', '2.5', '1e-20', '3e15', '123456789012345678901').map(N),
);

/** A monomial in real and positive symbols with a nonzero coefficient (never identically zero). */
export const monomial: fc.Arbitrary<G> = fc
  .tuple(coefficient, fc.array(fc.tuple(fc.constantFrom(...REAL, ...POSITIVE), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }))
  .map(([c, fs]) => mul(c, ...fs.map(([n, k]) => (k === 1 ? S(n) : pow(S(n), k)))));

/** A real-valued expression defined everywhere: polynomials, exp, sin, cos of them, sqrt and ln of positive things. */
export const smooth: fc.Arbitrary<G> = fc.letrec<{ e: G }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    monomial,
    fc.constantFrom(...REAL, ...POSITIVE).map(S),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul(a, b)),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 3 })).map(([a, k]) => pow(a, k)),
    tie('e').map((a) => call('exp', mul(N('0.1'), a))),
    tie('e').map((a) => call('sin', a)),
    tie('e').map((a) => call('cos', a)),
    fc.constantFrom(...POSITIVE).map((p) => call('sqrt', S(p))),
    fc.constantFrom(...POSITIVE).map((p) => call('ln', S(p))),
    tie('e').map((a) => call('sqrt', add(N(1), pow(a, 2)))),
  ),
})).e;

/** A polynomial (for differentiation and opaque arguments). */
export const polynomial: fc.Arbitrary<G> = fc.array(monomial, { minLength: 1, maxLength: 3 }).map((ms) => add(...ms));

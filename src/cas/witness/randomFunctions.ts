/**
 * Opaque functions (N, B0, nu, ...) stand for random smooth functions during a numeric check, with
 * every partial derivative exact: random polynomials of degree 4 for up to three arguments, sums
 * of random exponentials e^(a.x) for more (a polynomial in 80 variables would have millions of
 * monomials). Each evaluation returns a Bounded value: the arguments' errors are propagated
 * through the gradient, the rounding of the sum is bounded by its terms.
 */
import { Bounded, UNDEFINED, UNIT, approx, isDefined } from './bounded.ts';

/** A small deterministic PRNG (mulberry32) for choosing points and functions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A function of `arity` reals and its derivatives: value of d^derivs f at x (plain numbers). */
export type RandomFunction = (x: readonly number[], derivs?: readonly number[]) => { value: number; magnitude: number };

/** A random polynomial of total degree <= degree in `arity` variables, with all its partial derivatives. */
export function randomPolynomial(arity: number, rand: () => number, degree = 4): RandomFunction {
  const monomials: { c: number; a: number[] }[] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === arity) {
      monomials.push({ c: 2 * rand() - 1, a: prefix });
      return;
    }
    for (let k = 0; k <= left; k++) rec([...prefix, k], left - k);
  };
  rec([], degree);
  return (x, derivs = []) => {
    let value = 0;
    let magnitude = 0;
    for (const { c, a } of monomials) {
      let term = c;
      for (let i = 0; i < arity && term !== 0; i++) {
        const d = derivs[i] ?? 0;
        if (d > a[i]) {
          term = 0;
          break;
        }
        for (let j = 0; j < d; j++) term *= a[i] - j;
        term *= x[i] ** (a[i] - d);
      }
      value += term;
      magnitude += Math.abs(term);
    }
    return { value, magnitude };
  };
}

/** A random sum of K exponentials sum_k c_k exp(a_k . x), with all its partial derivatives. */
export function randomExponentialSum(arity: number, rand: () => number, K = 5): RandomFunction {
  const terms = Array.from({ length: K }, () => ({ c: 2 * rand() - 1, a: Array.from({ length: arity }, () => rand() - 0.5) }));
  return (x, derivs = []) => {
    let value = 0;
    let magnitude = 0;
    for (const { c, a } of terms) {
      let dot = 0;
      let factor = c;
      for (let i = 0; i < arity; i++) {
        dot += a[i] * x[i];
        factor *= a[i] ** (derivs[i] ?? 0);
      }
      const t = factor * Math.exp(dot);
      value += t;
      magnitude += Math.abs(t);
    }
    return { value, magnitude };
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The random stand-ins of one seed: the same name gets the same function (and its derivatives) wherever it occurs. */
export class RandomFunctions {
  private readonly made = new Map<string, RandomFunction>();
  constructor(private readonly seed: number) {}

  /** d^derivs name(args), with the arguments' errors carried through the gradient. */
  evaluate(name: string, args: readonly Bounded[], derivs: readonly number[] = []): Bounded {
    if (!args.every(isDefined)) return UNDEFINED;
    const key = `${name}/${args.length}`;
    let f = this.made.get(key);
    if (!f) {
      const rand = seededRandom(this.seed * 104729 + hash(name));
      f = args.length <= 3 ? randomPolynomial(args.length, rand) : randomExponentialSum(args.length, rand);
      this.made.set(key, f);
    }
    const x = args.map((a) => a.v);
    const { value, magnitude } = f(x, derivs);
    let e = (args.length + 6) * UNIT * magnitude;
    args.forEach((a, i) => {
      if (a.e === 0) return;
      const up = derivs.map((d, j) => (j === i ? d + 1 : d));
      while (up.length < args.length) up.push(up.length === i ? 1 : 0);
      e += Math.abs(f!(x, up).value) * a.e * 1.01 + f!(x, up).magnitude * a.e * 1e-6;
    });
    return approx(value, e, magnitude);
  }
}

/**
 * Opaque functions (N, B0, nu, ...) stand for random smooth functions during a numeric check: a
 * random trigonometric sum f(x) = c0 + sum_k c_k sin(w_k . x + phi_k) in any number of arguments.
 * Every partial derivative is exact and none vanishes identically (d^n f is again such a sum,
 * scaled by products of the frequencies and shifted by n pi/2): the stand-in has no "degree" a
 * derivative order can pass. Its values are bounded by |c0| + sum |c_k| whatever the argument, so
 * nesting f(f(f(...))) cannot overflow; its Lipschitz constant is explicit, so an argument's error
 * is carried rigorously. Frequencies, phases and coefficients are multiples of 2^-10, exact both as
 * floats and as decimals, so the float and the high-precision evaluations use the same function.
 */
import { Bounded, UNDEFINED, OVERFLOW, UNIT, approx } from './bounded.ts';
import { Interval, Precision, pAdd, pMul, pExact, pBad, pLipschitz, pPowInt } from './precise.ts';

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

/** A random polynomial of total degree <= degree in `arity` variables, with all its partial derivatives (kept for callers that want one). */
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

/** Terms of a stand-in. */
const TERMS = 4;
/** A multiple of 2^-10 in [lo, hi): exact as a float and as a short decimal. */
const grid = (rand: () => number, lo: number, hi: number) => Math.round((lo + (hi - lo) * rand()) * 1024) / 1024;

/** The parameters of one trigonometric stand-in. */
export interface TrigSum {
  readonly c0: number;
  readonly terms: readonly { readonly c: number; readonly w: readonly number[]; readonly phi: number }[];
}

/** A random trigonometric sum in `arity` arguments (frequencies 0.3 to 1.5 in size, either sign). */
export function randomTrigSum(arity: number, rand: () => number): TrigSum {
  const c0 = grid(rand, -1, 1);
  const terms = Array.from({ length: TERMS }, () => ({
    c: grid(rand, -1, 1),
    w: Array.from({ length: arity }, () => (rand() < 0.5 ? -1 : 1) * grid(rand, 0.3, 1.5)),
    phi: grid(rand, 0, 6.25),
  }));
  return { c0, terms };
}

/** The coefficient prod_i w_i^d_i of a term's derivative. */
function derivativeFactor(w: readonly number[], derivs: readonly number[]): number {
  let factor = 1;
  for (let i = 0; i < derivs.length; i++) factor *= w[i] ** derivs[i];
  return factor;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The random stand-ins of one seed: the same name gets the same function (and its derivatives) wherever it occurs. */
export class RandomFunctions {
  /** The stand-ins made so far, by name and then by arity (no key text per evaluation). */
  private readonly made = new Map<string, TrigSum[]>();
  constructor(private readonly seed: number) {}

  /** The stand-in for name with this many arguments. */
  standIn(name: string, arity: number): TrigSum {
    let byArity = this.made.get(name);
    if (!byArity) {
      byArity = [];
      this.made.set(name, byArity);
    }
    let f = byArity[arity];
    if (!f) {
      f = randomTrigSum(arity, seededRandom(this.seed * 104729 + hash(name)));
      byArity[arity] = f;
    }
    return f;
  }

  /** d^derivs name(args) in floats, with a rigorous bound: the arguments' errors through the Lipschitz constant, every rounding. */
  evaluate(name: string, args: readonly Bounded[], derivs: readonly number[] = []): Bounded {
    for (const a of args) if (Number.isNaN(a.v)) return UNDEFINED;
    for (const a of args) if (!(Number.isFinite(a.v) && Number.isFinite(a.e))) return OVERFLOW;
    const f = this.standIn(name, args.length);
    const n = args.length;
    let order = 0;
    for (const d of derivs) order += d;
    let value = order === 0 ? f.c0 : 0;
    let magnitude = Math.abs(value);
    let e = 0;
    for (const t of f.terms) {
      const factor = derivativeFactor(t.w, derivs);
      const C = t.c * factor;
      let theta = t.phi + (order * Math.PI) / 2;
      let thetaSize = Math.abs(theta);
      for (let i = 0; i < n; i++) {
        theta += t.w[i] * args[i].v;
        thetaSize += Math.abs(t.w[i] * args[i].v);
        e += Math.abs(C * t.w[i]) * args[i].e; // Lipschitz in x_i: |C w_i|
      }
      const term = C * Math.sin(theta);
      value += term;
      magnitude += Math.abs(C);
      // the argument rounded (n + 3 roundings, pi/2 inexact) and sin within one ulp, through |C|
      // C = c prod w_i^d_i has order + 1 roundings
      e += Math.abs(C) * ((n + 4 + order) * UNIT * thetaSize + 2 * UNIT + (order + 3) * UNIT);
    }
    e += (TERMS + 2) * UNIT * magnitude;
    return approx(value, e, magnitude);
  }

  /** d^derivs name(args) as a decimal interval (the same function as `evaluate`). */
  evaluatePrecise(P: Precision, name: string, args: readonly Interval[], derivs: readonly number[] = []): Interval {
    const bad = pBad(...args);
    if (bad) return bad;
    const f = this.standIn(name, args.length);
    let order = 0;
    for (const d of derivs) order += d;
    const halfPi = P.pi.div(2);
    const shift = pLipschitz(P, pExact(P, halfPi.times(order)), (x) => x, 1); // pi/2 widened past its rounding
    let sum: Interval = pExact(P, order === 0 ? f.c0 : 0);
    for (const t of f.terms) {
      let theta = pAdd(P, pExact(P, t.phi), shift);
      args.forEach((a, i) => {
        theta = pAdd(P, theta, pMul(P, pExact(P, t.w[i]), a));
      });
      const C = derivs.reduce<Interval>((acc, d, i) => pMul(P, acc, pPowInt(P, pExact(P, t.w[i]), BigInt(d))), pExact(P, t.c));
      sum = pAdd(
        P,
        sum,
        pMul(
          P,
          C,
          pLipschitz(P, theta, (x) => x.sin(), 1, [-1, 1]),
        ),
      );
    }
    return sum;
  }
}

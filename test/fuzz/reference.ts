/**
 * The fuzz campaign's reference evaluator: a generated expression (expressions.ts) evaluated at a
 * point with 64 significant digits (decimal.js, through mathjs's BigNumber, already a dependency),
 * with a first-order bound on its rounding error, and undefined where it is not a real number
 * (an even root or a real power of a negative number, ln of a nonpositive one, a divisor that is
 * zero to within its error bound: an identically zero divisor is zero at every point). Nothing here
 * uses the engine. It decides the truth of a pair where the construction cannot, and checks the
 * construction's truth where it can (test/fuzz/hostile.test.ts).
 */
import { create, all } from 'mathjs';
import type Decimal from 'decimal.js';
import type { G } from './expressions.ts';
// the project's seeded PRNG (a utility, not a method: the reference uses nothing else of the engine)
import { seededRandom } from '../../src/index.ts';

const math = create(all, { number: 'BigNumber', precision: 64 });
/** Decimals with 64 significant digits. */
export const D = (math as unknown as { BigNumber: typeof Decimal }).BigNumber.clone({ precision: 64, toExpNeg: -200, toExpPos: 200 });
type Dec = InstanceType<typeof D>;

/** A value with a bound on its absolute error. */
export interface Val {
  readonly v: Dec;
  readonly e: Dec;
}

const ULP = new D('1e-62');
const PI = D.acos(-1);
const val = (v: Dec, e: Dec): Val => ({ v, e: e.plus(v.abs().times(ULP)) });
/** A product of exact operands whose digits fit the precision is exact; anything else gets a rounding error. */
const exactOr = (v: Dec, e: Dec, digits: number): Val => (e.isZero() && digits < 60 ? { v, e } : val(v, e));
/** Zero to within its error bound (and the bound's slack). */
const isZero = (x: Val) => x.v.abs().lte(x.e.times(1000));

/** erf by its Taylor series (|x| <= 6 here; 64 digits are enough for the cancellation up to e^36). */
function erf(x: Dec): Dec {
  if (x.abs().gt(6)) return new D(x.isNeg() ? -1 : 1);
  let sum = new D(0);
  let term = x; // x^(2n+1) (-1)^n / n!
  for (let n = 0; n < 400; n++) {
    const t = term.div(2 * n + 1);
    sum = sum.plus(t);
    if (t.abs().lt('1e-70')) break;
    term = term
      .times(x)
      .times(x)
      .neg()
      .div(n + 1);
  }
  return sum.times(2).div(PI.sqrt());
}

/** Concrete stand-ins for opaque functions (an identity for every f holds for these; a difference shows at random points). */
export const STAND_INS: Record<string, (x: Dec) => Dec> = {
  f: (x) => D.sin(x).plus(x.div(3)),
  f__d1: (x) => D.cos(x).plus(new D(1).div(3)),
  f__d2: (x) => D.sin(x).neg(),
  g: (x) => D.exp(x.div(5)).plus(D.cos(x)),
  g__d1: (x) => D.exp(x.div(5)).div(5).minus(D.sin(x)),
  N: (x) => D.atan(x).plus(x.times(x).div(7)),
  N__d5: (x) => D.cos(x.times(2)).plus(x),
};

/** A value beyond what the reference computes in bounded time (exp of 10^16): the point is skipped. */
export class ReferenceLimit extends Error {}
/** The argument, if exp of it stays computable (|x| <= 10^6). */
const bounded = (x: Val): Val => {
  if (x.v.abs().gt(1e6)) throw new ReferenceLimit(`exp of ${x.v.toExponential(3)}`);
  return x;
};

/** The argument, if a trigonometric function of it keeps its digits (|x| <= 10^12: the reduction by pi stays exact enough). */
const periodic = (x: Val): Val => {
  if (x.v.abs().gt(1e12)) throw new ReferenceLimit(`a trigonometric function of ${x.v.toExponential(3)}`);
  return x;
};

type Fn1 = (x: Val) => Val | undefined;
const FUNCTIONS: Record<string, Fn1> = {
  exp: (x) => {
    const v = D.exp(bounded(x).v);
    return val(v, v.times(x.e));
  },
  ln: (x) => (x.v.lte(0) || isZero(x) ? undefined : val(D.ln(x.v), x.e.div(x.v))),
  sqrt: (x) => (x.v.lt(0) && !isZero(x) ? undefined : isZero(x) ? val(new D(0), x.e.sqrt()) : val(x.v.sqrt(), x.e.div(x.v.sqrt().times(2)))),
  sin: (x) => val(D.sin(periodic(x).v), x.e),
  cos: (x) => val(D.cos(periodic(x).v), x.e),
  tan: (x) => {
    const c = val(D.cos(periodic(x).v), x.e);
    return isZero(c) ? undefined : val(D.tan(x.v), x.e.div(c.v.times(c.v)));
  },
  sinh: (x) => val(D.sinh(bounded(x).v), D.cosh(x.v).times(x.e)),
  cosh: (x) => val(D.cosh(bounded(x).v), D.cosh(x.v).times(x.e)),
  // beyond |x| = 200, tanh is +-1 to far more than 64 digits (Decimal's tanh would compute exp(x))
  tanh: (x) => (x.v.abs().gt(200) ? val(new D(x.v.isNeg() ? -1 : 1), x.e) : val(D.tanh(x.v), x.e)),
  erf: (x) => val(erf(x.v), x.e.times(2)),
  erfc: (x) => val(new D(1).minus(erf(x.v)), x.e.times(2)),
  abs: (x) => val(x.v.abs(), x.e),
  // sign jumps at 0: at a point where the argument is zero to within its bound, it is not determined
  sign: (x) => (isZero(x) ? undefined : val(new D(x.v.isNeg() ? -1 : 1), new D(0))),
};

/** A power b^p: integer p exactly, or b > 0; a zero base with a negative exponent, or a negative base with a non-integer exponent, is undefined. */
function power(b: Val, p: Val): Val | undefined {
  if (p.e.isZero() && p.v.isInteger()) {
    if (isZero(b) && p.v.lt(0)) return undefined;
    if (p.v.abs().gt(1e6)) throw new ReferenceLimit(`a power with exponent ${p.v.toExponential(3)}`);
    const v = b.v.pow(p.v);
    return p.v.gte(0)
      ? exactOr(v, p.v.times(b.v.abs().pow(p.v.minus(1))).times(b.e), b.v.sd() * p.v.toNumber())
      : val(
          v,
          p.v
            .abs()
            .times(b.v.abs().pow(p.v.minus(1)))
            .times(b.e),
        );
  }
  if (isZero(b)) return p.v.gt(0) ? val(new D(0), b.e) : undefined;
  if (b.v.lt(0)) return undefined;
  if (p.v.times(D.ln(b.v)).abs().gt(1e6)) throw new ReferenceLimit('a power beyond 10^(10^6)');
  const v = b.v.pow(p.v);
  return val(v, v.abs().times(p.e.times(D.ln(b.v).abs()).plus(p.v.abs().times(b.e).div(b.v))));
}

/** The value of g at a point (symbol name -> value), or undefined where it is not a real number. */
export function evaluate(g: G, at: ReadonlyMap<string, Dec>): Val | undefined {
  switch (g.t) {
    case 'num':
      return { v: new D(g.v), e: new D(0) };
    case 'sym': {
      if (g.n === 'e') return val(D.exp(1), new D(0));
      if (g.n === 'pi') return val(PI, new D(0));
      const x = at.get(g.n);
      if (x === undefined) throw new Error(`reference: no value for ${g.n}`);
      return { v: x, e: new D(0) };
    }
    case 'add': {
      let v = new D(0);
      let e = new D(0);
      for (const t of g.xs) {
        const x = evaluate(t, at);
        if (!x) return undefined;
        v = v.plus(x.v);
        // a sum rounds to the precision: its error is bounded by its terms' size (10^400 + x - 10^400 loses x)
        e = e.plus(x.e).plus(x.v.abs().times(ULP));
      }
      return { v, e };
    }
    case 'mul': {
      let acc: Val = { v: new D(1), e: new D(0) };
      for (const t of g.xs) {
        const x = evaluate(t, at);
        if (!x) return undefined;
        acc = exactOr(acc.v.times(x.v), acc.v.abs().times(x.e).plus(x.v.abs().times(acc.e)), acc.v.sd() + x.v.sd());
      }
      return acc;
    }
    case 'pow': {
      const b = evaluate(g.b, at);
      const p = evaluate(g.e, at);
      return b && p ? power(b, p) : undefined;
    }
    case 'fn': {
      const args = g.xs.map((x) => evaluate(x, at));
      if (args.some((a) => a === undefined)) return undefined;
      const [x] = args as Val[];
      const known = FUNCTIONS[g.f];
      if (known) return known(x);
      const stand = STAND_INS[g.f];
      if (!stand) throw new Error(`reference: no function ${g.f}`);
      // the stand-ins are 1-Lipschitz-ish on the sampled region: propagate the argument's bound times a margin
      return val(stand(x.v), x.e.times(10));
    }
  }
}

/** Where the reference samples: each symbol's kind and optional range. */
export interface SampleDomain {
  readonly assume: Readonly<Record<string, string>>;
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
}

/** A value of a symbol: in its range, or by its kind (positive: log-uniform on [0.05, 20]; real: uniform on [-5, 5]). */
function draw(name: string, d: SampleDomain, u: number): Dec {
  const r = d.ranges?.[name];
  if (r) return new D(r[0] + (r[1] - r[0]) * u);
  const kind = d.assume[name] ?? 'real';
  if (kind === 'positive') return new D(0.05 * 400 ** u);
  if (kind === 'negative') return new D(-0.05 * 400 ** u);
  if (kind === 'integer') return new D(Math.floor(-5 + 11 * u));
  return new D(-5 + 10 * u);
}

/** The symbols of g (constants e and pi excluded). */
export function symbolsOfG(g: G, out = new Set<string>()): Set<string> {
  if (g.t === 'sym' && g.n !== 'e' && g.n !== 'pi') out.add(g.n);
  else if (g.t === 'add' || g.t === 'mul' || g.t === 'fn') for (const x of g.xs) symbolsOfG(x, out);
  else if (g.t === 'pow') {
    symbolsOfG(g.b, out);
    symbolsOfG(g.e, out);
  }
  return out;
}

/**
 * The truth of l = r on the domain by the reference: `different` when at some sampled point both
 * are real and differ beyond their bounds, or exactly one is real (the domains differ on a set of
 * positive measure: a random point almost surely avoids a measure-zero one); `equal` when they
 * agree at every point it could evaluate; `unknown` when it could evaluate none (values beyond
 * 10^(10^6)). Deterministic in `seed`.
 */
export function referenceTruth(l: G, r: G, d: SampleDomain, seed = 1, points = 12): 'equal' | 'different' | 'unknown' {
  const names = [...symbolsOfG(r, symbolsOfG(l))].sort();
  const rand = seededRandom(seed);
  let seen = 0;
  for (let k = 0; k < points; k++) {
    const at = new Map(names.map((n) => [n, draw(n, d, rand())]));
    let a: Val | undefined;
    let b: Val | undefined;
    try {
      a = evaluate(l, at);
      b = evaluate(r, at);
    } catch (err) {
      if (err instanceof ReferenceLimit) continue;
      throw err;
    }
    seen++;
    if (!a !== !b) return 'different';
    if (
      a &&
      b &&
      a.v
        .minus(b.v)
        .abs()
        .gt(a.e.plus(b.e).times(1000).plus(a.v.abs().plus(b.v.abs()).times('1e-55')))
    )
      return 'different';
  }
  return seen > 0 ? 'equal' : 'unknown';
}

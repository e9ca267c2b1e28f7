/**
 * Numeric witness: evaluate expressions with mathjs at seeded random points, opaque functions
 * replaced by random polynomials (their derivatives taken exactly). Independent of our normal
 * form and of nerdamer: it evaluates the trees as written.
 */
import { compile } from 'mathjs';
import { Expr } from './expr.ts';
import { printExpr } from './print.ts';
import { safeNamesFor } from './safeNames.ts';

/** A small deterministic PRNG (mulberry32) for choosing points and polynomials. */
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

/** A random polynomial of total degree <= degree in `arity` variables, and all its partial derivatives. */
export function randomPolynomial(arity: number, rand: () => number, degree = 4) {
  const monomials: { c: number; a: number[] }[] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === arity) {
      monomials.push({ c: 2 * rand() - 1, a: prefix });
      return;
    }
    for (let k = 0; k <= left; k++) rec([...prefix, k], left - k);
  };
  rec([], degree);
  /** Value of d^derivs P at x. */
  return (x: number[], derivs: readonly number[] = []): number => {
    let s = 0;
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
      s += term;
    }
    return s;
  };
}

export interface NumericComparison {
  readonly agree: boolean;
  readonly points: number;
  /** Largest |lhs - rhs| / max(1, |lhs|, |rhs|) seen. */
  readonly worst: number;
  readonly worstAt?: Record<string, number>;
  readonly lhsAtWorst?: number;
  readonly rhsAtWorst?: number;
}

/**
 * Compare lhs and rhs at `points` random points per seed (symbols uniform in [0.5, 1.5], opaque
 * functions random polynomials per seed). Non-finite values are an error, never a pass.
 */
export function compareNumerically(
  lhs: Expr,
  rhs: Expr,
  opts: { seeds?: number[]; points?: number; tolerance?: number; ranges?: Record<string, [number, number]> } = {},
): NumericComparison {
  const seeds = opts.seeds ?? [1, 2, 3];
  const points = opts.points ?? 4;
  const tol = opts.tolerance ?? 1e-8;
  const names = safeNamesFor([lhs, rhs]);
  const l = compile(printExpr(lhs, names, 'log'));
  const r = compile(printExpr(rhs, names, 'log'));
  let worst = 0;
  let worstAt: Record<string, number> | undefined;
  let lw: number | undefined;
  let rw: number | undefined;
  let n = 0;
  for (const seed of seeds) {
    const rand = seededRandom(seed * 7919 + 17);
    const scope: Record<string, unknown> = {};
    const polys = new Map<string, ReturnType<typeof randomPolynomial>>();
    for (const f of names.functionNames.values()) {
      scope[f.safe] = (...args: number[]) => {
        let P = polys.get(f.name);
        if (!P) {
          P = randomPolynomial(args.length, seededRandom(seed * 104729 + hash(f.name)));
          polys.set(f.name, P);
        }
        return P(args, f.derivs ?? []);
      };
    }
    for (let k = 0; k < points; k++) {
      const at: Record<string, number> = {};
      for (const [orig, safe] of names.symbolNames) {
        if (orig === 'pi') continue;
        const [lo, hi] = opts.ranges?.[orig] ?? [0.5, 1.5];
        const x = lo + (hi - lo) * rand();
        scope[safe] = x;
        at[orig] = x;
      }
      const a = Number(l.evaluate({ ...scope }));
      const b = Number(r.evaluate({ ...scope }));
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        throw new Error(`numeric check produced a non-finite value (lhs=${a}, rhs=${b}) at ${JSON.stringify(at)}`);
      }
      const rel = Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
      n++;
      if (rel >= worst) {
        worst = rel;
        worstAt = at;
        lw = a;
        rw = b;
      }
    }
  }
  return { agree: worst <= tol, points: n, worst, worstAt, lhsAtWorst: lw, rhsAtWorst: rw };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

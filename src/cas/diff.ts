/**
 * Differentiation with the chain rule through elementary and opaque functions. A derivation is
 * described by the derivative of each symbol it moves (a "seed"): d/dv is {v: 1}; the total time
 * derivative is {t: 1, theta: theta_t, V: V_t, ...}, so time-dependent coefficients need no
 * function syntax (nerdamer parses theta(t) as a product, see DESIGN.md).
 */
import { Expr, add, mul, pow, fn, ln, zero, one, isZero, sub, mapExpr, substitute } from './expr.ts';
import { knownFunction } from './registry.ts';
import { derivativeOf } from './functionRules.ts';
import { deepTreeError } from './errors.ts';

/** Derivative of each symbol that varies; symbols not listed are constants. */
export type Seed = ReadonlyMap<string, Expr>;

/** The derivative of e along the seed (a partial derivative, or a total derivative). */
export function differentiate(e: Expr, seed: Seed): Expr {
  try {
    return derive(e, { seed, memo: new Map() });
  } catch (err) {
    throw deepTreeError(err, 'differentiation');
  }
}

/** One differentiation: its seed, and the derivatives of the sub-expressions met so far (a shared factor is differentiated once). */
interface Differentiation {
  readonly seed: Seed;
  readonly memo: Map<Expr, Expr>;
}

function derive(x: Expr, c: Differentiation): Expr {
  const hit = c.memo.get(x);
  if (hit) return hit;
  const r = step(x, c);
  c.memo.set(x, r);
  return r;
}

function step(x: Expr, c: Differentiation): Expr {
  switch (x.kind) {
    case 'num':
      return zero;
    case 'sym':
      return c.seed.get(x.name) ?? zero;
    case 'add':
      return add(...x.terms.map((t) => derive(t, c)));
    case 'mul': {
      const parts: Expr[] = [];
      x.factors.forEach((f, i) => {
        const df = derive(f, c);
        if (isZero(df)) return;
        parts.push(mul(...x.factors.slice(0, i), df, ...x.factors.slice(i + 1)));
      });
      return add(...parts);
    }
    case 'pow': {
      const db = derive(x.base, c);
      const de = derive(x.exponent, c);
      const parts: Expr[] = [];
      if (!isZero(db)) parts.push(mul(x.exponent, pow(x.base, sub(x.exponent, one)), db));
      if (!isZero(de)) parts.push(mul(x, ln(x.base), de));
      return add(...parts);
    }
    case 'fn':
      return chainRule(
        x,
        x.args.map((a) => derive(a, c)),
      );
  }
}

/** d f(g_1..g_n) = sum_i f_{,i}(g) dg_i, with the registry functions' derivatives (functionRules.ts). */
function chainRule(f: Expr & { kind: 'fn' }, dargs: Expr[]): Expr {
  if (dargs.every(isZero)) return zero;
  if (knownFunction(f.name)) {
    if (f.derivs) throw new Error(`derivative markers on the known function ${f.name}`);
    return mul(derivativeOf(f.name, f.args[0])!, dargs[0]);
  }
  const base = f.derivs ?? f.args.map(() => 0);
  const parts: Expr[] = [];
  dargs.forEach((da, i) => {
    if (isZero(da)) return;
    const derivs = base.map((k, j) => (j === i ? k + 1 : k));
    parts.push(mul(fn(f.name, [...f.args], derivs), da));
  });
  return add(...parts);
}

/** Partial derivative of e in the symbol x. */
export const partial = (e: Expr, x: string): Expr => differentiate(e, new Map([[x, one]]));

/** n-th partial derivative in x. */
export function partialN(e: Expr, x: string, n: number): Expr {
  let r = e;
  for (let i = 0; i < n; i++) r = partial(r, x);
  return r;
}

/** Total time derivative: d_t e + sum_s (d e / d s) s_t, with s_t given by `rates`. */
export function totalTimeDerivative(e: Expr, time: string, rates: ReadonlyMap<string, Expr>): Expr {
  const seed = new Map(rates);
  seed.set(time, one);
  return differentiate(e, seed);
}

/**
 * Replace an opaque function by a formula: name(args) becomes body(params := args), and a
 * derivative marker name__d...(args) becomes the same derivative of the body.
 */
export function substituteFunction(e: Expr, name: string, params: readonly string[], body: Expr): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'fn' || x.name !== name) return x;
    if (x.args.length !== params.length) throw new Error(`${name} takes ${params.length} argument(s), got ${x.args.length}`);
    let b = body;
    (x.derivs ?? []).forEach((k, i) => {
      b = partialN(b, params[i], k);
    });
    return substitute(b, new Map(params.map((p, i) => [p, x.args[i]])));
  });
}

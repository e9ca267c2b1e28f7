/**
 * The symbolic side of the function registry (registry.ts): each known function's derivative, and
 * its definition in the functions the engine keeps as atoms. The engine's normal form, nerdamer's
 * input and diff.ts all read these rules, so every method means the same function by a name.
 *
 * Kept atoms (with their own rules in the normal form): exp, ln, sin, cos, asin, atan, abs, sign,
 * erf. Every other registry function is rewritten: tan = sin/cos, cot, sec, csc likewise;
 * acos = pi/2 - asin, acot(u) = atan(1/u), asec(u) = pi/2 - asin(1/u), acsc(u) = asin(1/u);
 * the hyperbolic functions through exp; their inverses through ln and sqrt; erfc = 1 - erf.
 * The rewrites hold wherever the rewritten function is defined; domains are not read from the
 * rewritten form (domain.ts reads them from the expression as written).
 */
import { Expr, add, mul, pow, num, fn, sym, neg, sub, div, sqrt, exp, ln, zero } from './expr.ts';
import { knownFunction } from './registry.ts';

/** Functions the engine keeps as atoms (every other registry function has a rewrite below). */
export const KEPT_ATOMS: ReadonlySet<string> = new Set(['exp', 'ln', 'sin', 'cos', 'asin', 'atan', 'abs', 'sign', 'erf']);

const half = num(1, 2);
const minus = (u: Expr) => neg(u);
const ePlus = (u: Expr) => exp(u);
const eMinus = (u: Expr) => exp(minus(u));
const piHalf = () => mul(half, sym('pi'));
const sin = (u: Expr) => fn('sin', [u]);
const cos = (u: Expr) => fn('cos', [u]);

const REWRITES: Readonly<Record<string, (u: Expr) => Expr>> = {
  log: (u) => ln(u),
  sqrt: (u) => sqrt(u),
  tan: (u) => div(sin(u), cos(u)),
  cot: (u) => div(cos(u), sin(u)),
  sec: (u) => pow(cos(u), -1),
  csc: (u) => pow(sin(u), -1),
  acos: (u) => sub(piHalf(), fn('asin', [u])),
  acot: (u) => fn('atan', [pow(u, -1)]),
  asec: (u) => sub(piHalf(), fn('asin', [pow(u, -1)])),
  acsc: (u) => fn('asin', [pow(u, -1)]),
  sinh: (u) => mul(half, sub(ePlus(u), eMinus(u))),
  cosh: (u) => mul(half, add(ePlus(u), eMinus(u))),
  tanh: (u) => div(sub(ePlus(u), eMinus(u)), add(ePlus(u), eMinus(u))),
  coth: (u) => div(add(ePlus(u), eMinus(u)), sub(ePlus(u), eMinus(u))),
  sech: (u) => div(num(2), add(ePlus(u), eMinus(u))),
  csch: (u) => div(num(2), sub(ePlus(u), eMinus(u))),
  asinh: (u) => ln(add(u, sqrt(add(pow(u, 2), num(1))))),
  acosh: (u) => ln(add(u, sqrt(sub(pow(u, 2), num(1))))),
  atanh: (u) => mul(half, ln(div(add(num(1), u), sub(num(1), u)))),
  erfc: (u) => sub(num(1), fn('erf', [u])),
};

/** The definition of a registry function applied to u in the engine's kept atoms, or undefined for a kept atom or an opaque name. */
export function rewriteFunction(name: string, u: Expr): Expr | undefined {
  return REWRITES[name]?.(u);
}

/** 2/sqrt(pi) exp(-u^2), the derivative of erf. */
const erfSlope = (u: Expr) => mul(num(2), pow(sym('pi'), num(-1, 2)), exp(neg(pow(u, 2))));

const DERIVATIVES: Readonly<Record<string, (u: Expr) => Expr>> = {
  exp: (u) => exp(u),
  ln: (u) => pow(u, -1),
  sin: (u) => cos(u),
  cos: (u) => neg(sin(u)),
  tan: (u) => pow(cos(u), -2),
  cot: (u) => neg(pow(sin(u), -2)),
  sec: (u) => mul(sin(u), pow(cos(u), -2)),
  csc: (u) => neg(mul(cos(u), pow(sin(u), -2))),
  asin: (u) => pow(sub(num(1), pow(u, 2)), num(-1, 2)),
  acos: (u) => neg(pow(sub(num(1), pow(u, 2)), num(-1, 2))),
  atan: (u) => pow(add(num(1), pow(u, 2)), -1),
  acot: (u) => neg(pow(add(num(1), pow(u, 2)), -1)),
  asec: (u) => mul(pow(u, -2), pow(sub(num(1), pow(u, -2)), num(-1, 2))),
  acsc: (u) => neg(mul(pow(u, -2), pow(sub(num(1), pow(u, -2)), num(-1, 2)))),
  sinh: (u) => fn('cosh', [u]),
  cosh: (u) => fn('sinh', [u]),
  tanh: (u) => pow(fn('cosh', [u]), -2),
  coth: (u) => neg(pow(fn('sinh', [u]), -2)),
  sech: (u) => neg(mul(fn('sech', [u]), fn('tanh', [u]))),
  csch: (u) => neg(mul(fn('csch', [u]), fn('coth', [u]))),
  asinh: (u) => pow(add(pow(u, 2), num(1)), num(-1, 2)),
  acosh: (u) => pow(sub(pow(u, 2), num(1)), num(-1, 2)),
  atanh: (u) => pow(sub(num(1), pow(u, 2)), -1),
  abs: (u) => fn('sign', [u]),
  sign: () => zero, // almost everywhere (sign jumps at 0)
  erf: (u) => erfSlope(u),
  erfc: (u) => neg(erfSlope(u)),
};

/** f'(u) for a registry function f, or undefined for an opaque name. */
export function derivativeOf(name: string, u: Expr): Expr | undefined {
  const f = knownFunction(name);
  return f ? DERIVATIVES[f.name]?.(u) : undefined;
}

/** Rewrite every registry function that is not a kept atom (bottom-up), for a method that knows only the kept atoms. */
export function rewriteToKeptAtoms(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return e;
    case 'add':
      return add(...e.terms.map(rewriteToKeptAtoms));
    case 'mul':
      return mul(...e.factors.map(rewriteToKeptAtoms));
    case 'pow':
      return pow(rewriteToKeptAtoms(e.base), rewriteToKeptAtoms(e.exponent));
    case 'fn': {
      const args = e.args.map(rewriteToKeptAtoms);
      const r = e.derivs ? undefined : rewriteFunction(e.name, args[0]);
      return r ? rewriteToKeptAtoms(r) : fn(e.name, args, e.derivs ? [...e.derivs] : undefined);
    }
  }
}

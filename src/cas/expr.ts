/**
 * The expression tree every layer shares. Trees are immutable; constructors only flatten
 * nested sums/products and fold numbers, so an expression keeps the shape it was written in
 * (the normal form in `normal.ts` is what decides equality).
 */
import { Q, q, ONE, ZERO, qadd, qmul, qIsZero, qIsOne, qIsInt, qSign, qToString, qpowRational } from './rational.ts';
import { knownFunctionNames, isTotalFunction } from './registry.ts';
import { registerMemo } from './memo.ts';
import { deepTreeError } from './errors.ts';

export type Expr = Num | Sym | Add | Mul | Pow | Fn;
export interface Num {
  readonly kind: 'num';
  readonly value: Q;
}
export interface Sym {
  readonly kind: 'sym';
  readonly name: string;
}
export interface Add {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
}
export interface Mul {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
}
export interface Pow {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exponent: Expr;
}
/**
 * A function applied to arguments. `derivs[i]` is how many times the function is
 * differentiated in its i-th argument (all zero, or absent, for the function itself).
 */
export interface Fn {
  readonly kind: 'fn';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly derivs?: readonly number[];
}

/** The registry's functions (registry.ts): known value, domain and derivative; every other function name is opaque. */
export const ELEMENTARY: ReadonlySet<string> = new Set(knownFunctionNames());

/** A rational number as an expression. */
export const num = (p: bigint | number | Q, d: bigint | number = 1n): Num =>
  typeof p === 'object' ? { kind: 'num', value: p } : { kind: 'num', value: q(p, d) };
/** A symbol. */
export const sym = (name: string): Sym => ({ kind: 'sym', name });
/** The expressions 0 and 1. */
export const zero = num(0);
export const one = num(1);

/** True for the number 0. */
export const isZero = (e: Expr): boolean => e.kind === 'num' && qIsZero(e.value);
/** True for the number 1. */
export const isOne = (e: Expr): boolean => e.kind === 'num' && qIsOne(e.value);

/** The sum of the given terms (nested sums flattened, numbers folded, zeros dropped). */
export function add(...terms: Expr[]): Expr {
  const out: Expr[] = [];
  let c: Q = ZERO;
  for (const t of terms) {
    if (t.kind === 'add') {
      for (const s of t.terms) {
        if (s.kind === 'num') c = qadd(c, s.value);
        else out.push(s);
      }
    } else if (t.kind === 'num') c = qadd(c, t.value);
    else out.push(t);
  }
  if (!qIsZero(c)) out.push(num(c));
  if (out.length === 0) return zero;
  if (out.length === 1) return out[0];
  return { kind: 'add', terms: out };
}

/** The product of the given factors (nested products flattened, numbers folded). */
export function mul(...factors: Expr[]): Expr {
  const out: Expr[] = [];
  let c: Q = ONE;
  for (const f of factors) {
    if (f.kind === 'mul') {
      for (const g of f.factors) {
        if (g.kind === 'num') c = qmul(c, g.value);
        else out.push(g);
      }
    } else if (f.kind === 'num') c = qmul(c, f.value);
    else out.push(f);
  }
  if (qIsZero(c)) return out.every(isTotal) ? zero : { kind: 'mul', factors: [zero, ...out] }; // 0 * sqrt(x) keeps x >= 0
  if (!qIsOne(c)) out.unshift(num(c));
  if (out.length === 0) return one;
  if (out.length === 1) return out[0];
  return { kind: 'mul', factors: out };
}

/**
 * base^exponent, folding numeric powers that stay rational, trivial exponents and powers of powers,
 * but never a fold that would forget where the expression is defined: (1/x)^0, 1^ln(x) and
 * (x^(1/2))^2 stay as written (domain.ts reads x != 0, x > 0, x >= 0 off them).
 */
export function pow(base: Expr, exponent: Expr | number): Expr {
  const e = typeof exponent === 'number' ? num(exponent) : exponent;
  if (isZero(e) && isTotal(base)) return one;
  if (isOne(e)) return base;
  if (base.kind === 'num' && e.kind === 'num') {
    const r = qpowRational(base.value, e.value);
    if (r) return num(r);
  }
  if (isOne(base) && isTotal(e)) return one;
  if (base.kind === 'pow' && base.exponent.kind === 'num' && e.kind === 'num' && e.value.q === 1n && keepsDomain(base.exponent.value, e.value)) {
    return pow(base.base, num(qmul(base.exponent.value, e.value)));
  }
  return { kind: 'pow', base, exponent: e };
}

/**
 * (b^a)^n = b^(a n) with the same domain: a an integer or a n not one ((x^(1/2))^2 = x only for
 * x >= 0), and n > 0 or a > 0 ((x^-1)^-1 = x only for x != 0).
 */
const keepsDomain = (a: Q, n: Q): boolean => (qIsInt(a) || !qIsInt(qmul(a, n))) && (qSign(n) > 0 || qSign(a) > 0);

/** True when e is a real number for every real value of its symbols (no division, root, ln or partial function). */
export function isTotal(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return true;
    case 'add':
      return e.terms.every(isTotal);
    case 'mul':
      return e.factors.every(isTotal);
    case 'pow': {
      const k = e.exponent;
      if (k.kind !== 'num') return false;
      if (e.base.kind === 'num') return qSign(e.base.value) > 0 || (qIsInt(k.value) && (qSign(e.base.value) !== 0 || qSign(k.value) >= 0));
      return qIsInt(k.value) && qSign(k.value) >= 0 && isTotal(e.base);
    }
    case 'fn':
      return isTotalFunction(e.name) && e.args.every(isTotal);
  }
}

/** -e. */
export const neg = (e: Expr): Expr => mul(num(-1), e);
/** a - b. */
export const sub = (a: Expr, b: Expr): Expr => add(a, neg(b));
/** a / b. */
export const div = (a: Expr, b: Expr): Expr => mul(a, pow(b, -1));
/** sqrt(e) as e^(1/2). */
export const sqrt = (e: Expr): Expr => pow(e, num(1, 2));
/** A function application (elementary or opaque). */
export const fn = (name: string, args: Expr[], derivs?: number[]): Fn =>
  derivs?.some((d) => d > 0) ? { kind: 'fn', name, args, derivs } : { kind: 'fn', name, args };
/** exp(e), with exp(0) = 1. */
export const exp = (e: Expr): Expr => (isZero(e) ? one : fn('exp', [e]));
/** ln(e), with ln(1) = 0 and ln(exp(x)) = x. */
export function ln(e: Expr): Expr {
  if (isOne(e)) return zero;
  if (e.kind === 'fn' && e.name === 'exp' && !e.derivs) return e.args[0];
  return fn('ln', [e]);
}

let keyCache = new WeakMap<object, string>();
registerMemo(() => {
  keyCache = new WeakMap();
});
/** A structural key: equal keys mean identical trees. */
export function keyOf(e: Expr): string {
  const hit = keyCache.get(e);
  if (hit !== undefined) return hit;
  let k: string;
  switch (e.kind) {
    case 'num':
      k = qToString(e.value);
      break;
    case 'sym':
      k = e.name;
      break;
    case 'add':
      k = `+(${e.terms.map(keyOf).join(',')})`;
      break;
    case 'mul':
      k = `*(${e.factors.map(keyOf).join(',')})`;
      break;
    case 'pow':
      k = `^(${keyOf(e.base)},${keyOf(e.exponent)})`;
      break;
    case 'fn':
      k = `${e.name}${e.derivs ? `[${e.derivs.join(',')}]` : ''}(${e.args.map(keyOf).join(',')})`;
      break;
  }
  keyCache.set(e, k);
  return k;
}

/**
 * Structural identities for memo tables: equal trees get the same number (hash-consing), and a
 * node costs one lookup of its children's numbers, where keyOf builds a text as long as the
 * whole tree. Leaves (numbers, symbols) are written into their parent's key instead of getting
 * numbers of their own: most nodes are leaves. Numbers are never reused: when the table is
 * emptied (clearMemos, or past its bound) the numbers handed out before stay unique, so a memo
 * keyed by an old number only misses.
 */
let shapeIds = new WeakMap<object, number>();
const shapes = new Map<string, number>();
let nextShape = 0;
const MAX_SHAPES = 400_000;
const resetShapes = () => {
  shapeIds = new WeakMap();
  shapes.clear();
};
registerMemo(resetShapes);

/** A child in its parent's key: a leaf by its value or name (length-prefixed: any name is unambiguous), else its number. */
const partKey = (e: Expr): string => (e.kind === 'num' ? `n${qToString(e.value)}` : e.kind === 'sym' ? `s${e.name.length}:${e.name}` : `${shapeOf(e)}`);

/** The structural identity of e: equal numbers mean identical trees (for memo keys; keyOf orders). */
export function shapeOf(e: Expr): number {
  const hit = shapeIds.get(e);
  if (hit !== undefined) return hit;
  let k: string;
  switch (e.kind) {
    case 'num':
    case 'sym':
      k = partKey(e);
      break;
    case 'add':
      k = '+';
      for (const t of e.terms) k += `${partKey(t)},`;
      break;
    case 'mul':
      k = '*';
      for (const t of e.factors) k += `${partKey(t)},`;
      break;
    case 'pow':
      k = `^${partKey(e.base)},${partKey(e.exponent)}`;
      break;
    case 'fn':
      k = `f${e.derivs ? e.derivs.join(',') : ''}(`;
      for (const t of e.args) k += `${partKey(t)},`;
      k += `)${e.name}`;
      break;
  }
  let id = shapes.get(k);
  if (id === undefined) {
    if (shapes.size >= MAX_SHAPES) resetShapes();
    id = nextShape++;
    shapes.set(k, id);
  }
  shapeIds.set(e, id);
  return id;
}

/** Every symbol name occurring in e (function names excluded). */
export function symbolsOf(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'sym':
      out.add(e.name);
      break;
    case 'add':
      e.terms.forEach((t) => symbolsOf(t, out));
      break;
    case 'mul':
      e.factors.forEach((t) => symbolsOf(t, out));
      break;
    case 'pow':
      symbolsOf(e.base, out);
      symbolsOf(e.exponent, out);
      break;
    case 'fn':
      e.args.forEach((t) => symbolsOf(t, out));
      break;
  }
  return out;
}

/** Every function name applied in e. */
export function functionsOf(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'fn') out.add(e.name);
  for (const c of children(e)) functionsOf(c, out);
  return out;
}

/** The direct sub-expressions of e. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exponent];
    case 'fn':
      return e.args;
    default:
      return [];
  }
}

/** Rebuild e bottom-up, applying f to every node after its children were mapped. */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'add':
      return f(add(...e.terms.map((t) => mapExpr(t, f))));
    case 'mul':
      return f(mul(...e.factors.map((t) => mapExpr(t, f))));
    case 'pow':
      return f(pow(mapExpr(e.base, f), mapExpr(e.exponent, f)));
    case 'fn':
      return f(
        fn(
          e.name,
          e.args.map((t) => mapExpr(t, f)),
          e.derivs ? [...e.derivs] : undefined,
        ),
      );
    default:
      return f(e);
  }
}

/** Replace symbols by expressions everywhere (simultaneous substitution). */
export function substitute(e: Expr, map: ReadonlyMap<string, Expr> | Record<string, Expr>): Expr {
  const m = map instanceof Map ? map : new Map(Object.entries(map));
  if (m.size === 0) return e;
  try {
    return mapExpr(e, (x) => (x.kind === 'sym' && m.has(x.name) ? m.get(x.name)! : x));
  } catch (err) {
    throw deepTreeError(err, 'substitution');
  }
}

/** True when the symbol occurs in e. */
export const dependsOn = (e: Expr, name: string): boolean => symbolsOf(e).has(name);

/**
 * The one function registry: every function name the parser accepts is either listed here, with
 * its domain, parity, numeric value (float, interval enclosure, high precision) and nerdamer name,
 * or declared opaque by the user. The symbolic side of each entry (derivative, the engine's
 * rewrite into exp/ln/sin/cos and a few kept atoms) is in functionRules.ts; every method (engine,
 * nerdamer, numeric witness, diff.ts, domains) reads the same entry, so no method guesses what a
 * name means. This module imports nothing from the expression layer (the constructors in expr.ts
 * ask it which functions are total).
 *
 * The list: exp, ln (log is the same function), sqrt, sin, cos, tan, cot, sec, csc, asin, acos,
 * atan, acot, asec, acsc, sinh, cosh, tanh, coth, sech, csch, asinh, acosh, atanh, abs, sign, erf,
 * erfc. Conventions are mathjs's where it has them: acot(u) = atan(1/u), asec(u) = acos(1/u),
 * acsc(u) = asin(1/u) (each for u != 0 here), sign(0) = 0.
 */
import { Decimal } from 'decimal.js';
import { closest, distance } from 'fastest-levenshtein';

/**
 * Where a function of one argument u is a real number: all reals, u > 0, u >= 0, u != 0,
 * cos(u) != 0, sin(u) != 0, |u| <= 1, |u| < 1, |u| >= 1, u >= 1.
 */
export type ArgDomain =
  | 'real'
  | 'positive'
  | 'nonnegative'
  | 'nonzero'
  | 'cos-nonzero'
  | 'sin-nonzero'
  | 'unit-closed'
  | 'unit-open'
  | 'outside-unit'
  | 'at-least-one';

/** A registry entry (all registry functions take one argument). */
export interface KnownFunction {
  readonly name: string;
  readonly domain: ArgDomain;
  /** f(-u) = f(u) (even) or -f(u) (odd). */
  readonly parity?: 'even' | 'odd';
  /** nerdamer's own name, when nerdamer is trusted with the function itself; otherwise nerdamer sees the rewrite or an atom. */
  readonly nerdamer?: string;
  /** The value at a float (NaN outside the domain); libm accuracy, a few units in the last place. */
  float(x: number): number;
  /** A bound on |float(x) - f(x)| given the computed value v (default 4 units in the last place of v). */
  floatError?(v: number): number;
  /** The value at high precision (NaN outside the domain); `D` is a Decimal constructor with the working precision. */
  decimal(x: Decimal, D: typeof Decimal): Decimal;
  /** Points of [lo, hi] where the function has an extremum or a jump (its enclosure looks at them too). */
  critical?(lo: number, hi: number): number[];
  /** True when [lo, hi] may contain a pole (the function is unbounded there). */
  pole?(lo: number, hi: number): boolean;
}

/** An interval that contains f([lo, hi]), or why there is none. */
export type Enclosure =
  | { readonly kind: 'defined'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'undefined' } // nowhere in [lo, hi] a real number
  | { readonly kind: 'partly' }; // a domain boundary or a pole lies in [lo, hi]

const HALF_PI = Math.PI / 2;
/** Multiples k*step + offset that may lie in [lo, hi] (with slack for the rounding of pi); capped. */
function gridPoints(lo: number, hi: number, step: number, offset: number): number[] {
  const slack = 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
  const k0 = Math.ceil((lo - slack - offset) / step);
  const k1 = Math.floor((hi + slack - offset) / step);
  if (!(k1 - k0 < 64)) return [Number.NaN]; // too many: the caller widens to the whole range
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) out.push(Math.min(hi, Math.max(lo, k * step + offset)));
  return out;
}
const hasGridPoint = (lo: number, hi: number, step: number, offset: number) => gridPoints(lo, hi, step, offset).length > 0;

/** erf by its Taylor series at the working precision of D (guard digits for the cancellation at large |x|). */
function decimalErf(x: Decimal, D: typeof Decimal): Decimal {
  const p = D.precision;
  if (x.abs().gt(40)) return new D(x.s); // |erf(x) - sign x| < 1e-690
  const extra = Math.ceil(x.mul(x).toNumber() / Math.LN10) + 10;
  const W = D.clone({ precision: p + extra });
  const y = new W(x);
  const y2 = y.mul(y);
  let term = y; // (-1)^n x^(2n+1) / n!
  let sum = y;
  const eps = new W(10).pow(-(p + extra));
  for (let n = 1; n < 100000; n++) {
    term = term.mul(y2).div(n).neg();
    const t = term.div(2 * n + 1);
    sum = sum.add(t);
    if (t.abs().lt(eps.mul(sum.abs().add(1e-300)))) break;
  }
  return new D(sum.mul(2).div(W.acos(-1).sqrt()));
}

/** erf(x) in floats: Abramowitz–Stegun 7.1.26 is too coarse, so the series / continued fraction below (about 1e-15 relative). */
function floatErf(x: number): number {
  const a = Math.abs(x);
  if (a > 6) return Math.sign(x);
  if (a < 2.5) {
    // Taylor series: sum (-1)^n x^(2n+1) / (n! (2n+1)), terms bounded by e^(x^2) ~ 500
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  return Math.sign(x) * (1 - erfcTail(a));
}

/** erfc(a) for a >= 2.5 by Lentz's continued fraction: exp(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))). */
function erfcTail(a: number): number {
  let f = a;
  let C = a;
  let Dd = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    Dd = a + an * Dd;
    Dd = Dd === 0 ? 1e-300 : 1 / Dd;
    C = a + an / C;
    const delta = C * Dd;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
}

/** erfc(x) in floats, without the cancellation of 1 - erf(x) for large x. */
const floatErfc = (x: number): number => (x >= 2.5 ? erfcTail(x) : 1 - floatErf(x));

const inUnit = (x: number) => x >= -1 && x <= 1;
const inv = (D: typeof Decimal, x: Decimal) => new D(1).div(x);

/**
 * sinh, cosh, tanh of a decimal through exp, which decimal.js evaluates in bounded time at every
 * argument of its exponent range (its own sinh, cosh, tanh are superlinear in |x|: tanh(1e6) runs
 * for minutes); decimal.js's own below 1, where the exponentials would cancel.
 */
function decimalHyperbolic(kind: 'sinh' | 'cosh' | 'tanh', x: Decimal, D: typeof Decimal): Decimal {
  const a = x.abs();
  if (a.lt(1)) return x[kind]();
  const one = new D(1);
  if (kind === 'tanh') {
    const q = a.gt(1e16) ? new D(0) : a.times(-2).exp(); // e^{-2|x|} below every decimal at that size
    return one.minus(q).div(one.plus(q)).times(x.s);
  }
  const big = a.exp();
  const small = one.div(big);
  return kind === 'sinh' ? big.minus(small).div(2).times(x.s) : big.plus(small).div(2);
}
const nan = (D: typeof Decimal) => new D(Number.NaN);

const ENTRIES: readonly KnownFunction[] = [
  { name: 'exp', domain: 'real', nerdamer: 'exp', float: Math.exp, decimal: (x) => x.exp() },
  { name: 'ln', domain: 'positive', nerdamer: 'log', float: (x) => (x > 0 ? Math.log(x) : Number.NaN), decimal: (x, D) => (x.gt(0) ? x.ln() : nan(D)) },
  { name: 'sqrt', domain: 'nonnegative', nerdamer: 'sqrt', float: Math.sqrt, decimal: (x, D) => (x.gte(0) ? x.sqrt() : nan(D)) },
  {
    name: 'sin',
    domain: 'real',
    parity: 'odd',
    nerdamer: 'sin',
    float: Math.sin,
    decimal: (x) => x.sin(),
    critical: (l, h) => gridPoints(l, h, Math.PI, HALF_PI),
  },
  { name: 'cos', domain: 'real', parity: 'even', nerdamer: 'cos', float: Math.cos, decimal: (x) => x.cos(), critical: (l, h) => gridPoints(l, h, Math.PI, 0) },
  { name: 'tan', domain: 'cos-nonzero', parity: 'odd', float: Math.tan, decimal: (x) => x.tan(), pole: (l, h) => hasGridPoint(l, h, Math.PI, HALF_PI) },
  {
    name: 'cot',
    domain: 'sin-nonzero',
    parity: 'odd',
    float: (x) => 1 / Math.tan(x),
    decimal: (x, D) => inv(D, x.tan()),
    pole: (l, h) => hasGridPoint(l, h, Math.PI, 0),
  },
  {
    name: 'sec',
    domain: 'cos-nonzero',
    parity: 'even',
    float: (x) => 1 / Math.cos(x),
    decimal: (x, D) => inv(D, x.cos()),
    critical: (l, h) => gridPoints(l, h, Math.PI, 0),
    pole: (l, h) => hasGridPoint(l, h, Math.PI, HALF_PI),
  },
  {
    name: 'csc',
    domain: 'sin-nonzero',
    parity: 'odd',
    float: (x) => 1 / Math.sin(x),
    decimal: (x, D) => inv(D, x.sin()),
    critical: (l, h) => gridPoints(l, h, Math.PI, HALF_PI),
    pole: (l, h) => hasGridPoint(l, h, Math.PI, 0),
  },
  { name: 'asin', domain: 'unit-closed', parity: 'odd', float: Math.asin, decimal: (x, D) => (x.abs().lte(1) ? x.asin() : nan(D)) },
  { name: 'acos', domain: 'unit-closed', float: Math.acos, decimal: (x, D) => (x.abs().lte(1) ? x.acos() : nan(D)) },
  { name: 'atan', domain: 'real', parity: 'odd', float: Math.atan, decimal: (x) => x.atan() },
  {
    name: 'acot',
    domain: 'nonzero',
    parity: 'odd',
    float: (x) => (x !== 0 ? Math.atan(1 / x) : Number.NaN),
    decimal: (x, D) => (x.isZero() ? nan(D) : inv(D, x).atan()),
    pole: (l, h) => l <= 0 && h >= 0,
  },
  {
    name: 'asec',
    domain: 'outside-unit',
    float: (x) => (Math.abs(x) >= 1 ? Math.acos(1 / x) : Number.NaN),
    decimal: (x, D) => (x.abs().gte(1) ? inv(D, x).acos() : nan(D)),
  },
  {
    name: 'acsc',
    domain: 'outside-unit',
    parity: 'odd',
    float: (x) => (Math.abs(x) >= 1 ? Math.asin(1 / x) : Number.NaN),
    decimal: (x, D) => (x.abs().gte(1) ? inv(D, x).asin() : nan(D)),
  },
  { name: 'sinh', domain: 'real', parity: 'odd', float: Math.sinh, decimal: (x, D) => decimalHyperbolic('sinh', x, D) },
  {
    name: 'cosh',
    domain: 'real',
    parity: 'even',
    float: Math.cosh,
    decimal: (x, D) => decimalHyperbolic('cosh', x, D),
    critical: (l, h) => (l <= 0 && h >= 0 ? [0] : []),
  },
  { name: 'tanh', domain: 'real', parity: 'odd', float: Math.tanh, decimal: (x, D) => decimalHyperbolic('tanh', x, D) },
  {
    name: 'coth',
    domain: 'nonzero',
    parity: 'odd',
    float: (x) => 1 / Math.tanh(x),
    decimal: (x, D) => inv(D, decimalHyperbolic('tanh', x, D)),
    pole: (l, h) => l <= 0 && h >= 0,
  },
  {
    name: 'sech',
    domain: 'real',
    parity: 'even',
    float: (x) => 1 / Math.cosh(x),
    decimal: (x, D) => inv(D, decimalHyperbolic('cosh', x, D)),
    critical: (l, h) => (l <= 0 && h >= 0 ? [0] : []),
  },
  {
    name: 'csch',
    domain: 'nonzero',
    parity: 'odd',
    float: (x) => 1 / Math.sinh(x),
    decimal: (x, D) => inv(D, decimalHyperbolic('sinh', x, D)),
    pole: (l, h) => l <= 0 && h >= 0,
  },
  { name: 'asinh', domain: 'real', parity: 'odd', float: Math.asinh, decimal: (x) => x.asinh() },
  { name: 'acosh', domain: 'at-least-one', float: Math.acosh, decimal: (x, D) => (x.gte(1) ? x.acosh() : nan(D)) },
  { name: 'atanh', domain: 'unit-open', parity: 'odd', float: Math.atanh, decimal: (x, D) => (x.abs().lt(1) ? x.atanh() : nan(D)) },
  { name: 'abs', domain: 'real', parity: 'even', nerdamer: 'abs', float: Math.abs, decimal: (x) => x.abs(), critical: (l, h) => (l <= 0 && h >= 0 ? [0] : []) },
  {
    name: 'sign',
    domain: 'real',
    parity: 'odd',
    float: (x) => Math.sign(x) + 0,
    decimal: (x, D) => new D(x.isZero() ? 0 : x.s),
    critical: (l, h) => (l <= 0 && h >= 0 ? [0] : []),
  },
  { name: 'erf', domain: 'real', parity: 'odd', float: floatErf, floatError: (v) => 64 * Number.EPSILON * Math.abs(v), decimal: decimalErf },
  {
    name: 'erfc',
    domain: 'real',
    float: floatErfc,
    floatError: (v) => 64 * Number.EPSILON * Math.abs(v) + 64 * Number.EPSILON,
    decimal: (x, D) => new D(1).sub(decimalErf(x, D)),
  },
];

const BY_NAME: ReadonlyMap<string, KnownFunction> = new Map(ENTRIES.map((f) => [f.name, f]));
/** Other spellings the parser accepts for a registry function. */
export const ALIASES: Readonly<Record<string, string>> = { log: 'ln' };

/** The registry's entry for a name (aliases resolved), or undefined for a name it does not know. */
export function knownFunction(name: string): KnownFunction | undefined {
  return BY_NAME.get(ALIASES[name] ?? name);
}

/** Every name the registry knows, aliases included (sorted). */
export function knownFunctionNames(): string[] {
  return [...BY_NAME.keys(), ...Object.keys(ALIASES)].sort();
}

/** True when the function is a real number for every real argument (opaque functions count as total). */
export function isTotalFunction(name: string): boolean {
  const f = knownFunction(name);
  return !f || f.domain === 'real';
}

/** Whether x lies in an argument domain. */
export function inArgDomain(d: ArgDomain, x: number): boolean {
  switch (d) {
    case 'real':
      return Number.isFinite(x);
    case 'positive':
      return x > 0;
    case 'nonnegative':
      return x >= 0;
    case 'nonzero':
      return x !== 0 && !Number.isNaN(x);
    case 'cos-nonzero':
      return Math.cos(x) !== 0;
    case 'sin-nonzero':
      return Math.sin(x) !== 0;
    case 'unit-closed':
      return inUnit(x);
    case 'unit-open':
      return x > -1 && x < 1;
    case 'outside-unit':
      return Math.abs(x) >= 1;
    case 'at-least-one':
      return x >= 1;
  }
}

/** The float value of a registry function (NaN outside its domain or for an unknown name). */
export function evalFloat(name: string, x: number): number {
  const f = knownFunction(name);
  if (!f || !inArgDomain(f.domain, x)) return Number.NaN;
  return f.float(x);
}

/** The value of a registry function at `digits` significant digits (a NaN Decimal outside its domain). */
export function evalDecimal(name: string, x: Decimal.Value, digits = 60): Decimal {
  const f = knownFunction(name);
  const D = Decimal.clone({ precision: digits + 10 });
  if (!f) return new D(Number.NaN);
  const r = f.decimal(new D(x), D);
  return r.toSignificantDigits(digits);
}

/** The closed interval of argument values where a domain boundary sits: the domain holds on neither side of it alone. */
const BOUNDARY: Partial<Record<ArgDomain, readonly number[]>> = {
  positive: [0],
  nonnegative: [0],
  nonzero: [0],
  'unit-closed': [-1, 1],
  'unit-open': [-1, 1],
  'outside-unit': [-1, 1],
  'at-least-one': [1],
};

/**
 * A float interval that contains f(x) for every x in [lo, hi] (the function evaluated at the ends
 * and at its critical points, widened by 4 units in the last place of libm's rounding and by one
 * subnormal), or `undefined`/`partly` when f is a real number nowhere/not everywhere there.
 */
export function enclose(name: string, lo: number, hi: number): Enclosure {
  const f = knownFunction(name);
  if (!f || !(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { kind: 'partly' };
  const inside = inArgDomain(f.domain, lo) && inArgDomain(f.domain, hi);
  const boundary = (BOUNDARY[f.domain] ?? []).some((b) => lo <= b && b <= hi);
  if (!inside || boundary || f.pole?.(lo, hi)) {
    const nowhere = !inArgDomain(f.domain, lo) && !inArgDomain(f.domain, hi) && !(BOUNDARY[f.domain] ?? []).some((b) => lo <= b && b <= hi);
    if (nowhere && f.domain !== 'cos-nonzero' && f.domain !== 'sin-nonzero' && f.domain !== 'nonzero') return { kind: 'undefined' };
    return { kind: 'partly' };
  }
  const pts = [lo, hi, ...(f.critical?.(lo, hi) ?? [])];
  let a = Infinity;
  let b = -Infinity;
  if (pts.some(Number.isNaN)) {
    // too many periods in the interval: the whole range of sin/cos/sec/csc
    if (name === 'sin' || name === 'cos') return { kind: 'defined', lo: -1, hi: 1 };
    return { kind: 'partly' };
  }
  for (const x of pts) {
    const v = f.float(x);
    if (!Number.isFinite(v)) return { kind: 'partly' };
    a = Math.min(a, v);
    b = Math.max(b, v);
  }
  const pad = (v: number) => floatErrorOf(f, v);
  return { kind: 'defined', lo: a - pad(a), hi: b + pad(b) };
}

/** A bound on the rounding error of a registry function's float value v (libm: 4 units in the last place; erf: 64). */
export function floatErrorOf(f: KnownFunction, v: number): number {
  return (f.floatError ? f.floatError(v) : 4 * Number.EPSILON * Math.abs(v)) + Number.MIN_VALUE;
}

/** Up to three names closest to an unknown name among the registry's and `declared` (edit distance at most 2, or the nearest one). */
export function closeFunctionNames(name: string, declared: readonly string[] = []): string[] {
  const names = [...new Set([...knownFunctionNames(), ...declared])];
  const near = names.filter((n) => distance(n, name) <= 2).sort((x, y) => distance(x, name) - distance(y, name) || (x < y ? -1 : 1));
  return near.length > 0 ? near.slice(0, 3) : [closest(name, names)];
}

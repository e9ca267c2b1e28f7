/**
 * Display arrangement: rewrite an expression into an equal one that reads like the paper.
 *  - an expression linear in one unknown (an operator form L[nu]) is expanded and its
 *    coefficients collected: c_2 \partial_v^2 \nu + c_1 \partial_v \nu + ... + c_0 \nu;
 *  - terms of a sum sharing a symbolic denominator are grouped: \frac{1}{\theta}(a - b - c);
 *  - a sum starts with a positive term when it has one.
 * Only the shape changes: tests check every arrangement is equal to its input by normal form.
 */
import { Expr, Fn, add, mul, pow, num, expand, keyOf, functionsOf, ELEMENTARY, qSign, qneg } from '../cas/index.ts';
import { isNegativeTerm, negateTerm } from './latex.ts';

const factorsOf = (t: Expr): readonly Expr[] => (t.kind === 'mul' ? t.factors : [t]);

/** The unknown an expanded sum is linear in: an opaque function with the same arguments in every term, once. */
export function linearUnknown(terms: readonly Expr[]): string | undefined {
  if (terms.length < 2) return undefined;
  const first = factorsOf(terms[0]).filter((f): f is Fn => f.kind === 'fn' && !ELEMENTARY.has(f.name));
  const candidates = first.filter((cand) => {
    const argsKey = cand.args.map(keyOf).join('|');
    return terms.every((t) => {
      const hits = factorsOf(t).filter((f) => f.kind === 'fn' && f.name === cand.name);
      if (hits.length !== 1 || (hits[0] as Fn).args.map(keyOf).join('|') !== argsKey) return false;
      return factorsOf(t).every((f) => f === hits[0] || !functionsOf(f).has(cand.name));
    });
  });
  const names = [...new Set(candidates.map((c) => c.name))];
  return names.length === 1 ? names[0] : undefined;
}

/** Collect an expanded sum linear in `unknown` by the unknown's derivative: highest order first. */
function collect(terms: readonly Expr[], unknown: string): Expr {
  const groups = new Map<string, { app: Fn; coefs: Expr[] }>();
  for (const t of terms) {
    const fs = factorsOf(t);
    const app = fs.find((f) => f.kind === 'fn' && f.name === unknown) as Fn;
    const k = keyOf(app);
    const g = groups.get(k) ?? { app, coefs: [] };
    g.coefs.push(mul(...fs.filter((f) => f !== app)));
    groups.set(k, g);
  }
  const order = (f: Fn) => (f.derivs ?? []).reduce((s, d) => s + d, 0);
  const sorted = [...groups.values()].sort((a, b) => order(b.app) - order(a.app));
  return add(...sorted.map((g) => mul(arrangeSum(g.coefs), arrangeNode(g.app))));
}

/** Split a term into its symbolic denominator (product of the bases with negative exponents) and the rest. */
function splitDenominator(t: Expr): { den?: Expr; rest: Expr } {
  const fs = factorsOf(t);
  const den = fs.filter((f) => f.kind === 'pow' && f.exponent.kind === 'num' && qSign(f.exponent.value) < 0 && f.base.kind !== 'num');
  if (den.length === 0) return { rest: t };
  const inverted = den.map((f) => (f.kind === 'pow' && f.exponent.kind === 'num' ? pow(f.base, num(qneg(f.exponent.value))) : f));
  return { den: mul(...inverted), rest: mul(...fs.filter((f) => !den.includes(f))) };
}

/** A sum with a positive first term when one exists; all-negative sums as -(...). */
function signed(terms: readonly Expr[]): Expr {
  if (terms.length === 1) return terms[0];
  if (terms.every(isNegativeTerm)) return mul(num(-1), signed(terms.map(negateTerm)));
  const i = terms.findIndex((t) => !isNegativeTerm(t));
  const ordered = i <= 0 ? terms : [terms[i], ...terms.filter((_, j) => j !== i)];
  return { kind: 'add', terms: ordered };
}

/** Arrange the terms of a sum: group shared denominators, then order signs. */
function arrangeSum(terms: readonly Expr[]): Expr {
  const arranged = terms.map(arrangeNode);
  if (arranged.length === 1) return arranged[0];
  const byDen = new Map<string, { den: Expr; rests: Expr[]; at: number }>();
  const out: { at: number; e: Expr }[] = [];
  arranged.forEach((t, at) => {
    const { den, rest } = splitDenominator(t);
    if (!den) return out.push({ at, e: t });
    const k = keyOf(den);
    const g = byDen.get(k) ?? { den, rests: [], at };
    g.rests.push(rest);
    byDen.set(k, g);
  });
  for (const g of byDen.values()) {
    if (g.rests.length === 1) out.push({ at: g.at, e: mul(g.rests[0], pow(g.den, -1)) });
    else {
      const inner = signed(g.rests);
      out.push({ at: g.at, e: inner.kind === 'mul' ? mul(inner, pow(g.den, -1)) : mul(pow(g.den, -1), inner) });
    }
  }
  if (byDen.size === 1 && out.length === 1) return out[0].e;
  return signed(out.sort((a, b) => a.at - b.at).map((x) => x.e));
}

/** Arrange inside: sums are arranged, other nodes keep their shape with arranged children. */
function arrangeNode(e: Expr): Expr {
  switch (e.kind) {
    case 'add':
      return arrangeSum(e.terms);
    case 'mul': {
      const fs = e.factors.map(arrangeNode);
      return fs.some((f, i) => f !== e.factors[i]) ? { kind: 'mul', factors: fs } : e;
    }
    case 'pow':
      return { kind: 'pow', base: arrangeNode(e.base), exponent: e.exponent };
    case 'fn':
      return { ...e, args: e.args.map(arrangeNode) };
    default:
      return e;
  }
}

/** An equal expression arranged for reading: operator forms collected, shared denominators grouped. */
export function arrangeForDisplay(e: Expr): Expr {
  const expanded = expand(e);
  if (expanded.kind === 'add') {
    const unknown = linearUnknown(expanded.terms);
    if (unknown) return collect(expanded.terms, unknown);
  }
  return arrangeNode(e);
}

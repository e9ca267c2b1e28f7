/**
 * LaTeX of an expression as a mathematician writes it: numeric coefficient first, parameters
 * before variables, the unknown last; negative exponents as fractions; square roots; e^{...};
 * derivatives of opaque functions as N'(x), \partial_1 B_0(...), \partial_v \nu^\varepsilon.
 * The printer keeps the tree's shape: grouping for display is `arrange.ts`'s job.
 */
import { Expr, Fn, Q, qSign, qneg, qIsOne, num, pow } from '../cas/index.ts';
import { Notation, plainNotation, symbolLatex, functionLatex, hasTopLevelSuperscript } from './notation.ts';

/** Printer options: the notation, and a sum factor to leave open for line breaking. */
export interface LatexOptions {
  readonly notation?: Notation;
  /** A sum occurring as a factor: printed as `\Bigl(` HOLE `\Bigr)` so a caller can break inside it. */
  readonly hole?: Expr;
}

/** Marker written in place of the `hole` sum. */
export const HOLE_MARK = '\u0000HOLE\u0000';

type Kind = 'sum' | 'neg' | 'prod' | 'atom';
interface Printed {
  readonly tex: string;
  readonly kind: Kind;
}

const ELIDED_FACTOR_RANK = 5;

/** The rational as LaTeX (`\frac{p}{q}` for non-integers), without sign handling beyond a leading minus. */
function rationalLatex(v: Q): string {
  if (qSign(v) < 0) return `-${rationalLatex(qneg(v))}`;
  return v.q === 1n ? v.p.toString() : `\\frac{${v.p}}{${v.q}}`;
}

/** True when the tex is best wrapped in \left( \right) (it contains tall material). */
const tall = (tex: string): boolean => /\\frac|\\sqrt|\\sum|\\int|\\Big/.test(tex);
/** Parentheses sized to their content. */
export const paren = (tex: string): string => (tall(tex) ? `\\left(${tex}\\right)` : `(${tex})`);

/** Negative numeric coefficient of a term (for writing it with a minus sign). */
export function isNegativeTerm(e: Expr): boolean {
  if (e.kind === 'num') return qSign(e.value) < 0;
  return e.kind === 'mul' && e.factors[0].kind === 'num' && qSign(e.factors[0].value) < 0;
}

/** The term with its sign flipped (only for terms with a negative coefficient). */
export function negateTerm(e: Expr): Expr {
  if (e.kind === 'num') return num(qneg(e.value));
  if (e.kind === 'mul' && e.factors[0].kind === 'num') {
    const c = qneg(e.factors[0].value);
    const rest = e.factors.slice(1);
    if (qIsOne(c)) return rest.length === 1 ? rest[0] : { kind: 'mul', factors: rest };
    return { kind: 'mul', factors: [num(c), ...rest] };
  }
  return { kind: 'mul', factors: [num(-1), e] };
}

/** A printer bound to a notation. */
class Printer {
  readonly notation: Notation;
  constructor(readonly options: LatexOptions) {
    this.notation = options.notation ?? plainNotation;
  }

  print(e: Expr): Printed {
    switch (e.kind) {
      case 'num':
        return { tex: rationalLatex(e.value), kind: qSign(e.value) < 0 ? 'neg' : e.value.q === 1n ? 'atom' : 'prod' };
      case 'sym':
        return { tex: symbolLatex(e.name, this.notation).latex, kind: 'atom' };
      case 'add':
        return this.sum(e.terms);
      case 'mul':
        return this.product(e.factors);
      case 'pow':
        return this.power(e.base, e.exponent);
      case 'fn':
        return this.application(e);
    }
  }

  sum(terms: readonly Expr[]): Printed {
    let tex = '';
    terms.forEach((t, i) => {
      const negative = isNegativeTerm(t);
      const body = this.print(negative ? negateTerm(t) : t);
      const s = body.kind === 'sum' || (body.kind === 'neg' && !negative) ? paren(body.tex) : body.tex;
      tex += i === 0 ? (negative ? `-${s}` : s) : negative ? ` - ${s}` : ` + ${s}`;
    });
    return { tex, kind: 'sum' };
  }

  /** Where a numerator factor goes: 0 parameters, 1 compound symbols, 2 variables, 3 functions/sums, 5 the unknown. */
  rank(f: Expr): number {
    if (f.kind === 'sym') {
      if (this.notation.variables.includes(f.name)) return 2;
      if (functionLatex(f.name, this.notation).elideArgs) return ELIDED_FACTOR_RANK;
      if (symbolLatex(f.name, this.notation).compound) return 1;
      return /^[a-z]$/.test(f.name) ? -1 : 0;
    }
    if (f.kind === 'pow' && f.base.kind === 'sym') return this.rank(f.base);
    if (f.kind === 'fn') {
      const n = functionLatex(f.name, this.notation);
      return n.elideArgs || n.bracket ? ELIDED_FACTOR_RANK : 3;
    }
    return f.kind === 'add' ? 1.5 : 3;
  }

  factor(f: Expr, alone: boolean): string {
    if (f === this.options.hole) return `\\Bigl(${HOLE_MARK}\\Bigr)`;
    const p = this.print(f);
    if (p.kind === 'sum' || p.kind === 'neg') return paren(p.tex);
    if (!alone && f.kind === 'sym' && symbolLatex(f.name, this.notation).compound) return `(${p.tex})`;
    return p.tex;
  }

  product(factors: readonly Expr[]): Printed {
    let coef: Q = { p: 1n, q: 1n };
    const numer: Expr[] = [];
    const denom: Expr[] = [];
    const place = (f: Expr): void => {
      if (f.kind === 'num') coef = { p: coef.p * f.value.p, q: coef.q * f.value.q };
      else if (f.kind === 'pow' && f.exponent.kind === 'num' && qSign(f.exponent.value) < 0) {
        const k = qneg(f.exponent.value);
        if (f.base.kind === 'mul' && k.q === 1n) f.base.factors.forEach((g) => place(pow(g, num(f.exponent.kind === 'num' ? f.exponent.value : k))));
        else denom.push(pow(f.base, num(k)));
      } else numer.push(f);
    };
    factors.forEach(place);
    const negative = coef.p < 0n;
    const p = negative ? -coef.p : coef.p;
    const ranked = numer.map((f, i) => ({ f, r: this.rank(f), i })).sort((a, b) => a.r - b.r || a.i - b.i);
    const alone = numer.length + denom.length === 1 && p === 1n && coef.q === 1n;
    const texOf = (fs: typeof ranked) => fs.map(({ f }) => this.factor(f, alone)).join(' ');
    let tex: string;
    if (denom.length === 0 && coef.q === 1n) {
      const body = texOf(ranked);
      tex = p === 1n ? body || '1' : body ? `${p}${/^[\d.]/.test(body) ? ' \\cdot ' : ' '}${body}` : `${p}`;
    } else {
      const shortSum = ranked.length === 1 && ranked[0].f.kind === 'add' && visibleWidth(this.print(ranked[0].f).tex) <= 24;
      const top = shortSum ? [] : ranked.filter((x) => x.r < 1.5);
      const rest = shortSum ? [] : ranked.filter((x) => x.r >= 1.5);
      if (shortSum) top.push({ ...ranked[0], r: -1 });
      else if (p === 1n && top.length === 0 && rest.length > 0 && rest.every((x) => x.r === 2)) top.push(...rest.splice(0));
      const topFactors = shortSum ? this.print(ranked[0].f).tex : texOf(top);
      const topTex = [p === 1n ? '' : `${p}`, p !== 1n && shortSum ? paren(topFactors) : topFactors].filter(Boolean).join(' ') || '1';
      const bottom = [coef.q === 1n ? '' : `${coef.q}`, ...denom.map((d) => this.denominatorFactor(d, denom.length + (coef.q === 1n ? 0 : 1)))]
        .filter(Boolean)
        .join(' ');
      tex = [`\\frac{${topTex}}{${bottom}}`, texOf(rest)].filter(Boolean).join(' ');
    }
    return { tex: negative ? `-${tex}` : tex, kind: negative ? 'neg' : 'prod' };
  }

  denominatorFactor(d: Expr, count: number): string {
    const p = this.print(d);
    if (count === 1) return p.tex;
    return p.kind === 'sum' || p.kind === 'neg' ? paren(p.tex) : p.tex;
  }

  power(base: Expr, exponent: Expr): Printed {
    if (exponent.kind === 'num' && qSign(exponent.value) < 0) return this.product([{ kind: 'pow', base, exponent }]);
    const b = this.print(base);
    if (exponent.kind === 'num' && exponent.value.p === 1n && exponent.value.q === 2n) return { tex: `\\sqrt{${b.tex}}`, kind: 'atom' };
    const e = this.print(exponent).tex;
    const needsParen = b.kind !== 'atom' || hasTopLevelSuperscript(b.tex) || (base.kind === 'num' && qSign(base.value) < 0);
    return { tex: `${needsParen ? paren(b.tex) : b.tex}^{${e}}`, kind: 'atom' };
  }

  args(args: readonly Expr[]): string {
    return paren(args.map((a) => this.print(a).tex).join(', '));
  }

  application(e: Fn): Printed {
    const arg0 = e.args[0];
    if (!e.derivs && (e.name === 'exp' || e.name === 'ln' || e.name === 'sin' || e.name === 'cos')) {
      const a = this.print(arg0);
      if (e.name === 'exp') return { tex: visibleWidth(a.tex) <= 16 ? `e^{${a.tex}}` : `\\exp${paren(a.tex)}`, kind: 'atom' };
      return { tex: a.kind === 'atom' && !a.tex.includes('(') ? `\\${e.name} ${a.tex}` : `\\${e.name}${paren(a.tex)}`, kind: 'atom' };
    }
    const n = functionLatex(e.name, this.notation);
    if (n.bracket && e.args.length === 1 && !e.derivs) {
      let inner: Expr = arg0;
      let times = 1;
      while (n.bracket !== 'always' && inner.kind === 'fn' && inner.name === e.name && inner.args.length === 1 && !inner.derivs)
        [inner, times] = [inner.args[0], times + 1];
      const head = times === 1 ? n.latex : `${n.latex}^{${times}}`;
      const a = this.print(inner);
      const simple = n.bracket !== 'always' && a.kind === 'atom' && (inner.kind === 'sym' || inner.kind === 'fn');
      return { tex: simple ? `${head} ${a.tex}` : tall(a.tex) ? `${head}\\left[${a.tex}\\right]` : `${head}[${a.tex}]`, kind: 'atom' };
    }
    const bareVars = e.args.every((a) => a.kind === 'sym') && new Set(e.args.map((a) => (a as { name: string }).name)).size === e.args.length;
    const derivs = e.derivs ?? [];
    if (n.elideArgs && bareVars) {
      const ds = e.args
        .map((a, i) => partialLatex(symbolLatex((a as { name: string }).name, this.notation).latex, derivs[i] ?? 0))
        .filter(Boolean)
        .join(' ');
      return { tex: `${ds}${ds ? ' ' : ''}${n.latex}`, kind: 'atom' };
    }
    const order = derivs.reduce((s, d) => s + d, 0);
    if (order === 0) return { tex: `${n.latex}${this.args(e.args)}`, kind: 'atom' };
    if (e.args.length === 1 && order <= 3) {
      const head = hasTopLevelSuperscript(n.latex) ? `(${n.latex})` : n.latex;
      return { tex: `${head}${"'".repeat(order)}${this.args(e.args)}`, kind: 'atom' };
    }
    if (e.args.length === 1) return { tex: `${n.latex}^{(${order})}${this.args(e.args)}`, kind: 'atom' };
    const ds = derivs.map((d, i) => partialLatex(String(i + 1), d)).join('');
    return { tex: `${ds} ${n.latex}${this.args(e.args)}`, kind: 'atom' };
  }
}

/** `\partial_x^k` (empty for k = 0). */
function partialLatex(sub: string, k: number): string {
  if (k === 0) return '';
  const s = sub.length === 1 ? sub : `{${sub}}`;
  return k === 1 ? `\\partial_${s}` : `\\partial_${s}^{${k}}`;
}

/** LaTeX of an expression in the given notation (the paper's by default). */
export function exprToLatex(e: Expr, options: LatexOptions = {}): string {
  return new Printer(options).print(e).tex;
}

/** A rough count of the characters a reader sees (for line breaking). */
export function visibleWidth(tex: string): number {
  return tex
    .replace(/\\(left|right|Bigl|Bigr|operatorname|mathcal|mathbf|mathrm|bar|quad|,)\b/g, '')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, (_m, a: string, b: string) => (a.length > b.length ? a : b))
    .replace(/\\[A-Za-z]+/g, 'x')
    .replace(/[{}^_\s]/g, '').length;
}

/**
 * Expression -> source text of one target (TypeScript, JavaScript, C). Common subexpressions
 * become `const` temporaries, small integer powers become products (no pow in hot loops), square
 * roots sqrt; numbers are written as exact-as-possible float literals.
 */
import { Expr, keyOf, children, printExpr, qToNumber } from '../cas/index.ts';
import { Target, TYPESCRIPT } from './target.ts';

/** Names the emitted code refers to for symbols (defaults to the symbol's own name). */
export type SymbolNames = (name: string) => string;

/** A number literal of the target for a rational (parenthesised when negative). */
export function numberLiteral(e: Expr & { kind: 'num' }, target: Target = TYPESCRIPT): string {
  const x = qToNumber(e.value);
  if (!Number.isFinite(x)) throw new Error(`number ${printExpr(e)} is not representable as a float`);
  const s = target.literal(Math.abs(x));
  return x < 0 ? `(-${s})` : s;
}

/** Count occurrences of every non-trivial subtree (by structural key). */
export function countSubtrees(exprs: readonly Expr[]): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (e: Expr) => {
    if (e.kind === 'num' || e.kind === 'sym') return;
    const k = keyOf(e);
    const c = (counts.get(k) ?? 0) + 1;
    counts.set(k, c);
    if (c === 1) children(e).forEach(visit);
  };
  exprs.forEach(visit);
  return counts;
}

/** Emits statements and expressions; shared subtrees are bound once to temporaries. */
export class Emitter {
  readonly lines: string[] = [];
  private readonly bound = new Map<string, string>();
  private next = 0;
  constructor(
    private readonly shared: ReadonlySet<string>,
    private readonly names: SymbolNames,
    private readonly prefix = 't',
    private readonly indent = '  ',
    private readonly target: Target = TYPESCRIPT,
  ) {}

  /** Pre-bind a subtree to an existing name (e.g. a hoisted constant). */
  bind(key: string, name: string): void {
    this.bound.set(key, name);
  }

  /** Source text of e, binding shared subtrees to temporaries on first use. */
  expr(e: Expr): string {
    if (e.kind === 'num') return numberLiteral(e, this.target);
    if (e.kind === 'sym') return e.name === 'pi' ? this.target.pi : this.names(e.name);
    const k = keyOf(e);
    const hit = this.bound.get(k);
    if (hit) return hit;
    const text = this.raw(e);
    if (!this.shared.has(k)) return text;
    const name = `${this.prefix}${this.next++}`;
    this.lines.push(`${this.indent}${this.target.constant(name, stripParens(text))}`);
    this.bound.set(k, name);
    return name;
  }

  private raw(e: Expr): string {
    switch (e.kind) {
      case 'add': {
        let s = '';
        e.terms.forEach((t, i) => {
          const x = this.expr(t);
          if (i === 0) s = x;
          else if (x.startsWith('-')) s += ` - ${x.slice(1)}`;
          else s += ` + ${x}`;
        });
        return `(${s})`;
      }
      case 'mul':
        return this.product(e.factors);
      case 'pow':
        return this.power(e.base, e.exponent);
      case 'fn': {
        if (!['exp', 'ln', 'sin', 'cos'].includes(e.name) || e.derivs)
          throw new Error(`cannot generate code for the opaque function ${e.name}: substitute a formula for it first`);
        return this.target.call(e.name, stripParens(this.expr(e.args[0])));
      }
      default:
        throw new Error('unreachable');
    }
  }

  /** c * x * y / (z * u): numeric coefficient first, negative integer powers as a denominator. */
  private product(factors: readonly Expr[]): string {
    let sign = '';
    const numer: string[] = [];
    const denom: string[] = [];
    for (const f of factors) {
      if (f.kind === 'num') {
        const x = qToNumber(f.value);
        if (x < 0) sign = sign ? '' : '-';
        if (Math.abs(x) !== 1) numer.push(this.target.literal(Math.abs(x)));
      } else if (f.kind === 'pow' && f.exponent.kind === 'num' && f.exponent.value.q === 1n && f.exponent.value.p < 0n && f.exponent.value.p >= -4n) {
        const k = Number(-f.exponent.value.p);
        const b = atomic(this.expr(f.base));
        for (let j = 0; j < k; j++) denom.push(b);
      } else numer.push(atomic(this.expr(f)));
    }
    let text = numer.length ? numer.join(' * ') : this.target.literal(1);
    if (denom.length) text += ` / ${denom.length === 1 ? denom[0] : `(${denom.join(' * ')})`}`;
    return sign ? `-${text}` : text;
  }

  private power(base: Expr, ex: Expr): string {
    const b = this.expr(base);
    const bb = atomic(b);
    if (ex.kind === 'num') {
      const { p, q } = ex.value;
      if (q === 1n && p > 0n && p <= 4n) return Array(Number(p)).fill(bb).join(' * ');
      const one = this.target.literal(1);
      if (q === 1n && p < 0n && p >= -4n) return `(${one} / ${p === -1n ? bb : `(${Array(Number(-p)).fill(bb).join(' * ')})`})`;
      if (q === 2n && p === 1n) return this.target.sqrt(stripParens(b));
      if (q === 2n && p === -1n) return `(${one} / ${this.target.sqrt(stripParens(b))})`;
    }
    return this.target.pow(stripParens(b), stripParens(this.expr(ex)));
  }
}

/** Parenthesise a term unless it is a name, an indexed name, a number or a call. */
const atomic = (s: string): string =>
  /^[\w.]+(\[i\])?$/.test(s) || (/^[\w.]+\(.*\)$/.test(s) && balanced(s.slice(s.indexOf('(') + 1, -1))) ? s : `(${stripParens(s)})`;

function balanced(s: string): boolean {
  let d = 0;
  for (const ch of s) {
    if (ch === '(') d++;
    else if (ch === ')' && --d < 0) return false;
  }
  return d === 0;
}

/** Remove one pair of outer parentheses when they enclose the whole text. */
export function stripParens(s: string): string {
  if (!s.startsWith('(') || !s.endsWith(')')) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    if (depth === 0 && i < s.length - 1) return s;
  }
  return s.slice(1, -1);
}

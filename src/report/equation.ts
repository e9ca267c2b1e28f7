/**
 * Equations to LaTeX: `lhs = rhs` (or a lone expression) arranged for reading and broken into
 * aligned lines at top-level + and - signs (and, for a term that is itself too long, inside its
 * one parenthesised sum) so that neither the HTML page nor the .tex document runs off the page.
 */
import { Expr } from '../cas/index.ts';
import { arrangeForDisplay } from './arrange.ts';
import { exprToLatex, isNegativeTerm, negateTerm, visibleWidth, paren, HOLE_MARK, LatexOptions } from './latex.ts';
import { Notation } from './notation.ts';

/** An equation or a named expression, as a derivation step records it. */
export interface EquationLike {
  readonly lhs?: Expr;
  readonly rhs: Expr;
}

/** Options: the notation and the width (in visible characters) a line may take. */
export interface ToLatexOptions {
  readonly notation?: Notation;
  readonly width?: number;
  /** Leave the tree as written (no collecting or grouping). */
  readonly raw?: boolean;
}

const DEFAULT_WIDTH = 72;

/** Signed pieces (`+ a`, `- b`) of a sum, splitting inside a long term's parenthesised sum. */
function pieces(e: Expr, o: LatexOptions, width: number): string[] {
  const terms = e.kind === 'add' ? e.terms : [e];
  const out: string[] = [];
  terms.forEach((t, i) => {
    const negative = isNegativeTerm(t);
    const body = negative ? negateTerm(t) : t;
    const sign = negative ? '-' : i === 0 ? '' : '+';
    const tex = body.kind === 'add' ? paren(exprToLatex(body, o)) : exprToLatex(body, o);
    const sums = body.kind === 'mul' ? body.factors.filter((f) => f.kind === 'add') : [];
    if (visibleWidth(tex) <= width || sums.length !== 1) return out.push(`${sign} ${tex}`.trim());
    const [before, after] = exprToLatex(body, { ...o, hole: sums[0] }).split(HOLE_MARK);
    const inner = pieces(sums[0], o, width);
    inner[0] = `${sign} ${before}${inner[0]}`.trim();
    inner[inner.length - 1] += after;
    out.push(...inner);
  });
  return out;
}

/** Pack pieces into lines of at most `width` visible characters. */
function lines(ps: readonly string[], width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of ps) {
    if (cur && visibleWidth(cur) + visibleWidth(p) > width) {
      out.push(cur);
      cur = p;
    } else cur = cur ? `${cur} ${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

/** LaTeX of one side, as one string or (when too wide) as lines to align. */
export function sideLatex(e: Expr, options: ToLatexOptions = {}): string[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const shown = options.raw ? e : arrangeForDisplay(e);
  const o: LatexOptions = { notation: options.notation };
  const whole = exprToLatex(shown, o);
  if (visibleWidth(whole) <= width) return [whole];
  return lines(pieces(shown, o, width), width);
}

/** LaTeX of an equation `lhs = rhs` or of an expression, in the paper's notation, broken into aligned lines when long. */
export function toLatex(equation: EquationLike | Expr, options: ToLatexOptions = {}): string {
  const eq: EquationLike = 'kind' in equation ? { rhs: equation } : equation;
  const lhs = eq.lhs ? sideLatex(eq.lhs, { ...options, width: Number.POSITIVE_INFINITY }).join(' ') : undefined;
  const width = (options.width ?? DEFAULT_WIDTH) - (lhs ? Math.min(visibleWidth(lhs), 30) : 0);
  const rhs = sideLatex(eq.rhs, { ...options, width });
  if (rhs.length === 1) return lhs ? `${lhs} = ${rhs[0]}` : rhs[0];
  const first = lhs ? `${lhs} &= ${rhs[0]}` : `& ${rhs[0]}`;
  const rest = rhs.slice(1).map((l) => `&\\quad ${l}`);
  return `\\begin{aligned}${[first, ...rest].join(' \\\\ ')}\\end{aligned}`;
}

/**
 * The symbol table: how internal names are written in LaTeX. The default is plain (generic
 * rendering: Greek letters, digits as subscripts, `x_t` as a time derivative, multi-letter names
 * upright); a derivation file declares its own table by exporting `notation` (the paper's lives
 * in derivations/lib/notation.ts), built with `extendNotation`.
 */
import { escapeTexMathName } from '../escape/tex.ts';

/** How one opaque function (or operator) is written. */
export interface FunctionNotation {
  /** The head, e.g. `\nu^\varepsilon`, `B_0`, `\partial_v`. */
  readonly latex: string;
  /**
   * The unknown of an equation: written without its arguments when they are plain distinct
   * variables, and its derivatives then as `\partial_v \nu^\varepsilon`.
   */
  readonly elideArgs?: boolean;
  /**
   * An operator applied to one argument in square brackets: `true` brackets compound arguments
   * only (`\partial_v \nu`, `\partial_v[v \nu]`), `'always'` every argument (`\mathcal F_\rho[\nu]`).
   */
  readonly bracket?: boolean | 'always';
}

/** A symbol's LaTeX; `compound` ones are parenthesised as factors of a longer product. */
export interface SymbolNotation {
  readonly latex: string;
  readonly compound?: boolean;
}

/** A complete notation: symbols, functions, and which symbols are variables (written after parameters). */
export interface Notation {
  readonly symbols: Readonly<Record<string, string | SymbolNotation>>;
  readonly functions: Readonly<Record<string, string | FunctionNotation>>;
  readonly variables: readonly string[];
}

/**
 * The plain notation every derivation gets unless it declares its own: names are written
 * generically (`rho` -> `\rho`, `nu(v, w)` -> `\nu(v, w)`, `d_v(...)` -> `\partial_v[...]`), and
 * `eps` as `\varepsilon`.
 * A derivation file opts into a table by exporting `notation` (e.g. `extendNotation(plainNotation, {...})`).
 */
export const plainNotation: Notation = { symbols: { eps: '\\varepsilon' }, functions: {}, variables: ['t', 's', 'x', 'y', 'z', 'v', 'w', 'u'] };

/** A notation with more (or overriding) symbols, functions and variables. */
export function extendNotation(base: Notation, more: Partial<Notation>): Notation {
  return {
    symbols: { ...base.symbols, ...(more.symbols ?? {}) },
    functions: { ...base.functions, ...(more.functions ?? {}) },
    variables: [...new Set([...base.variables, ...(more.variables ?? [])])],
  };
}

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
]);

/** True when the LaTeX has a superscript at brace depth 0 (so `x^2` would be a double superscript). */
export function hasTopLevelSuperscript(tex: string): boolean {
  let depth = 0;
  for (const ch of tex) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '^' && depth === 0) return true;
  }
  return false;
}

/** LaTeX of a bare name with no table entry: Greek letters, `rho0` -> `\rho_0`, `a_b` -> `a_{b}`, long names upright. */
function genericName(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  const us = name.indexOf('_');
  if (us > 0 && us < name.length - 1) {
    // a head that already carries a subscript (h1 -> h_{1}) is braced, or `h_{1}_{g}` is a double subscript
    const head = genericName(name.slice(0, us));
    return `${head.includes('_') ? `{${head}}` : head}_{${genericName(name.slice(us + 1))}}`;
  }
  const digits = /^([A-Za-z]+?)(\d+)$/.exec(name);
  if (digits) return `${genericName(digits[1])}_{${digits[2]}}`;
  return `\\mathrm{${escapeTexMathName(name)}}`;
}

/** The LaTeX of a symbol, with the compound flag; `X_t` is the time derivative (X)' of X. */
export function symbolLatex(name: string, notation: Notation): SymbolNotation {
  const hit = notation.symbols[name];
  if (hit !== undefined) return typeof hit === 'string' ? { latex: hit } : hit;
  const rate = /^(.+)_t$/.exec(name);
  if (rate) {
    const base = symbolLatex(rate[1], notation).latex;
    return { latex: hasTopLevelSuperscript(base) || base.includes(' ') ? `(${base})'` : `${base}'` };
  }
  return { latex: genericName(name) };
}

/** The notation of a function name (generic: `d_x` is the operator `\partial_x[...]`, others upright or Greek). */
export function functionLatex(name: string, notation: Notation): FunctionNotation {
  const hit = notation.functions[name];
  if (hit !== undefined) return typeof hit === 'string' ? { latex: hit } : hit;
  const d = /^d_([A-Za-z]\w*)$/.exec(name);
  if (d) {
    const x = symbolLatex(d[1], notation).latex;
    return { latex: `\\partial_${x.length === 1 ? x : `{${x}}`}`, bracket: true };
  }
  return { latex: genericName(name) };
}

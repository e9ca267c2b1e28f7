/**
 * Parse text into an expression. mathjs does the tokenising (so syntax errors carry a position),
 * with numbers read as exact decimals (BigNumber), so `0.1` is 1/10, `1e-400` is not 0 and
 * `123456789012345678901` keeps its last digit; the tree is converted to ours. With a scope,
 * every symbol and function must be declared: a typo in a claim is an error, never a fresh
 * variable. Limits on length, nesting, size and digits are refused with a LimitError; a division
 * by an expression that is identically zero is refused, never folded.
 */
import type { MathNode as MathJsNode } from 'mathjs';
import { exactMath } from './mathjs.ts';
import { Expr, add, mul, pow, num, sym, fn, neg, exp, isZero } from './expr.ts';
import { qFromDecimalString, qSign } from './rational.ts';
import { ExpressionSyntaxError, UnknownSymbolError, LimitError, DivisionByZeroError, isStackOverflow } from './errors.ts';
import { knownFunction, closeFunctionNames } from './registry.ts';
import { opaqueNames } from './safeNames.ts';
import { limits } from './limits.ts';
import { Assumptions, mergeAssumptions } from './assumptions.ts';
import { toPoly } from './normal.ts';
import { printExpr } from './print.ts';
import { registerMemo } from './memo.ts';
import { readPrinted } from './printedParse.ts';

/** A function name that is neither the registry's nor declared opaque: names it and the close known names. */
export class UnknownFunctionError extends UnknownSymbolError {
  constructor(label: string, fnName: string, declared: readonly string[]) {
    super(label, fnName, 'function', [...declared]);
    this.message = `unknown function "${fnName}" in ${label}: neither a known function (did you mean ${closeFunctionNames(fnName, declared).join(', ')}?) nor declared opaque (declare it among the model's functions, or pass opaque: ['${fnName}'])`;
    this.name = 'UnknownFunctionError';
  }
}

/** Opaque functions declared for one parse without a scope: `parseExpr('N(x)', { opaque: ['N'] })`. */
export interface OpaqueDeclaration {
  readonly opaque: readonly string[];
}

/** A function defined by a formula (text) in its parameters. */
export interface MacroSource {
  readonly params: readonly string[];
  readonly body: string;
}

/** Declared names: symbols, opaque functions with their arity, and operators applied at parse time. */
export interface Scope {
  readonly symbols: ReadonlySet<string>;
  readonly functions: ReadonlyMap<string, number>;
  readonly operators?: ReadonlyMap<string, (args: Expr[]) => Expr>;
  /** Symbols that stand for a formula (zero-argument macros), expanded where they occur. */
  readonly resolveSymbol?: (name: string) => Expr | undefined;
  /** The text of the macros among the operators, so a witness can evaluate them from their own text. */
  readonly macroSources?: ReadonlyMap<string, MacroSource>;
  /** What the scope declares about its symbols (a model's positive parameters, ...). */
  readonly assumptions?: Assumptions;
}

/** The text an expression was parsed from, and the scope it was read in (for the numeric witness). */
export interface ParsedSource {
  readonly text: string;
  readonly scope?: Scope;
}

const DERIV_NAME = /^(.+)__d(\d+(?:_\d+)*)$/;
const sources = new WeakMap<Expr, ParsedSource>();

/** The text an expression was parsed from, when it came straight from parseExpr. */
export function sourceOf(e: Expr): ParsedSource | undefined {
  return sources.get(e);
}

/** What the scopes these expressions were parsed in declare (a model's positive parameters, ...). */
export function declaredBySource(exprs: readonly Expr[]): Assumptions {
  return mergeAssumptions(...exprs.map((e) => sourceOf(e)?.scope?.assumptions));
}

/** mathjs's parser with BigNumber constants (the digits of a numeral are kept). */
export function mathParseExact(text: string): MathJsNode {
  return exactMath.parse(text);
}

/**
 * Parse trees by text: the engine's parser and the numeric witness read the same texts (a claim's
 * sides, a scope's formulas, the printed forms of derived sides), and each only reads the tree
 * (never mutates it), so one parse serves both. Bounded in texts and in characters; emptied by
 * clearMemos. A text mathjs refuses is not kept.
 */
const trees = new Map<string, MathJsNode>();
const MAX_TREES = 4000;
/** Characters of the texts held: a text may have a million characters (limits.maxTextLength), so the count alone does not bound the memory. */
const MAX_TREE_CHARS = 20_000_000;
let treeChars = 0;
const clearTrees = () => {
  trees.clear();
  treeChars = 0;
};
registerMemo(clearTrees);

/**
 * The tree mathjs builds for a text: readPrinted's where the text is in the printer's grammar (the
 * same tree, about ten times faster; tests hold it to mathjs's), mathjs's own otherwise. Shared and
 * read only.
 */
export function parseTree(text: string): MathJsNode {
  let tree = trees.get(text);
  if (!tree) {
    tree = (readPrinted(text) as MathJsNode | undefined) ?? mathParseExact(text);
    if (trees.size >= MAX_TREES || treeChars + text.length > MAX_TREE_CHARS) clearTrees();
    trees.set(text, tree);
    treeChars += text.length;
  }
  return tree;
}

/** Refuse, before mathjs sees the text, what it would read surprisingly or could not bound. */
export function precheckText(text: string, label: string): void {
  const L = limits();
  if (text.length > L.maxTextLength) throw new LimitError('maxTextLength', L.maxTextLength, text, `${label} has ${text.length} characters`);
  let depth = 0;
  let worst = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') worst = Math.max(worst, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  if (worst > L.maxDepth) throw new LimitError('maxDepth', L.maxDepth, text, `${label} nests parentheses ${worst} deep`);
  const oddity = numeralOddity(text);
  if (oddity) throw new ExpressionSyntaxError(label, text, oddity.at + 1, oddity.detail);
}

const isName = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** A numeral mathjs would read surprisingly: a hexadecimal/binary/octal literal, or digits running into a name (`1e`, `1_000`, `2x`). */
function numeralOddity(text: string): { at: number; detail: string } | undefined {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const startsNumber = isDigit(c) || (c === '.' && isDigit(text[i + 1]));
    if (!startsNumber || isName(text[i - 1]) || isDigit(text[i - 1])) {
      // skip a whole name (digits inside names such as x1 or N__d1_0 are part of the name)
      if (isName(c)) while (i < text.length && (isName(text[i]) || isDigit(text[i]))) i++;
      else i++;
      continue;
    }
    const start = i;
    if (c === '0' && /[xXbBoO]/.test(text[i + 1] ?? '') && /[0-9A-Fa-f]/.test(text[i + 2] ?? ''))
      return { at: start, detail: 'hexadecimal, binary and octal literals are not accepted (write the decimal number)' };
    while (isDigit(text[i])) i++;
    if (text[i] === '.') for (i++; isDigit(text[i]); ) i++;
    if (/[eE]/.test(text[i] ?? '')) {
      const j = /[+-]/.test(text[i + 1] ?? '') ? i + 2 : i + 1;
      if (isDigit(text[j])) for (i = j; isDigit(text[i]); ) i++;
    }
    if (isName(text[i]))
      return { at: start, detail: `a number runs into a name ("${text.slice(start, i + 1)}"): write products with * (2*x) and exponents with digits (1e-3)` };
  }
  return undefined;
}

interface MathNode {
  type: string;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  content?: MathNode;
  implicit?: boolean;
}

/** The operands of a chain a + b - c + ... (or a * b / c ...) read without recursion (long sums nest deeply in mathjs's tree). */
function chainOperands(n: MathNode, ops: readonly string[]): { node: MathNode; negate: boolean; invert: boolean }[] {
  const out: { node: MathNode; negate: boolean; invert: boolean }[] = [];
  let cur = n;
  while (cur.type === 'OperatorNode' && ops.includes(cur.fn as string) && cur.args!.length === 2) {
    out.push({ node: cur.args![1], negate: cur.fn === 'subtract', invert: cur.fn === 'divide' });
    cur = cur.args![0];
  }
  out.push({ node: cur, negate: false, invert: false });
  return out.reverse();
}

/** One conversion of mathjs's tree to an expression (methods, not closures: nothing is made per call). */
class Converter {
  private nodes = 0;
  readonly L = limits();
  constructor(
    readonly text: string,
    readonly label: string,
    readonly scope: Scope | undefined,
    readonly opaque: ReadonlySet<string> | undefined,
  ) {}

  fail(detail: string): never {
    throw new ExpressionSyntaxError(this.label, this.text, undefined, detail);
  }

  divide(a: Expr, b: Expr): Expr {
    if (isZero(b) || toPoly(b).size === 0) throw new DivisionByZeroError(this.label, this.text, printExpr(b));
    return mul(a, pow(b, -1));
  }

  convert(n: MathNode, depth: number): Expr {
    const { text, label, scope, opaque, L } = this;
    if (++this.nodes > L.maxNodes) throw new LimitError('maxNodes', L.maxNodes, text, `${label} has more than ${L.maxNodes} nodes`);
    if (depth > L.maxDepth) throw new LimitError('maxDepth', L.maxDepth, text, `${label} nests operations ${depth} deep`);
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value as { isBigNumber?: boolean; isFinite?: () => boolean; toString(): string } | number | boolean | string;
        if (typeof v === 'object' && v && v.isBigNumber && v.isFinite!()) return num(qFromDecimalString(v.toString()));
        if (typeof v === 'number' && Number.isFinite(v)) return num(qFromDecimalString(String(v)));
        return this.fail(`unsupported constant ${String(v)}`);
      }
      case 'SymbolNode': {
        const name = n.name!;
        if (name === 'e') return exp(num(1));
        if (name === 'i') return this.fail('"i" is the imaginary unit and the engine works over the reals; name the symbol otherwise');
        const value = scope?.resolveSymbol?.(name);
        if (value) return value;
        if (scope && !scope.symbols.has(name) && name !== 'pi') {
          throw new UnknownSymbolError(label, name, 'symbol', [...scope.symbols]);
        }
        return sym(name);
      }
      case 'ParenthesisNode':
        return this.convert(n.content!, depth + 1);
      case 'OperatorNode': {
        if (n.fn === 'add' || n.fn === 'subtract') {
          const parts = chainOperands(n, ['add', 'subtract']);
          return add(...parts.map((p) => (p.negate ? neg(this.convert(p.node, depth + 1)) : this.convert(p.node, depth + 1))));
        }
        if (n.fn === 'multiply' || n.fn === 'divide') {
          const parts = chainOperands(n, ['multiply', 'divide']);
          return parts.reduce<Expr>((acc, p, i) => {
            const x = this.convert(p.node, depth + 1);
            return i === 0 ? x : p.invert ? this.divide(acc, x) : mul(acc, x);
          }, num(1));
        }
        const a = n.args!.map((x) => this.convert(x, depth + 1));
        switch (n.fn) {
          case 'pow': {
            if (a[1].kind === 'num' && qSign(a[1].value) < 0 && (isZero(a[0]) || toPoly(a[0]).size === 0))
              throw new DivisionByZeroError(label, text, printExpr(a[0]));
            return pow(a[0], a[1]);
          }
          case 'unaryMinus':
            return neg(a[0]);
          case 'unaryPlus':
            return a[0];
          default:
            return this.fail(`unsupported operator "${n.op}"`);
        }
      }
      case 'FunctionNode': {
        const fnNode = n.fn as MathNode;
        const name = fnNode.type === 'SymbolNode' ? fnNode.name! : this.fail('only named functions can be applied');
        const args = n.args!.map((x) => this.convert(x, depth + 1));
        const op = scope?.operators?.get(name);
        if (op) return op(args);
        const m = DERIV_NAME.exec(name);
        const base = m ? m[1] : name;
        const known = knownFunction(base);
        if (known) {
          if (m) this.fail(`${name}: ${base} is a known function; write its derivative out`);
          if (args.length !== 1) this.fail(`${name} takes one argument, got ${args.length}`);
          return known.name === 'sqrt' ? pow(args[0], num(1, 2)) : fn(known.name, args);
        }
        const arity = scope?.functions.get(base);
        if (arity === undefined && !opaque?.has(base)) throw new UnknownFunctionError(label, base, [...(scope?.functions.keys() ?? []), ...(opaque ?? [])]);
        if (arity !== undefined && arity !== args.length) this.fail(`${base} takes ${arity} argument(s), got ${args.length}`);
        const derivs = m ? m[2].split('_').map(Number) : undefined;
        if (derivs && derivs.length !== args.length) this.fail(`derivative marker of ${name} does not match its arguments`);
        return fn(base, args, derivs);
      }
      default:
        return this.fail(`unsupported syntax (${n.type})`);
    }
  }
}

/**
 * Parse `text` (labelled `label` in errors), checking names against the scope when given. Function
 * names must be the registry's (registry.ts), the scope's opaque functions, or listed in `opaque`;
 * any other name is refused with the close known names.
 */
export function parseExpr(text: string, scopeOrOpaque?: Scope | OpaqueDeclaration, label = 'expression', opaqueSet?: ReadonlySet<string>): Expr {
  const scope = scopeOrOpaque && 'symbols' in scopeOrOpaque ? scopeOrOpaque : undefined;
  const listed = scopeOrOpaque && !('symbols' in scopeOrOpaque) ? opaqueNames(scopeOrOpaque.opaque, label) : undefined;
  const opaque = listed && opaqueSet ? new Set([...listed, ...opaqueSet]) : (listed ?? opaqueSet);
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ExpressionSyntaxError(label, String(text), undefined, 'empty expression');
  }
  precheckText(text, label);
  let node: MathNode;
  try {
    node = parseTree(text) as unknown as MathNode;
  } catch (err) {
    if (isStackOverflow(err)) throw new LimitError('maxDepth', limits().maxDepth, text, `${label} nests too deeply to parse`);
    const e = err as Error & { char?: number };
    throw new ExpressionSyntaxError(label, text, e.char, e.message.replace(/\s*\(char \d+\)$/, ''));
  }
  let out: Expr;
  const converter = new Converter(text, label, scope, opaque);
  try {
    out = converter.convert(node, 0);
  } catch (err) {
    if (isStackOverflow(err)) throw new LimitError('maxDepth', converter.L.maxDepth, text, `${label} nests too deeply`);
    throw err;
  }
  // a fresh root object, unique to this call: the text is never attached to a shared node (zero, one, a macro's body)
  const root: Expr = { ...out };
  sources.set(root, { text, scope });
  return root;
}

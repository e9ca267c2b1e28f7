/**
 * An expression built by a caller (objects, not a parsed text) checked before it enters a verdict
 * or an evaluation: well formed (each node one of the six kinds with its fields; numbers are
 * rationals in lowest terms; names are non-empty; a registry function takes one argument, as its
 * numeric value does; derivative orders are whole numbers, one per argument), and within the
 * limits a text meets: its depth (maxDepth, as the parser bounds a text's nesting) and its size as
 * printed, a shared subtree counted each time it occurs: every node prints at least one character,
 * so a tree of more than maxTextLength nodes prints a text longer than any the engine reads (the
 * witness reads the printed form). A malformed node would otherwise surface as a bare TypeError, or
 * worse as a wrong number (exp(x, y) evaluated as exp(x)); an over-deep tree as a stack overflow,
 * an exponentially shared one as a hang. The walk keeps its own stack and ends within
 * maxTextLength steps.
 */
import { type Expr, children } from './expr.ts';
import { LimitError } from './errors.ts';
import { limits } from './limits.ts';
import { knownFunction } from './registry.ts';
import { gcd } from './rational.ts';

/** An expression object that is not a well-formed tree: names where in the tree and what is wrong. */
export class MalformedExpressionError extends TypeError {
  constructor(label: string, path: string, detail: string) {
    super(`${label}: ${path ? `at ${path}: ` : ''}${detail}`);
    this.name = 'MalformedExpressionError';
  }
}

const isExprObject = (x: unknown): x is Expr => typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string';

/** What is wrong with one node itself (its children are checked on their own, objects or not), or undefined. */
function defect(x: Expr): string | undefined {
  switch (x.kind) {
    case 'num': {
      const v = x.value as { p?: unknown; q?: unknown } | undefined;
      if (!v || typeof v.p !== 'bigint' || typeof v.q !== 'bigint') return 'a number must hold a rational {p, q} of bigints (num(p, q) builds one)';
      if (v.q <= 0n || (v.q !== 1n && gcd(v.p, v.q) !== 1n))
        return `the rational ${v.p}/${v.q} is not in lowest terms with a positive denominator (num(p, q) reduces it)`;
      return undefined;
    }
    case 'sym':
      return typeof x.name === 'string' && x.name.length > 0 ? undefined : 'a symbol needs a non-empty name';
    case 'add':
    case 'mul': {
      const parts = x.kind === 'add' ? x.terms : x.factors;
      return Array.isArray(parts) && parts.length > 0 ? undefined : `${x.kind === 'add' ? 'a sum needs terms' : 'a product needs factors'} (a non-empty array)`;
    }
    case 'pow':
      return isExprObject(x.base) && isExprObject(x.exponent) ? undefined : 'a power needs a base and an exponent, both expressions';
    case 'fn': {
      if (typeof x.name !== 'string' || x.name.length === 0) return 'a function needs a non-empty name';
      if (!Array.isArray(x.args) || x.args.length === 0) return `${x.name} needs its arguments, a non-empty array of expressions`;
      if (knownFunction(x.name) && x.args.length !== 1) return `${x.name} takes one argument, got ${x.args.length}`;
      const d = x.derivs;
      if (d !== undefined && (!Array.isArray(d) || d.length !== x.args.length || !d.every((k) => Number.isSafeInteger(k) && k >= 0)))
        return `the derivative orders of ${x.name} must be whole numbers >= 0, one per argument`;
      return undefined;
    }
    default:
      return `unknown kind ${JSON.stringify((x as { kind: unknown }).kind)} (an expression is a num, sym, add, mul, pow or fn)`;
  }
}

/** The path from the root to the first occurrence of target (as field names and indices), found again for an error message. */
function pathTo(root: Expr, target: unknown): string {
  const nodes: Expr[] = [root];
  const paths: string[] = [''];
  while (nodes.length > 0) {
    const x = nodes.pop()!;
    const path = paths.pop()!;
    if (x === target) return path;
    if (!isExprObject(x)) continue;
    const cs = children(x);
    for (let j = cs.length - 1; j >= 0; j--) {
      nodes.push(cs[j]);
      paths.push(path ? `${path}.${stepName(x, j)}` : stepName(x, j));
    }
  }
  return '';
}

/** Where child j of a node sits in it, in words (terms[2], base, args[0]). */
function stepName(x: Expr, j: number): string {
  switch (x.kind) {
    case 'add':
      return `terms[${j}]`;
    case 'mul':
      return `factors[${j}]`;
    case 'pow':
      return j === 0 ? 'base' : 'exponent';
    default:
      return `args[${j}]`;
  }
}

/**
 * Refuse e (named by `label`) when it is not a well-formed expression (MalformedExpressionError,
 * naming the node), deeper than maxDepth or with more nodes as printed than maxTextLength (LimitError).
 */
export function checkTree(e: Expr, label: string): void {
  const L = limits();
  if (!isExprObject(e)) throw new MalformedExpressionError(label, '', 'not an expression object (parse a text with parseExpr)');
  const nodes: Expr[] = [e];
  const depths: number[] = [1];
  let count = 0;
  while (nodes.length > 0) {
    const x = nodes.pop()!;
    const depth = depths.pop()!;
    if (++count > L.maxTextLength)
      throw new LimitError(
        'maxTextLength',
        L.maxTextLength,
        label,
        `${label} has more than ${L.maxTextLength} nodes as printed (shared subtrees counted each time they occur)`,
      );
    if (depth > L.maxDepth) throw new LimitError('maxDepth', L.maxDepth, label, `${label} nests operations more than ${L.maxDepth} deep`);
    const wrong = isExprObject(x) ? defect(x) : 'not an expression object';
    if (wrong) throw new MalformedExpressionError(label, pathTo(e, x), wrong);
    const cs = children(x);
    for (let j = 0; j < cs.length; j++) {
      nodes.push(cs[j]);
      depths.push(depth + 1);
    }
  }
}

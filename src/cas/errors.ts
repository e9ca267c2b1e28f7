/** Errors with messages a user can act on: they name the expression, the position, the symbol. */
import { limits } from './limits.ts';

/** A malformed expression: names the expression (label and text) and the character position. */
export class ExpressionSyntaxError extends Error {
  constructor(
    readonly label: string,
    readonly text: string,
    readonly position: number | undefined,
    detail: string,
  ) {
    const where = position === undefined ? '' : ` at character ${position}`;
    const caret = position === undefined ? '' : `\n  ${text}\n  ${' '.repeat(Math.max(0, position - 1))}^`;
    super(`syntax error in ${label} "${text}"${where}: ${detail}${caret}`);
    this.name = 'ExpressionSyntaxError';
  }
}

/** A symbol or function that the scope does not declare. */
export class UnknownSymbolError extends Error {
  constructor(
    readonly label: string,
    readonly symbol: string,
    kind: 'symbol' | 'function',
    known: string[],
  ) {
    super(`unknown ${kind} "${symbol}" in ${label}; declare it first (known ${kind}s: ${known.sort().join(', ') || 'none'})`);
    this.name = 'UnknownSymbolError';
  }
}

/** Input or work beyond one of the engine's limits: names the limit, its value and the input. */
export class LimitError extends Error {
  constructor(
    readonly limit: string,
    readonly bound: number,
    readonly input: string,
    detail: string,
  ) {
    super(`limit ${limit} = ${bound} exceeded by ${abbreviate(input)}: ${detail}`);
    this.name = 'LimitError';
  }
}

/** True for the RangeError of a stack overflow (not the other RangeErrors: a BigInt too large, an invalid length). */
export const isStackOverflow = (err: unknown): boolean => err instanceof RangeError && /call stack/i.test(err.message);

/**
 * The error to throw for err caught around a recursive walk of a tree: a stack overflow (a tree
 * nested too deeply for the walk, built through the API past the limits a text meets) becomes a
 * LimitError naming maxDepth and what was walking; any other error is itself.
 */
export function deepTreeError(err: unknown, walk: string): unknown {
  if (isStackOverflow(err))
    return new LimitError('maxDepth', limits().maxDepth, walk, `the expression is nested too deeply for ${walk} (the stack overflowed)`);
  return err;
}

/** A division by an expression that is identically zero (0/0, x/0, x/(y - y)): refused, never folded. */
export class DivisionByZeroError extends Error {
  constructor(
    readonly label: string,
    readonly text: string,
    readonly denominator: string,
  ) {
    super(`division by zero in ${label} "${abbreviate(text)}": the denominator ${denominator} is identically 0`);
    this.name = 'DivisionByZeroError';
  }
}

/** At most n characters of a text, with the length when cut (inputs can be huge). */
export function abbreviate(text: string, n = 120): string {
  return text.length <= n ? text : `${text.slice(0, n)}... (${text.length} characters)`;
}

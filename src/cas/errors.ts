/** Errors with messages a user can act on: they name the expression, the position, the symbol. */

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
    super(
      `unknown ${kind} "${symbol}" in ${label}; declare it first (known ${kind}s: ${known.sort().join(', ') || 'none'})`,
    );
    this.name = 'UnknownSymbolError';
  }
}

/**
 * The engine's limits on input and work. Each is refused with a LimitError naming it, so a hostile
 * or mistyped input ends in bounded time with a message, never a hang, a stack overflow or an
 * out-of-memory abort. The values can be raised by a caller who knows better (setLimits).
 */

/** The limits, with what each bounds. */
export interface Limits {
  /** Characters of an expression's text. */
  readonly maxTextLength: number;
  /** Nesting depth of parentheses, and of the expression tree. */
  readonly maxDepth: number;
  /** Operands and operations of a parsed expression (a 5 000-term sum of products has about 15 000; a 50 000-term sum is refused). */
  readonly maxNodes: number;
  /** Decimal digits (and decimal exponent) of a number written in an expression. */
  readonly maxNumberDigits: number;
  /** Bits of an exact number produced by folding a power (2^100000 has 100 001). */
  readonly maxPowerBits: number;
  /** Terms of one expanded normal form. */
  readonly maxTerms: number;
  /** Term multiplications one normal form may cost (bounds the work whatever the shape of the input). */
  readonly maxWork: number;
  /**
   * Milliseconds each method of equivalent() may use before it abstains with `timeout`: a safety
   * net only; the size and work limits above are what bound hostile input, deterministically.
   */
  readonly methodMs: number;
  /**
   * Milliseconds one equivalent() call may use in all: parsing, the parse-time zero checks, every
   * method and every sub-call (each nerdamer call, each high-precision re-evaluation) share it.
   * Past it, arithmetic stops with a TimeoutError and the methods not yet run abstain.
   */
  readonly callMs: number;
}

/** The defaults: generous for a paper's algebra, small enough to answer in seconds. */
export const DEFAULT_LIMITS: Limits = {
  maxTextLength: 1_000_000,
  maxDepth: 150, // mathjs's recursive parser overflows the stack near 280 nested parentheses
  maxNodes: 20_000,
  maxNumberDigits: 1000,
  maxPowerBits: 20_000,
  maxTerms: 200_000,
  maxWork: 400_000, // the paper's largest normal form needs about 5 100
  methodMs: 3_000,
  callMs: 4_000,
};

let current: Limits = DEFAULT_LIMITS;

/** The limits in force. */
export function limits(): Limits {
  return current;
}

/** Replace some limits; returns the previous ones (to restore). */
export function setLimits(more: Partial<Limits>): Limits {
  const prev = current;
  current = { ...current, ...more };
  return prev;
}

/** The deadline of the current call (performance.now() milliseconds), Infinity outside any call. */
let callDeadline = Infinity;

/** Run f with one deadline ms from now for everything it does (nested calls keep the earlier deadline). */
export function withCallDeadline<T>(ms: number, f: () => T): T {
  const prev = callDeadline;
  callDeadline = Math.min(prev, performance.now() + ms);
  try {
    return f();
  } finally {
    callDeadline = prev;
  }
}

/** The deadline of the current call (Infinity outside any). */
export const currentCallDeadline = (): number => callDeadline;

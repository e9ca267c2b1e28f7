/**
 * Vitest matchers for checking your own algebra:
 *
 *   import { expect } from 'vitest';
 *   import { fhnMatchers } from 'fhn-derive/vitest';
 *   expect.extend(fhnMatchers);
 *   expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
 *   expect('sqrt(x^2)').toBeEquivalentTo('x', { assume: { x: 'nonnegative' } });
 *
 * `toBeEquivalentTo` passes when the verdict is `equal` (two independent methods agree, none
 * dissents, under the declared assumptions; every other symbol is real); `.not` passes when it is
 * `different`. A `disputed` verdict throws with every method's evidence, so neither the matcher nor
 * its `.not` can pass by accident.
 */
import type {} from 'vitest'; // brings vitest's types into the build, for the augmentation below
import type { Expr } from '../cas/index.ts';
import { equivalent, EquivalenceOptions, Verdict } from './equivalent.ts';

type Side = Expr | string;

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const evidence = (v: Verdict) => v.checks.map((c) => `  ${c.method}: ${c.result} (${c.detail})`).join('\n');

/** The verdict is disputed: neither equal nor different can be asserted. */
export class DisputedVerdictError extends Error {
  constructor(readonly verdict: Verdict) {
    super(
      `the methods do not settle ${verdict.lhs} = ${verdict.rhs}: ${verdict.reason}\n${evidence(verdict)}${verdict.findings.length ? `\n  findings: ${verdict.findings.join('; ')}` : ''}`,
    );
    this.name = 'DisputedVerdictError';
  }
}

/** The matchers, to pass to `expect.extend`. */
export const fhnMatchers = {
  /** Passes when received and expected are the same expression (identity checked by independent methods). */
  toBeEquivalentTo(received: Side, expected: Side, options: EquivalenceOptions = {}): MatcherResult {
    const v = equivalent(received, expected, { label: 'toBeEquivalentTo', ...options });
    if (v.status === 'disputed') throw new DisputedVerdictError(v);
    return {
      pass: v.equivalent,
      message: () =>
        v.equivalent
          ? `expected ${v.lhs} not to be equivalent to ${v.rhs}, but it is (${v.reason}):\n${evidence(v)}`
          : `expected ${v.lhs} to be equivalent to ${v.rhs} (${v.reason})\n  difference (received - expected) = ${v.difference}\n${evidence(v)}`,
    };
  },
  /** Passes when the expression is identically zero. */
  toBeIdenticallyZero(received: Side, options: EquivalenceOptions = {}): MatcherResult {
    return fhnMatchers.toBeEquivalentTo(received, '0', options);
  },
};

interface FhnMatchers<R = unknown> {
  toBeEquivalentTo(expected: Side, options?: EquivalenceOptions): R;
  toBeIdenticallyZero(options?: EquivalenceOptions): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the augmentation repeats vitest's own signature, Matchers<T = any>
  interface Matchers<T = any> extends FhnMatchers<T> {}
}

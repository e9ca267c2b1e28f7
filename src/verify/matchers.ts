/**
 * Vitest matchers for checking your own algebra:
 *
 *   import { expect } from 'vitest';
 *   import { fhnMatchers } from 'fhn-derive/vitest';
 *   expect.extend(fhnMatchers);
 *   expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
 *
 * A pass needs two independent methods to agree; when the methods disagree the matcher throws
 * (with both forms printed), so neither `expect(..)` nor `expect(..).not` can pass by accident.
 */
import type {} from 'vitest'; // brings vitest's types into the build, for the augmentation below
import type { Expr } from '../cas/index.ts';
import { equivalent, EquivalenceOptions } from './equivalent.ts';

type Side = Expr | string;

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The matchers, to pass to `expect.extend`. */
export const fhnMatchers = {
  /** Passes when received and expected are the same expression (identity checked by independent methods). */
  toBeEquivalentTo(received: Side, expected: Side, options: EquivalenceOptions = {}): MatcherResult {
    const v = equivalent(received, expected, { label: 'toBeEquivalentTo', ...options });
    const evidence = v.checks.map((c) => `  ${c.method}: ${c.result} (${c.detail})`).join('\n');
    return {
      pass: v.equivalent,
      message: () =>
        v.equivalent
          ? `expected ${v.lhs} not to be equivalent to ${v.rhs}, but it is:\n${evidence}`
          : `expected ${v.lhs} to be equivalent to ${v.rhs}\n  difference (received - expected) = ${v.difference}\n${evidence}`,
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

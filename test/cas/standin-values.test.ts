/**
 * The random stand-ins of opaque functions are looked up without a key text per evaluation and
 * their derivative factors computed in a loop (issue 22): the values and error bounds must be the
 * ones the earlier code gave (the digest was computed with it), whatever the name, arity and order.
 */
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { RandomFunctions } from '../../src/cas/witness/randomFunctions.ts';

/** The digest of the stand-ins' bounded values for seeds, names, arities and derivative orders. */
function standInDigest(): string {
  const h = createHash('sha256');
  for (const seed of [1, 2, 3, 1001]) {
    const fns = new RandomFunctions(seed);
    for (const name of ['N', 'B0', 'nu0', 'f'])
      for (const arity of [1, 2, 3])
        for (const derivs of [[], [1], [0, 2], [1, 1, 1], [3, 0, 0]]) {
          if (derivs.length > arity) continue;
          const args = Array.from({ length: arity }, (_, i) => ({ v: 0.3 * i - 1.1 + seed / 7, e: 1e-15 * i, s: 1 }));
          h.update(JSON.stringify(fns.evaluate(name, args, derivs)));
        }
    h.update(JSON.stringify(fns.evaluate('N', [{ v: Number.NaN, e: Number.NaN, s: Number.NaN }])));
    h.update(JSON.stringify(fns.evaluate('N', [{ v: Number.POSITIVE_INFINITY, e: Number.POSITIVE_INFINITY, s: Number.POSITIVE_INFINITY }])));
  }
  return h.digest('hex');
}

describe('random stand-ins', () => {
  it('give the values and bounds the earlier lookup gave', () => {
    expect(standInDigest()).toBe('189ff35d535b0408fac65a25b526fe35fa33c00519313ddf3cc969f83e9adda8');
  });

  it('give one name different functions per arity, and the same function on every lookup', () => {
    const fns = new RandomFunctions(5);
    expect(fns.standIn('N', 1)).toBe(fns.standIn('N', 1));
    expect(fns.standIn('N', 2).terms[0].w).toHaveLength(2);
    expect(fns.standIn('N', 1).terms[0].w).toHaveLength(1);
  });
});

/** Rational radicals by exact factorisation: Miller-Rabin proven below 3.3e24, Pollard rho for the factors. */
import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/equivalent.ts';
import { factorInteger, isPrime, PROVEN_PRIME_BOUND } from '../../src/cas/primes.ts';
import { provablyNonzero } from '../../src/cas/residual.ts';
import { parseExpr, toPoly } from '../../src/cas/index.ts';

/** Primality by trial division (independent of the code under test; for numbers up to about 1e13). */
function trialPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (let d = 2n; d * d <= n; d += d === 2n ? 1n : 2n) if (n % d === 0n) return false;
  return true;
}

describe('exact factorisation', () => {
  it.each([10002200057n, 1000000016000000063n, 2n ** 32n * 3n ** 5n * 1000003n, 999999999989n * 1000000000039n])(
    '%s: the factors multiply back and are prime',
    (n) => {
      const { factors, complete } = factorInteger(n);
      expect(complete).toBe(true);
      expect(factors.reduce((acc, [p, k]) => acc * p ** k, 1n)).toBe(n);
      for (const [p] of factors) if (p < 10n ** 13n) expect(trialPrime(p)).toBe(true);
    },
  );

  it('primality agrees with trial division, and is only claimed below the proven bound', () => {
    for (let n = 999_900n; n < 1_000_100n; n++) expect(isPrime(n)).toBe(trialPrime(n));
    expect(isPrime(2n ** 89n - 1n)).toBeUndefined(); // a Mersenne prime above 3.3e24: probable, not proven here
    expect(2n ** 89n - 1n > PROVEN_PRIME_BOUND).toBe(true);
  });
});

describe('radicals are not assumed independent', () => {
  it.each([
    ['sqrt(10002200057)', 'sqrt(100003)*sqrt(100019)'],
    ['sqrt(1000000016000000063)', 'sqrt(1000000007)*sqrt(1000000009)'],
    ['10002200057^(1/3)', '100003^(1/3)*100019^(1/3)'],
    ['sqrt(2000006)', 'sqrt(2)*sqrt(1000003)'],
  ])('%s = %s', (l, r) => expect(equivalent(l, r).status).toBe('equal'));

  it.each([
    ['sqrt(10002200057)', 'sqrt(100003)*sqrt(100018)'],
    ['sqrt(1000000016000000063)', 'sqrt(1000000007)*sqrt(1000000007)'],
  ])('%s differs from %s', (l, r) => expect(equivalent(l, r).status).toBe('different'));

  it('a radical of a number not proven prime proves nothing about independence', () => {
    const big = 2n ** 89n - 1n;
    expect(provablyNonzero(toPoly(parseExpr(`sqrt(${big}) - sqrt(3)`)))).toBe(false);
    expect(provablyNonzero(toPoly(parseExpr('sqrt(1000003) - sqrt(3)')))).toBe(true);
  });
});

/**
 * Exact integer factorisation for rational radicals (sqrt(10002200057) = sqrt(100003) sqrt(100019)).
 * Primality is decided by Miller-Rabin with the first 13 primes as bases, which is a proof for every
 * n < 3 317 044 064 679 887 385 961 981 (about 3.3e24; Sorenson and Webster 2015); factors are
 * found by trial division and then Pollard's rho (Brent's variant), which always ends, with a
 * factor or not within its budget. Below that bound the factorisation is complete and proven; above
 * it, the factors found are split off (the search stops at the call's deadline) and a cofactor not proven prime stays whole and is marked so:
 * no caller may treat it as a prime (radicals of it are never assumed independent). Kept by hand:
 * the npm factorisation packages either work in floats (wrong past 2^53) or pull in a bignum
 * library; this is 100 lines over BigInt.
 */

import { currentCallDeadline } from './limits.ts';

/** The bound below which the Miller-Rabin bases used here prove primality. */
export const PROVEN_PRIME_BOUND = 3317044064679887385961981n;
const BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n];
const SMALL_PRIMES: bigint[] = [];
for (let p = 2; p < 1000; p++) if (SMALL_PRIMES.every((d) => p % Number(d) !== 0)) SMALL_PRIMES.push(BigInt(p));

function powMod(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  let x = b % m;
  while (e > 0n) {
    if (e & 1n) r = (r * x) % m;
    x = (x * x) % m;
    e >>= 1n;
  }
  return r;
}

/** Miller-Rabin with the fixed bases: false means certainly composite. */
function passesMillerRabin(n: bigint): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (const a of BASES) {
    if (a % n === 0n) continue;
    let x = powMod(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let witness = true;
    for (let i = 1; i < s && witness; i++) {
      x = (x * x) % n;
      if (x === n - 1n) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

/** True when n is prime, false when composite, undefined when n is beyond the proven bound and passes the test. */
export function isPrime(n: bigint): boolean | undefined {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  if (!passesMillerRabin(n)) return false;
  return n < PROVEN_PRIME_BOUND ? true : undefined;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/** A nontrivial factor of a composite odd n by Pollard-Brent rho, or undefined within the budget of steps or past the call's deadline. */
function rho(n: bigint, budget: number): bigint | undefined {
  const deadline = currentCallDeadline();
  for (let c = 1n; c < 20n; c++) {
    const f = (x: bigint) => (x * x + c) % n;
    let y = 2n;
    let r = 1;
    let q = 1n;
    let g = 1n;
    let x = y;
    let ys = y;
    let steps = 0;
    while (g === 1n && steps < budget) {
      x = y;
      for (let i = 0; i < r; i++) y = f(y);
      for (let k = 0; k < r && g === 1n; k += 128) {
        ys = y;
        for (let i = 0; i < Math.min(128, r - k); i++) {
          y = f(y);
          q = (q * (x > y ? x - y : y - x)) % n;
        }
        g = gcd(q, n);
        steps += 128;
        if ((steps & 4095) === 0 && performance.now() > deadline) return undefined;
      }
      r *= 2;
    }
    if (g === n) {
      // the batch overshot: step back one at a time
      do {
        ys = f(ys);
        g = gcd(x > ys ? x - ys : ys - x, n);
      } while (g === 1n);
    }
    if (g !== 1n && g !== n) return g;
    if (steps >= budget) return undefined;
  }
  return undefined;
}

/** Complete factorisations already found (a pure function of n: the same answer whatever asked first). */
const known = new Map<bigint, [bigint, bigint][]>();

/** A prime factorisation [prime, multiplicity] of |n|; `complete` is false when a cofactor could not be proven prime (it is listed whole). */
export function factorInteger(n: bigint, budget = 1 << 21): { factors: [bigint, bigint][]; complete: boolean } {
  let m = n < 0n ? -n : n;
  const hit = known.get(m);
  if (hit) return { factors: hit, complete: true };
  const whole = m;
  const found = new Map<bigint, bigint>();
  const add = (p: bigint) => found.set(p, (found.get(p) ?? 0n) + 1n);
  for (const p of SMALL_PRIMES) {
    while (m % p === 0n) {
      m /= p;
      add(p);
    }
  }
  let complete = true;
  const split = (x: bigint) => {
    if (x === 1n) return;
    const prime = isPrime(x);
    if (prime === true) return add(x);
    // past the proven bound a factor found still helps, but a long search cannot end in a proof
    const f = prime === false ? rho(x, x < PROVEN_PRIME_BOUND ? budget : budget >> 5) : undefined;
    if (f === undefined) {
      complete = false;
      return add(x);
    }
    split(f);
    split(x / f);
  };
  split(m);
  const factors = [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (complete && whole > 1n << 40n) {
    if (known.size > 1000) known.clear();
    known.set(whole, factors);
  }
  return { factors, complete };
}

/** Prime factors of |n| with multiplicities (a cofactor not proven prime stays whole: see factorInteger). */
export function primeFactors(n: bigint): [bigint, bigint][] {
  return factorInteger(n).factors;
}

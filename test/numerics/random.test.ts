/** The seeded generator and its ziggurat normal sampler, judged by statistical checks that also reject biased samplers. */
import { describe, it, expect } from 'vitest';
import { createRng, fillNormalBoxMuller, Rng } from '../../src/numerics/random.ts';

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Kolmogorov–Smirnov distance of a sample to the standard normal law. */
function ksToNormal(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const F = phi(s[i]);
    d = Math.max(d, Math.abs(F - i / s.length), Math.abs(F - (i + 1) / s.length));
  }
  return d;
}

const TAIL_POINTS = [1, 2, 3, 3.442619855899, 4]; // 3.4426... is the ziggurat's base strip edge R: beyond it the slow path samples

/**
 * Every statistic a normal sample must satisfy, as |z|-scores (or KS distance over its 0.1%
 * critical value): mean, variance, fourth moment, tail masses, lag-1 correlations. All < 1 means pass.
 */
function normalityScores(x: Float64Array): Record<string, number> {
  const n = x.length;
  let m1 = 0,
    m2 = 0,
    m4 = 0,
    lag = 0,
    lagSq = 0;
  const tails = TAIL_POINTS.map(() => 0);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    m1 += v;
    m2 += v * v;
    m4 += v ** 4;
    if (i > 0) {
      lag += v * x[i - 1];
      lagSq += (v * v - 1) * (x[i - 1] ** 2 - 1);
    }
    TAIL_POINTS.forEach((k, j) => {
      if (Math.abs(v) > k) tails[j]++;
    });
  }
  const Z = 4.5; // |z| > 4.5 happens with probability 7e-6 per statistic for a correct sampler
  const scores: Record<string, number> = {
    mean: Math.abs(m1 / n) / Math.sqrt(1 / n) / Z,
    variance: Math.abs(m2 / n - 1) / Math.sqrt(2 / n) / Z,
    fourthMoment: Math.abs(m4 / n - 3) / Math.sqrt(96 / n) / Z, // Var[x^4] = 105 - 9
    lag1: Math.abs(lag / n) / Math.sqrt(1 / n) / Z,
    lag1Squares: Math.abs(lagSq / n) / Math.sqrt(4 / n) / Z, // Var[(x^2 - 1)(y^2 - 1)] = 2 * 2
    ks: ksToNormal(x) / (1.95 / Math.sqrt(n)), // KS critical value at the 0.1% level
  };
  TAIL_POINTS.forEach((k, j) => {
    const p = 2 * (1 - phi(k));
    scores[`P(|x| > ${k.toFixed(2)})`] = Math.abs(tails[j] / n - p) / Math.sqrt((p * (1 - p)) / n) / Z;
  });
  return scores;
}

/** The names of the failed checks (empty when the sample passes). */
const failures = (x: Float64Array) =>
  Object.entries(normalityScores(x))
    .filter(([, s]) => !(s < 1))
    .map(([k]) => k);

const N = 1_000_000;
const sample = (fill: (rng: Rng, out: Float64Array) => void, seed: number) => {
  const out = new Float64Array(N);
  fill(createRng(seed), out);
  return out;
};

describe('ziggurat normal sampler', () => {
  it('passes every check (moments, tails through the slow path, KS, lag-1 independence) on 1e6 draws for several seeds', () => {
    for (const seed of [1, 2, 2022]) expect(failures(sample((r, o) => r.fillNormal(o), seed)), `seed ${seed}`).toEqual([]);
  });

  it('the one-at-a-time normal() draws the same stream as fillNormal', () => {
    const rng = createRng(9);
    const one = Float64Array.from({ length: 1000 }, () => rng.normal());
    expect(one).toEqual(createRng(9).fillNormal(new Float64Array(1000)));
  });

  it('the reference Box–Muller sampler passes the same checks', () => {
    expect(failures(sample((r, o) => fillNormalBoxMuller(r, o), 4))).toEqual([]);
  });

  it('the checks reject biased samplers: a rescaled uniform, a clipped tail, a 1% wrong scale, a correlated stream', () => {
    const uniform = sample((r, o) => {
      for (let i = 0; i < o.length; i++) o[i] = (r.uniform() - 0.5) * Math.sqrt(12);
    }, 5);
    expect(failures(uniform)).toEqual(expect.arrayContaining(['ks', 'fourthMoment']));
    const clipped = sample((r, o) => {
      r.fillNormal(o);
      for (let i = 0; i < o.length; i++) o[i] = Math.max(-3.44, Math.min(3.44, o[i]));
    }, 5);
    expect(failures(clipped)).toContain('P(|x| > 3.44)');
    const scaled = sample((r, o) => {
      r.fillNormal(o);
      for (let i = 0; i < o.length; i++) o[i] *= 1.01;
    }, 5);
    expect(failures(scaled)).toContain('variance');
    const correlated = sample((r, o) => {
      r.fillNormal(o);
      for (let i = o.length - 1; i > 0; i--) o[i] = 0.995 * o[i] + 0.0998 * o[i - 1];
    }, 5);
    expect(failures(correlated)).toEqual(expect.arrayContaining(['lag1']));
    expect(failures(correlated)).not.toContain('ks'); // the marginal law is still normal: only the independence checks see it
  });
});

describe('seeded generator', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = createRng(7).fillNormal(new Float64Array(64));
    expect(createRng(7).fillNormal(new Float64Array(64))).toEqual(a);
    expect(createRng(8).fillNormal(new Float64Array(64))).not.toEqual(a);
    const u = createRng(0);
    const first = [u.uniform(), u.uniform()];
    expect(first[0]).not.toBe(first[1]);
    expect(createRng(1).uniform()).not.toBe(createRng(0).uniform());
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(11);
    let s = 0,
      s2 = 0,
      lo = 1,
      hi = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.uniform();
      s += u;
      s2 += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / N - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(s2 / N - s ** 2 / N ** 2 - 1 / 12)).toBeLessThan(4.5 * Math.sqrt(1 / 180 / N));
  });

  it('refuses a seed that is not an integer in [0, 2^32)', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be an integer in \[0, 4294967295\], got 1.5/);
    expect(() => createRng(-1)).toThrow(/got -1/);
    expect(() => createRng(2 ** 32)).toThrow(/got 4294967296/);
    expect(() => createRng(Number.NaN)).toThrow(/got NaN/);
  });
});

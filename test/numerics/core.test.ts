/** Numerics core: the seeded normal sampler, the adaptive and fixed-step integrators, quadrature, guards. */
import { describe, it, expect } from 'vitest';
import { createRng, fillNormalBoxMuller } from '../../src/numerics/random.ts';
import { dormandPrince, rk4Stepper } from '../../src/numerics/ode.ts';
import { integrate1d } from '../../src/numerics/quadrature.ts';
import { requirePositive, NumericInputError } from '../../src/numerics/validate.ts';

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Kolmogorov–Smirnov distance of a sample to the standard normal. */
function ksToNormal(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  let d = 0;
  s.forEach((v, i) => {
    const F = phi(v);
    d = Math.max(d, Math.abs(F - i / s.length), Math.abs(F - (i + 1) / s.length));
  });
  return d;
}

describe('seeded normal sampler (ziggurat)', () => {
  const n = 200_000;
  const critical = 1.95 / Math.sqrt(n); // KS at the 0.1% level

  it('passes a KS test against the normal law, with the right tail mass, for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const x = createRng(seed).fillNormal(new Float64Array(n));
      expect(ksToNormal(x), `seed ${seed}`).toBeLessThan(critical);
      const tail = x.filter((v) => Math.abs(v) > 3.442619855899).length / n; // beyond the base strip: the slow path
      expect(Math.abs(tail - 2 * (1 - phi(3.442619855899)))).toBeLessThan(5 * Math.sqrt(5.8e-4 / n));
    }
  });

  it('the same KS test rejects a sampler that is not normal (a uniform with the right variance)', () => {
    const rng = createRng(4);
    const x = Float64Array.from({ length: n }, () => (rng.uniform() - 0.5) * Math.sqrt(12));
    expect(ksToNormal(x)).toBeGreaterThan(critical);
  });

  it('agrees in law with Box–Muller from the same generator (two-sample moments)', () => {
    const a = createRng(5).fillNormal(new Float64Array(n));
    const b = fillNormalBoxMuller(createRng(6), new Float64Array(n));
    const m4 = (x: Float64Array) => x.reduce((s, v) => s + v ** 4, 0) / x.length;
    expect(Math.abs(m4(a) - m4(b))).toBeLessThan(5 * Math.sqrt(2 * 96 / n)); // Var[x^4] = 96
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(7).fillNormal(new Float64Array(10));
    expect(createRng(7).fillNormal(new Float64Array(10))).toEqual(a);
    expect(createRng(8).fillNormal(new Float64Array(10))).not.toEqual(a);
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
  });
});

describe('Dormand–Prince 5(4)', () => {
  it('integrates the harmonic oscillator to 1e-10 at the requested times', () => {
    const s = dormandPrince((t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }, 0, [1, 0], 10, { rtol: 1e-12, atol: 1e-14, outputTimes: [1, 5, 10] });
    expect(s.times).toEqual([1, 5, 10]);
    s.values.forEach((v, i) => expect(Math.abs(v[0] - Math.cos(s.times[i]))).toBeLessThan(1e-10));
  });

  it('takes fewer steps at a looser tolerance and still meets it', () => {
    const f = (t: number, y: Float64Array, d: Float64Array) => { d[0] = -2 * t * y[0]; };
    const tight = dormandPrince(f, 0, [1], 2, { rtol: 1e-12, atol: 1e-14 });
    const loose = dormandPrince(f, 0, [1], 2, { rtol: 1e-6, atol: 1e-8 });
    expect(loose.steps).toBeLessThan(tight.steps);
    expect(Math.abs(loose.values[0][0] - Math.exp(-4))).toBeLessThan(1e-6);
  });

  it('refuses bad input and a right-hand side that blows up, naming the time', () => {
    const f = (t: number, y: Float64Array, d: Float64Array) => { d[0] = y[0]; };
    expect(() => dormandPrince(f, 1, [1], 0)).toThrow(/tEnd must be > t0/);
    expect(() => dormandPrince(f, 0, [Number.NaN], 1)).toThrow(/y0\[0\] = NaN/);
    expect(() => dormandPrince(f, 0, [1], 1, { outputTimes: [0.5, 0.2] })).toThrow(/outputTimes\[1\] = 0.2/);
    expect(() => dormandPrince((t, y, d) => { d[0] = t > 0.5 ? Number.NaN : 1; }, 0, [1], 1)).toThrow(/right-hand side is not finite at t = 0\.[5-9]\d* \(component 0: NaN\)/);
  });
});

describe('RK4 fixed step', () => {
  it('is fourth order: halving h divides the error by about 16', () => {
    const err = (steps: number) => {
      const y = Float64Array.of(1);
      const step = rk4Stepper(1);
      for (let i = 0; i < steps; i++) step((t, yy, d) => { d[0] = -yy[0]; }, i / steps, y, 1 / steps);
      return Math.abs(y[0] - Math.exp(-1));
    };
    const ratio = err(10) / err(20);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
  });
});

describe('adaptive Gauss–Kronrod quadrature', () => {
  it('integrates smooth and sharply peaked functions to 1e-12', () => {
    expect(Math.abs(integrate1d(Math.sin, 0, Math.PI).value - 2)).toBeLessThan(1e-12);
    expect(Math.abs(integrate1d((x) => Math.exp(-((x - 0.3) ** 2) / 1e-4), -1, 1).value - Math.sqrt(Math.PI * 1e-4))).toBeLessThan(1e-12);
    expect(Math.abs(integrate1d(Math.sqrt, 0, 1).value - 2 / 3)).toBeLessThan(1e-10);
  });

  it('refuses a non-finite integrand, naming the point', () => {
    expect(() => integrate1d((x) => (x > 0.75 ? Number.NaN : x), 0, 1)).toThrow(/integrand is not finite at x = 0\.7/);
  });
});

describe('guards', () => {
  it('name the field and the value', () => {
    expect(() => requirePositive('eps', 0)).toThrow(new NumericInputError('eps must be > 0, got 0'));
    expect(() => requirePositive('rho0', -1)).toThrow(/rho0 must be > 0, got -1/);
    expect(() => requirePositive('dt', Number.NaN)).toThrow(/dt must be a finite number, got NaN/);
  });
});

/** Power-law fits of measured rates: exact slopes recovered, noise widens the interval, bad data refused. */
import { describe, it, expect } from 'vitest';
import { fitPowerLaw, fitExponentialDecay, studentT975 } from '../../src/numerics/fit.ts';

const eps = [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];

describe('fitPowerLaw', () => {
  it('recovers an exact power law (slope, prefactor, r2 = 1, zero error)', () => {
    const f = fitPowerLaw(
      eps,
      eps.map((e) => 3 * e ** 0.5),
    );
    expect(f.slope).toBeCloseTo(0.5, 12);
    expect(f.prefactor).toBeCloseTo(3, 10);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.slopeStdError).toBeLessThan(1e-12);
  });

  it('tells a rate eps sqrt|ln eps| apart from eps, and reports an interval that contains the local slope', () => {
    const f = fitPowerLaw(
      eps,
      eps.map((e) => e * Math.sqrt(Math.abs(Math.log(e)))),
    );
    expect(f.slope).toBeLessThan(1); // the log factor lowers the apparent slope
    expect(f.slope).toBeGreaterThan(0.8);
    expect(f.slopeStdError).toBeGreaterThan(0);
    expect(Math.abs(f.slope - 0.9)).toBeLessThan(0.1);
  });

  it('widens the 95% interval with noisy data, and the interval is t * SE', () => {
    const noisy = eps.map((e, i) => e * (1 + 0.2 * (i % 2 ? 1 : -1)));
    const f = fitPowerLaw(eps, noisy);
    expect(f.slopeStdError).toBeGreaterThan(0.01);
    expect(f.slope95).toBeCloseTo(studentT975(eps.length - 2) * f.slopeStdError, 12);
    expect(Math.abs(f.slope - 1)).toBeLessThan(f.slope95);
  });

  it('refuses data a log-log fit cannot use, naming it', () => {
    expect(() => fitPowerLaw([0.1, 0.05], [1e-3, 0])).toThrow(/value\[1\] = 0 \(at eps = 0.05\) must be positive/);
    expect(() => fitPowerLaw([0.1, -0.05], [1, 2])).toThrow(/eps\[1\] = -0.05/);
    expect(() => fitPowerLaw([0.1], [1])).toThrow(/at least two points/);
    expect(() => fitPowerLaw([0.1, 0.1], [1, 2])).toThrow(/all eps are equal/);
    expect(() => fitPowerLaw([0.1, 0.05], [1, Number.NaN])).toThrow(/value\[1\] = NaN/);
  });
});

describe('fitExponentialDecay', () => {
  const s = Array.from({ length: 21 }, (_, i) => 0.5 * i);
  it('recovers an exact exponential rate and amplitude, with zero error', () => {
    const f = fitExponentialDecay(
      s,
      s.map((x) => 2.5 * Math.exp(-0.8 * x)),
    );
    expect(f.rate).toBeCloseTo(0.8, 12);
    expect(f.amplitude).toBeCloseTo(2.5, 10);
    expect(f.rate95).toBeLessThan(1e-10);
  });

  it('reports the slow rate of a mixture late and a biased one early, and widens the interval with curvature', () => {
    const mix = (x: number) => Math.exp(-0.4 * x) + 5 * Math.exp(-1.2 * x);
    const late = fitExponentialDecay(
      s.map((x) => x + 20),
      s.map((x) => mix(x + 20)),
    );
    const early = fitExponentialDecay(s, s.map(mix));
    expect(late.rate).toBeCloseTo(0.4, 4);
    expect(early.rate).toBeGreaterThan(0.45);
    expect(early.rate95).toBeGreaterThan(late.rate95);
  });

  it('refuses data a log-linear fit cannot use, naming it', () => {
    expect(() => fitExponentialDecay([0, 1, 2], [1, 0.5, 0])).toThrow(/value\[2\] = 0 \(at x = 2\) must be positive/);
    expect(() => fitExponentialDecay([0, 1], [1, 0.5])).toThrow(/at least three points/);
    expect(() => fitExponentialDecay([1, 1, 1], [1, 0.5, 0.2])).toThrow(/all x are equal/);
    expect(() => fitExponentialDecay([0, Number.NaN, 2], [1, 0.5, 0.2])).toThrow(/x\[1\] = NaN must be finite/);
  });
});

/** Power-law fits of measured rates: exact slopes recovered, noise widens the interval, bad data refused. */
import { describe, it, expect } from 'vitest';
import { fitPowerLaw, studentT975 } from '../../src/numerics/fit.ts';

const eps = [0.2, 0.1, 0.05, 0.025, 0.0125, 0.00625];

describe('fitPowerLaw', () => {
  it('recovers an exact power law (slope, prefactor, r2 = 1, zero error)', () => {
    const f = fitPowerLaw(eps, eps.map((e) => 3 * e ** 0.5));
    expect(f.slope).toBeCloseTo(0.5, 12);
    expect(f.prefactor).toBeCloseTo(3, 10);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.slopeStdError).toBeLessThan(1e-12);
  });

  it('tells a rate eps sqrt|ln eps| apart from eps, and reports an interval that contains the local slope', () => {
    const f = fitPowerLaw(eps, eps.map((e) => e * Math.sqrt(Math.abs(Math.log(e)))));
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

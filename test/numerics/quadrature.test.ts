/** Adaptive Gauss–Kronrod quadrature against exact integrals, and its refusals. */
import { describe, it, expect } from 'vitest';
import { integrate1d } from '../../src/numerics/quadrature.ts';

describe('adaptive Gauss–Kronrod 7-15', () => {
  it('integrates smooth functions to 1e-12, and a degree-22 polynomial exactly on one panel', () => {
    expect(Math.abs(integrate1d(Math.sin, 0, Math.PI).value - 2)).toBeLessThan(1e-12);
    expect(Math.abs(integrate1d((x) => 1 / (1 + 25 * x * x), -1, 1).value - 0.4 * Math.atan(5))).toBeLessThan(1e-12);
    const p22 = integrate1d((x) => 23 * x ** 22, 0, 1, { initialPanels: 1, maxPanels: 1, tol: 1 });
    expect(Math.abs(p22.value - 1)).toBeLessThan(1e-14);
    expect(p22.evaluations).toBe(15);
  });

  it('finds a sharply peaked integrand and handles an endpoint singularity of the derivative', () => {
    expect(Math.abs(integrate1d((x) => Math.exp(-((x - 0.3) ** 2) / 1e-4), -1, 1).value - Math.sqrt(Math.PI * 1e-4))).toBeLessThan(1e-12);
    expect(Math.abs(integrate1d(Math.sqrt, 0, 1).value - 2 / 3)).toBeLessThan(1e-10);
  });

  it('changes sign with the orientation and gives 0 on an empty interval', () => {
    expect(integrate1d(Math.exp, 1, 0).value).toBeCloseTo(1 - Math.E, 12);
    expect(integrate1d(Math.exp, 2, 2).value).toBe(0);
  });

  it('refuses a non-finite integrand (naming the point), a divergent integral and bad options', () => {
    expect(() => integrate1d((x) => (x > 0.75 ? Number.NaN : x), 0, 1)).toThrow(/integrand is not finite at x = 0\.7\d* \(NaN\)/);
    expect(() => integrate1d((x) => 1 / (Math.abs(x - 1 / 3) + 1e-300), 0, 1)).toThrow(/no convergence on \[0, 1\] after 2000 panels/); // log-divergent up to 1e-300
    expect(() => integrate1d(Math.sin, 0, Number.POSITIVE_INFINITY)).toThrow(/b must be a finite number, got Infinity/);
    expect(() => integrate1d(Math.sin, 0, 1, { tol: -1 })).toThrow(/tol must be > 0, got -1/);
    expect(() => integrate1d(Math.sin, 0, 1, { initialPanels: 0 })).toThrow(/initialPanels must be an integer >= 1, got 0/);
  });
});

/**
 * The grid at the examples' default settings against laws known in closed form (1-D OU, the heat
 * equation, the 2-D OU with a full diffusion matrix): every value within its reported errors, no
 * run flag; and the Strang splitting's observed order in time on the 1-D OU, with the reported
 * time-step error covering the true one.
 */
import { describe, it, expect } from 'vitest';
import { simulate, defineSimulation, SimulationSpec } from '../../src/index.ts';
import { beyondErrors } from './exact.ts';
import ou1dSpec, { exactLaw as ou1dExact, ou1d, coefficients as ou1dCoefficients } from '../../examples/ou1d.ts';
import heatSpec, { exactLaw as heatExact } from '../../examples/heat.ts';
import ou2dSpec, { exactLaw as ou2dExact } from '../../examples/ou2d.ts';

describe('exact solutions on the grid at the default settings', () => {
  const cases: [string, SimulationSpec, (t: number) => Record<string, number>][] = [
    ['1-D OU', ou1dSpec, ou1dExact],
    ['heat equation', heatSpec, heatExact],
    ['2-D OU with a full D', ou2dSpec, ou2dExact],
  ];
  for (const [label, spec, exact] of cases)
    it(`${label}: every value within its reported errors, within the tolerance, order 2 in time`, () => {
      const r = simulate(spec, { method: 'grid' });
      expect(beyondErrors(r, exact)).toEqual([]);
      expect(r.runFlags).toEqual([]);
      expect(r.withinTolerance).toBe(true);
      expect(r.method.order).toBe(2);
      expect(r.diagnostics.massChangeInside).toBeLessThan(1e-10);
      expect(r.diagnostics.negativeDensity).toBe(0);
    });

  it('the check fails a run whose values are off: the 1-D OU against the wrong rate (k = 1.6)', () => {
    const r = simulate(ou1dSpec, { method: 'grid' });
    const k = 1.6;
    const wrong = (t: number) => ({ ...ou1dExact(t), mean: ou1dCoefficients.c + (ou1dCoefficients.m0 - ou1dCoefficients.c) * Math.exp(-k * t) });
    expect(beyondErrors(r, wrong).length).toBeGreaterThan(0);
  });
});

describe('Strang splitting: observed order 2 in time, an honest time-step error', () => {
  const at = (dt: number, stiff = false) =>
    simulate(
      defineSimulation({
        ...ou1dSpec,
        model: ou1d,
        samples: 1,
        methods: { grid: { kind: 'grid', box: [[-2.5, 3.5]], cells: 120, dt, ...(stiff ? { stiff: { variable: 'x', part: '-k*(x - c)' } } : {}) } },
      }),
    );

  it('the variance: differences of successive halvings shrink by about 4 (order 2); the reported time-step error covers the distance to the dt -> 0 limit', () => {
    const runs = [0.1, 0.05, 0.025].map((dt) => at(dt));
    const v = runs.map((r) => r.observables.variance.value[0]);
    const ratio = Math.abs(v[0] - v[1]) / Math.abs(v[1] - v[2]);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
    const limit = v[2] + (v[2] - v[1]) / 3; // Richardson for order 2
    runs.forEach((r, i) => {
      expect(r.method.order).toBe(2);
      expect(Math.abs(v[i] - limit)).toBeLessThanOrEqual(r.observables.variance.timeStepError[0]);
    });
  });

  it('a stiff part whose Crank–Nicolson half step would go negative falls back to backward Euler, and the run says order 1', () => {
    const r = simulate(
      defineSimulation({
        ...ou1dSpec,
        parameters: { ...ou1dSpec.parameters, k: 400 },
        initial: { gaussian: { mean: [1.5], covariance: [[0.05]] } },
        samples: 1,
        methods: { grid: { kind: 'grid', box: [[-2.5, 3.5]], cells: 200, dt: 0.05, stiff: { variable: 'x', part: '-k*(x - c)' } } },
      }),
    );
    expect(r.diagnostics.backwardEulerLines).toBeGreaterThan(0);
    expect(r.method.order).toBe(1);
    expect(at(0.05, true).method.order).toBe(2);
  });
});

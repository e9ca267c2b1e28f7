/** Macroscopic systems over the cells: a closed form, refusals, and the FHN limit system (1.5) against the particles at small noise. */
import { describe, it, expect } from 'vitest';
import { integrateMacro, macroRhs, createNetwork, runNetwork, CellRates, CellStepper } from '../../src/numerics/index.ts';
import { defaultCells, fhnStepper, fhnLimitRates, ParticleScheme } from '../../derivations/lib/network.ts';
import { defaultKernel, initialMeanV, initialMeanW } from '../../derivations/lib/fhn.ts';

/** Pure nonlocal relaxation V_i' = -(V_i PsiRho_i - PsiRhoV_i) = -sum_j C_ij (V_i - V_j), W_i' = -W_i. */
const relaxation: CellRates = { rateV: (_i, V, _W, PsiRho, PsiRhoV) => -(V * PsiRho - PsiRhoV), rateW: (_i, _V, W) => -W };

describe('macroscopic system over cells', () => {
  it('matches the closed form of a two-cell nonlocal relaxation (an asymmetric coupling, so a transposed index would show)', () => {
    const [c12, c21] = [0.3, 1.1];
    const coupling = Float64Array.of(5, c12, c21, 7); // the diagonal drops out of -(V_i - V_i)
    const times = [0.5, 1, 3];
    const sol = integrateMacro({ coupling, rates: relaxation, V0: [1, -1], W0: [2, 3], times });
    // D = V1 - V2 decays at rate c12 + c21; c21 V1 + c12 V2 is conserved
    const conserved = c21 * 1 + c12 * -1;
    sol.times.forEach((t, k) => {
      const D = 2 * Math.exp(-(c12 + c21) * t);
      const V1 = (conserved + c12 * D) / (c12 + c21);
      expect(Math.abs(sol.V[k][0] - V1)).toBeLessThan(1e-10);
      expect(Math.abs(sol.V[k][1] - (V1 - D))).toBeLessThan(1e-10);
      expect(Math.abs(sol.W[k][1] - 3 * Math.exp(-t))).toBeLessThan(1e-10);
    });
  });

  it('refuses a coupling of the wrong size, mismatched initial means, non-finite data and no output times', () => {
    expect(() => macroRhs(new Float64Array(3), relaxation, 2)).toThrow(/coupling \(K x K\) must have 4 entries, got 3/);
    const base = { coupling: new Float64Array(4), rates: relaxation, V0: [1, 2], W0: [0, 0], times: [1] };
    expect(() => integrateMacro({ ...base, W0: [0] })).toThrow(/W0 must have 2 entries, got 1/);
    expect(() => integrateMacro({ ...base, V0: [1, Number.NaN] })).toThrow(/y0\[1\] = NaN is not finite/);
    expect(() => integrateMacro({ ...base, times: [] })).toThrow(/times must list at least one output time/);
    expect(() => integrateMacro({ ...base, rates: { ...relaxation, rateW: () => Number.NaN } })).toThrow(
      /right-hand side is not finite at t = 0 \(component 2: NaN\)/,
    );
  });
});

describe('FHN limit system (1.5) against the particles of (1.2) at small noise', () => {
  // With every neuron of a cell started at (V0(x), W0(x)) and the noise scaled by sigma -> 0, v - V stays O(sigma):
  // the stiff coupling vanishes and the particle means follow (1.5) up to the O(dt) error of the scheme.
  const cells = defaultCells(4);
  const sigma = 1e-3;
  const times = [0.5, 1, 2];
  const macro = (coupling: Float64Array) =>
    integrateMacro({ coupling, rates: fhnLimitRates(), V0: cells.map((c) => initialMeanV(c.x)), W0: cells.map((c) => initialMeanW(c.x)), times });

  /** The largest |particle mean - macro| over cells, times and (V, W), for a run at step dt. */
  function distance(scheme: ParticleScheme, dt: number, coupling?: Float64Array): number {
    const net = createNetwork({
      cells,
      psi: defaultKernel,
      neuronsPerCell: 2000,
      seed: 1,
      init: (i, v, w) => {
        v.fill(initialMeanV(cells[i].x));
        w.fill(initialMeanW(cells[i].x));
      },
    });
    const kernel = fhnStepper(scheme, { eps: 0.05 });
    const quiet: CellStepper = (n, v, w, xi, h, m) => {
      for (let k = 0; k < n; k++) xi[k] *= sigma;
      kernel(n, v, w, xi, h, m);
    };
    const samples = runNetwork(net, { dt, tEnd: 2, sampleTimes: times, step: quiet });
    const m = macro(coupling ?? net.coupling);
    return Math.max(...samples.flatMap((cs, k) => cs.flatMap((c, i) => [Math.abs(c.v.mean - m.V[k][i]), Math.abs(c.w.mean - m.W[k][i])])));
  }

  for (const scheme of ['ou-split', 'euler-maruyama'] as const) {
    it(`${scheme}: the particle means converge to (1.5) at first order in dt`, () => {
      const [coarse, fine] = [distance(scheme, 2e-3), distance(scheme, 1e-3)];
      expect(fine).toBeLessThan(3e-4);
      expect(fine / coarse).toBeGreaterThan(0.4);
      expect(fine / coarse).toBeLessThan(0.65);
    });
  }

  it('the same comparison rejects a limit system with a transposed coupling or without the nonlocal term', () => {
    const K = cells.length;
    const coupling = createNetwork({ cells, psi: defaultKernel, neuronsPerCell: 2, seed: 1, init: () => {} }).coupling;
    const transposed = coupling.map((_, ij) => coupling[(ij % K) * K + Math.floor(ij / K)]);
    const fine = distance('ou-split', 1e-3);
    expect(distance('ou-split', 1e-3, transposed)).toBeGreaterThan(5 * fine);
    expect(distance('ou-split', 1e-3, new Float64Array(K * K))).toBeGreaterThan(50 * fine);
  });
});

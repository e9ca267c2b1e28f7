/** Step doubling of the particle network: the fine run is runNetwork's, the companion is a true 2 dt run, and the pair shares its noise. */
import { describe, it, expect } from 'vitest';
import { createNetwork, runNetwork, runNetworkPair, CellStepper, createMesh, sampleOnMesh, marginalV, integrateAgainst } from '../../src/numerics/index.ts';
import { defaultNetwork, fhnStepper } from '../../derivations/lib/network.ts';

/** Euler–Maruyama of dv = -v dt + sqrt(2) dB (w untouched). */
const linear: CellStepper = (n, v, _w, xi, dt) => {
  for (let i = 0; i < n; i++) v[i] += -v[i] * dt + Math.sqrt(2 * dt) * xi[i];
};
/** The same drift without noise: the run does not depend on the normals. */
const noiseless: CellStepper = (n, v, _w, _xi, dt) => {
  for (let i = 0; i < n; i++) v[i] -= v[i] * dt;
};
const cell = (n: number, seed: number) =>
  createNetwork({ cells: [{ x: 0.5, measure: 1, rho0: 1 }], psi: () => 0, neuronsPerCell: n, seed, init: (_i, v, _w, rng) => rng.fillNormal(v) });

describe('runNetworkPair', () => {
  it('its fine run is runNetwork at dt, bit for bit (same normals), on the FHN network', () => {
    const spec = { dt: 1e-3, tEnd: 0.04, sampleTimes: [0.02, 0.04], step: fhnStepper('ou-split', { eps: 0.1 }) };
    const single = runNetwork(defaultNetwork({ cells: 3, neuronsPerCell: 500, seed: 5 }), spec);
    const pair = runNetworkPair(defaultNetwork({ cells: 3, neuronsPerCell: 500, seed: 5 }), spec);
    expect(pair.fine.map((s) => s.map((c) => [c.t, c.v.mean, c.v.variance, c.w.mean]))).toEqual(
      single.map((s) => s.map((c) => [c.t, c.v.mean, c.v.variance, c.w.mean])),
    );
  });

  it('its companion is a run at 2 dt: without noise it equals runNetwork at 2 dt exactly', () => {
    const pair = runNetworkPair(cell(100, 1), { dt: 0.01, tEnd: 0.4, sampleTimes: [0.2, 0.4], step: noiseless });
    const direct = runNetwork(cell(100, 1), { dt: 0.02, tEnd: 0.4, sampleTimes: [0.2, 0.4], step: noiseless });
    expect(pair.coarse.map((s) => s[0].v.mean)).toEqual(direct.map((s) => s[0].v.mean));
    expect(pair.fine[1][0].v.mean).not.toEqual(direct[1][0].v.mean); // the fine run does take steps dt
  });

  it('the pair differs by the time-step error, far below the noise of independent runs (the companion uses the fine normals)', () => {
    const spec = { dt: 0.01, tEnd: 1, step: linear };
    const pair = runNetworkPair(cell(2000, 2), spec);
    const [[f]] = pair.fine;
    const [[c]] = pair.coarse;
    const other = runNetwork(cell(2000, 3), { ...spec, dt: 0.02 })[0][0];
    expect(Math.abs(c.v.mean - f.v.mean)).toBeLessThan(0.05 * Math.abs(other.v.mean - f.v.mean));
    // Euler's stationary variance of this process at step h is 2 / (2 - h): it grows with h, and the coupled pair shows it
    expect(c.v.variance).toBeGreaterThan(f.v.variance);
  });

  it('refuses sample times off the 2 dt grid, naming the step', () => {
    expect(() => runNetworkPair(cell(10, 1), { dt: 0.01, tEnd: 0.1, sampleTimes: [0.03, 0.1], step: linear })).toThrow(
      /sampleTimes\[0\] = 0.03 is not a whole number of steps dt = 0.02/,
    );
  });
});

describe('marginalV', () => {
  it('is ∫ f dw on the v-cells: its sum times dv is the mass, its first moment the mean of v', () => {
    const mesh = createMesh({ nv: 30, nw: 20, vmin: -3, vmax: 4, wmin: -1, wmax: 2 });
    const f = sampleOnMesh(mesh, (v, w) => Math.exp(-((v - 0.7) ** 2) - 2 * (w - 0.3) ** 2));
    const m = marginalV(mesh, f);
    const dot = (g: (v: number) => number) => m.reduce((s, x, i) => s + x * g(mesh.v[i]), 0) * mesh.dv;
    expect(dot(() => 1)).toBeCloseTo(
      integrateAgainst(mesh, f, () => 1),
      12,
    );
    expect(dot((v) => v ** 3)).toBeCloseTo(
      integrateAgainst(mesh, f, (v) => v ** 3),
      12,
    );
  });
});

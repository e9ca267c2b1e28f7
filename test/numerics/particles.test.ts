/** The generic particle network and the FHN wiring of (1.2): exact OU statistics for both schemes, the stiff stability refusal, fused = composed kernels, determinism, refusals. */
import { describe, it, expect } from 'vitest';
import { createNetwork, runNetwork, networkMacros, proportionalCounts, sampleMoments, CellStepper, NetworkCell } from '../../src/numerics/index.ts';
import { fhnStepper, composedStepper, noDrift, defaultNetwork, defaultCells, ParticleScheme } from '../../derivations/lib/network.ts';
import { eulerMaruyamaStep } from '../../src/generated/particles.ts';
import { defaultKernel } from '../../derivations/lib/fhn.ts';

const EPS = 0.1; // lambda = rho0 / eps = 10 in the single OU cell below

/** One cell (rho0 = 1, Psi = 0) of n particles all started at v = 3, w = 0. */
const ouCell = (n: number, seed: number) =>
  createNetwork({ cells: [{ x: 0.5, measure: 1, rho0: 1 }], psi: () => 0, neuronsPerCell: n, seed, init: (_i, v) => v.fill(3) });

/** Exact law of dv = -lambda (v - V) dt + sqrt(2) dB around the (conserved) cell mean: variance (1 - e^{-2 lambda t}) / lambda. */
const exactOuVariance = (t: number) => (1 - Math.exp(-2 * 10 * t)) / 10;

describe('pure OU cell (no drift, one cell, Psi = 0) started at v = 3', () => {
  const cases: [ParticleScheme, number, number[], number][] = [
    ['ou-split', 0.5, [0.5, 1, 2], 200_000], // lambda dt = 5: the transition is exact at any step
    ['euler-maruyama', 2.5e-4, [0.02, 0.1, 0.3], 20_000], // lambda dt = 2.5e-3: its O(lambda dt) variance bias is well below 1 SE
  ];
  for (const [scheme, dt, times, n] of cases) {
    it(`${scheme} (dt = ${dt}) matches the exact OU mean and variance within 4 SE at t = ${times.join(', ')}`, () => {
      const samples = runNetwork(ouCell(n, 3), { dt, tEnd: times[times.length - 1], sampleTimes: times, step: composedStepper(scheme, EPS, noDrift) });
      samples.forEach(([cell]) => {
        // the coupling conserves the mean: it moves only by the mean of the noises, variance 2t/n
        expect(Math.abs(cell.v.mean - 3) / Math.sqrt((2 * cell.t) / n), `mean at t = ${cell.t}`).toBeLessThan(4);
        expect(Math.abs(cell.v.variance - exactOuVariance(cell.t)) / cell.v.varianceStdError, `variance at t = ${cell.t}`).toBeLessThan(4);
      });
    });
  }

  it('the OU split at dt = 10 / lambda stays at the stationary variance; Euler–Maruyama at that step is refused, naming the bound, and would blow up', () => {
    const dt = 1; // 10 / lambda
    const [[split]] = runNetwork(ouCell(100_000, 4), { dt, tEnd: 20, step: composedStepper('ou-split', EPS, noDrift) });
    expect(Math.abs(split.v.variance - 0.1) / split.v.varianceStdError).toBeLessThan(4);
    expect(() => runNetwork(ouCell(1000, 4), { dt, tEnd: 20, step: composedStepper('euler-maruyama', EPS, noDrift) })).toThrow(
      /dt = 1 is beyond the stability bound 2 eps \/ rho0 = 0.2000 of the Euler–Maruyama step of the stiff coupling in cell 0/,
    );
    // the generated kernel checks the bound itself, whatever calls it
    const direct: CellStepper = (n, v, w, xi, h, m) => eulerMaruyamaStep(n, v, w, xi, h, m.rho0, EPS, m.V, m.PsiRho, m.PsiRhoV, 0.8, 1, 0.1);
    expect(() => runNetwork(ouCell(1000, 4), { dt, tEnd: 20, step: direct })).toThrow(
      /eulerMaruyamaStep: the stiff rate times the step, dt\*eps\^\(-1\)\*rho, must be < 2 \(explicit stability bound\), got 10/,
    );
    // an unguarded hand-written Euler–Maruyama step of the FHN drift explodes, and the simulator refuses the NaN, naming the cell and the time
    const unguarded: CellStepper = (n, v, _w, xi, h, m) => {
      for (let i = 0; i < n; i++) v[i] += (v[i] - v[i] ** 3 - (m.rho0 / EPS) * (v[i] - m.V)) * h + Math.sqrt(2 * h) * xi[i];
    };
    expect(() => runNetwork(ouCell(1000, 4), { dt, tEnd: 20, sampleTimes: [10, 20], step: unguarded })).toThrow(
      /cell 0 has non-finite particles at t = 10 \(the step dt = 1 may be unstable\)/,
    );
    // just below the bound it runs
    expect(() => runNetwork(ouCell(1000, 4), { dt: 0.19, tEnd: 1.9, step: composedStepper('euler-maruyama', EPS, noDrift) })).not.toThrow();
  });
});

describe('FHN network (1.2) with the generated kernels', () => {
  it('the fused generated kernels equal the composed generated pieces (ouMean, ouVariance, particleDrift) to round-off, both schemes', () => {
    for (const scheme of ['ou-split', 'euler-maruyama'] as const) {
      const [a, b] = [defaultNetwork({ cells: 3, neuronsPerCell: 2000, seed: 8 }), defaultNetwork({ cells: 3, neuronsPerCell: 2000, seed: 8 })];
      runNetwork(a, { dt: 1e-3, tEnd: 0.02, step: fhnStepper(scheme, { eps: 0.05 }, 'fused') });
      runNetwork(b, { dt: 1e-3, tEnd: 0.02, step: fhnStepper(scheme, { eps: 0.05 }, 'composed') });
      let worst = 0;
      a.v.forEach((v, i) => v.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - b.v[i][k]), Math.abs(a.w[i][k] - b.w[i][k])))));
      expect(worst, scheme).toBeLessThan(1e-12);
    }
  });

  it('a different parameter is seen: c = -0.1 moves W away from the default run', () => {
    const run = (c?: number) =>
      runNetwork(defaultNetwork({ cells: 1, neuronsPerCell: 1000, seed: 2 }), { dt: 1e-3, tEnd: 0.1, step: fhnStepper('ou-split', { eps: 0.05, c }) })[0][0];
    expect(run(-0.1).w.mean - run().w.mean).toBeCloseTo(-0.2 * 0.1, 2); // dW = (c' - c) t to first order
  });

  it('both schemes agree at a small step, and the same seed gives the same numbers', () => {
    const run = (scheme: ParticleScheme, seed = 5) =>
      runNetwork(defaultNetwork({ cells: 2, neuronsPerCell: 20_000, seed }), { dt: 1e-3, tEnd: 0.2, step: fhnStepper(scheme, { eps: 0.1 }) })[0];
    const [em, ou] = [run('euler-maruyama'), run('ou-split')];
    em.forEach((c, k) => {
      expect(Math.abs(c.v.mean - ou[k].v.mean)).toBeLessThan(5e-3);
      expect(Math.abs(c.v.variance - ou[k].v.variance) / c.v.variance).toBeLessThan(0.03);
    });
    expect(run('ou-split')).toEqual(ou);
    expect(run('ou-split', 6)[0].v.mean).not.toBe(ou[0].v.mean);
  });

  it('refuses eps <= 0 and rho0 <= 0 with clear messages', () => {
    expect(() => fhnStepper('ou-split', { eps: 0 })).toThrow(/eps must be > 0, got 0/);
    expect(() => fhnStepper('euler-maruyama', { eps: -1 }, 'composed')).toThrow(/eps must be > 0, got -1/);
    expect(() => composedStepper('ou-split', Number.NaN, noDrift)).toThrow(/eps must be a finite number, got NaN/);
    expect(() => defaultCells(3, (x) => x - 0.5)).toThrow(/rho0\(0\.1666\d*\) must be > 0/);
    expect(() => defaultNetwork({ cells: 2, neuronsPerCell: 10, seed: 1, rho0: () => 0 })).toThrow(/rho0\(0.25\) must be > 0, got 0/);
  });
});

describe('generic network simulator', () => {
  const cells: NetworkCell[] = [
    { x: 0.1, measure: 0.5, rho0: 0.6 },
    { x: 0.6, measure: 0.25, rho0: 2 },
    { x: 0.9, measure: 0.25, rho0: 1 },
  ];
  const linearInit = (i: number, v: Float64Array, w: Float64Array) => {
    v.fill(i + 1);
    w.fill(10 - i);
  };

  it('computes the cell means and the nonlocal sums Psi*rho0, Psi*(rho0 V) as the double sums over the cells', () => {
    const net = createNetwork({ cells, psi: defaultKernel, neuronsPerCell: 4, seed: 1, init: linearInit });
    networkMacros(net).forEach((m, i) => {
      const direct = (g: (j: number) => number) => cells.reduce((s, c, j) => s + defaultKernel(cells[i].x, c.x) * c.rho0 * c.measure * g(j), 0);
      expect(m.V).toBe(i + 1);
      expect(m.W).toBe(10 - i);
      expect(m.PsiRho).toBeCloseTo(
        direct(() => 1),
        14,
      );
      expect(m.PsiRhoV).toBeCloseTo(
        direct((j) => j + 1),
        14,
      );
      expect(m.rho0).toBe(cells[i].rho0);
    });
  });

  it('shares a total of neurons in proportion to rho0 |K_i|, and steps each cell with its own count', () => {
    expect(proportionalCounts(cells, 1000)).toEqual([286, 476, 238]); // rho0 |K_i| = 0.3, 0.5, 0.25 of 1.05
    const seen: number[] = [];
    const net = createNetwork({ cells, psi: defaultKernel, totalNeurons: 1000, seed: 1, init: linearInit });
    runNetwork(net, { dt: 0.1, tEnd: 0.1, step: (n) => seen.push(n) });
    expect(seen).toEqual([286, 476, 238]);
    expect(() => proportionalCounts(cells, 5)).toThrow(/totalNeurons = 5 leaves cell 0 \(rho0 \|K_i\| = 0.3\) with 1 neurons; at least 2 are needed/);
    expect(() => createNetwork({ cells, psi: defaultKernel, seed: 1, init: linearInit })).toThrow(/give exactly one of neuronsPerCell and totalNeurons/);
  });

  it('samples at the requested times (measured from the current time), through onSample too', () => {
    const net = createNetwork({ cells, psi: () => 0, neuronsPerCell: 10, seed: 1, init: linearInit });
    const drift: CellStepper = (n, v, _w, _xi, dt) => {
      for (let k = 0; k < n; k++) v[k] += dt;
    };
    const seen: number[] = [];
    const out = runNetwork(net, { dt: 0.25, tEnd: 1, sampleTimes: [0.5, 1], step: drift, onSample: (t, s) => seen.push(t, s[0].v.mean) });
    expect(seen).toEqual([0.5, 1.5, 1, 2]);
    expect(out.map((s) => s[1].v.mean)).toEqual([2.5, 3]);
    runNetwork(net, { dt: 0.25, tEnd: 0.5, step: drift });
    expect(net.t).toBe(1.5);
    expect(net.v[0][0]).toBe(2.5);
  });

  it('refuses dt <= 0, durations off the step grid, bad sample times and NaN states (naming the cell and the time)', () => {
    const net = () => createNetwork({ cells, psi: () => 0, neuronsPerCell: 10, seed: 1, init: linearInit });
    const still: CellStepper = () => {};
    expect(() => runNetwork(net(), { dt: 0, tEnd: 1, step: still })).toThrow(/dt must be > 0, got 0/);
    expect(() => runNetwork(net(), { dt: 0.3, tEnd: 1, step: still })).toThrow(/tEnd = 1 is not a whole number of steps dt = 0.3/);
    expect(() => runNetwork(net(), { dt: 0.1, tEnd: 1, sampleTimes: [0.5, 0.3], step: still })).toThrow(
      /sampleTimes\[1\] = 0.3 must increase within \(0, tEnd = 1\]/,
    );
    expect(() => runNetwork(net(), { dt: 0.1, tEnd: 1, sampleTimes: [Number.NaN], step: still })).toThrow(/sampleTimes\[0\] must be a finite number, got NaN/);
    const poison: CellStepper = (_n, v, _w, _xi, _dt, m) => {
      if (m.cell === 2) v[3] = Number.NaN;
    };
    expect(() => runNetwork(net(), { dt: 0.1, tEnd: 0.3, step: poison })).toThrow(/cell 2 has non-finite particles at t = 0.3/);
    expect(() => runNetwork(net(), { dt: 0.1, tEnd: 0.3, sampleTimes: [0.1], step: poison })).toThrow(/cell 2 has non-finite particles at t = 0.1/);
    expect(() => createNetwork({ cells: [{ x: 0, measure: 1, rho0: -1 }], psi: () => 0, neuronsPerCell: 10, seed: 1, init: linearInit })).toThrow(
      /cells\[0\].rho0 must be > 0, got -1/,
    );
    expect(() => createNetwork({ cells, psi: () => Number.NaN, neuronsPerCell: 10, seed: 1, init: linearInit })).toThrow(
      /Psi\(x_i, x_j\) rho0_j \|K_j\|\[0\] = NaN/,
    );
    expect(() => sampleMoments(new Float64Array(1))).toThrow(/at least two samples/);
  });
});

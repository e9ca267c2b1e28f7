/** The particle network with the generated step kernels: exact OU statistics, stability refusal, determinism. */
import { describe, it, expect } from 'vitest';
import { createNetwork, runNetwork, sampleMoments, NumericInputError } from '../../src/numerics/index.ts';
import { fhnStepper, defaultNetwork, defaultCells } from '../../derivations/lib/network.ts';
import { ouMean, ouVariance } from '../../src/generated/particles.ts';
import { originalEquation, rescaledEquation } from '../../derivations/lib/grid-models.ts';

/** One cell with no FHN drift: the OU split kernel must then follow the pure OU law exactly. */
function pureOuCell(seed: number) {
  return createNetwork({ cells: [{ x: 0.5, measure: 1, rho0: 1 }], psi: () => 0, neuronsPerCell: 200_000, seed, init: (_i, v) => v.fill(3) });
}
/** dv = -(rho/eps)(v - V) dt + sqrt(2) dB with V = mean (here: the stiff part alone; w and N removed). */
const ouOnly = (eps: number) => (n: number, v: Float64Array, _w: Float64Array, xi: Float64Array, dt: number, m: { V: number; rho0: number }) => {
  const lambda = m.rho0 / eps;
  const mean = (x: number) => ouMean(x, m.V, lambda, dt);
  const sd = Math.sqrt(ouVariance(lambda, dt));
  for (let i = 0; i < n; i++) v[i] = mean(v[i]) + sd * xi[i];
};

describe('particle network', () => {
  it('reproduces the exact OU variance (1 - e^{-2 lambda t}) / lambda within 4 standard errors, even with lambda dt = 5', () => {
    const eps = 0.1;
    const net = pureOuCell(3);
    const samples = runNetwork(net, { dt: 0.5, tEnd: 2, sampleTimes: [0.5, 2], step: ouOnly(eps) });
    samples.forEach((cells) => {
      const v = cells[0].v;
      const exact = (1 - Math.exp(-2 * 10 * cells[0].t)) / 10;
      expect(Math.abs(v.variance - exact) / v.varianceStdError).toBeLessThan(4);
      expect(Math.abs(v.mean - 3)).toBeLessThan(4 * Math.sqrt((2 * cells[0].t) / v.n)); // the coupling conserves the mean: only its Brownian noise, variance 2t/n
    });
  });

  it('refuses an Euler–Maruyama step beyond 2 eps / rho0, naming the bound; the OU split takes it', () => {
    const net = defaultNetwork({ cells: 2, neuronsPerCell: 1000, seed: 1 });
    const rho0 = net.cells[0].rho0;
    expect(() => runNetwork(net, { dt: 0.05, tEnd: 0.1, step: fhnStepper('euler-maruyama', { eps: 0.01 }) })).toThrow(
      new RegExp(`beyond the stability bound 2 eps / rho0 = ${((2 * 0.01) / rho0).toPrecision(4)}`),
    );
    const ok = runNetwork(defaultNetwork({ cells: 2, neuronsPerCell: 1000, seed: 1 }), { dt: 0.05, tEnd: 0.1, step: fhnStepper('ou-split', { eps: 0.01 }) });
    expect(Number.isFinite(ok[0][0].v.variance)).toBe(true);
    expect(ok[0][0].v.variance).toBeLessThan(0.1); // concentrated: about 2 eps / rho0
  });

  it('both generated schemes agree for a small step, and the same seed gives the same numbers', () => {
    const run = (scheme: 'euler-maruyama' | 'ou-split', seed = 5) =>
      runNetwork(defaultNetwork({ cells: 2, neuronsPerCell: 20_000, seed }), { dt: 1e-3, tEnd: 0.2, step: fhnStepper(scheme, { eps: 0.1 }) })[0];
    const [em, ou] = [run('euler-maruyama'), run('ou-split')];
    em.forEach((c, k) => {
      expect(Math.abs(c.v.mean - ou[k].v.mean)).toBeLessThan(5e-3);
      expect(Math.abs(c.v.variance - ou[k].v.variance) / c.v.variance).toBeLessThan(0.03);
    });
    expect(run('ou-split')).toEqual(ou);
    expect(run('ou-split', 6)[0].v.mean).not.toBe(ou[0].v.mean);
  });

  it('refuses eps <= 0, rho0 <= 0 and NaN states with clear messages', () => {
    expect(() => fhnStepper('ou-split', { eps: 0 })).toThrow(/eps must be > 0, got 0/);
    expect(() => fhnStepper('ou-split', { eps: -1 })).toThrow(/eps must be > 0, got -1/);
    expect(() => defaultCells(3, (x) => x - 0.5)).toThrow(/rho0\(0\.1666\d*\) must be > 0/);
    expect(() => originalEquation({ eps: 0, nv: 10, nw: 10 })).toThrow(/eps must be > 0, got 0/);
    expect(() => rescaledEquation({ eps: -0.1, nv: 10, nw: 10 })).toThrow(/eps must be > 0, got -0.1/);
    const net = defaultNetwork({ cells: 1, neuronsPerCell: 10, seed: 1 });
    expect(() => runNetwork(net, { dt: 0.1, tEnd: 0.1, step: (n, v) => v.fill(Number.NaN) })).toThrow(NumericInputError);
    expect(() => sampleMoments(new Float64Array(1))).toThrow(/at least two samples/);
  });
});

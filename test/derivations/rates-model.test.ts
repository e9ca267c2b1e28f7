/**
 * (1.10) in the frame z = e^{bt} w against (1.10) in w (grid-models.ts, an independent scheme:
 * explicit MUSCL transport in both directions, one centre per box): the macroscopic state and the
 * w-marginal agree at moderate eps; the limit (1.9) is stationary in z; refusals.
 */
import { describe, it, expect } from 'vitest';
import { zFrameEquation, correlatedInitialDensity } from '../../derivations/lib/rates-model.ts';
import { rescaledEquation } from '../../derivations/lib/grid-models.ts';
import { defaultCells } from '../../derivations/lib/network.ts';
import { runSplitGrid, runGrid, marginalW, moments } from '../../src/numerics/index.ts';

const eps = 0.05;
const tEnd = 0.2;

describe('(1.10) in the z-frame', () => {
  it('agrees with (1.10) solved in w: V, W, Var v and the w-marginal', () => {
    const z = zFrameEquation({ eps, cells: defaultCells(3), nv: 48, nz: 64 });
    runSplitGrid(z, { tEnd, stepSize: (t) => Math.min(2e-3, 0.05 * eps + 0.1 * t) });
    const w = rescaledEquation({ eps, cells: 3, nv: 48, nw: 80, wHalfWidth: 1.5 });
    runGrid(w, { tEnd, cfl: 0.9, maxDt: 2e-3, transportOrder: 2 });
    const c = z.contraction(tEnd);
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(z.V[k] - w.V[k])).toBeLessThan(5e-4);
      expect(Math.abs(z.W[k] - w.W[k])).toBeLessThan(5e-4);
      expect(Math.abs(moments(z.mesh, z.boxes[k]).varianceV - moments(w.mesh, w.boxes[k]).varianceV)).toBeLessThan(0.01);
      // nubar(w) = e^{bt} g(e^{bt} w): compare on the w-cells, interpolating the z-marginal linearly
      const gz = marginalW(z.mesh, z.boxes[k]);
      const gw = marginalW(w.mesh, w.boxes[k]);
      const distance = (scale: number) => {
        let worst = 0;
        w.mesh.w.forEach((wj, j) => {
          const x = (wj / scale - z.mesh.wmin) / z.mesh.dw - 0.5;
          const i = Math.min(Math.max(Math.floor(x), 0), z.mesh.nw - 2);
          const inZ = x < -0.5 || x > z.mesh.nw - 0.5 ? 0 : (gz[i] + (x - i) * (gz[i + 1] - gz[i])) / scale;
          worst = Math.max(worst, Math.abs(inZ - gw[j]));
        });
        return worst / Math.max(...gw);
      };
      expect(distance(c)).toBeLessThan(0.01); // measured 3e-3: the two schemes' grid errors
      expect(distance(1)).toBeGreaterThan(0.1); // a frame without the contraction e^{-bt} is rejected
    }
  });

  it('keeps the marginal in z at its initial value when transport is off (the limit (1.9) is stationary there)', () => {
    const z = zFrameEquation({ eps, cells: defaultCells(2), nv: 24, nz: 32, stiffOnly: true });
    const before = z.boxes.map((f) => marginalW(z.mesh, f));
    runSplitGrid(z, { tEnd: 0.2, stepSize: () => 0.01 });
    z.boxes.forEach((f, k) => expect(Math.max(...marginalW(z.mesh, f).map((g, j) => Math.abs(g - before[k][j])))).toBeLessThan(1e-13));
  });

  it('builds correlated data whose v-mean follows the shift, and refuses eps <= 0 and an empty K', () => {
    const mu = correlatedInitialDensity(
      () => 1,
      (dw) => 2 * dw,
    );
    const meanV = (w: number) => {
      let s = 0,
        m = 0;
      for (let v = -10; v <= 10; v += 0.01) {
        s += v * mu(0.25, v, w);
        m += mu(0.25, v, w);
      }
      return s / m;
    };
    expect(meanV(0.5) - meanV(0.2)).toBeCloseTo(0.6, 6);
    expect(() => zFrameEquation({ eps: 0, cells: defaultCells(2), nv: 8, nz: 8 })).toThrow(/eps must be > 0, got 0/);
    expect(() => zFrameEquation({ eps: 0.1, cells: [], nv: 8, nz: 8 })).toThrow(/cells must list at least one point of K/);
  });
});

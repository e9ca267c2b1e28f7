/** The limit system (1.5) on a discretised K, against an independent RK4 written from the paper's formulas. */
import { describe, it, expect } from 'vitest';
import { limitMacroscopic } from '../../derivations/lib/limit.ts';
import { defaultCells } from '../../derivations/lib/network.ts';
import { defaultKernel, initialMeanV, initialMeanW } from '../../derivations/lib/fhn.ts';

/** V' = V - V^3 - W - (V Psi*rho0 - Psi*(rho0 V)), W' = 0.8 V - W + 0.1, by RK4 with h = 1e-4. */
function independentRk4(cells: ReturnType<typeof defaultCells>, tEnd: number, kernelScale = 1): number[] {
  const K = cells.length;
  const rhs = (y: number[]) => {
    const out = new Array<number>(2 * K);
    for (let i = 0; i < K; i++) {
      let conv = 0;
      let convV = 0;
      for (let j = 0; j < K; j++) {
        const wgt = kernelScale * defaultKernel(cells[i].x, cells[j].x) * cells[j].rho0 * cells[j].measure;
        conv += wgt;
        convV += wgt * y[2 * j];
      }
      const [V, W] = [y[2 * i], y[2 * i + 1]];
      out[2 * i] = V - V ** 3 - W - (V * conv - convV);
      out[2 * i + 1] = 0.8 * V - W + 0.1;
    }
    return out;
  };
  let y = cells.flatMap((c) => [initialMeanV(c.x), initialMeanW(c.x)]);
  const h = 1e-4;
  for (let s = 0; s < Math.round(tEnd / h); s++) {
    const k1 = rhs(y);
    const k2 = rhs(y.map((v, i) => v + (h / 2) * k1[i]));
    const k3 = rhs(y.map((v, i) => v + (h / 2) * k2[i]));
    const k4 = rhs(y.map((v, i) => v + h * k3[i]));
    y = y.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
  }
  return y;
}

describe('limit system (1.5)', () => {
  const cells = defaultCells(4);
  const [final] = limitMacroscopic(cells, [1]);

  it('agrees with an independent RK4 of the printed system to 1e-9', () => {
    const ref = independentRk4(cells, 1);
    final.forEach(([V, W], k) => {
      expect(Math.abs(V - ref[2 * k])).toBeLessThan(1e-9);
      expect(Math.abs(W - ref[2 * k + 1])).toBeLessThan(1e-9);
    });
  });

  it('is told apart from the same system without the nonlocal coupling L', () => {
    const uncoupled = independentRk4(cells, 1, 0);
    expect(Math.max(...final.map(([V], k) => Math.abs(V - uncoupled[2 * k])))).toBeGreaterThan(1e-3);
  });
});

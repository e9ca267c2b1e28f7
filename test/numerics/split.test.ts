/** The stiff step with a centre per w-line, and the split runner: steady states, mass, positivity, exact rates, refusals. */
import { describe, it, expect } from 'vitest';
import { createMesh, sampleOnMesh, stiffStepPerLine, stiffStep, runSplitGrid, SplitGridModel, moments, Mesh } from '../../src/numerics/index.ts';

const mesh = createMesh({ nv: 60, nw: 8, vmin: -6, vmax: 6, wmin: -1, wmax: 1 });
const centres = Float64Array.from(mesh.w, (w) => 0.8 * w);
const shifted = (rho: number, c: ArrayLike<number>) =>
  sampleOnMesh(mesh, (v, w) => Math.exp((-rho * (v - c[Math.round((w - mesh.wmin) / mesh.dw - 0.5)]) ** 2) / 2) * Math.exp(-w * w));
const maxDiff = (a: Float64Array, b: Float64Array) => Math.max(...a.map((x, k) => Math.abs(x - b[k])));

describe('stiffStepPerLine', () => {
  it("keeps the Gaussian centred at each line's own centre to round-off; a wrong centre moves it", () => {
    const f = shifted(0.7, centres);
    const before = Float64Array.from(f);
    stiffStepPerLine(mesh, f, { D: 300, alpha: 0.7, centres }, 0.05);
    expect(maxDiff(f, before)).toBeLessThan(1e-13);
    const g = Float64Array.from(before);
    stiffStepPerLine(mesh, g, { D: 300, alpha: 0.7, centres: centres.map((c) => c + 0.1) }, 0.05);
    expect(maxDiff(g, before)).toBeGreaterThan(1e-3);
  });

  it('is the single-centre step of stiff.ts when every line has the same centre', () => {
    const f = sampleOnMesh(mesh, (v, w) => Math.exp(-((v - 1) ** 2)) * (1 + w * w));
    const g = Float64Array.from(f);
    stiffStepPerLine(mesh, f, { D: 5, alpha: 1.3, centres: new Float64Array(mesh.nw).fill(0.4) }, 0.3);
    stiffStep(mesh, g, { D: 5, alpha: 1.3, centre: 0.4 }, 0.3);
    expect(maxDiff(f, g)).toBeLessThan(1e-14);
  });

  it("conserves the mass of every line and keeps positivity for a huge step, moving each line's mean to its centre", () => {
    const f = sampleOnMesh(mesh, (v) => (Math.abs(v - 2) < 0.3 ? 1 : 0));
    const lineMass = (g: Float64Array, j: number) => g.subarray(j * mesh.nv, (j + 1) * mesh.nv).reduce((a, b) => a + b, 0);
    const masses = Array.from({ length: mesh.nw }, (_, j) => lineMass(f, j));
    stiffStepPerLine(mesh, f, { D: 1e6, alpha: 1, centres }, 1);
    for (let j = 0; j < mesh.nw; j++) {
      expect(Math.abs(lineMass(f, j) - masses[j])).toBeLessThan(1e-8 * masses[j]); // round-off of a solve with D dt / dv^2 = 2.5e7
      let m1 = 0;
      for (let i = 0; i < mesh.nv; i++) m1 += mesh.v[i] * f[j * mesh.nv + i];
      expect(m1 / lineMass(f, j)).toBeCloseTo(centres[j], 4);
    }
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
  });

  it('refuses centres of the wrong length or not finite, and a non-positive D or dt, naming them', () => {
    const f = shifted(1, centres);
    expect(() => stiffStepPerLine(mesh, f, { D: 1, alpha: 1, centres: [0, 1] }, 0.1)).toThrow(/centres \(one per w-line\) must have 8 entries, got 2/);
    expect(() => stiffStepPerLine(mesh, f, { D: 1, alpha: 1, centres: centres.map((c, j) => (j === 3 ? Number.NaN : c)) }, 0.1)).toThrow(
      /centres\[3\] = NaN is not finite/,
    );
    expect(() => stiffStepPerLine(mesh, f, { D: 0, alpha: 1, centres }, 0.1)).toThrow(/D \(diffusion of the stiff part\) must be > 0, got 0/);
    expect(() => stiffStepPerLine(mesh, f, { D: 1, alpha: 1, centres }, -1)).toThrow(/dt must be > 0, got -1/);
  });
});

/** A model with the stiff part only (D = 1, alpha = rho): the mean of v relaxes by exactly 1/(1 + rho dt) per backward-Euler step. */
function ouModel(m: Mesh, rho: number, shiftPerUnitTime = 0): SplitGridModel {
  const boxes = [sampleOnMesh(m, (v, w) => Math.exp(-((v - 1.5) ** 2)) * Math.exp(-4 * w * w))];
  return {
    mesh: m,
    boxes,
    coefficients: () => [
      {
        bv: new Float64Array((m.nv + 1) * m.nw),
        shiftW: (dt) => new Float64Array(m.nv).fill(shiftPerUnitTime * dt),
        stiff: () => ({ D: 1, alpha: rho, centres: new Float64Array(m.nw) }),
      },
    ],
  };
}

describe('runSplitGrid', () => {
  it('relaxes the mean of v at the backward-Euler rate (1 + rho dt)^(-n) (up to the O(dv^2) of the discrete operator), and shifts w exactly in time', () => {
    const m = createMesh({ nv: 80, nw: 40, vmin: -8, vmax: 8, wmin: -2, wmax: 2 });
    const model = ouModel(m, 0.7, 0.5);
    const m0 = moments(m, model.boxes[0]);
    const dt = 0.05;
    const report = runSplitGrid(model, { tEnd: 1, stepSize: () => dt });
    const m1 = moments(m, model.boxes[0]);
    expect(report.steps).toBe(20);
    const ratio = m1.meanV / m0.meanV;
    expect(Math.abs(ratio / (1 + 0.7 * dt) ** -20 - 1)).toBeLessThan(0.005);
    expect(Math.abs(ratio / Math.exp(-0.7) - 1)).toBeGreaterThan(0.005); // backward Euler, not the exact flow
    expect(m1.meanW - m0.meanW).toBeCloseTo(0.5, 4);
    expect(Math.abs(m1.mass + report.outflow[0] - m0.mass)).toBeLessThan(1e-12);
  });

  it('hits the sample times exactly and caps the step by the CFL bound of the v-transport', () => {
    const m = createMesh({ nv: 40, nw: 4, vmin: -4, vmax: 4, wmin: -1, wmax: 1 });
    const model = ouModel(m, 1);
    const fast = { ...model, coefficients: () => [{ ...model.coefficients(0, undefined as never)[0], bv: new Float64Array((m.nv + 1) * m.nw).fill(10) }] };
    const seen: number[] = [];
    const report = runSplitGrid(fast, { tEnd: 0.1, stepSize: () => 1, sampleTimes: [0.03, 0.07], onSample: (t) => seen.push(t) });
    expect(seen).toEqual([0.03, 0.07, 0.1]);
    // upwind bound dv / |b| = 0.2 / 10 = 0.02, halved for order 2, times cfl 0.9
    expect(report.maxDt).toBeLessThanOrEqual(0.9 * 0.01 + 1e-15);
  });

  it('refuses a non-positive step size, too many steps, and a density that is no longer finite', () => {
    const m = createMesh({ nv: 10, nw: 4, vmin: -4, vmax: 4, wmin: -1, wmax: 1 });
    expect(() => runSplitGrid(ouModel(m, 1), { tEnd: 1, stepSize: () => 0 })).toThrow(/stepSize\(0\) must be > 0, got 0/);
    expect(() => runSplitGrid(ouModel(m, 1), { tEnd: 1, stepSize: () => 1e-3, maxSteps: 10 })).toThrow(/more than 10 steps before t = 1/);
    const bad = ouModel(m, 1);
    bad.boxes[0][5] = Number.NaN;
    expect(() => runSplitGrid(bad, { tEnd: 0.1, stepSize: () => 0.05 })).toThrow(/density of box 0 is not finite at t = 0.1/);
  });
});

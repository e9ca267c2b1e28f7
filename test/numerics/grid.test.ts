/** Finite volumes: the SG stiff step, upwind transport, mass, positivity, refusals, orders, remaps. */
import { describe, it, expect } from 'vitest';
import {
  createMesh,
  sampleOnMesh,
  stiffStep,
  sgCoefficients,
  transportStep,
  transportStepBound,
  solveTridiagonal,
  moments,
  l1Distance,
  runGrid,
  GridModel,
  facePoints,
  Mesh,
  interpolate,
} from '../../src/numerics/index.ts';

const mesh = createMesh({ nv: 60, nw: 20, vmin: -6, vmax: 6, wmin: -2, wmax: 2 });
const maxwellian = (rho: number, c = 0) => sampleOnMesh(mesh, (v, w) => Math.exp((-rho * (v - c) ** 2) / 2) * Math.exp(-w * w));
const relChange = (a: Float64Array, b: Float64Array) => Math.max(...a.map((x, k) => Math.abs(x - b[k]))) / Math.max(...b);
const constantVelocity = (m: Mesh, cv: number, cw: number) => ({
  bv: new Float64Array((m.nv + 1) * m.nw).fill(cv),
  bw: new Float64Array(m.nv * (m.nw + 1)).fill(cw),
});

/** L1 error of a Gaussian carried by unit speed in v over t = 1, on nv cells, by transport of the given order. */
function shiftedGaussianError(nv: number, order: 1 | 2): number {
  const m = createMesh({ nv, nw: 3, vmin: -4, vmax: 4, wmin: -1, wmax: 1 });
  const f = sampleOnMesh(m, (v) => Math.exp(-v * v));
  const u = constantVelocity(m, 1, 0);
  const model: GridModel = { mesh: m, boxes: [f], coefficients: () => [{ velocities: u, stiff: { D: 1e-300, alpha: 1e-300, centre: 0 } }] };
  runGrid(model, { tEnd: 1, cfl: 0.5, transportOrder: order });
  return l1Distance(
    m,
    f,
    sampleOnMesh(m, (v) => Math.exp(-((v - 1) ** 2))),
  );
}

describe('implicit Scharfetter–Gummel stiff step', () => {
  it('keeps the discrete Maxwellian (any centre) to round-off, and a wrong alpha moves it', () => {
    for (const [rho, c] of [
      [0.6, 0],
      [1.4, 0.7],
    ]) {
      const f = maxwellian(rho, c);
      const before = Float64Array.from(f);
      stiffStep(mesh, f, { D: 400, alpha: rho, centre: c }, 0.01);
      expect(relChange(f, before)).toBeLessThan(1e-13);
      const g = Float64Array.from(before);
      stiffStep(mesh, g, { D: 400, alpha: 1.1 * rho, centre: c }, 0.01);
      expect(relChange(g, before)).toBeGreaterThan(1e-3);
    }
  });

  it('has zero SG flux on the Gaussian, where a central-difference flux does not vanish', () => {
    const rho = 1;
    const { up, down } = sgCoefficients(mesh, { D: 1, alpha: rho, centre: 0 });
    const f = mesh.v.map((v) => Math.exp((-rho * v * v) / 2));
    let sg = 0;
    let central = 0;
    for (let i = 0; i < mesh.nv - 1; i++) {
      const face = mesh.vmin + (i + 1) * mesh.dv;
      sg = Math.max(sg, Math.abs(up[i] * f[i + 1] - down[i] * f[i]));
      central = Math.max(central, Math.abs((rho * face * (f[i] + f[i + 1])) / 2 + (f[i + 1] - f[i]) / mesh.dv));
    }
    expect(sg).toBeLessThan(1e-14);
    expect(central).toBeGreaterThan(1e-3);
  });

  it('conserves mass to round-off and keeps positivity for a huge step', () => {
    const f = sampleOnMesh(mesh, (v, w) => (Math.abs(v - 3) < 0.5 && Math.abs(w) < 0.5 ? 1 : 0));
    const m0 = moments(mesh, f).mass;
    stiffStep(mesh, f, { D: 100, alpha: 2, centre: -1 }, 1);
    expect(Math.abs(moments(mesh, f).mass - m0) / m0).toBeLessThan(1e-12);
    stiffStep(mesh, f, { D: 1e4, alpha: 2, centre: -1 }, 100); // condition number ~1e8: mass to ~1e-8 relative, still positive
    expect(Math.abs(moments(mesh, f).mass - m0) / m0).toBeLessThan(1e-8);
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a non-positive diffusion or confinement, naming it', () => {
    expect(() => stiffStep(mesh, maxwellian(1), { D: 0, alpha: 1, centre: 0 }, 0.1)).toThrow(/D \(diffusion of the stiff part\) must be > 0, got 0/);
    expect(() => stiffStep(mesh, maxwellian(1), { D: 1, alpha: -1, centre: 0 }, 0.1)).toThrow(/alpha .* must be > 0, got -1/);
  });
});

describe('Thomas algorithm', () => {
  it('solves a tridiagonal system like a dense elimination', () => {
    const lower = [0, -1, 2, 0.5],
      diag = [4, 5, 6, 3],
      upper = [1, 1, -1, 0],
      rhs = [1, 2, 3, 4];
    const x = solveTridiagonal(lower, diag, upper, rhs);
    const residual = rhs.map((r, i) => (i > 0 ? lower[i] * x[i - 1] : 0) + diag[i] * x[i] + (i < 3 ? upper[i] * x[i + 1] : 0) - r);
    expect(Math.max(...residual.map(Math.abs))).toBeLessThan(1e-14);
  });
});

describe('upwind transport', () => {
  it('refuses a step beyond the CFL bound, printing the bound', () => {
    const u = constantVelocity(mesh, 2, 1);
    const bound = transportStepBound(mesh, u);
    expect(bound).toBeCloseTo(1 / (2 / mesh.dv + 1 / mesh.dw), 12);
    expect(() => transportStep(mesh, maxwellian(1), u, 1.01 * bound)).toThrow(
      new RegExp(`beyond the transport stability \\(CFL\\) bound ${bound.toPrecision(6)}`),
    );
  });

  it('is first order: the error of a shifted Gaussian halves when the grid is refined', () => {
    const err = (nv: number) => shiftedGaussianError(nv, 1);
    const order = Math.log2(err(100) / err(200));
    expect(order).toBeGreaterThan(0.8);
    expect(order).toBeLessThan(1.2);
  });

  it('is second order with minmod slopes and Heun (order 2), much more accurate, and stays positive', () => {
    const order = Math.log2(shiftedGaussianError(100, 2) / shiftedGaussianError(200, 2));
    expect(order).toBeGreaterThan(1.6);
    expect(shiftedGaussianError(100, 2)).toBeLessThan(shiftedGaussianError(100, 1) / 3);
    const box = sampleOnMesh(mesh, (v, w) => (Math.abs(v) < 1 && Math.abs(w) < 0.5 ? 1 : 0));
    const m0 = moments(mesh, box).mass;
    const u = constantVelocity(mesh, 1.3, -0.4);
    const bound = transportStepBound(mesh, u);
    let out = 0;
    for (let k = 0; k < 40; k++) out += transportStep(mesh, box, u, 0.5 * bound, undefined, 2);
    expect(Math.min(...box)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...box)).toBeLessThanOrEqual(1 + 1e-12); // no new extrema (limited slopes)
    expect(Math.abs(moments(mesh, box).mass + out - m0) / m0).toBeLessThan(1e-13);
    expect(() => transportStep(mesh, box, u, 0.6 * bound, undefined, 2)).toThrow(/CFL\) bound .* \(order 2: half the upwind bound\)/);
  });

  it('conserves mass to round-off inside the box and reports what leaves through the edges', () => {
    const inside = sampleOnMesh(mesh, (v, w) => (Math.abs(v) < 1 && Math.abs(w) < 0.5 ? 1 : 0));
    const m0 = moments(mesh, inside).mass;
    let out = 0;
    for (let k = 0; k < 50; k++) out += transportStep(mesh, inside, constantVelocity(mesh, 0.3 * Math.sin(k), -0.1), 0.01);
    expect(out).toBeLessThan(1e-9); // only upwind-diffusion tails reach the edges
    expect(Math.abs(moments(mesh, inside).mass + out - m0) / m0).toBeLessThan(1e-13);
    const pushed = maxwellian(4, 4.5);
    const p0 = moments(mesh, pushed).mass;
    let lost = 0;
    for (let k = 0; k < 100; k++) lost += transportStep(mesh, pushed, constantVelocity(mesh, 2, 0), 0.05);
    expect(lost).toBeGreaterThan(1e-6);
    expect(Math.abs(moments(mesh, pushed).mass + lost - p0) / p0).toBeLessThan(1e-12);
    expect(Math.min(...pushed)).toBeGreaterThanOrEqual(0);
  });
});

describe('mesh helpers', () => {
  it('face points sit on the faces, interpolation is exact for bilinear functions', () => {
    const fp = facePoints(mesh);
    expect(fp.vFaceV[0]).toBe(mesh.vmin);
    expect(fp.vFaceV[mesh.nv]).toBeCloseTo(mesh.vmax, 12);
    const f = sampleOnMesh(mesh, (v, w) => 1 + 2 * v - w + 0.5 * v * w);
    expect(interpolate(mesh, f, 0.37, -0.61)).toBeCloseTo(1 + 0.74 + 0.61 - 0.5 * 0.37 * 0.61, 12);
    expect(interpolate(mesh, f, 9, 0)).toBe(0);
    expect(() => createMesh({ nv: 2, nw: 10, vmin: 0, vmax: 1, wmin: 0, wmax: 1 })).toThrow(/nv must be an integer >= 3, got 2/);
    expect(() => createMesh({ nv: 10, nw: 10, vmin: 1, vmax: 0, wmin: 0, wmax: 1 })).toThrow(/vmax = 0 must exceed vmin = 1/);
  });
});

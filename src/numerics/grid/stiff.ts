/**
 * The stiff v-part D d_v[alpha (v - c) f + d_v f], implicit (backward Euler) with the
 * Scharfetter–Gummel (Chang–Cooper) flux: zero flux at the v-edges, one tridiagonal solve per
 * w-line. The discrete Gaussian exp(-alpha (v - c)^2 / 2) g(w) is an exact steady state, mass is
 * conserved to round-off, and the matrix is an M-matrix (positivity for any dt).
 */
import { Mesh } from './mesh.ts';
import { requireFinite, requirePositive } from '../validate.ts';

/** Bernoulli function B(x) = x / (e^x - 1), B(0) = 1. */
export const bernoulli = (x: number): number => (Math.abs(x) < 1e-12 ? 1 - x / 2 : x / Math.expm1(x));

/** The coefficients of the stiff operator for one box. */
export interface StiffCoefficients {
  readonly D: number;
  readonly alpha: number;
  readonly centre: number;
}

/** Interface fluxes J_{i+1/2} = up_i f_{i+1} - down_i f_i (i = 0..nv-2) of the SG scheme. */
export function sgCoefficients(m: Mesh, k: StiffCoefficients): { up: Float64Array; down: Float64Array } {
  requirePositive('D (diffusion of the stiff part)', k.D);
  requirePositive('alpha (confinement of the stiff part)', k.alpha);
  requireFinite('centre of the stiff part', k.centre);
  const up = new Float64Array(m.nv - 1);
  const down = new Float64Array(m.nv - 1);
  for (let i = 0; i < m.nv - 1; i++) {
    const x = k.alpha * (m.vmin + (i + 1) * m.dv - k.centre) * m.dv;
    up[i] = (k.D / m.dv) * bernoulli(-x);
    down[i] = (k.D / m.dv) * bernoulli(x);
  }
  return { up, down };
}

/** One backward-Euler step of the stiff part on every w-line of f, in place. */
export function stiffStep(m: Mesh, f: Float64Array, k: StiffCoefficients, dt: number): void {
  requirePositive('dt', dt);
  const { up, down } = sgCoefficients(m, k);
  const n = m.nv;
  const r = dt / m.dv;
  const lower = new Float64Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 1 + r * ((i < n - 1 ? down[i] : 0) + (i > 0 ? up[i - 1] : 0));
    upper[i] = i < n - 1 ? -r * up[i] : 0;
    lower[i] = i > 0 ? -r * down[i - 1] : 0;
  }
  // factor once (the matrix is the same on every w-line), then solve each line
  const factor = factorTridiagonal(lower, diag, upper);
  for (let j = 0; j < m.nw; j++) solveFactored(factor, f, j * n);
}

/** LU factors of a tridiagonal matrix (Thomas algorithm); lower[0] and upper[n-1] are unused. */
export interface TridiagonalFactor {
  readonly lower: ArrayLike<number>;
  readonly cp: Float64Array;
  readonly denom: Float64Array;
}

/** Factor a tridiagonal matrix once, to solve many right-hand sides. */
export function factorTridiagonal(lower: ArrayLike<number>, diag: ArrayLike<number>, upper: ArrayLike<number>): TridiagonalFactor {
  const n = diag.length;
  const cp = new Float64Array(n);
  const denom = new Float64Array(n);
  denom[0] = diag[0];
  cp[0] = upper[0] / denom[0];
  for (let i = 1; i < n; i++) {
    denom[i] = diag[i] - lower[i] * cp[i - 1];
    cp[i] = upper[i] / denom[i];
  }
  return { lower, cp, denom };
}

/** Overwrite x[offset .. offset + n) with the solution of the factored system for that right-hand side. */
export function solveFactored(fac: TridiagonalFactor, x: Float64Array, offset = 0): void {
  const { lower, denom, cp } = fac;
  const n = denom.length;
  let previous = x[offset] / denom[0];
  x[offset] = previous;
  for (let i = 1; i < n; i++) {
    previous = (x[offset + i] - lower[i] * previous) / denom[i];
    x[offset + i] = previous;
  }
  for (let i = n - 2; i >= 0; i--) {
    previous = x[offset + i] - cp[i] * previous;
    x[offset + i] = previous;
  }
}

/** Solve a tridiagonal system (lower[0] and upper[n-1] unused) by the Thomas algorithm; returns x. */
export function solveTridiagonal(lower: ArrayLike<number>, diag: ArrayLike<number>, upper: ArrayLike<number>, rhs: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(rhs);
  solveFactored(factorTridiagonal(lower, diag, upper), x);
  return x;
}

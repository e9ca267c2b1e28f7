/**
 * Finite-volume operators on a GridMesh, for any model in flux form
 * d_t f + div(b f) = sum_ij d_i d_j (D_ij f):
 * - explicit transport of the non-stiff drift, minmod-limited MUSCL faces with Heun's method
 *   (second order, positive under half the CFL bound); mass leaves only through the box edges,
 *   measured face by face;
 * - the full diffusion matrix as a Markov jump generator (a monotone stencil): the cross term
 *   2 D_01 d_0 d_1 and a share |D_01| h_0/h_1, |D_01| h_1/h_0 of the axis terms as jumps along
 *   the cell diagonal (h_0, sign(D_01) h_1) at the rate |D_01| / (h_0 h_1), explicit in the same
 *   stage (positive under the rate bound, reflecting at the edges); the rest of the axis terms,
 *   D_00 - |D_01| h_0/h_1 and D_11 - |D_01| h_1/h_0, implicit (they must be >= 0: see crossShare);
 * - per axis, one implicit (backward Euler) drift-diffusion solve along every line with the
 *   Scharfetter–Gummel flux J = (D/h)[B(-P) f_i - B(P) f_{i+1}], P = b h / D, which is exact for
 *   a stiff affine drift's Maxwellian, an M-matrix (positive for any step), zero flux at the edges;
 *   with a state-dependent D and no drift it is the centred flux of D f.
 */
import { bernoulli, factorTridiagonal, solveFactored, TridiagonalFactor } from '../../numerics/grid/stiff.ts';
import { GridMesh, baseOf, linesOf, strideOf } from './gridMesh.ts';

/** Face velocities per axis (layout of mesh.faces[a]) and the cross-diffusion field at the cells (or null). */
export interface ExplicitCoefficients {
  readonly velocity: readonly Float64Array[];
  readonly cross: Float64Array | null;
}

/**
 * The largest positive explicit step of the Heun stages: 1 / max over cells of (twice the outflow
 * rate of the limited transport, which is positive under half the CFL bound, plus the diagonal
 * jump rate 2 |D_01| / (h_0 h_1), positive under the forward-Euler bound).
 */
export function explicitStepBound(m: GridMesh, c: ExplicitCoefficients): number {
  const rate = new Float64Array(m.size);
  for (let a = 0; a < m.dims; a++) {
    const u = c.velocity[a];
    const stride = strideOf(m, a);
    const n = m.n[a];
    for (let line = 0; line < linesOf(m, a); line++) {
      const base = baseOf(m, a, line);
      for (let i = 0; i < n; i++) {
        const out = Math.max(u[line * (n + 1) + i + 1], 0) - Math.min(u[line * (n + 1) + i], 0);
        rate[base + i * stride] += (2 * out) / m.h[a];
      }
    }
  }
  if (c.cross) for (let k = 0; k < m.size; k++) rate[k] += (2 * Math.abs(c.cross[k])) / (m.h[0] * m.h[1]);
  let worst = 0;
  for (let k = 0; k < m.size; k++) if (rate[k] > worst || !Number.isFinite(rate[k])) worst = rate[k];
  return worst === 0 ? Number.POSITIVE_INFINITY : 1 / worst;
}

const minmod = (a: number, b: number) => (a * b <= 0 ? 0 : Math.abs(a) < Math.abs(b) ? a : b);

/**
 * dst = src + dt L(src) for the explicit operator (limited upwind transport, diagonal jumps);
 * adds weight x the mass that left through face (a, side) to outflow[2 a + side] (side 0: low end).
 */
function explicitStage(m: GridMesh, src: Float64Array, dst: Float64Array, c: ExplicitCoefficients, dt: number, outflow: Float64Array, weight: number): void {
  dst.set(src);
  const volume = m.h.reduce((p, x) => p * x, 1);
  for (let a = 0; a < m.dims; a++) {
    const u = c.velocity[a];
    const stride = strideOf(m, a);
    const n = m.n[a];
    const r = dt / m.h[a];
    for (let line = 0; line < linesOf(m, a); line++) {
      const base = baseOf(m, a, line);
      const at = (i: number) => src[base + i * stride];
      for (let f = 0; f <= n; f++) {
        const speed = u[line * (n + 1) + f];
        if (speed === 0) continue;
        const donor = speed > 0 ? f - 1 : f;
        if (donor < 0 || donor >= n) continue; // inflow through an edge: nothing comes in
        const back = speed > 0 ? donor - 1 : donor + 1;
        const front = speed > 0 ? donor + 1 : donor - 1;
        const slope = back >= 0 && back < n && front >= 0 && front < n ? minmod(at(donor) - at(back), at(front) - at(donor)) : 0;
        const flux = speed * (at(donor) + 0.5 * slope) * r;
        if (f > 0) dst[base + (f - 1) * stride] -= flux;
        if (f < n) dst[base + f * stride] += flux;
        if (f === 0) outflow[2 * a] -= weight * flux * volume;
        else if (f === n) outflow[2 * a + 1] += weight * flux * volume;
      }
    }
  }
  if (c.cross) diagonalJumps(m, src, dst, c.cross, dt);
}

/**
 * The cross diffusion as jumps from each cell to its two neighbours along the diagonal
 * (1, s) and (-1, -s), s = sign(D_01), each at the rate |D_01| / (h_0 h_1) of the cell it leaves:
 * the generator D_00^x d_00 + 2 D_01 d_01 + D_11^x d_11 with the shares D_00^x = |D_01| h_0/h_1,
 * D_11^x = |D_01| h_1/h_0. At a cell on the box's edge neither jump happens (one alone would
 * drift the mass; the axis parts are reflecting there too).
 */
function diagonalJumps(m: GridMesh, src: Float64Array, dst: Float64Array, D01: Float64Array, dt: number): void {
  const [n0, n1] = m.n;
  const r = dt / (m.h[0] * m.h[1]);
  for (let j = 0; j < n1; j++)
    for (let i = 0; i < n0; i++) {
      const k = j * n0 + i;
      const d = D01[k];
      if (d === 0) continue;
      const s = d > 0 ? 1 : -1;
      // both jumps or neither: a lone jump at an edge would drift the mass (the pair moves none on average)
      if (i + 1 >= n0 || i === 0 || j + s < 0 || j + s >= n1 || j - s < 0 || j - s >= n1) continue;
      const jump = Math.abs(d) * src[k] * r;
      dst[k + 1 + s * n0] += jump;
      dst[k - 1 - s * n0] += jump;
      dst[k] -= 2 * jump;
    }
}

/** The share of each axis's diffusion the diagonal jumps carry: |D_01| h_0/h_1 (axis 0) and |D_01| h_1/h_0 (axis 1). */
export const crossShare = (m: GridMesh, a: number, D01: number): number => Math.abs(D01) * (a === 0 ? m.h[0] / m.h[1] : m.h[1] / m.h[0]);

/** One explicit step (Heun: the average of f and two stages) in place; adds the mass that left through each face to outflow[2 a + side]. */
export function explicitStep(
  m: GridMesh,
  f: Float64Array,
  c: ExplicitCoefficients,
  dt: number,
  work: { a: Float64Array; b: Float64Array },
  outflow: Float64Array,
): void {
  work.a.set(f);
  explicitStage(m, work.a, work.b, c, dt, outflow, 0.5);
  explicitStage(m, work.b, f, c, dt, outflow, 0.5);
  for (let k = 0; k < f.length; k++) f[k] = 0.5 * (work.a[k] + f[k]);
}

/** Flux coefficients of the interior faces of a line: J_{i+1/2} = A_i f_i - B_i f_{i+1}, i = 0..n-2. */
export interface LineFluxes {
  readonly A: Float64Array;
  readonly B: Float64Array;
}

/** Scharfetter–Gummel fluxes for a drift b at the interior faces and a uniform D > 0. */
export function sgFluxes(b: (i: number) => number, D: number, h: number, n: number): LineFluxes {
  const A = new Float64Array(n - 1);
  const B = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const P = (b(i) * h) / D;
    A[i] = (D / h) * bernoulli(-P);
    B[i] = (D / h) * bernoulli(P);
  }
  return { A, B };
}

/** The backward-Euler matrix of one line, factored: row i is f_i + (dt/h)(J_{i+1/2} - J_{i-1/2}). */
export function factorLine(fl: LineFluxes, dt: number, h: number): TridiagonalFactor {
  const n = fl.A.length + 1;
  const r = dt / h;
  const lower = new Float64Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 1 + r * ((i < n - 1 ? fl.A[i] : 0) + (i > 0 ? fl.B[i - 1] : 0));
    upper[i] = i < n - 1 ? -r * fl.B[i] : 0;
    lower[i] = i > 0 ? -r * fl.A[i - 1] : 0;
  }
  return factorTridiagonal(lower, diag, upper);
}

/** Solve every line of axis a in place, with one factor for all lines or one per line. */
export function implicitAxis(m: GridMesh, f: Float64Array, a: number, factor: (line: number) => TridiagonalFactor, buffer: Float64Array): void {
  const n = m.n[a];
  const stride = strideOf(m, a);
  for (let line = 0; line < linesOf(m, a); line++) {
    const base = baseOf(m, a, line);
    for (let i = 0; i < n; i++) buffer[i] = f[base + i * stride];
    solveFactored(factor(line), buffer);
    for (let i = 0; i < n; i++) f[base + i * stride] = buffer[i];
  }
}

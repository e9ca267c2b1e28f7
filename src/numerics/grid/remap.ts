/**
 * Conservative semi-Lagrangian transport along the w-lines of a mesh for a velocity that does not
 * depend on w (it may depend on v and t): over a step every column is shifted by a distance s,
 * exactly in time. The primitive of the density (the mass left of each face) is moved with the
 * flow: whole cells first, then the remaining fraction r in [-1/2, 1/2] of a cell by interpolating
 * the primitive at the departure point with the degree-6 polynomial through the 7 faces centred on
 * the face (sixth order for smooth data). The stencil is the same whichever way a column moves, so
 * columns moving in opposite directions (v > 0 and v < 0) make errors that cancel in their net
 * flux: the flux of the w-marginal is then as accurate as the net flux itself, even when it is a
 * small difference of large column fluxes. In flux form mass is conserved to round-off (what
 * crosses the box edges is counted as outflow). Positivity: the mass crossing a face is clipped to
 * [0, the mass of the cell it leaves]; this acts only where the interpolant undershoots (near zero).
 * No CFL bound: any shift is allowed.
 */
import { Mesh } from './mesh.ts';
import { NumericInputError, requireLength } from '../validate.ts';

/** Interpolation orders available: 1 (donor cell: the cell average moves) and 6 (degree-6 primitive, centred). */
export type RemapOrder = 1 | 6;

/** Offsets of the cells of the stencil around a face (cells -2..3 relative to the cell left of the face). */
const STENCIL = [-2, -1, 0, 1, 2, 3] as const;

/**
 * Weights q_c (cells c = -2..3 relative to the cell left of a face) such that the mass crossing the
 * face to the right, in cell-average units, is sum_c q_c u_c when the primitive moves by a fraction
 * r of a cell (positive: to the right), from the degree-6 interpolant through the faces -3..3.
 */
export function faceFluxWeights(r: number): Float64Array {
  if (!(r >= -0.5 && r <= 0.5)) throw new NumericInputError(`fraction of a cell must be in [-1/2, 1/2], got ${r}`);
  const nodes = [-3, -2, -1, 0, 1, 2, 3];
  const x = -r;
  const q = new Float64Array(STENCIL.length);
  for (const m of nodes) {
    // Lagrange basis L_m at x
    let L = 1;
    for (const n of nodes) if (n !== m) L *= (x - n) / (m - n);
    // primitive at face m relative to face 0, in cell units: sum of the averages in between (negative to the left)
    STENCIL.forEach((c, i) => {
      if (m > 0 && c >= 1 && c <= m) q[i] -= L;
      if (m < 0 && c >= m + 1 && c <= 0) q[i] += L;
    });
  }
  return q;
}

/**
 * Shift one line of n cell averages (entries src[offset + j stride]) by `cells` cell widths
 * (positive: towards larger index) into dst; zero flows in through the edges. Returns the
 * cell-average mass (sum of averages) that left the line.
 */
export function remapLine(
  src: Float64Array,
  dst: Float64Array,
  n: number,
  offset: number,
  stride: number,
  cells: number,
  order: RemapOrder,
  shifted = new Float64Array(n + 6),
): number {
  if (!Number.isFinite(cells)) throw new NumericInputError(`shift of a line must be finite, got ${cells} cells`);
  const whole = Math.round(cells);
  const r = cells - whole;
  let total = 0;
  for (let j = 0; j < n; j++) total += src[offset + j * stride];
  // whole cells first: u[j] = src[j - whole], with 3 ghost cells of zeros on each side
  const u = shifted;
  u.fill(0);
  for (let j = 0; j < n; j++) {
    const from = j - whole;
    u[j + 3] = from >= 0 && from < n ? src[offset + from * stride] : 0;
  }
  // then the fraction r: flux F[f] through face f (between cells f - 1 and f), faces 0..n
  const q = order === 6 && r !== 0 ? faceFluxWeights(r) : null;
  let kept = 0;
  let previous = 0; // flux through the face left of cell j
  for (let f = 0; f <= n; f++) {
    const left = u[f - 1 + 3] ?? 0;
    const right = u[f + 3] ?? 0;
    let flux = 0;
    if (r !== 0) {
      if (q) {
        for (let i = 0; i < STENCIL.length; i++) flux += q[i] * (u[f - 1 + STENCIL[i] + 3] ?? 0);
      } else flux = r > 0 ? r * left : r * right;
      // positivity: what crosses the face leaves the upwind cell, at most all of it
      flux = r > 0 ? Math.min(Math.max(flux, 0), left) : Math.max(Math.min(flux, 0), -right);
    }
    if (f > 0) {
      const value = u[f - 1 + 3] + previous - flux;
      dst[offset + (f - 1) * stride] = value;
      kept += value;
    }
    previous = flux;
  }
  return total - kept;
}

/**
 * Shift every column i of the mesh along w by shift[i] (a length, not a number of cells), in
 * place; returns the mass (∫ f dv dw) that left through the w-edges.
 */
export function remapAlongW(m: Mesh, f: Float64Array, shift: ArrayLike<number>, order: RemapOrder = 6, scratch = new Float64Array(f.length)): number {
  requireLength('f', f, m.nv * m.nw);
  requireLength('shift (one per v-column)', shift, m.nv);
  scratch.set(f);
  const line = new Float64Array(m.nw + 6);
  let out = 0;
  for (let i = 0; i < m.nv; i++) out += remapLine(scratch, f, m.nw, i, m.nv, shift[i] / m.dw, order, line);
  return out * m.dv * m.dw;
}

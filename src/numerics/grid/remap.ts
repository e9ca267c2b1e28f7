/**
 * Conservative semi-Lagrangian transport along the w-lines of a mesh for a velocity that does not
 * depend on w (it may depend on v and t): over a step every column is shifted by a distance s,
 * exactly in time. The new cell average is the integral of a reconstruction over the cell moved
 * back by s; the reconstruction of each cell is the quartic with the averages of the 5 cells
 * around it (fifth order in space for smooth data), integrated in flux form, so mass moves from
 * cell to cell and is conserved to round-off (what crosses the box edges is counted as outflow).
 * Positivity: the part of a cell's mass that moves on is clipped to [0, the cell's mass]; this
 * only acts where the quartic undershoots (near zero) and keeps mass exact. No CFL bound: any
 * shift is allowed (whole cells plus a fraction).
 */
import { Mesh } from './mesh.ts';
import { NumericInputError, requireLength } from '../validate.ts';

/** Reconstruction orders available: 1 (donor cell: the cell average, exact in time) and 5 (quartic). */
export type RemapOrder = 1 | 5;

/**
 * Inverse of the 5 x 5 map from the coefficients a_l of p(xi) = sum a_l xi^l (xi in cell units,
 * cell 0 = [-1/2, 1/2]) to its averages over the cells -2..2; computed once by Gauss–Jordan.
 */
const QUARTIC_FROM_AVERAGES: number[][] = (() => {
  const n = 5;
  const m = Array.from({ length: n }, (_, r) => {
    const k = r - 2;
    // average of xi^l over [k - 1/2, k + 1/2]
    return Array.from({ length: n }, (_, l) => ((k + 0.5) ** (l + 1) - (k - 0.5) ** (l + 1)) / (l + 1));
  });
  const inv = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    [inv[col], inv[pivot]] = [inv[pivot], inv[col]];
    const d = m[col][col];
    for (let c = 0; c < n; c++) {
      m[col][c] /= d;
      inv[col][c] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r][col];
      for (let c = 0; c < n; c++) {
        m[r][c] -= factor * m[col][c];
        inv[r][c] -= factor * inv[col][c];
      }
    }
  }
  return inv;
})();

/**
 * Weights q_k (k = -2..2) with: the fraction of cell 0's mass in its last `fraction` of length
 * (downstream side) = sum_k q_k u_k, for the quartic through the averages u_{-2..2}.
 */
export function downstreamWeights(fraction: number): Float64Array {
  if (!(fraction >= 0 && fraction <= 1)) throw new NumericInputError(`fraction of a cell must be in [0, 1], got ${fraction}`);
  // integral of xi^l over [1/2 - fraction, 1/2]
  const moment = Array.from({ length: 5 }, (_, l) => (0.5 ** (l + 1) - (0.5 - fraction) ** (l + 1)) / (l + 1));
  const q = new Float64Array(5);
  for (let k = 0; k < 5; k++) {
    let s = 0;
    for (let l = 0; l < 5; l++) s += moment[l] * QUARTIC_FROM_AVERAGES[l][k];
    q[k] = s;
  }
  return q;
}

/**
 * Shift one line of n cell averages (entries src[offset + j stride]) by `cells` cell widths
 * (positive: towards larger index) into dst; zero flows in through the edges. Returns the
 * cell-average mass (sum of averages) that left the line.
 */
export function remapLine(src: Float64Array, dst: Float64Array, n: number, offset: number, stride: number, cells: number, order: RemapOrder, moved = new Float64Array(n)): number {
  if (!Number.isFinite(cells)) throw new NumericInputError(`shift of a line must be finite, got ${cells} cells`);
  const forward = cells >= 0;
  const distance = Math.abs(cells);
  const whole = Math.floor(distance);
  const fraction = distance - whole;
  const at = (j: number) => (j >= 0 && j < n ? src[offset + j * stride] : 0);
  // moved[j]: the part of cell j (in average units) that ends in the next cell downstream
  if (fraction === 0) moved.fill(0, 0, n);
  else if (order === 1) for (let j = 0; j < n; j++) moved[j] = fraction * at(j);
  else {
    const q = downstreamWeights(fraction);
    for (let j = 0; j < n; j++) {
      const mass = at(j);
      // mirror the stencil when moving backwards: the downstream side is then the low side
      let part = 0;
      for (let k = -2; k <= 2; k++) part += q[k + 2] * at(forward ? j + k : j - k);
      moved[j] = part < 0 ? 0 : part > mass ? mass : part;
    }
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += at(j);
  let kept = 0;
  for (let j = 0; j < n; j++) {
    // the new cell j receives the rest of cell j - whole (upstream) and the moved part of the cell before it
    const upstream = forward ? j - whole : j + whole;
    const before = forward ? upstream - 1 : upstream + 1;
    const rest = upstream >= 0 && upstream < n ? at(upstream) - moved[upstream] : 0;
    const incoming = before >= 0 && before < n ? moved[before] : 0;
    const value = rest + incoming;
    dst[offset + j * stride] = value;
    kept += value;
  }
  return total - kept;
}

/**
 * Shift every column i of the mesh along w by shift[i] (a length, not a number of cells), in
 * place; returns the mass (∫ f dv dw) that left through the w-edges.
 */
export function remapAlongW(m: Mesh, f: Float64Array, shift: ArrayLike<number>, order: RemapOrder = 5, scratch = new Float64Array(f.length)): number {
  requireLength('f', f, m.nv * m.nw);
  requireLength('shift (one per v-column)', shift, m.nv);
  scratch.set(f);
  const moved = new Float64Array(m.nw);
  let out = 0;
  for (let i = 0; i < m.nv; i++) out += remapLine(scratch, f, m.nw, i, m.nv, shift[i] / m.dw, order, moved);
  return out * m.dv * m.dw;
}

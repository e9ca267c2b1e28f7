/**
 * Explicit first-order upwind (donor-cell) transport d_t f + d_v(bv f) + d_w(bw f) = 0 in flux
 * form: interior fluxes cancel in pairs, so mass changes only through the box edges (measured);
 * positivity holds under the CFL bound, and a step beyond it is refused with the bound.
 */
import { Mesh } from './mesh.ts';
import { NumericInputError, requireLength, requirePositive } from '../validate.ts';

/** Velocities at the faces: bv on v-faces ((nv + 1) nw), bw on w-faces (nv (nw + 1)), indexed as in facePoints. */
export interface FaceVelocities {
  readonly bv: Float64Array;
  readonly bw: Float64Array;
}

/** The largest stable step: 1 / max over cells of the outflow rate (|bv| out of both v-faces / dv + same in w). */
export function transportStepBound(m: Mesh, u: FaceVelocities): number {
  const { nv, nw, dv, dw } = m;
  const { bv, bw } = u;
  const nvf = nv + 1;
  let rate = 0;
  for (let j = 0; j < nw; j++)
    for (let i = 0; i < nv; i++) {
      const out =
        (Math.max(bv[j * nvf + i + 1], 0) - Math.min(bv[j * nvf + i], 0)) / dv + (Math.max(bw[(j + 1) * nv + i], 0) - Math.min(bw[j * nv + i], 0)) / dw;
      if (out > rate) rate = out;
    }
  if (!Number.isFinite(rate)) throw new NumericInputError(`a face velocity is not finite (outflow rate ${rate})`);
  return rate === 0 ? Number.POSITIVE_INFINITY : 1 / rate;
}

/** minmod(a, b): the smaller slope when both have the same sign, else 0 (keeps the reconstruction monotone). */
const minmod = (a: number, b: number) => (a * b <= 0 ? 0 : Math.abs(a) < Math.abs(b) ? a : b);

/** How one sweep walks the mesh: cells of a line `cell` apart, lines `line` apart; faces likewise (`face`, `faceLine`). */
interface SweepLayout {
  readonly lines: number;
  readonly n: number;
  readonly cell: number;
  readonly line: number;
  readonly face: number;
  readonly faceLine: number;
}

/**
 * The fluxes of one direction: for each face of each line, speed * (upwind value + half the limited
 * slope) * r taken from the cell it leaves and given to the cell it enters; returns the flux through
 * the line ends (the box edges). Plain index loops: this is the hot loop of every grid run.
 */
function sweep(src: Float64Array, dst: Float64Array, b: Float64Array, L: SweepLayout, r: number, half: number): number {
  const { lines, n, cell, face } = L;
  let edge = 0;
  for (let line = 0; line < lines; line++) {
    const c0 = line * L.line;
    const f0 = line * L.faceLine;
    for (let i = 0; i <= n; i++) {
      const speed = b[f0 + i * face];
      if (speed === 0) continue;
      const lo = i > 0 ? c0 + (i - 1) * cell : -1;
      const hi = i < n ? c0 + i * cell : -1;
      const donor = speed > 0 ? lo : hi;
      if (donor < 0) continue; // inflow through an edge: nothing comes in
      let slope = 0;
      if (half) {
        const back = speed > 0 ? (i > 1 ? c0 + (i - 2) * cell : -1) : i < n - 1 ? c0 + (i + 1) * cell : -1;
        const front = speed > 0 ? hi : lo;
        if (back >= 0 && front >= 0) slope = minmod(src[donor] - src[back], src[front] - src[donor]);
      }
      const flux = speed * (src[donor] + half * slope) * r;
      if (lo >= 0) dst[lo] -= flux;
      if (hi >= 0) dst[hi] += flux;
      if (lo < 0 || hi < 0) edge += Math.abs(flux);
    }
  }
  return edge;
}

/** dst = src - dt div(b src) with upwind face values (order 1) or minmod-limited linear ones (order 2); returns the edge outflow. */
function eulerStage(m: Mesh, src: Float64Array, dst: Float64Array, u: FaceVelocities, dt: number, order: 1 | 2): number {
  const half = order === 2 ? 0.5 : 0;
  dst.set(src);
  const alongV = { lines: m.nw, n: m.nv, cell: 1, line: m.nv, face: 1, faceLine: m.nv + 1 };
  const alongW = { lines: m.nv, n: m.nw, cell: m.nv, line: 1, face: m.nv, faceLine: 1 };
  const edge = sweep(src, dst, u.bv, alongV, dt / m.dv, half) + sweep(src, dst, u.bw, alongW, dt / m.dw, half);
  return edge * m.dv * m.dw;
}

/**
 * One transport step in place; returns the mass (∫ f dv dw) that left through the box edges.
 * Order 1: donor cell, forward Euler, stable and positive up to the CFL bound. Order 2:
 * minmod-limited linear faces with Heun's method (SSP-RK2), positive up to half the bound.
 * A step beyond the bound is refused with the bound in the message; a caller that has just
 * computed transportStepBound(m, u) for these velocities passes it as upwindBound (not computed twice).
 */
export function transportStep(
  m: Mesh,
  f: Float64Array,
  u: FaceVelocities,
  dt: number,
  scratch = new Float64Array(f.length),
  order: 1 | 2 = 1,
  upwindBound?: number,
): number {
  requirePositive('dt', dt);
  requireLength('bv (v-face velocities)', u.bv, (m.nv + 1) * m.nw);
  requireLength('bw (w-face velocities)', u.bw, m.nv * (m.nw + 1));
  const bound = (upwindBound ?? transportStepBound(m, u)) / order;
  if (dt > bound)
    throw new NumericInputError(
      `time step dt = ${dt} is beyond the transport stability (CFL) bound ${bound.toPrecision(6)}${order === 2 ? ' (order 2: half the upwind bound)' : ''}`,
    );
  scratch.set(f);
  if (order === 1) return eulerStage(m, scratch, f, u, dt, 1);
  const stage = new Float64Array(f.length);
  const out1 = eulerStage(m, scratch, stage, u, dt, 2);
  const out2 = eulerStage(m, stage, f, u, dt, 2);
  for (let k = 0; k < f.length; k++) f[k] = 0.5 * (scratch[k] + f[k]);
  return 0.5 * (out1 + out2);
}

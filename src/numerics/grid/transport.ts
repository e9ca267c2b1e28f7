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
  const nvf = m.nv + 1;
  let rate = 0;
  for (let j = 0; j < m.nw; j++)
    for (let i = 0; i < m.nv; i++) {
      const out =
        (Math.max(u.bv[j * nvf + i + 1], 0) - Math.min(u.bv[j * nvf + i], 0)) / m.dv +
        (Math.max(u.bw[(j + 1) * m.nv + i], 0) - Math.min(u.bw[j * m.nv + i], 0)) / m.dw;
      if (out > rate) rate = out;
    }
  if (!Number.isFinite(rate)) throw new NumericInputError(`a face velocity is not finite (outflow rate ${rate})`);
  return rate === 0 ? Number.POSITIVE_INFINITY : 1 / rate;
}

/** minmod(a, b): the smaller slope when both have the same sign, else 0 (keeps the reconstruction monotone). */
const minmod = (a: number, b: number) => (a * b <= 0 ? 0 : Math.abs(a) < Math.abs(b) ? a : b);

/** dst = src - dt div(b src) with upwind face values (order 1) or minmod-limited linear ones (order 2); returns the edge outflow. */
function eulerStage(m: Mesh, src: Float64Array, dst: Float64Array, u: FaceVelocities, dt: number, order: 1 | 2): number {
  const nvf = m.nv + 1;
  const half = order === 2 ? 0.5 : 0;
  let outflow = 0;
  dst.set(src);
  // one pass per direction: cells along a line are `stride` apart, n per line, faces indexed by face(line, i)
  const sweep = (lines: number, n: number, cell: (line: number, i: number) => number, b: (line: number, i: number) => number, r: number) => {
    for (let line = 0; line < lines; line++)
      for (let i = 0; i <= n; i++) {
        const speed = b(line, i);
        if (speed === 0) continue;
        const lo = i > 0 ? cell(line, i - 1) : -1;
        const hi = i < n ? cell(line, i) : -1;
        const donor = speed > 0 ? lo : hi;
        if (donor < 0) continue; // inflow through an edge: nothing comes in
        const back = speed > 0 ? (i > 1 ? cell(line, i - 2) : -1) : i < n - 1 ? cell(line, i + 1) : -1;
        const front = speed > 0 ? hi : lo;
        const slope = half && back >= 0 && front >= 0 ? minmod(src[donor] - src[back], src[front] - src[donor]) : 0;
        const flux = speed * (src[donor] + half * slope) * r;
        if (lo >= 0) dst[lo] -= flux;
        if (hi >= 0) dst[hi] += flux;
        if (lo < 0 || hi < 0) outflow += Math.abs(flux) * m.dv * m.dw;
      }
  };
  sweep(
    m.nw,
    m.nv,
    (j, i) => j * m.nv + i,
    (j, i) => u.bv[j * nvf + i],
    dt / m.dv,
  );
  sweep(
    m.nv,
    m.nw,
    (i, j) => j * m.nv + i,
    (i, j) => u.bw[j * m.nv + i],
    dt / m.dw,
  );
  return outflow;
}

/**
 * One transport step in place; returns the mass (∫ f dv dw) that left through the box edges.
 * Order 1: donor cell, forward Euler, stable and positive up to the CFL bound. Order 2:
 * minmod-limited linear faces with Heun's method (SSP-RK2), positive up to half the bound.
 * A step beyond the bound is refused with the bound in the message.
 */
export function transportStep(m: Mesh, f: Float64Array, u: FaceVelocities, dt: number, scratch = new Float64Array(f.length), order: 1 | 2 = 1): number {
  requirePositive('dt', dt);
  requireLength('bv (v-face velocities)', u.bv, (m.nv + 1) * m.nw);
  requireLength('bw (w-face velocities)', u.bw, m.nv * (m.nw + 1));
  const bound = transportStepBound(m, u) / order;
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

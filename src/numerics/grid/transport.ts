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

/** One upwind step in place; returns the mass (∫ f dv dw) that left through the box edges. Refuses dt beyond the CFL bound. */
export function transportStep(m: Mesh, f: Float64Array, u: FaceVelocities, dt: number, scratch = new Float64Array(f.length)): number {
  requirePositive('dt', dt);
  const nvf = m.nv + 1;
  requireLength('bv (v-face velocities)', u.bv, nvf * m.nw);
  requireLength('bw (w-face velocities)', u.bw, m.nv * (m.nw + 1));
  const bound = transportStepBound(m, u);
  if (dt > bound) throw new NumericInputError(`time step dt = ${dt} is beyond the transport stability (CFL) bound ${bound.toPrecision(6)}`);
  const rv = dt / m.dv;
  const rw = dt / m.dw;
  let outflow = 0;
  scratch.set(f);
  for (let j = 0; j < m.nw; j++) {
    for (let i = 0; i <= m.nv; i++) {
      const b = u.bv[j * nvf + i];
      const left = i > 0 ? j * m.nv + i - 1 : -1;
      const right = i < m.nv ? j * m.nv + i : -1;
      const donor = b > 0 ? left : right;
      if (donor < 0) continue; // inflow through an edge: nothing comes in
      const flux = b * scratch[donor] * rv;
      if (left >= 0) f[left] -= flux;
      if (right >= 0) f[right] += flux;
      if (left < 0 || right < 0) outflow += Math.abs(flux) * m.dv * m.dw;
    }
  }
  for (let j = 0; j <= m.nw; j++) {
    for (let i = 0; i < m.nv; i++) {
      const b = u.bw[j * m.nv + i];
      const below = j > 0 ? (j - 1) * m.nv + i : -1;
      const above = j < m.nw ? j * m.nv + i : -1;
      const donor = b > 0 ? below : above;
      if (donor < 0) continue;
      const flux = b * scratch[donor] * rw;
      if (below >= 0) f[below] -= flux;
      if (above >= 0) f[above] += flux;
      if (below < 0 || above < 0) outflow += Math.abs(flux) * m.dv * m.dw;
    }
  }
  return outflow;
}

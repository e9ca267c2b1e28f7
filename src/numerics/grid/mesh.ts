/** A uniform cell-centred mesh of a box [vmin, vmax] × [wmin, wmax]; densities stored by w-lines (v fastest). */
import { NumericInputError, requireFinite, requireInteger } from '../validate.ts';

/** The box and its cells. */
export interface Mesh {
  readonly nv: number;
  readonly nw: number;
  readonly vmin: number;
  readonly vmax: number;
  readonly wmin: number;
  readonly wmax: number;
  readonly dv: number;
  readonly dw: number;
  /** Cell centres. */
  readonly v: Float64Array;
  readonly w: Float64Array;
}

/** Build a mesh; refuses an empty box or fewer than 3 cells a side. */
export function createMesh(box: { nv: number; nw: number; vmin: number; vmax: number; wmin: number; wmax: number }): Mesh {
  requireInteger('nv', box.nv, 3);
  requireInteger('nw', box.nw, 3);
  for (const k of ['vmin', 'vmax', 'wmin', 'wmax'] as const) requireFinite(k, box[k]);
  if (!(box.vmax > box.vmin)) throw new NumericInputError(`vmax = ${box.vmax} must exceed vmin = ${box.vmin}`);
  if (!(box.wmax > box.wmin)) throw new NumericInputError(`wmax = ${box.wmax} must exceed wmin = ${box.wmin}`);
  const dv = (box.vmax - box.vmin) / box.nv;
  const dw = (box.wmax - box.wmin) / box.nw;
  return {
    ...box,
    dv,
    dw,
    v: Float64Array.from({ length: box.nv }, (_, i) => box.vmin + (i + 0.5) * dv),
    w: Float64Array.from({ length: box.nw }, (_, j) => box.wmin + (j + 0.5) * dw),
  };
}

/** Points where a velocity is needed: v-faces (nv + 1 per w-line) and w-faces (nw + 1 per v-column), flattened. */
export interface FacePoints {
  readonly vFaceV: Float64Array;
  readonly vFaceW: Float64Array;
  readonly wFaceV: Float64Array;
  readonly wFaceW: Float64Array;
}

/** Coordinates of the faces: v-face (i + 1/2, j) at index j (nv + 1) + i; w-face (i, j + 1/2) at index j nv + i. */
export function facePoints(m: Mesh): FacePoints {
  const nvf = m.nv + 1;
  const vFaceV = new Float64Array(nvf * m.nw);
  const vFaceW = new Float64Array(nvf * m.nw);
  for (let j = 0; j < m.nw; j++)
    for (let i = 0; i < nvf; i++) {
      vFaceV[j * nvf + i] = m.vmin + i * m.dv;
      vFaceW[j * nvf + i] = m.w[j];
    }
  const wFaceV = new Float64Array(m.nv * (m.nw + 1));
  const wFaceW = new Float64Array(m.nv * (m.nw + 1));
  for (let j = 0; j <= m.nw; j++)
    for (let i = 0; i < m.nv; i++) {
      wFaceV[j * m.nv + i] = m.v[i];
      wFaceW[j * m.nv + i] = m.wmin + j * m.dw;
    }
  return { vFaceV, vFaceW, wFaceV, wFaceW };
}

/** A density sampled at the cell centres: f[j nv + i] = g(v_i, w_j). */
export function sampleOnMesh(m: Mesh, g: (v: number, w: number) => number): Float64Array {
  const f = new Float64Array(m.nv * m.nw);
  for (let j = 0; j < m.nw; j++) for (let i = 0; i < m.nv; i++) f[j * m.nv + i] = g(m.v[i], m.w[j]);
  return f;
}

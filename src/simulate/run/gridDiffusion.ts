/**
 * The diffusion matrix of a grid step, checked and split for the monotone scheme: D is evaluated
 * at the cells (uniform or a field), refused where it is not positive semidefinite (as particles
 * refuse it), and split into the diagonal jumps that carry the cross term (explicit) and what is
 * left on each axis (implicit), which must be >= 0: a cell shape outside
 * |D_01| / D_11 <= h_0 / h_1 <= D_00 / |D_01| is refused with cells or a box that fit.
 */
import { NumericInputError } from '../../numerics/validate.ts';
import type { GridOperators } from '../problem.ts';
import { GridMesh, describeCell } from './gridMesh.ts';
import { crossShare } from './gridOps.ts';

/** What is left of an axis's diffusion for the implicit solve: a number (uniform) or a field at the cells. */
export type AxisDiffusion = number | Float64Array;

/** The diffusion of one step: per axis the implicit part (null: none; for a stiff axis the D of its Scharfetter–Gummel solve), and D_01 at the cells (the jumps). */
export interface StepDiffusion {
  readonly axis: readonly (AxisDiffusion | null)[];
  readonly cross: Float64Array | null;
}

/** Work arrays for the fields, one per axis and one for D_01. */
export interface DiffusionBuffers {
  readonly axis: Float64Array[];
  readonly cross: Float64Array | null;
}

/** Buffers for a mesh. */
export const diffusionBuffers = (m: GridMesh, ops: GridOperators): DiffusionBuffers => ({
  axis: m.n.map(() => new Float64Array(m.size)),
  cross: ops.cross ? new Float64Array(m.size) : null,
});

/** Relative slack for round-off in the sign checks (a degenerate D on square cells leaves exactly 0). */
const SLACK = 1e-9;

const fmt = (x: number) => x.toPrecision(4);

/** D_aa at the cells of one axis: a number, a filled field, or null when there is none. */
function axisValue(ops: GridOperators, m: GridMesh, a: number, U: Float64Array, out: Float64Array): number | Float64Array | null {
  const stiff = ops.stiff[a];
  if (stiff) return stiff.diffusion(U);
  const d = ops.diffusion[a];
  if (!d) return null;
  if (d.kind === 'uniform') return d.value(U);
  d.fill(m.size, out, m.centres, U);
  return out;
}

const at = (v: number | Float64Array | null, k: number) => (v === null ? 0 : typeof v === 'number' ? v : v[k]);

/** The cells and box that make the monotone split possible: h_0 / h_1 within [lo, hi]. */
function shapeAdvice(m: GridMesh, lo: number, hi: number, variables: readonly string[]): string {
  const target = lo === hi ? lo : Math.sqrt(lo * hi);
  const L1 = m.hi[1] - m.lo[1];
  const n1 = Math.max(3, Math.round((target * L1) / m.h[0]));
  const fits = (m.h[0] * n1) / L1 >= lo * (1 - SLACK) && (m.h[0] * n1) / L1 <= hi * (1 + SLACK);
  const length = (m.h[0] / target) * m.n[1];
  return fits
    ? `take ${m.n[0]} x ${n1} cells (h_${variables[0]} / h_${variables[1]} = ${fmt((m.h[0] * n1) / L1)})`
    : `keep ${m.n[0]} x ${m.n[1]} cells and give ${variables[1]} a box of length ${fmt(length)} (h_${variables[0]} / h_${variables[1]} = ${fmt(target)})`;
}

/**
 * The diffusion of a step at the slots U, checked at every cell: D positive semidefinite, and the
 * axis parts left after the diagonal jumps' shares >= 0. Refusals name the matrix entries in the
 * state variables, the cell, and what to change.
 */
export function stepDiffusion(ops: GridOperators, m: GridMesh, U: Float64Array, variables: readonly string[], t: number, buf: DiffusionBuffers): StepDiffusion {
  const D = m.n.map((_, a) => axisValue(ops, m, a, U, buf.axis[a]));
  let cross: number | Float64Array | null = null;
  if (ops.cross && buf.cross) {
    if (ops.cross.kind === 'uniform') cross = ops.cross.value(U);
    else {
      ops.cross.fill(m.size, buf.cross, m.centres, U);
      cross = buf.cross;
    }
  }
  const name = (i: number, j: number) => `D[${variables[i]}][${variables[j]}]`;
  const uniform = D.every((d) => d === null || typeof d === 'number') && (cross === null || typeof cross === 'number');
  const count = uniform ? 1 : m.size;
  const where = (k: number) => (uniform ? '' : ` at ${describeCell(m, k, variables)}`);
  const when = t > 0 ? ` (t = ${t.toPrecision(4)})` : '';
  for (let k = 0; k < count; k++) {
    const d = D.map((v) => at(v, k));
    const c = at(cross, k);
    const bad = d.findIndex((x) => !(x >= 0) || !Number.isFinite(x));
    if (bad >= 0 || !Number.isFinite(c))
      throw new NumericInputError(
        `the diffusion ${bad >= 0 ? `${name(bad, bad)} = ${d[bad]}` : `${name(0, 1)} = ${c}`}${where(k)}${when} must be finite and ${bad >= 0 ? '>= 0' : 'real'}: the diffusion matrix of a Fokker–Planck equation is positive semidefinite (particles refuse it too)`,
      );
    if (m.dims === 2 && d[0] * d[1] - c * c < -SLACK * Math.max(d[0] * d[1], c * c))
      throw new NumericInputError(
        `the diffusion matrix is not positive semidefinite${where(k)}${when}: ${name(0, 0)} ${name(1, 1)} - ${name(0, 1)}^2 = ${fmt(d[0])} * ${fmt(d[1])} - ${fmt(c)}^2 = ${fmt(d[0] * d[1] - c * c)} < 0 (particles refuse it too: no noise has this covariance)`,
      );
    if (c !== 0)
      for (let a = 0; a < 2; a++) {
        const share = crossShare(m, a, c);
        if (d[a] - share < -SLACK * share) {
          const lo = Math.abs(c) / d[1];
          const hi = d[0] / Math.abs(c);
          throw new NumericInputError(
            `the cross diffusion ${name(0, 1)} = ${fmt(c)}${where(k)}${when} is too large for the cells' shape: the monotone (positive) stencil needs h_${variables[0]} / h_${variables[1]} in [|${name(0, 1)}| / ${name(1, 1)}, ${name(0, 0)} / |${name(0, 1)}|] = [${fmt(lo)}, ${fmt(hi)}], here h_${variables[0]} / h_${variables[1]} = ${fmt(m.h[0] / m.h[1])}; ${shapeAdvice(m, lo, hi, variables)}`,
          );
        }
      }
  }
  const axis = D.map((v, a): AxisDiffusion | null => {
    if (v === null || cross === null) return v;
    if (typeof v === 'number' && typeof cross === 'number') return Math.max(0, v - crossShare(m, a, cross));
    const out = buf.axis[a];
    for (let k = 0; k < m.size; k++) out[k] = Math.max(0, at(v, k) - crossShare(m, a, at(cross, k)));
    return out;
  });
  if (ops.stiff.some((s, a) => s && typeof axis[a] !== 'number'))
    throw new NumericInputError(
      `the stiff part needs a uniform diffusion along its axis; with a state-dependent ${name(0, 1)} it is not (drop the stiff part)`,
    );
  if (cross !== null && typeof cross === 'number' && buf.cross) buf.cross.fill(cross);
  return { axis, cross: cross === null ? null : buf.cross };
}

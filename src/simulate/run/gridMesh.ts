/**
 * A uniform cell-centred mesh of a box in one or two dimensions, for any model: cell-centre
 * coordinates as full arrays (what generated kernels read), and per axis the faces between cells
 * along lines of the other axis. Cell (i0, i1) is at index i0 + n0 i1; along axis a, line L and
 * position i, the cell is base(L) + i stride(a), and face f (0..n_a) is at L (n_a + 1) + f.
 */
import { NumericInputError, requireFinite } from '../../numerics/validate.ts';
import { requireCount } from '../limits.ts';

/** The mesh of a box: sizes, spacings, centres and face coordinates. */
export interface GridMesh {
  readonly dims: number;
  readonly n: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly h: readonly number[];
  readonly size: number;
  /** centres[a][k]: coordinate a of cell k. */
  readonly centres: readonly Float64Array[];
  /** faces[a][b][f]: coordinate b of face f of axis a. */
  readonly faces: readonly (readonly Float64Array[])[];
}

/** The number of lines along axis a. */
export const linesOf = (m: GridMesh, a: number): number => m.size / m.n[a];
/** The index distance between neighbours along axis a. */
export const strideOf = (m: GridMesh, a: number): number => (a === 0 ? 1 : m.n[0]);
/** The index of the first cell of a line along axis a. */
export const baseOf = (m: GridMesh, a: number, line: number): number => (a === 0 ? line * m.n[0] : line);

/** Build the mesh of a box ([lo, hi] per axis) with n cells per axis (integers >= 3, each named by names[a] in refusals). */
export function createGridMesh(box: readonly (readonly [number, number])[], n: readonly number[], names: readonly string[]): GridMesh {
  const dims = box.length;
  if (dims < 1 || dims > 2) throw new NumericInputError(`the grid solves models of 1 or 2 state variables, got ${dims}`);
  if (n.length !== dims) throw new NumericInputError(`${names.join(', ')} must give ${dims} cell counts, got ${n.length}`);
  n.forEach((c, a) => requireCount(names[a], c, 3));
  box.forEach(([lo, hi], a) => {
    requireFinite(`box[${a}][0]`, lo);
    requireFinite(`box[${a}][1]`, hi);
    if (!(hi > lo)) throw new NumericInputError(`box[${a}] = [${lo}, ${hi}] is empty`);
  });
  const lo = box.map((b) => b[0]);
  const hi = box.map((b) => b[1]);
  const h = box.map(([a, b], k) => (b - a) / n[k]);
  const size = n.reduce((p, c) => p * c, 1);
  const coord = (a: number, i: number) => lo[a] + (i + 0.5) * h[a];
  const index = (k: number, a: number) => (a === 0 ? k % n[0] : Math.floor(k / n[0]));
  const centres = box.map((_, a) => Float64Array.from({ length: size }, (__, k) => coord(a, index(k, a))));
  const partial: GridMesh = { dims, n, lo, hi, h, size, centres, faces: [] };
  const faces = box.map((_, a) => {
    const lines = linesOf(partial, a);
    const count = lines * (n[a] + 1);
    return box.map((__, b) =>
      Float64Array.from({ length: count }, (___, idx) => {
        const line = Math.floor(idx / (n[a] + 1));
        const f = idx % (n[a] + 1);
        return b === a ? lo[a] + f * h[a] : centres[b][baseOf(partial, a, line)];
      }),
    );
  });
  return { ...partial, faces };
}

/** The mesh refined twice in each direction. */
export const refineMesh = (m: GridMesh, names: readonly string[]): GridMesh =>
  createGridMesh(
    m.lo.map((lo, a) => [lo, m.hi[a]] as const),
    m.n.map((c) => 2 * c),
    names,
  );

/** `(i0, i1) at (x0, x1)` for a cell index: how a refusal names a grid cell. */
export function describeCell(m: GridMesh, k: number, variables: readonly string[]): string {
  const idx = m.dims === 1 ? [k] : [k % m.n[0], Math.floor(k / m.n[0])];
  return `(${idx.join(', ')}) at ${variables.map((v, a) => `${v} = ${m.centres[a][k].toPrecision(4)}`).join(', ')}`;
}

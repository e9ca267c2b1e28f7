/**
 * The initial law on a grid: a Gaussian must be wider than the cells. A point mass (zero
 * covariance) or a law concentrated on a line (a singular covariance) has no density the cells
 * can hold, and one narrower than half a cell is misrepresented by the midpoint values; the grid
 * refuses all three (particles take them), rather than smoothing the delta, whose width would be
 * an error the grid's own estimates do not see.
 */
import { NumericInputError } from '../../numerics/validate.ts';
import type { GridMesh } from './gridMesh.ts';

const fmt = (x: number) => x.toPrecision(3);

/** The eigenvalues of a symmetric 1x1 or 2x2 matrix, smallest first. */
function eigenvalues(C: readonly (readonly number[])[]): number[] {
  if (C.length === 1) return [C[0][0]];
  const half = (C[0][0] + C[1][1]) / 2;
  const det = C[0][0] * C[1][1] - C[0][1] * C[1][0];
  const r = Math.sqrt(Math.max(0, half * half - det));
  return [half - r, half + r];
}

/** Refuse an initial Gaussian (covariance C at point k) that is a point mass, degenerate, or narrower than half a cell of the mesh. */
export function checkInitialWidth(C: readonly (readonly number[])[], m: GridMesh, variables: readonly string[], k: number): void {
  if (C.length === 0) return;
  const where = k > 0 ? ` (point ${k} of the population)` : '';
  const cells = m.h.map((h, a) => `h_${variables[a]} = ${fmt(h)}`).join(', ');
  const smallest = Math.min(...m.h);
  const advice = `give a standard deviation of at least half a cell (${cells}: a variance >= ${fmt(smallest ** 2 / 4)}), or use particles, which take point masses`;
  if (C.flat().some((x) => !Number.isFinite(x)))
    throw new NumericInputError(`initial.gaussian.covariance${where} must be finite numbers, got ${JSON.stringify(C)}`);
  const [low] = eigenvalues(C);
  if (C.every((row) => row.every((x) => x === 0)))
    throw new NumericInputError(
      `initial.gaussian${where}: a point mass (covariance 0) has no density the grid's cells can hold; the grid refuses it rather than smoothing it; ${advice}`,
    );
  if (!(low > 1e-12 * Math.max(...C.map((row, a) => Math.abs(row[a])))))
    throw new NumericInputError(
      `initial.gaussian.covariance${where} = ${JSON.stringify(C)} is ${low < 0 ? 'not positive semidefinite' : 'singular: the law sits on a line and has no density'}; the grid needs a density; ${advice}`,
    );
  // the midpoint values of a Gaussian of standard deviation s hold its mass to about exp(-2 pi^2 s^2 / h^2): 1% at s = h / 2
  const narrow = m.h.findIndex((h, a) => Math.sqrt(C[a][a]) < h / 2);
  if (narrow >= 0 || Math.sqrt(low) < smallest / 2)
    throw new NumericInputError(
      `initial.gaussian${where}: the initial law is narrower than the cells (standard deviation ${fmt(Math.sqrt(narrow >= 0 ? C[narrow][narrow] : low))}${narrow >= 0 ? ` along ${variables[narrow]}` : ''} below half a cell: ${cells}): the cells cannot represent it; take more cells, or ${advice}`,
    );
}

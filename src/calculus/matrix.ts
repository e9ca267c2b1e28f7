/** Small symbolic matrices: Jacobians, determinants and inverses (Laplace expansion, n <= 4). */
import { Expr, add, mul, neg, div, partial, expand, isZero, zero } from '../cas/index.ts';

export type Matrix = Expr[][];

/** The Jacobian d(f_i)/d(x_j). */
export const jacobian = (f: readonly Expr[], x: readonly string[]): Matrix => f.map((fi) => x.map((xj) => partial(fi, xj)));

const minor = (m: Matrix, i: number, j: number): Matrix => m.filter((_, r) => r !== i).map((row) => row.filter((_, c) => c !== j));

/** Determinant by Laplace expansion along the first row (expanded to normal form). */
export function determinant(m: Matrix): Expr {
  const n = m.length;
  if (n === 0) return mul();
  if (n > 4) throw new Error(`determinant of a ${n}x${n} symbolic matrix is not supported (n <= 4)`);
  if (n === 1) return m[0][0];
  const terms: Expr[] = [];
  for (let j = 0; j < n; j++) {
    if (isZero(m[0][j])) continue;
    const t = mul(m[0][j], determinant(minor(m, 0, j)));
    terms.push(j % 2 === 0 ? t : neg(t));
  }
  return expand(add(...terms));
}

/** The inverse matrix (adjugate over determinant); the caller checks det != 0. */
export function inverse(m: Matrix, det: Expr = determinant(m)): Matrix {
  const n = m.length;
  if (n === 1) return [[div(mul(), det)]];
  return m.map((_, i) =>
    m.map((__, j) => {
      const c = determinant(minor(m, j, i));
      return expand(div((i + j) % 2 === 0 ? c : neg(c), det));
    }),
  );
}

/** m * v for a column vector. */
export const matVec = (m: Matrix, v: readonly Expr[]): Expr[] => m.map((row) => add(...row.map((a, j) => mul(a, v[j]))));

/** a * b * c^T, as in J D J^T. */
export function sandwich(j: Matrix, d: Matrix): Matrix {
  const n = j.length;
  const k = d.length;
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (__, s) => {
      const terms: Expr[] = [];
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (!isZero(d[a][b])) terms.push(mul(j[r][a], d[a][b], j[s][b]));
      return terms.length ? expand(add(...terms)) : zero;
    }),
  );
}

/**
 * The noise of a model dU = a dt + sigma dB with sigma sigma^T = 2 D: a lower-triangular factor
 * sigma from the symbolic Cholesky factorisation of 2 D (the identity sqrt(2 D_ii) on a diagonal
 * D), the standard normals it draws, and what kind of noise it is (none, additive, diagonal,
 * full), which decides the schemes that apply.
 */
import { Expr, add, mul, num, pow, sym, zero, partial, isZero, expand, printExpr, symbolsOf } from '../cas/index.ts';
import { FokkerPlanckModel } from './model.ts';

/** The normal draw used for the noise column of a state variable. */
export const noiseSymbol = (variable: string): string => `xi_${variable}`;

/** A condition on uniform quantities a kernel checks before its loop. */
export interface Requirement {
  readonly expr: Expr;
  readonly test: 'positive' | 'nonnegative' | 'nonzero' | 'below-two';
  /** What the expression is, for the message (`the step dt`, `the pivot of 2D`). */
  readonly what: string;
}

/** The noise of a model: the factor sigma (rows: variables, columns: normals), the kinds of noise, what a kernel must check. */
export interface NoiseFactor {
  /** sigma[i][j], lower triangular; sigma sigma^T = 2 D. */
  readonly sigma: readonly (readonly Expr[])[];
  /** The normal of each column that is not identically zero (xi_<variable of the column>). */
  readonly normals: readonly string[];
  /** Column index of each normal. */
  readonly columns: readonly number[];
  /** none: D = 0; additive: D independent of the state; diagonal: D diagonal (may depend on the state); full: otherwise. */
  readonly kind: 'none' | 'additive' | 'diagonal' | 'full';
  readonly diagonal: boolean;
  readonly additive: boolean;
  /** Pivots of 2 D that depend on uniforms only: a kernel checks them >= 0 (positive semidefiniteness at the given values). */
  readonly requirements: readonly Requirement[];
}

/** A factor that cannot be built: the message names the entry. */
export class NoiseError extends Error {
  constructor(model: string, detail: string) {
    super(`noise of model ${model}: ${detail}`);
    this.name = 'NoiseError';
  }
}

const isZeroExpr = (e: Expr) => isZero(expand(e));

/**
 * sigma with sigma sigma^T = 2 D by the Cholesky recurrences on the symbolic matrix:
 * sigma_jj = sqrt(2 D_jj - sum_k<j sigma_jk^2), sigma_ij = (2 D_ij - sum_k<j sigma_ik sigma_jk) / sigma_jj.
 * A zero pivot is allowed when its whole column below vanishes (a variable without its own noise);
 * otherwise 2 D is not positive semidefinite and the factor is refused.
 */
export function noiseFactor(model: FokkerPlanckModel): NoiseFactor {
  const n = model.state.length;
  const D = model.diffusion;
  const diagonal = D.every((row, i) => row.every((d, j) => i === j || isZero(d)));
  const stateful = (e: Expr) => model.state.some((x) => !isZeroExpr(partial(e, x)));
  const additive = D.every((row) => row.every((d) => isZero(d) || !stateful(d)));
  const sigma: Expr[][] = Array.from({ length: n }, () => Array<Expr>(n).fill(zero));
  const requirements: Requirement[] = [];
  const uniformOnly = (e: Expr) => ![...symbolsOf(e)].some((s) => model.state.includes(s));
  for (let j = 0; j < n; j++) {
    if (diagonal) {
      sigma[j][j] = isZero(D[j][j]) ? zero : pow(mul(num(2), D[j][j]), num(1, 2));
      if (!isZero(D[j][j]) && uniformOnly(D[j][j])) requirements.push({ expr: D[j][j], test: 'nonnegative', what: `the diffusion D[${j}][${j}]` });
      continue;
    }
    const pivot = expand(add(mul(num(2), D[j][j]), ...sigma[j].slice(0, j).map((s) => mul(num(-1), s, s))));
    const below = Array.from({ length: n - j - 1 }, (_, r) => {
      const i = j + 1 + r;
      return expand(add(mul(num(2), D[i][j]), ...sigma[i].slice(0, j).map((s, k) => mul(num(-1), s, sigma[j][k]))));
    });
    if (isZero(pivot)) {
      const bad = below.findIndex((e) => !isZero(e));
      if (bad >= 0)
        throw new NoiseError(
          model.name,
          `2D is not positive semidefinite: the pivot of ${model.state[j]} is 0 but D[${j + 1 + bad}][${j}] = ${printExpr(D[j + 1 + bad][j])} is not`,
        );
      continue;
    }
    if (uniformOnly(pivot)) requirements.push({ expr: pivot, test: 'nonnegative', what: `the Cholesky pivot of 2D for ${model.state[j]}` });
    sigma[j][j] = pow(pivot, num(1, 2));
    below.forEach((e, r) => (sigma[j + 1 + r][j] = isZero(e) ? zero : expand(mul(e, pow(pivot, num(-1, 2))))));
  }
  const columns = model.state.map((_, j) => j).filter((j) => sigma.some((row) => !isZero(row[j])));
  const none = columns.length === 0;
  return {
    sigma,
    normals: columns.map((j) => noiseSymbol(model.state[j])),
    columns,
    kind: none ? 'none' : additive ? 'additive' : diagonal ? 'diagonal' : 'full',
    diagonal,
    additive,
    requirements,
  };
}

/**
 * The Brownian increment of variable i over a step h: sqrt(2 D_ii h) xi_i on a diagonal D (kept in
 * that form, so the kernels of a diagonal model print as before), else sqrt(h) sum_j sigma_ij xi_j.
 */
export function brownianIncrement(factor: NoiseFactor, i: number, h: Expr, state: readonly string[]): Expr {
  const row = factor.sigma[i];
  if (factor.diagonal) {
    const s = row[i];
    if (isZero(s)) return zero;
    // sigma_ii = (2 D_ii)^(1/2): write (2 D_ii h)^(1/2) xi
    const twoD = s.kind === 'pow' ? s.base : mul(s, s);
    return mul(pow(mul(twoD, h), num(1, 2)), sym(noiseSymbol(state[i])));
  }
  const terms = row.map((s, j) => (isZero(s) ? zero : mul(s, sym(noiseSymbol(state[j])))));
  const sum = add(...terms);
  return isZero(sum) ? zero : mul(pow(h, num(1, 2)), sum);
}

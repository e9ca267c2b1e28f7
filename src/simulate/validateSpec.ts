/**
 * A spec's inputs checked before anything is compiled, by the names a user set them with: the
 * horizon, seed, samples and tolerance; the numbers of a Gaussian initial law (finite, the right
 * sizes, a symmetric covariance); parameters declared positive (or with another assumption of the
 * model) at every point of the population.
 */
import { NumericInputError, requireFinite, requirePositive } from '../numerics/validate.ts';
import type { SimulationSpec } from './spec.ts';
import type { SimulationProblem } from './problem.ts';
import type { Tolerance } from './estimates.ts';
import { labelOf, requireCount } from './limits.ts';

/** The default tolerance: 5% of the observable's scale plus 1e-3. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 0.05, absolute: 1e-3 };

/** A Gaussian initial law's numbers: finite (a NaN is refused as a number, not parsed), a mean and a square symmetric covariance of the model's size. */
function checkInitialNumbers(spec: SimulationSpec, dim: number): void {
  const init = spec.initial as { gaussian?: { mean: readonly (number | string)[]; covariance: readonly (readonly (number | string)[])[] } };
  if (!init || typeof init !== 'object') throw new NumericInputError('initial: give { gaussian: { mean, covariance } }, { density }, or { sample }');
  const g = init.gaussian;
  if (!g) return;
  const vars = spec.model.state.join(', ');
  if (!Array.isArray(g.mean) || g.mean.length !== dim)
    throw new NumericInputError(`initial.gaussian.mean must give ${dim} value(s), one per state variable (${vars})`);
  if (!Array.isArray(g.covariance) || g.covariance.length !== dim || g.covariance.some((row) => !Array.isArray(row) || row.length !== dim))
    throw new NumericInputError(`initial.gaussian.covariance must be a ${dim} x ${dim} matrix (${vars})`);
  const number = (x: number | string, label: string) => {
    if (typeof x === 'number' && !Number.isFinite(x)) throw new NumericInputError(`${label} must be a finite number, got ${x}`);
  };
  g.mean.forEach((x, i) => number(x, `initial.gaussian.mean[${i}] (the mean of ${spec.model.state[i]})`));
  g.covariance.forEach((row, i) => row.forEach((x: number | string, j: number) => number(x, `initial.gaussian.covariance[${i}][${j}]`)));
  g.covariance.forEach((row, i) =>
    row.forEach((x: number | string, j: number) => {
      const y = g.covariance[j][i];
      if (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x)))
        throw new NumericInputError(`initial.gaussian.covariance must be symmetric: [${i}][${j}] = ${x} but [${j}][${i}] = ${y}`);
    }),
  );
}

/** The spec's global numbers, validated by the names a user set them with. */
export function validateSpec(spec: SimulationSpec): { seed: number; samples: number; tolerance: Tolerance } {
  const L = (f: string) => labelOf(spec.labels, f);
  const dim = spec.model?.state?.length;
  if (!(dim >= 1 && dim <= 3)) throw new NumericInputError(`model: simulations take 1 to 3 state variables, got ${dim}`);
  requirePositive(L('t'), spec.t);
  const seed = requireCount(L('seed'), spec.seed ?? 1, 0, 2 ** 32 - 1);
  const samples = requireCount(L('samples'), spec.samples ?? 10, 1, 10_000);
  const tol = { ...DEFAULT_TOLERANCE, ...(spec.tolerance ?? {}) };
  requireFinite(L('tolerance.relative'), tol.relative);
  requireFinite(L('tolerance.absolute'), tol.absolute);
  if (tol.relative < 0 || tol.absolute < 0 || tol.relative + tol.absolute === 0)
    throw new NumericInputError(
      `${L('tolerance.relative')} and ${L('tolerance.absolute')} must be >= 0 and not both 0, got ${tol.relative} and ${tol.absolute}`,
    );
  checkInitialNumbers(spec, dim);
  for (const p of spec.positive ?? []) {
    const v = spec.parameters?.[p];
    if (typeof v === 'number') requirePositive(L(`parameters.${p}`), v);
  }
  return { seed, samples, tolerance: tol };
}

/** What a parameter's declaration demands of its value, and how to say it. */
const DEMANDS: Readonly<Record<string, [(x: number) => boolean, string]>> = {
  positive: [(x) => x > 0, 'must be > 0'],
  nonnegative: [(x) => x >= 0, 'must be >= 0'],
  negative: [(x) => x < 0, 'must be < 0'],
  nonzero: [(x) => x !== 0, 'must be nonzero'],
  integer: [(x) => Number.isInteger(x), 'must be an integer'],
};

/**
 * Parameters declared positive (spec.positive) or with an assumption of the model (`assume` of
 * defineModel: positive, nonnegative, negative, nonzero, integer) must satisfy it at every point
 * (formulas evaluated), refused by the option that set them.
 */
export function checkDeclaredAtPoints(spec: SimulationSpec, problem: SimulationProblem): void {
  const declared: [string, string][] = [
    ...(spec.positive ?? []).map((p): [string, string] => [p, 'positive']),
    ...Object.entries(spec.model.scope.assumptions ?? {}).filter(([p, kind]) => kind in DEMANDS && p in (spec.parameters ?? {})),
  ];
  for (const [p, kind] of declared) {
    const slot = problem.program.names.indexOf(p);
    if (slot < 0) continue;
    const [holds, says] = DEMANDS[kind];
    for (const point of problem.points) {
      const U = new Float64Array(problem.program.names.length);
      problem.program.setup(point, U);
      if (!holds(U[slot]))
        throw new NumericInputError(
          `${labelOf(spec.labels, `parameters.${p}`)} ${says}, got ${U[slot]}${problem.points.length > 1 ? ` at point ${point.index} (x = ${point.x})` : ''}`,
        );
    }
  }
}

/**
 * A Fokker–Planck equation d_t f + div_u(a f) = sum_ij d_i d_j (D_ij f): the law of
 * dU = a dt + s dB with D = s s^T / 2. State variables, drift, diffusion, and the declarations
 * (parameters, time-dependent coefficients, opaque functions, macros) its formulas use.
 */
import { Expr, expand, equalByNormalForm, printExpr, isZero, substitute, zero } from '../cas/index.ts';
import { Declarations, ModelScope, makeScope } from './scope.ts';

export interface FokkerPlanckModel {
  readonly name: string;
  readonly time: string;
  readonly state: readonly string[];
  /** Name of the unknown density (mu, nu, f, ...). */
  readonly density: string;
  readonly drift: readonly Expr[];
  readonly diffusion: readonly (readonly Expr[])[];
  readonly scope: ModelScope;
  readonly declarations: Declarations;
}

/** What a user writes: formulas as text (or expressions). */
export interface ModelSpec extends Declarations {
  readonly name: string;
  readonly time?: string;
  readonly state: readonly string[];
  readonly density: string;
  readonly drift: readonly (string | Expr)[];
  /** Full matrix, or only its diagonal. */
  readonly diffusion: readonly (readonly (string | Expr)[])[] | readonly (string | Expr)[];
}

/** A model-definition error naming the offending field. */
export class ModelError extends Error {
  constructor(model: string, field: string, detail: string) {
    super(`model ${model}: ${field}: ${detail}`);
    this.name = 'ModelError';
  }
}

/** Build and validate a Fokker–Planck model from its spec. */
export function defineModel(spec: ModelSpec): FokkerPlanckModel {
  const time = spec.time ?? 't';
  const n = spec.state.length;
  if (n === 0) throw new ModelError(spec.name, 'state', 'at least one state variable is needed');
  if (new Set(spec.state).size !== n) throw new ModelError(spec.name, 'state', `duplicate names in [${spec.state.join(', ')}]`);
  const scope = makeScope(spec, [time, ...spec.state]);
  const read = (x: string | Expr, field: string): Expr => (typeof x === 'string' ? scope.parse(x, `${spec.name} ${field}`) : x);
  if (spec.drift.length !== n) throw new ModelError(spec.name, 'drift', `has ${spec.drift.length} components for ${n} state variables`);
  const drift = spec.drift.map((d, i) => read(d, `drift[${spec.state[i]}]`));
  const rows = spec.diffusion;
  const isDiagonal = rows.length === n && rows.every((r) => !Array.isArray(r));
  const diffusion = isDiagonal
    ? (rows as (string | Expr)[]).map((d, i) => spec.state.map((_, j) => (i === j ? read(d, `diffusion[${i}][${i}]`) : zero)))
    : (rows as (string | Expr)[][]).map((row, i) => {
        if (!Array.isArray(row) || row.length !== n) throw new ModelError(spec.name, 'diffusion', `must be ${n}x${n} or a diagonal of length ${n}`);
        return row.map((d, j) => read(d, `diffusion[${i}][${j}]`));
      });
  if (diffusion.length !== n) throw new ModelError(spec.name, 'diffusion', `must be ${n}x${n} or a diagonal of length ${n}`);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (!equalByNormalForm(diffusion[i][j], diffusion[j][i]))
        throw new ModelError(
          spec.name,
          `diffusion[${i}][${j}]`,
          `the diffusion matrix is not symmetric: ${printExpr(diffusion[i][j])} vs ${printExpr(diffusion[j][i])}`,
        );
  return { name: spec.name, time, state: [...spec.state], density: spec.density, drift, diffusion, scope, declarations: spec };
}

/** The model with symbols replaced in its drift and diffusion (e.g. V_t by the first line of (1.3)). */
export function substituteInModel(model: FokkerPlanckModel, map: ReadonlyMap<string, Expr>, name = model.name): FokkerPlanckModel {
  return {
    ...model,
    name,
    drift: model.drift.map((d) => expand(substitute(d, map))),
    diffusion: model.diffusion.map((row) => row.map((d) => (isZero(d) ? d : expand(substitute(d, map))))),
  };
}

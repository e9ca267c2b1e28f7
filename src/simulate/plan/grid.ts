/**
 * Finite-volume operators from a spec: the non-stiff drift at the faces (generated loop kernels),
 * the diffusion per axis and the cross diffusion (uniform formulas or generated fields), the
 * stiff part of one axis as slope, intercept and D for the Scharfetter–Gummel solve, and the
 * initial density (its formula, or the Gaussian's) at the cell centres.
 */
import { Expr, add, mul, num, pow, sym, exp, expand, isZero, substitute, zero, printExpr } from '../../cas/index.ts';
import { determinant, inverse } from '../../calculus/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import { DivisionByZeroError } from '../../cas/errors.ts';
import type { CellField, GridMethodSpec, GridOperators, SimulationSpec } from '../index.ts';
import { compileKernels } from '../../codegen/runtime.ts';
import { QuantityGraph, slotSymbols } from './quantities.ts';
import { Slots, compileFormula } from './compileProgram.ts';
import { stiffChoice } from './stiff.ts';

const stateFree = (e: Expr, state: readonly string[]) => !slotSymbols(e, []).some((s) => state.includes(s));

/** A generated loop kernel out = e(coords, uniforms) at n points, called with a point's slots. */
function fieldKernel(
  e: Expr,
  g: QuantityGraph,
  slots: Slots,
  label: string,
): (n: number, out: Float64Array, coords: readonly Float64Array[], U: Float64Array) => void {
  const state = g.model.state;
  const uniforms = slotSymbols(e, state);
  const missing = uniforms.find((u) => !slots.has(u));
  if (missing) throw new NumericInputError(`${label} uses ${missing}, which has no value`);
  const kernel = compileKernels([
    { kind: 'loop', name: 'field', doc: label, arrays: [...state], uniforms, outputs: { value: e }, provenance: { derivation: 'simulation spec' } },
  ]).field as (...a: unknown[]) => void;
  const at = uniforms.map((u) => slots.get(u) as number);
  return (n, out, coords, U) => kernel(n, out, ...coords, ...at.map((k) => U[k]));
}

/** A cell quantity: uniform (a formula of the slots) when free of the state, else a generated field. */
function cellField(e: Expr, g: QuantityGraph, slots: Slots, label: string): CellField | null {
  if (isZero(expand(e))) return null;
  if (stateFree(e, g.model.state))
    return {
      kind: 'uniform',
      value: (
        (f) => (U: Float64Array) =>
          f(0, U)
      )(compileFormula(e, slots, g.model.time, label)),
    };
  return { kind: 'field', fill: fieldKernel(e, g, slots, label) };
}

/** The Gaussian density formula exp(-(x - m)^T C^-1 (x - m) / 2) / sqrt((2 pi)^d det C) from its mean and covariance formulas. */
function gaussianDensity(g: QuantityGraph, spec: SimulationSpec): Expr {
  const init = spec.initial as { gaussian: { mean: readonly (number | string)[]; covariance: readonly (readonly (number | string)[])[] } };
  const read = (x: number | string, label: string) => g.parse(String(x), label);
  const m = init.gaussian.mean.map((x, i) => read(x, `initial.gaussian.mean[${i}]`));
  const C = init.gaussian.covariance.map((row, i) => row.map((x, j) => read(x, `initial.gaussian.covariance[${i}][${j}]`)));
  const det = determinant(C);
  const Ci = inverse(C, det);
  const z = g.model.state.map((x, i) => add(sym(x), mul(num(-1), m[i])));
  const quad = add(...z.flatMap((zi, i) => z.map((zj, j) => mul(zi, Ci[i][j], zj))));
  const d = z.length;
  return mul(exp(mul(num(-1, 2), quad)), pow(mul(pow(mul(num(2), sym('pi')), num(d)), det), num(-1, 2)));
}

/** The Gaussian's density, or a refusal when its covariance is singular (a point mass, or a law on a line): the grid needs a density. */
function gaussianOrRefuse(g: QuantityGraph, spec: SimulationSpec): Expr {
  try {
    return gaussianDensity(g, spec);
  } catch (err) {
    if (!(err instanceof DivisionByZeroError || (err instanceof Error && /division by zero/.test(err.message)))) throw err;
    throw new NumericInputError(
      'initial.gaussian.covariance is singular: the law sits on a line and has no density (a point mass, if it is 0); the grid needs a density and refuses it rather than smoothing it; give a covariance with a standard deviation of at least half a cell in every direction, or use particles, which take it',
    );
  }
}

/** The grid operators of a method. */
export function gridOperators(g: QuantityGraph, spec: SimulationSpec, method: GridMethodSpec, slots: Slots, field: string): GridOperators {
  const state = g.model.state;
  if (state.length > 2)
    throw new NumericInputError(`${field}: the grid solves models of 1 or 2 state variables; ${g.model.name} has ${state.length} (use particles)`);
  const stiff = stiffChoice(g, method.stiff, `${field}.stiff`);
  const D = g.model.diffusion;
  const drift = g.model.drift.map((a, i) => (stiff && stiff.index === i ? expand(add(a, mul(num(-1), stiff.part))) : a));
  if (stiff && !stateFree(D[stiff.index][stiff.index], state))
    throw new NumericInputError(
      `${field}.stiff: the Scharfetter–Gummel solve needs D[${stiff.index}][${stiff.index}] = ${printExpr(D[stiff.index][stiff.index])} free of the state`,
    );
  const formula = (e: Expr, label: string) =>
    (
      (f) => (U: Float64Array) =>
        f(0, U)
    )(compileFormula(e, slots, g.model.time, label));
  const init = spec.initial;
  const density = 'gaussian' in init ? gaussianOrRefuse(g, spec) : 'density' in init && init.density ? g.parse(init.density, 'initial.density') : null;
  if (!density) throw new NumericInputError('initial: the grid needs a density (initial.density or initial.gaussian); a sampler alone is for particles');
  const covariance =
    'gaussian' in init
      ? init.gaussian.covariance.map((row, i) =>
          row.map((x, j) => formula(g.parse(String(x), `initial.gaussian.covariance[${i}][${j}]`), `initial.gaussian.covariance[${i}][${j}]`)),
        )
      : null;
  return {
    velocity: drift.map((a, i) => fieldKernel(a, g, slots, `the drift of ${state[i]}`)),
    diffusion: state.map((_, i) => (stiff && stiff.index === i ? null : cellField(D[i][i], g, slots, `D[${i}][${i}]`))),
    cross: state.length === 2 ? cellField(D[0][1], g, slots, 'D[0][1]') : null,
    stiff: state.map((x, i) =>
      stiff && stiff.index === i
        ? {
            slope: formula(stiff.slope, `the slope of the stiff part of ${x}`),
            intercept: formula(expand(substitute(stiff.part, new Map([[x, zero]]))), `the stiff part of ${x} at ${x} = 0`),
            diffusion: formula(D[i][i], `D[${i}][${i}]`),
          }
        : null,
    ),
    initialDensity: fieldKernel(density, g, slots, 'the initial density'),
    ...(covariance ? { initialCovariance: (U: Float64Array) => covariance.map((row) => row.map((c) => c(U))) } : {}),
  };
}

/** The expressions the stepping reads, particles or grid (for ordering the quantities): drift and diffusion. */
export function gridDynamics(g: QuantityGraph): Expr[] {
  return [...g.model.drift, ...g.model.diffusion.flat()];
}

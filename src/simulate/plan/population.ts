/**
 * The population of a spec: the points x_k of K (midpoints of equal cells, or given), their
 * measures |K_k|, the density rho0(x_k) > 0, and the coupling C[k K + j] = Psi(x_k, x_j) rho0_j |K_j|.
 * The formulas may use the point variables and the numeric parameters. The number of points and
 * the coupling's memory are checked before anything is built.
 */
import { parseExpr, substitute } from '../../cas/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import { PopulationPoint, SimulationSpec, labelOf, requireCount, requireMemory } from '../index.ts';
import { numberExpr } from './quantities.ts';
import { compileFormula } from './compileProgram.ts';

/** The most points a population may have (the coupling is K x K). */
export const MAX_POINTS = 20_000;

/** A formula of the given variables (and the spec's numeric parameters) as a function of them. */
function numericFunction(text: string, variables: readonly string[], spec: SimulationSpec, label: string): (...x: number[]) => number {
  const constants = Object.entries(spec.parameters ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  const e = substitute(
    parseExpr(text, { symbols: new Set([...variables, ...constants.map(([n]) => n), 'pi']), functions: new Map() }, label),
    new Map(constants.map(([n, v]) => [n, numberExpr(v)])),
  );
  const slots = new Map(variables.map((v, i) => [v, i]));
  const f = compileFormula(e, slots, '__no_time__', label);
  const U = new Float64Array(variables.length);
  return (...x) => {
    x.forEach((v, i) => (U[i] = v));
    return f(0, U);
  };
}

/** Points, their measures and densities, and the coupling matrix (null without a kernel). */
export function population(spec: SimulationSpec): { points: PopulationPoint[]; coupling: Float64Array | null } {
  const pop = spec.population;
  const name = labelOf(spec.labels, 'population.points');
  if (!pop) return { points: [{ index: 0, x: 0, measure: 1, rho0: 1 }], coupling: null };
  const [a, b] = pop.domain ?? [0, 1];
  if (!(Number.isFinite(a) && Number.isFinite(b) && b > a)) throw new NumericInputError(`population.domain = [${a}, ${b}] must be a non-empty finite interval`);
  const K = typeof pop.points === 'number' ? requireCount(name, pop.points, 1, MAX_POINTS) : requireCount(name, pop.points.length, 1, MAX_POINTS);
  if (pop.kernel) requireMemory(name, 8 * K * K, `the ${K} x ${K} coupling matrix`, K * K, spec.limits?.memoryFraction);
  const positions = typeof pop.points === 'number' ? Array.from({ length: K }, (_, k) => a + ((k + 0.5) * (b - a)) / K) : [...pop.points];
  const x = pop.variable ?? 'x';
  const rho = numericFunction(pop.density ?? '1', [x], spec, 'population.density');
  const points = positions.map((p, k) => {
    if (!Number.isFinite(p) || p < a || p > b) throw new NumericInputError(`population.points[${k}] = ${p} is outside the domain [${a}, ${b}]`);
    const rho0 = rho(p);
    if (!(rho0 > 0) || !Number.isFinite(rho0)) throw new NumericInputError(`population.density at ${x} = ${p} must be finite and > 0, got ${rho0}`);
    return { index: k, x: p, measure: (b - a) / K, rho0 };
  });
  if (!pop.kernel) return { points, coupling: null };
  const psi = numericFunction(pop.kernel, [x, x === 'y' ? 'z' : 'y'], spec, 'population.kernel');
  const coupling = new Float64Array(K * K);
  points.forEach((pk, k) => points.forEach((pj, j) => (coupling[k * K + j] = psi(pk.x, pj.x) * pj.rho0 * pj.measure)));
  const bad = coupling.findIndex((c) => !Number.isFinite(c));
  if (bad >= 0) throw new NumericInputError(`population.kernel is not finite at (${points[Math.floor(bad / K)].x}, ${points[bad % K].x})`);
  return { points, coupling };
}

/**
 * Particles from a spec: the scheme chosen for the model's noise (or as asked), its update rule,
 * the step kernel generated from the rule (the same printer as the files), and the sampler of
 * the initial law (the user's, a Gaussian through its Cholesky factor, or a density tabulated on
 * the grid box).
 */
import { Expr, expand, mul, num, sym, symbolsOf, substitute, printExpr } from '../../cas/index.ts';
import { UpdateRule, eulerMaruyama, stochasticHeun, milstein, ouSplit, noiseFactor, linearRates } from '../../calculus/index.ts';
import { NumericInputError } from '../../numerics/validate.ts';
import type { Rng } from '../../numerics/random.ts';
import type { ParticleMethodSpec, ParticleStepper, PopulationPoint, QuantityProgram, SimulationSpec, StiffSpec } from '../index.ts';
import { LoopKernel } from '../../codegen/kernel.ts';
import { stepKernel } from '../../codegen/scheme.ts';
import { compileKernels } from '../../codegen/runtime.ts';
import { QuantityGraph, numberExpr } from './quantities.ts';
import { Slots, compileFormula } from './compileProgram.ts';
import { stiffChoice } from './stiff.ts';

/**
 * A stiff linear part found without a mark: among the terms c_i x_i of each drift (c_i free of the
 * state, numeric at the spec's constant parameters), the most negative c_i with -c_i dt >= 1 (an
 * explicit step would then be inaccurate or unstable); its exact flow is split off.
 */
export function detectedStiffPart(g: QuantityGraph, spec: SimulationSpec, dt: number): StiffSpec | undefined {
  const values = new Map(
    Object.entries(spec.parameters ?? {})
      .filter((e): e is [string, number] => typeof e[1] === 'number')
      .map(([k, v]) => [k, numberExpr(v)]),
  );
  let best: { variable: string; rate: number; coefficient: Expr } | undefined;
  for (const { variable, coefficient } of linearRates(g.model)) {
    const c = substitute(coefficient, values);
    if (c.kind !== 'num' && [...symbolsOf(c)].some((s) => s !== 'pi')) continue;
    const rate = -(
      compileKernels([{ kind: 'scalar', name: 'rate', doc: '', args: [], expr: c, provenance: { derivation: 'stiffness' } }]).rate as () => number
    )();
    if (rate * dt >= 1 && (!best || rate > best.rate)) best = { variable, rate, coefficient };
  }
  return best && { variable: best.variable, part: printExpr(mul(best.coefficient, sym(best.variable))) };
}

/** The update rule a particle method asks for; `auto` picks by the noise: heun (additive), milstein (diagonal), euler-maruyama (full), and ou-split for a stiff part (marked, or detected). */
export function particleRule(g: QuantityGraph, method: ParticleMethodSpec, field: string, spec?: SimulationSpec): UpdateRule {
  const scheme = method.scheme ?? 'auto';
  const detected = scheme === 'auto' && !method.stiff && spec ? detectedStiffPart(g, spec, method.dt) : undefined;
  const stiff = stiffChoice(g, method.stiff ?? detected, `${field}.stiff`);
  const noise = noiseFactor(g.model);
  const chosen = scheme === 'auto' ? (stiff ? 'ou-split' : noise.additive ? 'heun' : noise.diagonal ? 'milstein' : 'euler-maruyama') : scheme;
  switch (chosen) {
    case 'ou-split':
      if (!stiff) throw new NumericInputError(`${field}.scheme = ou-split needs a stiff part: give ${field}.stiff ({ variable, part } or { small })`);
      return ouSplit(g.model, { variable: stiff.variable, stiff: stiff.part });
    case 'euler-maruyama':
      return eulerMaruyama(g.model, stiff ? { stiffRate: expand(mul(num(-1), stiff.slope)) } : {});
    case 'heun':
      return stochasticHeun(g.model);
    case 'milstein':
      return milstein(g.model);
    default:
      throw new NumericInputError(`${field}.scheme: "${scheme}" is none of euler-maruyama, heun, milstein, ou-split, auto`);
  }
}

/** The step kernel of a rule, its uniforms being the slots it reads. */
export function particleKernel(rule: UpdateRule, name = 'particleStep'): LoopKernel {
  const exclude = new Set([...rule.state, ...rule.noise, rule.step, 'pi']);
  const uniforms = [...new Set(Object.values(rule.update).flatMap((e) => [...symbolsOf(e)]))].filter((s) => !exclude.has(s)).sort();
  return stepKernel(rule, { name, doc: `One step of every particle of ${rule.model}, in place.`, uniforms, provenance: { derivation: 'simulation spec' } });
}

/** The stepper: the generated kernel compiled in process, called with the slots of a point. */
export function particleStepper(rule: UpdateRule, slots: Slots): ParticleStepper {
  const kernel = particleKernel(rule);
  const fn = compileKernels([kernel]).particleStep as (...a: unknown[]) => void;
  const at = kernel.uniforms
    .filter((u) => u !== rule.step)
    .map((u) => {
      const k = slots.get(u);
      if (k === undefined) throw new NumericInputError(`the scheme uses ${u}, which has no value`);
      return k;
    });
  return {
    scheme: rule.scheme,
    explanation: rule.explanation,
    weakOrder: rule.weakOrder,
    noise: rule.noise.length,
    step: (n, state, normals, U, dt) => fn(n, ...state, ...normals, ...at.map((k) => U[k]), dt),
  };
}

/** Lower-triangular L with L L^T = C (numbers), refusing a covariance that is not positive semidefinite. */
export function choleskyNumeric(C: readonly (readonly number[])[], label: string): number[][] {
  const n = C.length;
  const L = C.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = C[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] ** 2;
    if (d < -1e-12 * Math.max(1, Math.abs(C[j][j])) || !Number.isFinite(d))
      throw new NumericInputError(`${label} is not a covariance matrix (not positive semidefinite at row ${j})`);
    L[j][j] = Math.sqrt(Math.max(d, 0));
    for (let i = j + 1; i < n; i++) {
      let s = C[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = L[j][j] > 0 ? s / L[j][j] : 0;
    }
  }
  return L;
}

/** Mean and covariance of a Gaussian initial law at a point, evaluated from their formulas (checked: symmetric, square, finite). */
export function gaussianAt(g: QuantityGraph, spec: SimulationSpec, slots: Slots, program: QuantityProgram) {
  const init = spec.initial as { gaussian: { mean: readonly (number | string)[]; covariance: readonly (readonly (number | string)[])[] } };
  const d = g.model.state.length;
  const { mean, covariance } = init.gaussian;
  if (mean.length !== d || covariance.length !== d || covariance.some((r) => r.length !== d))
    throw new NumericInputError(`initial.gaussian: the mean must have ${d} entries and the covariance be ${d}x${d}`);
  const compile = (x: number | string, label: string) => (typeof x === 'number' ? () => x : compileFormula(g.parse(x, label), slots, g.model.time, label));
  const m = mean.map((x, i) => compile(x, `initial.gaussian.mean[${i}]`));
  const c = covariance.map((row, i) => row.map((x, j) => compile(x, `initial.gaussian.covariance[${i}][${j}]`)));
  return (point: PopulationPoint) => {
    const U = new Float64Array(program.names.length);
    program.setup(point, U);
    const mu = m.map((f) => f(0, U));
    const C = c.map((row) => row.map((f) => f(0, U)));
    [...mu, ...C.flat()].forEach((x) => {
      if (!Number.isFinite(x)) throw new NumericInputError(`initial.gaussian at point ${point.index}: a mean or covariance entry is ${x}`);
    });
    C.forEach((row, i) =>
      row.forEach((x, j) => {
        if (Math.abs(x - C[j][i]) > 1e-12 * Math.max(1, Math.abs(x)))
          throw new NumericInputError(`initial.gaussian.covariance is not symmetric: [${i}][${j}] = ${x}, [${j}][${i}] = ${C[j][i]}`);
      }),
    );
    return { mean: mu, covariance: C };
  };
}

/** The sampler of the initial law for particles: the user's, or a Gaussian (x = m + L z). */
export function particleSampler(
  g: QuantityGraph,
  spec: SimulationSpec,
  slots: Slots,
  program: QuantityProgram,
): (point: PopulationPoint, state: readonly Float64Array[], rng: Rng) => void {
  const init = spec.initial;
  if ('sample' in init && init.sample) return init.sample;
  if ('gaussian' in init) {
    const at = gaussianAt(g, spec, slots, program);
    return (point, state, rng) => {
      const { mean, covariance } = at(point);
      const L = choleskyNumeric(covariance, 'initial.gaussian.covariance');
      const d = mean.length;
      const z = new Float64Array(d);
      for (let i = 0; i < state[0].length; i++) {
        for (let a = 0; a < d; a++) z[a] = rng.normal();
        for (let a = 0; a < d; a++) {
          let x = mean[a];
          for (let b = 0; b <= a; b++) x += L[a][b] * z[b];
          state[a][i] = x;
        }
      }
    };
  }
  throw new NumericInputError('initial: particles need a sampler (initial.sample) or a Gaussian (initial.gaussian); a density alone is for the grid');
}

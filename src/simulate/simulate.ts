/**
 * `simulate(spec)`: a model -> solver. The spec's quantities are compiled, the method's scheme is
 * built from the model (update rules, generated kernels), the runner runs the fine/coarse pairs
 * (particles: over independent replicas; grid: plus one refined mesh when asked), and every
 * observable comes back with its time-step, statistical and grid errors, flagged against the
 * tolerance. Inputs are validated first, by the names the user set them with.
 */
import { OnProgress, noProgress } from '../numerics/progress.ts';
import { NumericInputError, requireFinite, requirePositive } from '../numerics/validate.ts';
import {
  SimulationSpec,
  MethodSpec,
  ParticleMethodSpec,
  GridMethodSpec,
  PopulationPoint,
  TimePlan,
  ObservableSeries,
  ErrorSummary,
  Tolerance,
  SimulationProblem,
  labelOf,
  requireCount,
  timePlan,
  observableNames,
  runParticles,
  estimateErrors,
  createGridMesh,
  refineMesh,
  runGridOnce,
  checkGridSizes,
  DEFAULT_LIMITS,
  PairSamples,
  GridRun,
} from './index.ts';
import { quantityGraph, QuantityGraph } from './plan/quantities.ts';
import { compileProgram } from './plan/compileProgram.ts';
import { particleRule, particleSampler, particleStepper } from './plan/particles.ts';
import { gridDynamics, gridOperators } from './plan/grid.ts';
import { population } from './plan/population.ts';

/** What a run reports about its method. */
export interface MethodReport {
  readonly name: string;
  readonly kind: 'particles' | 'grid';
  readonly scheme: string;
  readonly explanation: string;
  readonly dt: number;
  /** The order p used in the time-step estimate (1 when coefficients are frozen over a step). */
  readonly order: number;
  readonly timeStepCheck: string;
  readonly particles?: number;
  readonly replicas?: number;
  readonly cells?: readonly number[];
  readonly refined?: boolean;
}

/** A simulation's result: observables with their errors, the summary, the flags. */
export interface SimulationResult {
  readonly name: string;
  readonly method: MethodReport;
  readonly seed: number;
  readonly points: readonly PopulationPoint[];
  readonly observables: Record<string, ObservableSeries>;
  /** The names among the observables that are histogram bins (the rest are scalar observables). */
  readonly histogramBins: readonly string[];
  readonly errors: ErrorSummary;
  readonly tolerance: Tolerance;
  /** Observables beyond the tolerance (or without a statistical error). */
  readonly flagged: readonly string[];
  readonly withinTolerance: boolean;
  readonly diagnostics: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** How to run: which of the spec's methods, and a progress callback. */
export interface SimulateOptions {
  readonly method?: string;
  readonly onProgress?: OnProgress;
}

/** The default tolerance: 5% of the observable's scale plus 1e-3. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 0.05, absolute: 1e-3 };

/** The method to run and its name: the asked one, or the spec's first. */
export function chooseMethod(spec: SimulationSpec, name?: string): [string, MethodSpec] {
  const names = Object.keys(spec.methods ?? {});
  if (names.length === 0) throw new NumericInputError('methods: give at least one method ({ particles: { kind: "particles", ... } } or a grid)');
  const chosen = name ?? names[0];
  const method = spec.methods[chosen];
  if (!method) throw new NumericInputError(`no method named ${chosen} in the spec (it has ${names.join(', ')})`);
  if (method.kind !== 'particles' && method.kind !== 'grid')
    throw new NumericInputError(`methods.${chosen}.kind must be particles or grid, got ${(method as { kind: string }).kind}`);
  return [chosen, method];
}

/** The spec's global numbers, validated by the names a user set them with. */
function validateSpec(spec: SimulationSpec): { seed: number; samples: number; tolerance: Tolerance } {
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
function checkDeclaredAtPoints(spec: SimulationSpec, problem: SimulationProblem): void {
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

/** Run a spec with one of its methods; the result carries every observable's errors and the flags. */
export function simulate(spec: SimulationSpec, options: SimulateOptions = {}): SimulationResult {
  const started = performance.now();
  const { seed, samples, tolerance } = validateSpec(spec);
  const [name, method] = chooseMethod(spec, options.method);
  const L = (f: string) => labelOf(spec.labels, f);
  const field = `methods.${name}`;
  const plan = timePlan(
    spec.t,
    method.dt,
    samples,
    { t: L('t'), dt: L(`${field}.dt`), samples: L('samples') },
    spec.limits?.maxSteps ?? DEFAULT_LIMITS.maxSteps,
  );
  const { points, coupling } = population(spec);
  const graph = quantityGraph(spec);
  const run =
    method.kind === 'particles'
      ? runParticleMethod(spec, graph, method, field, plan, { points, coupling, seed, name }, options.onProgress ?? noProgress)
      : runGridMethod(spec, graph, method, field, plan, { points, coupling, seed, name }, options.onProgress ?? noProgress);
  const names = observableNames(run.problem.program, points.length);
  const { observables, errors, flagged } = estimateErrors(names, plan, run.samples, tolerance);
  const histogramBins = names.slice(run.problem.program.observables.length * points.length);
  return {
    name: spec.name ?? spec.model.name,
    method: run.report,
    seed,
    points,
    observables,
    histogramBins,
    errors,
    tolerance,
    flagged,
    withinTolerance: flagged.length === 0,
    diagnostics: run.diagnostics,
    seconds: (performance.now() - started) / 1000,
  };
}

interface Common {
  readonly points: PopulationPoint[];
  readonly coupling: Float64Array | null;
  readonly seed: number;
  readonly name: string;
}

type MethodRun = { problem: SimulationProblem; samples: Parameters<typeof estimateErrors>[2]; report: MethodReport; diagnostics: Record<string, number> };

const problemOf = (spec: SimulationSpec, graph: QuantityGraph, c: Common, program: SimulationProblem['program'], samples: number): SimulationProblem => ({
  name: spec.name ?? spec.model.name,
  variables: graph.model.state,
  points: c.points,
  coupling: c.coupling,
  program,
  t: spec.t,
  samples,
  seed: c.seed,
});

/** The model compiled for a method (particles or grid), the problem it defines, and the declared signs checked at the points. */
function compiledProblem(spec: SimulationSpec, graph: QuantityGraph, c: Common, plan: TimePlan, grid: boolean) {
  const { program, slots } = compileProgram(graph, gridDynamics(graph), grid);
  const problem = problemOf(spec, graph, c, program, plan.sampleSteps.length);
  checkDeclaredAtPoints(spec, problem);
  return { program, slots, problem };
}

const timeStepCheck = (plan: TimePlan) =>
  plan.mode === 'doubling'
    ? `step doubling (a companion run at 2 dt = ${2 * plan.dt})`
    : `step halving (${plan.steps} step(s): a companion run at dt / 2 = ${plan.dt / 2})`;

function runParticleMethod(
  spec: SimulationSpec,
  graph: QuantityGraph,
  method: ParticleMethodSpec,
  field: string,
  plan: TimePlan,
  c: Common,
  onProgress: OnProgress,
): MethodRun {
  const L = (f: string) => labelOf(spec.labels, f);
  const particles = requireCount(L(`${field}.particles`), method.particles, 2);
  const replicas = requireCount(L(`${field}.replicas`), method.replicas ?? 8, 1, 10_000);
  const rule = particleRule(graph, method, field, spec);
  const { program, slots, problem } = compiledProblem(spec, graph, c, plan, false);
  const stepper = particleStepper(rule, slots);
  const order = program.frozenCoefficients ? 1 : rule.weakOrder;
  const replicaSamples: PairSamples[] = runParticles({
    problem,
    stepper: { ...stepper, weakOrder: order },
    init: particleSampler(graph, spec, slots, program),
    particles,
    replicas,
    plan,
    names: { particles: L(`${field}.particles`), replicas: L(`${field}.replicas`), points: L('population.points') },
    maxWork: spec.limits?.maxWork,
    memoryFraction: spec.limits?.memoryFraction,
    onProgress,
  });
  return {
    problem,
    samples: { replicas: replicaSamples, weakOrder: order, deterministic: false },
    report: {
      name: c.name,
      kind: 'particles',
      scheme: rule.scheme,
      explanation: rule.explanation,
      dt: plan.dt,
      order,
      timeStepCheck: timeStepCheck(plan),
      particles,
      replicas,
    },
    diagnostics: { steps: plan.steps, particleSteps: replicas * c.points.length * particles * plan.coarseSteps * 3 },
  };
}

function runGridMethod(
  spec: SimulationSpec,
  graph: QuantityGraph,
  method: GridMethodSpec,
  field: string,
  plan: TimePlan,
  c: Common,
  onProgress: OnProgress,
): MethodRun {
  const L = (f: string) => labelOf(spec.labels, f);
  const dims = graph.model.state.length;
  if (!Array.isArray(method.box) || method.box.length !== dims)
    throw new NumericInputError(`${field}.box must give an interval for each of the ${dims} state variables`);
  const axisNames = graph.model.state.map((_, a) => L(typeof method.cells === 'number' ? `${field}.cells` : `${field}.cells[${a}]`));
  const cells = typeof method.cells === 'number' ? graph.model.state.map(() => method.cells as number) : [...method.cells];
  cells.forEach((n, a) => requireCount(axisNames[a], n, 3));
  const cfl = method.cfl ?? 0.8;
  if (!(cfl > 0 && cfl <= 1)) throw new NumericInputError(`${field}.cfl must be in (0, 1], got ${cfl}`);
  const ops0 = { names: { cells: [...new Set(axisNames)].join(', '), points: L('population.points'), dt: L(`${field}.dt`) } };
  const { slots, problem } = compiledProblem(spec, graph, c, plan, true);
  const parameters = Object.entries(spec.parameters ?? {})
    .map(([p, v]) => `${L(`parameters.${p}`)} = ${v}`)
    .join(', ');
  const gridRun: GridRun = {
    problem,
    ops: gridOperators(graph, spec, method, slots, field),
    plan,
    cfl,
    ...ops0,
    parameters,
    maxWork: spec.limits?.maxWork,
    memoryFraction: spec.limits?.memoryFraction,
  };
  checkGridSizes(gridRun, method.refine ? cells.map((n) => 2 * n) : cells);
  const mesh = createGridMesh(method.box, cells, axisNames);
  const work = { value: 0 };
  const share = method.refine ? [0, 0.1, 0.15, 1] : [0, 0.67, 1];
  const slice =
    (i: number): OnProgress =>
    (f) =>
      onProgress(share[i] + f * (share[i + 1] - share[i]));
  const fine = runGridOnce(gridRun, mesh, plan.h, slice(0), work);
  const coarse = runGridOnce(gridRun, mesh, 2 * plan.h, slice(1), work);
  const refined = method.refine ? runGridOnce(gridRun, refineMesh(mesh, axisNames), plan.dt, slice(2), work) : undefined;
  const order = 1; // Lie splitting with coefficients frozen over a step
  return {
    problem,
    samples: { replicas: [{ fine: fine.values, coarse: coarse.values }], refined: refined?.values, weakOrder: order, deterministic: true },
    report: {
      name: c.name,
      kind: 'grid',
      scheme: `finite volumes: ${graph.model.state.length}-D, MUSCL-Heun transport, implicit Scharfetter–Gummel drift-diffusion per axis, Lie splitting`,
      explanation:
        'second-order limited transport in explicit substeps under the CFL bound; implicit drift-diffusion along each axis; cross diffusion explicit',
      dt: plan.dt,
      order,
      timeStepCheck: timeStepCheck(plan),
      cells,
      refined: !!method.refine,
    },
    diagnostics: {
      steps: plan.steps,
      massLost: (plan.mode === 'doubling' ? fine : coarse).massLost,
      substeps: fine.substeps + coarse.substeps + (refined?.substeps ?? 0),
      cellUpdates: work.value,
    },
  };
}

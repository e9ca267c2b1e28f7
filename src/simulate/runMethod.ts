/**
 * The two methods of `simulate`, from a checked spec to the samples the estimates read: the time
 * plan (a companion step past a stability bound is avoided, an unstable step refused or flagged),
 * the compiled problem, the sizes checked before allocation, the runs, and what the runs found
 * beyond the observables (flags: mass through the box's faces, a box too small, a step past its
 * bound) and notes (why the output times differ from those asked for).
 */
import type { OnProgress } from '../numerics/progress.ts';
import { NumericInputError } from '../numerics/validate.ts';
import type { GridMethodSpec, ParticleMethodSpec, PopulationPoint, SimulationSpec } from './spec.ts';
import type { SimulationProblem } from './problem.ts';
import { DEFAULT_LIMITS, labelOf, requireCount } from './limits.ts';
import { TimePlan, timePlan } from './timeplan.ts';
import type { RunSamples, Tolerance } from './estimates.ts';
import { QuantityGraph } from './plan/quantities.ts';
import { compileProgram } from './plan/compileProgram.ts';
import { detectedStiffPart, particleRule, particleSampler, particleStepper } from './plan/particles.ts';
import { gridDynamics, gridOperators } from './plan/grid.ts';
import { stiffChoice } from './plan/stiff.ts';
import { particleStabilityBound } from './plan/stability.ts';
import { runParticles, checkParticleSizes } from './run/particleRunner.ts';
import { createGridMesh, refineMesh } from './run/gridMesh.ts';
import { GridRun, GridSamples, checkGridSizes, runGridOnce } from './run/gridRunner.ts';
import { checkDeclaredAtPoints } from './validateSpec.ts';
import type { MethodReport } from './simulate.ts';

/** What every method shares: the population, the seed, the run's name, the tolerance, progress. */
export interface MethodContext {
  readonly spec: SimulationSpec;
  readonly graph: QuantityGraph;
  /** `methods.NAME`, the spec field of the method. */
  readonly field: string;
  /** The method's name in the spec. */
  readonly name: string;
  readonly points: PopulationPoint[];
  readonly coupling: Float64Array | null;
  readonly seed: number;
  readonly samples: number;
  readonly tolerance: Tolerance;
  readonly onProgress: OnProgress;
}

/** A method's runs: the problem, the plan, the samples, the report, its numbers, flags and notes. */
export interface MethodRun {
  readonly problem: SimulationProblem;
  readonly plan: TimePlan;
  readonly samples: RunSamples;
  readonly report: MethodReport;
  readonly diagnostics: Record<string, number>;
  /** Findings that put the run beyond the tolerance whatever its observables' errors. */
  readonly flags: string[];
  /** What changed from what was asked, and why. */
  readonly notes: string[];
}

const planOf = (c: MethodContext, dt: number, halving = false) => {
  const L = (f: string) => labelOf(c.spec.labels, f);
  return timePlan(
    c.spec.t,
    dt,
    c.samples,
    { t: L('t'), dt: L(`${c.field}.dt`), samples: L('samples') },
    c.spec.limits?.maxSteps ?? DEFAULT_LIMITS.maxSteps,
    halving,
  );
};

/** The model compiled for a method (particles or grid), the problem it defines, and the declared signs checked at the points. */
function compiledProblem(c: MethodContext, plan: TimePlan, grid: boolean) {
  const { program, slots } = compileProgram(c.graph, gridDynamics(c.graph), grid);
  const problem: SimulationProblem = {
    name: c.spec.name ?? c.spec.model.name,
    variables: c.graph.model.state,
    density: c.graph.model.density,
    points: c.points,
    coupling: c.coupling,
    program,
    t: c.spec.t,
    samples: plan.sampleSteps.length,
    seed: c.seed,
  };
  checkDeclaredAtPoints(c.spec, problem);
  return { program, slots, problem };
}

const timeStepCheck = (plan: TimePlan) =>
  plan.mode === 'doubling'
    ? `step doubling (a companion run at 2 dt = ${2 * plan.dt})`
    : `step halving (${plan.steps} step(s): a companion run at dt / 2 = ${plan.dt / 2})`;

/** Particles: the scheme's stability bound checked first (refused, or flagged with allowUnstable), then the replicas. */
export function runParticleMethod(c: MethodContext, method: ParticleMethodSpec): MethodRun {
  const { spec, graph, field } = c;
  const L = (f: string) => labelOf(spec.labels, f);
  const particles = requireCount(L(`${field}.particles`), method.particles, 2);
  const replicas = requireCount(L(`${field}.replicas`), method.replicas ?? 8, 1, 10_000);
  const rule = particleRule(graph, method, field, spec);
  const detected = (method.scheme ?? 'auto') === 'auto' && !method.stiff ? detectedStiffPart(graph, spec, method.dt) : undefined;
  const stiff = rule.scheme === 'ou-split' ? stiffChoice(graph, method.stiff ?? detected, `${field}.stiff`) : undefined;
  const stability = particleStabilityBound(graph, spec, rule.scheme, stiff);
  const flags: string[] = [];
  const notes: string[] = [];
  const dtName = L(`${field}.dt`);
  if (stability && method.dt > stability.bound) {
    const says = `${dtName} = ${method.dt} is above the stability bound ${stability.bound.toPrecision(4)} of ${rule.scheme}, set by ${stability.term}`;
    if (!spec.allowUnstable)
      throw new NumericInputError(
        `${says}; take ${dtName} <= ${stability.bound.toPrecision(4)}${rule.scheme === 'ou-split' ? '' : ', or the scheme ou-split (auto picks it for a stiff linear part)'}, or ${L('allowUnstable')} to run it anyway (flagged)`,
      );
    flags.push(`${says}: run anyway (${L('allowUnstable')}); its values are not to be trusted`);
  }
  const halving = !!stability && 2 * method.dt > stability.bound && method.dt <= stability.bound;
  const plan = planOf(c, method.dt, halving);
  if (halving)
    notes.push(
      `the companion run takes ${dtName} / 2, not 2 ${dtName}: 2 ${dtName} = ${2 * method.dt} is above the stability bound ${stability?.bound.toPrecision(4)} set by ${stability?.term}`,
    );
  const { program, slots, problem } = compiledProblem(c, plan, false);
  const stepper = particleStepper(rule, slots);
  const order = program.frozenCoefficients ? 1 : rule.weakOrder;
  const run = {
    problem,
    stepper: { ...stepper, weakOrder: order },
    init: particleSampler(graph, spec, slots, program),
    particles,
    replicas,
    plan,
    names: { particles: L(`${field}.particles`), replicas: L(`${field}.replicas`), points: L('population.points') },
    maxWork: spec.limits?.maxWork,
    memoryFraction: spec.limits?.memoryFraction,
    onProgress: c.onProgress,
  };
  const memoryBytes = checkParticleSizes(run);
  const replicaSamples = runParticles(run);
  return {
    problem,
    plan,
    samples: { replicas: replicaSamples, weakOrder: order, deterministic: false },
    report: {
      name: c.name,
      kind: 'particles',
      scheme: rule.scheme,
      explanation: rule.explanation,
      dt: plan.dt,
      order,
      timeStepCheck: timeStepCheck(plan),
      ...(stability ? { stabilityBound: stability.bound, stabilityTerm: stability.term } : {}),
      particles,
      replicas,
    },
    diagnostics: { steps: plan.steps, particleSteps: replicas * c.points.length * particles * plan.coarseSteps * 3, memoryBytes },
    flags,
    notes,
  };
}

/** The share of the initial mass that may leave the box or sit in its outer cells: the absolute tolerance (the relative one when that is 0). */
export const massTolerance = (tol: Tolerance): number => (tol.absolute > 0 ? tol.absolute : tol.relative);

/** The flags of every run, each finding once (in the words of the first run that made it) with the runs that made it. */
function runFlags(runs: readonly [string, GridSamples | undefined][]): { flags: string[]; diagnostics: Record<string, number> } {
  const byFinding = new Map<string, { runs: string[]; body: string }>();
  const diagnostics: Record<string, number> = {};
  for (const [which, run] of runs) {
    if (!run) continue;
    const report = run.accounting(which);
    for (const [k, v] of Object.entries(report.diagnostics)) diagnostics[k] = Math.max(diagnostics[k] ?? 0, v);
    for (const { key, text } of report.flags) {
      const seen = byFinding.get(key);
      if (seen) seen.runs.push(which);
      else byFinding.set(key, { runs: [which], body: text.slice(which.length + 2) });
    }
  }
  return { flags: [...byFinding.values()].map(({ runs: r, body }) => `${r.join(' and ')}: ${body}`), diagnostics };
}

/** The grid: sizes checked before allocation, the pair of runs (and the refined one), the mass and boundary accounting of each. */
export function runGridMethod(c: MethodContext, method: GridMethodSpec): MethodRun {
  const { spec, graph, field } = c;
  const L = (f: string) => labelOf(spec.labels, f);
  const dims = graph.model.state.length;
  if (!Array.isArray(method.box) || method.box.length !== dims)
    throw new NumericInputError(`${field}.box must give an interval for each of the ${dims} state variables (${graph.model.state.join(', ')})`);
  const axisNames = graph.model.state.map((_, a) => L(typeof method.cells === 'number' ? `${field}.cells` : `${field}.cells[${a}]`));
  const cells = typeof method.cells === 'number' ? graph.model.state.map(() => method.cells as number) : [...method.cells];
  if (cells.length !== dims) throw new NumericInputError(`${field}.cells must give ${dims} cell counts (${graph.model.state.join(', ')}), got ${cells.length}`);
  cells.forEach((n, a) => requireCount(axisNames[a], n, 3));
  const cfl = method.cfl ?? 0.8;
  if (!(cfl > 0 && cfl <= 1)) throw new NumericInputError(`${field}.cfl must be in (0, 1], got ${cfl}`);
  const plan = planOf(c, method.dt);
  const { slots, problem } = compiledProblem(c, plan, true);
  const parameters = Object.entries(spec.parameters ?? {})
    .map(([p, v]) => `${L(`parameters.${p}`)} = ${v}`)
    .join(', ');
  const gridRun: GridRun = {
    problem,
    ops: gridOperators(graph, spec, method, slots, field),
    plan,
    cfl,
    names: { cells: [...new Set(axisNames)].join(', '), points: L('population.points'), dt: L(`${field}.dt`) },
    parameters,
    maxWork: spec.limits?.maxWork,
    memoryFraction: spec.limits?.memoryFraction,
    massTolerance: massTolerance(c.tolerance),
  };
  const memoryBytes = checkGridSizes(gridRun, method.refine ? cells.map((n) => 2 * n) : cells);
  const mesh = createGridMesh(method.box, cells, axisNames);
  const work = { value: 0 };
  const share = method.refine ? [0, 0.1, 0.15, 1] : [0, 0.67, 1];
  const slice =
    (i: number): OnProgress =>
    (f) =>
      c.onProgress(share[i] + f * (share[i + 1] - share[i]));
  const fine = runGridOnce(gridRun, mesh, plan.h, slice(0), work, 2 * plan.h);
  const coarse = runGridOnce(gridRun, mesh, 2 * plan.h, slice(1), work, 2 * plan.h);
  const refined = method.refine ? runGridOnce(gridRun, refineMesh(mesh, axisNames), plan.dt, slice(2), work) : undefined;
  const [reported, companion] = plan.mode === 'doubling' ? [fine, coarse] : [coarse, fine];
  const { flags, diagnostics } = runFlags([
    ['the reported run', reported],
    [`the companion run (${plan.mode === 'doubling' ? '2 dt' : 'dt / 2'})`, companion],
    ['the refined run', refined],
  ]);
  // Strang splitting: second order when every implicit half step took Crank–Nicolson and no coefficient is frozen over a step
  const order = !problem.program.frozenCoefficients && fine.fallbacks + coarse.fallbacks === 0 ? 2 : 1;
  return {
    problem,
    plan,
    samples: { replicas: [{ fine: fine.values, coarse: coarse.values }], refined: refined?.values, weakOrder: order, deterministic: true },
    report: {
      name: c.name,
      kind: 'grid',
      scheme: `finite volumes: ${dims}-D, MUSCL-Heun transport, diagonal jumps for the cross diffusion, implicit Scharfetter–Gummel drift-diffusion per axis (Crank–Nicolson, backward Euler for a line it would make negative), Strang splitting`,
      explanation:
        'second-order limited transport and the cross diffusion (as jumps along the cell diagonals, a monotone stencil) in explicit substeps under their stability bounds; implicit drift-diffusion along each axis in two half steps around them (Strang); positive and conservative, mass through the box faces accounted; order 2 in time when every half step is Crank–Nicolson and no coefficient is frozen over a step, else 1',
      dt: plan.dt,
      order,
      timeStepCheck: timeStepCheck(plan),
      cells,
      refined: !!method.refine,
    },
    diagnostics: {
      steps: plan.steps,
      ...diagnostics,
      substeps: fine.substeps + coarse.substeps + (refined?.substeps ?? 0),
      backwardEulerLines: fine.fallbacks + coarse.fallbacks,
      cellUpdates: work.value,
      memoryBytes,
    },
    flags,
    notes: [],
  };
}

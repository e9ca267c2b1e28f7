/**
 * `simulate(spec)`: a model -> solver. The spec's quantities are compiled, the method's scheme is
 * built from the model (update rules, generated kernels), the runner runs the fine/coarse pairs
 * (particles: over independent replicas; grid: plus one refined mesh when asked), and every
 * observable comes back with its time-step, statistical and grid errors, flagged against the
 * tolerance. Inputs are validated first, by the names the user set them with.
 */
import { OnProgress, noProgress } from '../numerics/progress.ts';
import { NumericInputError } from '../numerics/validate.ts';
import type { SimulationSpec, MethodSpec, PopulationPoint } from './spec.ts';
import { ObservableSeries, ErrorSummary, Tolerance, estimateErrors } from './estimates.ts';
import { observableNames } from './run/observe.ts';
import { quantityGraph } from './plan/quantities.ts';
import { population } from './plan/population.ts';
import { validateSpec } from './validateSpec.ts';
import { MethodContext, runGridMethod, runParticleMethod } from './runMethod.ts';
import { asInputError } from './inputErrors.ts';

export { DEFAULT_TOLERANCE } from './validateSpec.ts';

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
  /** Particles: the explicit scheme's stability bound on dt and the drift term that sets it. */
  readonly stabilityBound?: number;
  readonly stabilityTerm?: string;
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
  /** Findings of the run beyond its observables' errors (mass through the box's faces, a box too small, a step past its stability bound): each puts it beyond the tolerance. */
  readonly runFlags: readonly string[];
  /** What changed from what was asked, and why (output times, the companion run's step). */
  readonly notes: readonly string[];
  /** No observable flagged and no run flag: the reported errors cover the run's own diagnostics. */
  readonly withinTolerance: boolean;
  readonly diagnostics: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** How to run: which of the spec's methods, and a progress callback. */
export interface SimulateOptions {
  readonly method?: string;
  readonly onProgress?: OnProgress;
}

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

/**
 * Run a spec with one of its methods; the result carries every observable's errors and the flags.
 * Every refusal, whichever layer finds it, is a NumericInputError in the user's names.
 */
export function simulate(spec: SimulationSpec, options: SimulateOptions = {}): SimulationResult {
  try {
    return simulateChecked(spec, options);
  } catch (err) {
    throw asInputError(err);
  }
}

function simulateChecked(spec: SimulationSpec, options: SimulateOptions): SimulationResult {
  const started = performance.now();
  const { seed, samples, tolerance } = validateSpec(spec);
  const [name, method] = chooseMethod(spec, options.method);
  const { points, coupling } = population(spec);
  const graph = quantityGraph(spec);
  const context: MethodContext = {
    spec,
    graph,
    field: `methods.${name}`,
    name,
    points,
    coupling,
    seed,
    samples,
    tolerance,
    onProgress: options.onProgress ?? noProgress,
  };
  const run = method.kind === 'particles' ? runParticleMethod(context, method) : runGridMethod(context, method);
  const names = observableNames(run.problem.program, points.length);
  const { observables, errors, flagged } = estimateErrors(names, run.plan, run.samples, tolerance);
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
    runFlags: run.flags,
    notes: [...(run.plan.note ? [run.plan.note] : []), ...run.notes],
    withinTolerance: flagged.length === 0 && run.flags.length === 0,
    diagnostics: run.diagnostics,
    seconds: (performance.now() - started) / 1000,
  };
}

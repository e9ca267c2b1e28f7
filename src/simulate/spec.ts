/**
 * What a user writes to simulate a model: the model (any `defineModel`), the values of its
 * parameters, how its time-dependent and mean-field coefficients evolve, a population over the
 * points of a space with a coupling kernel, initial data, the observables, the methods and the
 * tolerance. Formulas are text in the model's names; `mean(e)` is the average of e over the
 * population at the same point, `nonlocal(q)` is sum_j Psi(x, x_j) rho0(x_j) |K_j| q(x_j).
 */
import type { FokkerPlanckModel } from '../calculus/index.ts';
import type { Rng } from '../numerics/random.ts';

/** A time-dependent or mean-field quantity: a formula (in t, parameters, other coefficients, mean(...), nonlocal(...)), a formula with its rate, or an ODE. */
export type CoefficientSpec = string | { readonly value: string; readonly rate?: string } | { readonly ode: string; readonly initial: number | string };

/** Points x_k of a space K (midpoints of `points` equal cells of the domain, or given positions), the density rho0 and the kernel Psi. */
export interface PopulationSpec {
  /** The name of the point variable in formulas (default x; the kernel's second point is y). */
  readonly variable?: string;
  readonly points: number | readonly number[];
  /** [a, b] (default [0, 1]); cells of equal measure (b - a) / K. */
  readonly domain?: readonly [number, number];
  /** rho0(x) (default 1). */
  readonly density?: string;
  /** Psi(x, y) (default 0: no coupling). */
  readonly kernel?: string;
}

/** A point of the population as a sampler sees it. */
export interface PopulationPoint {
  readonly index: number;
  readonly x: number;
  readonly measure: number;
  readonly rho0: number;
}

/** Initial data: a Gaussian (mean and covariance, formulas in the point variable allowed), a density formula, or a sampler (with a density for the grid). */
export type InitialSpec =
  | { readonly gaussian: { readonly mean: readonly (number | string)[]; readonly covariance: readonly (readonly (number | string)[])[] } }
  | { readonly density: string; readonly sample?: InitialSampler }
  | { readonly sample: InitialSampler; readonly density?: string };

/** Fill the initial state of a point's particles (state[i] holds variable i) from the run's generator. */
export type InitialSampler = (point: PopulationPoint, state: readonly Float64Array[], rng: Rng) => void;

/** A stiff part of the drift split off and treated exactly (particles) or implicitly (grid): marked, or the terms singular in a small parameter. */
export type StiffSpec = { readonly variable: string; readonly part: string } | { readonly small: string };

/** The particle schemes. `auto`: heun for additive noise, milstein for diagonal noise, euler-maruyama otherwise; ou-split when a stiff part is given. */
export type ParticleScheme = 'euler-maruyama' | 'heun' | 'milstein' | 'ou-split' | 'auto';

/** Particles: `particles` per point and replica, `replicas` independent runs (their spread is the statistical error). */
export interface ParticleMethodSpec {
  readonly kind: 'particles';
  readonly scheme?: ParticleScheme;
  readonly stiff?: StiffSpec;
  readonly particles: number;
  readonly replicas?: number;
  readonly dt: number;
}

/** Finite volumes on a box (one interval per state variable, 1 or 2 of them). */
export interface GridMethodSpec {
  readonly kind: 'grid';
  readonly box: readonly (readonly [number, number])[];
  readonly cells: number | readonly number[];
  readonly dt: number;
  readonly stiff?: StiffSpec;
  /** Run once more on a grid refined twice in each direction: the change is the grid error. */
  readonly refine?: boolean;
  /** Fraction of the explicit transport bound used by each transport substep (default 0.8). */
  readonly cfl?: number;
}

/** A method: particles or a grid. */
export type MethodSpec = ParticleMethodSpec | GridMethodSpec;

/** A histogram of one state variable: `bins` equal bins on `range`; each bin is an observable NAME[j] (a density). */
export interface HistogramSpec {
  readonly histogram: string;
  readonly range: readonly [number, number];
  readonly bins: number;
}

/** Relative and absolute tolerance on every observable: estimated error <= absolute + relative * max_t |value|. */
export interface ToleranceSpec {
  readonly relative?: number;
  readonly absolute?: number;
}

/** The limits that keep a run bounded: steps, work, memory (a fraction of the machine's free memory, default one half). */
export interface LimitSpec {
  readonly maxSteps?: number;
  /** Particle-steps (particles) or cell-updates (grid) the whole run may take. */
  readonly maxWork?: number;
  readonly memoryFraction?: number;
}

/** A simulation: model, data, observables, methods (by name), horizon, seed, tolerance. */
export interface SimulationSpec {
  readonly name?: string;
  readonly model: FokkerPlanckModel;
  readonly parameters?: Readonly<Record<string, number | string>>;
  /** Parameters that must be > 0 (refused otherwise, by name). */
  readonly positive?: readonly string[];
  /** Formulas for the model's opaque functions: { N: { params: ['x'], body: 'x - x^3' } }. */
  readonly functions?: Readonly<Record<string, { readonly params: readonly string[]; readonly body: string }>>;
  readonly coefficients?: Readonly<Record<string, CoefficientSpec>>;
  readonly population?: PopulationSpec;
  readonly initial: InitialSpec;
  readonly observables: Readonly<Record<string, string | HistogramSpec>>;
  readonly methods: Readonly<Record<string, MethodSpec>>;
  /** The final time. */
  readonly t: number;
  /** How many output times (default 10, the last at t). */
  readonly samples?: number;
  readonly seed?: number;
  readonly tolerance?: ToleranceSpec;
  readonly limits?: LimitSpec;
  /** Run an explicit scheme past its stability bound anyway (the run is flagged); without it such a step is refused. */
  readonly allowUnstable?: boolean;
  /** The option a user set each field with, for messages (`methods.particles.particles` -> `--neurons`). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A simulation spec (the identity: gives the type to a default export). */
export const defineSimulation = (spec: SimulationSpec): SimulationSpec => spec;

/**
 * A simulation compiled for the runners: per-point quantities as an ordered program over a vector
 * U of named slots (parameters, coefficients, rates, moments of the population), the stepper of a
 * particle scheme or the operators of a finite-volume grid, and what to observe. The codegen
 * layer builds these from a spec (generated kernels); the runners only loop, draw and estimate.
 */
import type { PopulationPoint } from './spec.ts';

/** The particles (state arrays) or grid cells (cell-centre coordinates and densities) of one point. */
export interface PointView {
  readonly n: number;
  /** One array per state variable: particle values, or cell-centre coordinates. */
  readonly arrays: readonly Float64Array[];
  /** Grid: the density of each cell (sums are weighted by it and normalised by the mass). */
  readonly weights?: Float64Array;
}

/** One step of the per-point program: a formula, a moment of the population, or a nonlocal sum over the points. */
export type QuantityStep =
  | { readonly kind: 'formula'; readonly slot: number; readonly name: string; readonly evaluate: (t: number, U: Float64Array) => number }
  /** mean: sum / n (particles) or sum / mass (grid); centred: a centred second moment, sum / (n - 1) or sum / mass. */
  | { readonly kind: 'mean' | 'centred'; readonly slot: number; readonly name: string; readonly sum: (view: PointView, U: Float64Array) => number }
  | { readonly kind: 'nonlocal'; readonly slot: number; readonly name: string; readonly inner: number };

/** A coefficient that follows an ODE: its slot, its rate (evaluated after every step of the program), its initial value. */
export interface OdeQuantity {
  readonly slot: number;
  readonly name: string;
  readonly rate: (t: number, U: Float64Array) => number;
  readonly initial: (U: Float64Array) => number;
}

/** The per-point quantities: slot names, constant slots (parameters, the point), the step program, the ODEs, the observables. */
export interface QuantityProgram {
  readonly names: readonly string[];
  /** The slot of the time t (-1 when nothing uses it). */
  readonly timeSlot: number;
  /** Fill the slots that do not change in time (parameters, the point's x) for a point. */
  readonly setup: (point: PopulationPoint, U: Float64Array) => void;
  /** Evaluated before every step, in order. */
  readonly steps: readonly QuantityStep[];
  readonly odes: readonly OdeQuantity[];
  /** Evaluated at the output times, after `steps`. */
  readonly observe: readonly QuantityStep[];
  /** Each scalar observable and the slot holding its value. */
  readonly observables: readonly { readonly name: string; readonly slot: number }[];
  /** Histograms of a state variable: bins on [lo, hi], densities per bin. */
  readonly histograms: readonly { readonly name: string; readonly variable: number; readonly lo: number; readonly hi: number; readonly bins: number }[];
  /** True when some coefficient follows an ODE or a moment: they are frozen over a step, so the scheme is first order in time. */
  readonly frozenCoefficients: boolean;
}

/** One step of a particle scheme for every particle of a point, in place; normals[j] holds n standard normals for the j-th noise. */
export interface ParticleStepper {
  readonly scheme: string;
  readonly explanation: string;
  readonly weakOrder: number;
  readonly noise: number;
  step(n: number, state: readonly Float64Array[], normals: readonly Float64Array[], U: Float64Array, dt: number): void;
}

/** A quantity that is uniform over a point's cells, or a field over them. */
export type CellField =
  | { readonly kind: 'uniform'; readonly value: (U: Float64Array) => number }
  | { readonly kind: 'field'; readonly fill: (n: number, out: Float64Array, coords: readonly Float64Array[], U: Float64Array) => void };

/** A stiff affine part s = slope x + intercept of one axis with a uniform diffusion D: treated implicitly with the Scharfetter–Gummel flux. */
export interface StiffAxis {
  readonly slope: (U: Float64Array) => number;
  readonly intercept: (U: Float64Array) => number;
  readonly diffusion: (U: Float64Array) => number;
}

/** The finite-volume operators of a model on a grid: transport velocities at faces, diffusion, a stiff part, the initial density. */
export interface GridOperators {
  /** velocity[a](n, out, coords, U): the non-stiff drift component a at n points. */
  readonly velocity: readonly ((n: number, out: Float64Array, coords: readonly Float64Array[], U: Float64Array) => void)[];
  /** D_aa per axis (null: no diffusion along it), outside a stiff part. */
  readonly diffusion: readonly (CellField | null)[];
  /** D_01 in two dimensions (null when zero). */
  readonly cross: CellField | null;
  /** The stiff part per axis (null: none). */
  readonly stiff: readonly (StiffAxis | null)[];
  readonly initialDensity: (n: number, out: Float64Array, coords: readonly Float64Array[], U: Float64Array) => void;
  /** The covariance of a Gaussian initial law at a point's slots (absent for a density formula): the grid checks it is wider than the cells. */
  readonly initialCovariance?: (U: Float64Array) => number[][];
}

/** Everything a runner needs, besides the method's numbers. */
export interface SimulationProblem {
  readonly name: string;
  readonly variables: readonly string[];
  /** The name of the model's density (for messages). */
  readonly density?: string;
  readonly points: readonly PopulationPoint[];
  /** C[k K + j] = Psi(x_k, x_j) rho0_j |K_j|, or null without coupling. */
  readonly coupling: Float64Array | null;
  readonly program: QuantityProgram;
  readonly t: number;
  readonly samples: number;
  readonly seed: number;
}

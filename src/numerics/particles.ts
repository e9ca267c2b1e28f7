/**
 * A generic network of particles: K discretised into cells (position x_i, measure |K_i|, density
 * rho0_i), each holding n neurons (v, w). Every step computes each cell's means V_i, W_i and the
 * nonlocal sums Psi*rho0 and Psi*(rho0 V) over the cells, draws normals, and hands each cell to a
 * caller-supplied stepper (generated kernels for a model). Knows nothing about a specific model.
 */
import { Rng, createRng } from './random.ts';
import { SampleMoments, sampleMoments } from './stats.ts';
import { NumericInputError, requireAllFinite, requireInteger, requirePositive } from './validate.ts';
import { OnProgress, noProgress } from './progress.ts';

/** A point of the discretised K. */
export interface NetworkCell {
  readonly x: number;
  readonly measure: number;
  readonly rho0: number;
}

/** What a cell's stepper sees besides its particles. */
export interface CellMacros {
  readonly V: number;
  readonly W: number;
  readonly PsiRho: number;
  readonly PsiRhoV: number;
  readonly rho0: number;
  readonly cell: number;
}

/** Advance n particles (v, w) of one cell by dt in place; xi holds n standard normals. */
export type CellStepper = (n: number, v: Float64Array, w: Float64Array, xi: Float64Array, dt: number, macros: CellMacros) => void;

/** The particles of every cell, the kernel matrix and the generator. */
export interface Network {
  readonly cells: readonly NetworkCell[];
  readonly neuronsPerCell: number;
  readonly v: Float64Array[];
  readonly w: Float64Array[];
  /** psiRho0Measure[i * K + j] = Psi(x_i, x_j) rho0_j |K_j|. */
  readonly coupling: Float64Array;
  readonly rng: Rng;
  t: number;
}

/** How to build a network. */
export interface NetworkSpec {
  readonly cells: readonly NetworkCell[];
  readonly psi: (x: number, y: number) => number;
  readonly neuronsPerCell: number;
  readonly seed: number;
  /** Fill the initial v, w of a cell (from the same generator, so runs are reproducible). */
  readonly init: (cell: number, v: Float64Array, w: Float64Array, rng: Rng) => void;
}

/** C[i K + j] = Psi(x_i, x_j) rho0_j |K_j|, so that (Psi *_r (rho0 g))(x_i) = sum_j C[i K + j] g_j. */
export function couplingMatrix(cells: readonly NetworkCell[], psi: (x: number, y: number) => number): Float64Array {
  const K = cells.length;
  const coupling = new Float64Array(K * K);
  cells.forEach((ci, i) => cells.forEach((cj, j) => (coupling[i * K + j] = psi(ci.x, cj.x) * cj.rho0 * cj.measure)));
  requireAllFinite('Psi(x_i, x_j) rho0_j |K_j|', coupling);
  return coupling;
}

/** Psi *_r rho0 and Psi *_r (rho0 V) at every cell, from the coupling matrix and the cell means V. */
export function nonlocalSums(coupling: Float64Array, V: ArrayLike<number>): { PsiRho: Float64Array; PsiRhoV: Float64Array } {
  const K = V.length;
  const PsiRho = new Float64Array(K);
  const PsiRhoV = new Float64Array(K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      PsiRho[i] += coupling[i * K + j];
      PsiRhoV[i] += coupling[i * K + j] * V[j];
    }
  return { PsiRho, PsiRhoV };
}

/** Build the network: particles drawn by init, the coupling matrix precomputed; refuses rho0 <= 0. */
export function createNetwork(spec: NetworkSpec): Network {
  requireInteger('neuronsPerCell', spec.neuronsPerCell, 2);
  if (spec.cells.length === 0) throw new NumericInputError('the network needs at least one cell');
  spec.cells.forEach((c, i) => {
    requirePositive(`cells[${i}].rho0`, c.rho0);
    requirePositive(`cells[${i}].measure`, c.measure);
  });
  const coupling = couplingMatrix(spec.cells, spec.psi);
  const rng = createRng(spec.seed);
  const n = spec.neuronsPerCell;
  const v = spec.cells.map(() => new Float64Array(n));
  const w = spec.cells.map(() => new Float64Array(n));
  spec.cells.forEach((_, i) => {
    spec.init(i, v[i], w[i], rng);
    requireAllFinite(`initial v of cell ${i}`, v[i]);
    requireAllFinite(`initial w of cell ${i}`, w[i]);
  });
  return { cells: spec.cells, neuronsPerCell: n, v, w, coupling, rng, t: 0 };
}

const mean = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

/** The macroscopic quantities every cell's stepper needs at the current state. */
export function networkMacros(net: Network): CellMacros[] {
  const V = net.v.map(mean);
  const W = net.w.map(mean);
  const { PsiRho, PsiRhoV } = nonlocalSums(net.coupling, V);
  return net.cells.map((c, i) => ({ V: V[i], W: W[i], PsiRho: PsiRho[i], PsiRhoV: PsiRhoV[i], rho0: c.rho0, cell: i }));
}

/** Per-cell statistics of v and w at a sample time. */
export interface CellSample {
  readonly t: number;
  readonly v: SampleMoments;
  readonly w: SampleMoments;
}

/** How to run: the step, the stepper, when to sample. */
export interface RunSpec {
  readonly dt: number;
  readonly tEnd: number;
  readonly step: CellStepper;
  /** Times at which statistics are taken (each rounded to the step grid); tEnd by default. */
  readonly sampleTimes?: readonly number[];
  readonly onProgress?: OnProgress;
}

/** Advance the network to tEnd; returns, per sample time, the statistics of every cell. Refuses NaN states. */
export function runNetwork(net: Network, spec: RunSpec): CellSample[][] {
  requirePositive('dt', spec.dt);
  requirePositive('tEnd', spec.tEnd);
  const steps = Math.round(spec.tEnd / spec.dt);
  if (steps < 1) throw new NumericInputError(`tEnd = ${spec.tEnd} is shorter than one step dt = ${spec.dt}`);
  const sampleSteps = (spec.sampleTimes ?? [spec.tEnd]).map((t) => Math.round(t / spec.dt));
  sampleSteps.forEach((k, i) => {
    if (k < 1 || k > steps || (i > 0 && k <= sampleSteps[i - 1])) throw new NumericInputError(`sampleTimes[${i}] = ${spec.sampleTimes?.[i]} must increase within (0, tEnd] on the step grid dt = ${spec.dt}`);
  });
  const xi = new Float64Array(net.neuronsPerCell);
  const progress = spec.onProgress ?? noProgress;
  const out: CellSample[][] = [];
  const t0 = net.t;
  let next = 0;
  for (let s = 1; s <= steps; s++) {
    const macros = networkMacros(net);
    for (let i = 0; i < net.cells.length; i++) {
      net.rng.fillNormal(xi);
      spec.step(net.neuronsPerCell, net.v[i], net.w[i], xi, spec.dt, macros[i]);
    }
    net.t = t0 + s * spec.dt;
    while (next < sampleSteps.length && sampleSteps[next] === s) {
      out.push(net.cells.map((_, i) => {
        const sample = { t: net.t, v: sampleMoments(net.v[i]), w: sampleMoments(net.w[i]) };
        if (!Number.isFinite(sample.v.mean + sample.v.variance + sample.w.mean))
          throw new NumericInputError(`cell ${i} has non-finite particles at t = ${net.t} (the step dt = ${spec.dt} may be unstable)`);
        return sample;
      }));
      next++;
    }
    if (s % 16 === 0 || s === steps) progress(s / steps);
  }
  return out;
}

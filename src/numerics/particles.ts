/**
 * A generic network of particles: K discretised into cells (position x_i, measure |K_i|, density
 * rho0_i), cell i holding n_i neurons (v, w). Every step computes each cell's means V_i, W_i and the
 * nonlocal sums Psi*rho0 (constant, precomputed) and Psi*(rho0 V) over the cells, draws standard
 * normals, and hands each cell to a caller-supplied stepper (a model's generated kernels). Knows
 * nothing about a specific model.
 */
import { Rng, createRng } from './random.ts';
import { SampleMoments, sampleMoments } from './stats.ts';
import { NumericInputError, requireAllFinite, requireFinite, requireInteger, requirePositive } from './validate.ts';
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

/** The particles of every cell, the coupling and the generator. */
export interface Network {
  readonly cells: readonly NetworkCell[];
  /** counts[i] = n_i, the neurons of cell i. */
  readonly counts: readonly number[];
  readonly v: Float64Array[];
  readonly w: Float64Array[];
  /** coupling[i * K + j] = Psi(x_i, x_j) rho0_j |K_j|. */
  readonly coupling: Float64Array;
  /** psiRho[i] = (Psi *_r rho0)(x_i) = sum_j coupling[i * K + j]: constant in time. */
  readonly psiRho: Float64Array;
  readonly rng: Rng;
  t: number;
}

/** How to build a network: a fixed number of neurons per cell, or a total shared in proportion to rho0_i |K_i|. */
export interface NetworkSpec {
  readonly cells: readonly NetworkCell[];
  readonly psi: (x: number, y: number) => number;
  readonly neuronsPerCell?: number;
  readonly totalNeurons?: number;
  readonly seed: number;
  /** Fill the initial v, w of a cell (from the network's generator, so runs are reproducible). */
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

/** out[i] = sum_j C[i K + j] g_j: the discrete Psi *_r (rho0 g) at every cell. */
export function applyCoupling(coupling: Float64Array, g: ArrayLike<number>, out = new Float64Array(g.length)): Float64Array {
  const K = g.length;
  for (let i = 0; i < K; i++) {
    let s = 0;
    for (let j = 0; j < K; j++) s += coupling[i * K + j] * g[j];
    out[i] = s;
  }
  return out;
}

/** Psi *_r rho0 and Psi *_r (rho0 V) at every cell, from the coupling matrix and the cell means V. */
export function nonlocalSums(coupling: Float64Array, V: ArrayLike<number>): { PsiRho: Float64Array; PsiRhoV: Float64Array } {
  return { PsiRho: applyCoupling(coupling, new Float64Array(V.length).fill(1)), PsiRhoV: applyCoupling(coupling, V) };
}

/** n_i = round(total rho0_i |K_i| / sum_j rho0_j |K_j|); refuses a total that leaves a cell with fewer than two neurons. */
export function proportionalCounts(cells: readonly NetworkCell[], total: number): number[] {
  requireInteger('totalNeurons', total, 2);
  const mass = cells.reduce((s, c) => s + c.rho0 * c.measure, 0);
  return cells.map((c, i) => {
    const n = Math.round((total * c.rho0 * c.measure) / mass);
    if (n < 2)
      throw new NumericInputError(`totalNeurons = ${total} leaves cell ${i} (rho0 |K_i| = ${c.rho0 * c.measure}) with ${n} neurons; at least 2 are needed`);
    return n;
  });
}

/** How many neurons each cell gets: exactly one of neuronsPerCell and totalNeurons must be given. */
function neuronCounts(spec: NetworkSpec): number[] {
  if ((spec.neuronsPerCell === undefined) === (spec.totalNeurons === undefined))
    throw new NumericInputError(`give exactly one of neuronsPerCell and totalNeurons, got ${spec.neuronsPerCell} and ${spec.totalNeurons}`);
  if (spec.totalNeurons !== undefined) return proportionalCounts(spec.cells, spec.totalNeurons);
  const n = requireInteger('neuronsPerCell', spec.neuronsPerCell as number, 2);
  return spec.cells.map(() => n);
}

/** Build the network: particles drawn by init, the coupling precomputed; refuses rho0 <= 0 and |K_i| <= 0. */
export function createNetwork(spec: NetworkSpec): Network {
  if (spec.cells.length === 0) throw new NumericInputError('the network needs at least one cell');
  spec.cells.forEach((c, i) => {
    requirePositive(`cells[${i}].rho0`, c.rho0);
    requirePositive(`cells[${i}].measure`, c.measure);
  });
  const counts = neuronCounts(spec);
  const coupling = couplingMatrix(spec.cells, spec.psi);
  const rng = createRng(spec.seed);
  const v = counts.map((n) => new Float64Array(n));
  const w = counts.map((n) => new Float64Array(n));
  spec.cells.forEach((_, i) => {
    spec.init(i, v[i], w[i], rng);
    requireAllFinite(`initial v of cell ${i}`, v[i]);
    requireAllFinite(`initial w of cell ${i}`, w[i]);
  });
  const psiRho = nonlocalSums(coupling, new Float64Array(spec.cells.length)).PsiRho;
  return { cells: spec.cells, counts, v, w, coupling, psiRho, rng, t: 0 };
}

const mean = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

/** The stepper's view of every cell, from the cell means V, W. */
function macrosFromMeans(net: Network, V: Float64Array, W: Float64Array): CellMacros[] {
  const PsiRhoV = applyCoupling(net.coupling, V);
  return net.cells.map((c, i) => ({ V: V[i], W: W[i], PsiRho: net.psiRho[i], PsiRhoV: PsiRhoV[i], rho0: c.rho0, cell: i }));
}

/** The macroscopic quantities every cell's stepper needs at the current state. */
export function networkMacros(net: Network): CellMacros[] {
  return macrosFromMeans(net, Float64Array.from(net.v, mean), Float64Array.from(net.w, mean));
}

/** Per-cell statistics of v and w at a sample time. */
export interface CellSample {
  readonly t: number;
  readonly v: SampleMoments;
  readonly w: SampleMoments;
}

/** How to run: the step, the stepper, when to sample (times measured from the network's current time). */
export interface RunSpec {
  readonly dt: number;
  /** Duration of the run: a whole number of steps dt. */
  readonly tEnd: number;
  readonly step: CellStepper;
  /** Times at which statistics are taken, on the step grid; tEnd by default. */
  readonly sampleTimes?: readonly number[];
  /** Called at each sample time with the statistics of every cell. */
  readonly onSample?: (t: number, cells: readonly CellSample[]) => void;
  readonly onProgress?: OnProgress;
}

/** The number of steps dt in a duration, refusing a duration off the step grid. */
function stepsIn(name: string, duration: number, dt: number): number {
  requireFinite(name, duration);
  const k = Math.round(duration / dt);
  if (Math.abs(k * dt - duration) > 1e-9 * Math.max(duration, dt))
    throw new NumericInputError(`${name} = ${duration} is not a whole number of steps dt = ${dt}`);
  return k;
}

/** Statistics of every cell; a non-finite particle is refused, naming the cell and the time. */
function sampleCells(net: Network, dt: number): CellSample[] {
  return net.cells.map((_, i) => {
    const sample = { t: net.t, v: sampleMoments(net.v[i]), w: sampleMoments(net.w[i]) };
    if (!Number.isFinite(sample.v.variance + sample.w.variance))
      throw new NumericInputError(`cell ${i} has non-finite particles at t = ${net.t} (the step dt = ${dt} may be unstable)`);
    return sample;
  });
}

/** The steps of the run and the step at which each sample is taken, refusing times off the step grid or out of order. */
function runSteps(spec: RunSpec): { steps: number; sampleSteps: number[] } {
  requirePositive('dt', spec.dt);
  requirePositive('tEnd', spec.tEnd);
  const steps = stepsIn('tEnd', spec.tEnd, spec.dt);
  const sampleSteps = (spec.sampleTimes ?? [spec.tEnd]).map((t, i) => stepsIn(`sampleTimes[${i}]`, t, spec.dt));
  sampleSteps.forEach((k, i) => {
    if (k < 1 || k > steps || (i > 0 && k <= sampleSteps[i - 1]))
      throw new NumericInputError(`sampleTimes[${i}] = ${spec.sampleTimes?.[i]} must increase within (0, tEnd = ${spec.tEnd}]`);
  });
  return { steps, sampleSteps };
}

/**
 * One step dt of every cell from the means V, W (updated in place, taken right after each cell's
 * step while its particles are still in cache); xi[i] receives the normals of cell i unless `draw` is false.
 */
function stepCells(net: Network, step: CellStepper, dt: number, V: Float64Array, W: Float64Array, xi: readonly Float64Array[], draw: boolean): void {
  const macros = macrosFromMeans(net, V, W);
  for (let i = 0; i < net.cells.length; i++) {
    const n = net.counts[i];
    if (draw) net.rng.fillNormal(xi[i], n);
    step(n, net.v[i], net.w[i], xi[i], dt, macros[i]);
    V[i] = mean(net.v[i]);
    W[i] = mean(net.w[i]);
  }
}

/** Advance the network by tEnd; returns, per sample time, the statistics of every cell. Refuses dt <= 0 and NaN states. */
export function runNetwork(net: Network, spec: RunSpec): CellSample[][] {
  const { steps, sampleSteps } = runSteps(spec);
  const xi = new Float64Array(Math.max(...net.counts));
  const progress = spec.onProgress ?? noProgress;
  const out: CellSample[][] = [];
  const t0 = net.t;
  let next = 0;
  const V = Float64Array.from(net.v, mean);
  const W = Float64Array.from(net.w, mean);
  const shared = net.cells.map(() => xi);
  for (let s = 1; s <= steps; s++) {
    stepCells(net, spec.step, spec.dt, V, W, shared, true);
    net.t = t0 + s * spec.dt;
    if (next < sampleSteps.length && sampleSteps[next] === s) {
      const cells = sampleCells(net, spec.dt);
      out.push(cells);
      spec.onSample?.(net.t, cells);
      next++;
    } else if (s === steps) sampleCells(net, spec.dt); // the final state is checked even when not sampled
    if (s % 16 === 0 || s === steps) progress(s / steps);
  }
  return out;
}

/** The statistics of a fine run (step dt) and of its coarse companion (step 2 dt) at the same sample times. */
export interface PairedSamples {
  readonly fine: CellSample[][];
  readonly coarse: CellSample[][];
}

/**
 * Step doubling for the time-step error: the network run as runNetwork runs it (same normals, same
 * result) and, in lockstep, a copy stepped by 2 dt whose normals are (xi1 + xi2) / sqrt(2) of the
 * fine run's two steps, so that the pair differs by the time-step error, not by noise. Sample times
 * must lie on the coarse grid (whole numbers of 2 dt).
 */
export function runNetworkPair(net: Network, spec: RunSpec): PairedSamples {
  const coarseSpec = { ...spec, dt: 2 * spec.dt };
  const { steps, sampleSteps } = runSteps(coarseSpec);
  const coarse: Network = { ...net, v: net.v.map((x) => Float64Array.from(x)), w: net.w.map((x) => Float64Array.from(x)) };
  const first = net.counts.map((n) => new Float64Array(n));
  const second = net.counts.map((n) => new Float64Array(n));
  const progress = spec.onProgress ?? noProgress;
  const out: PairedSamples = { fine: [], coarse: [] };
  const t0 = net.t;
  let next = 0;
  const [Vf, Wf] = [Float64Array.from(net.v, mean), Float64Array.from(net.w, mean)];
  const [Vc, Wc] = [Float64Array.from(Vf), Float64Array.from(Wf)];
  for (let s = 1; s <= steps; s++) {
    stepCells(net, spec.step, spec.dt, Vf, Wf, first, true);
    stepCells(net, spec.step, spec.dt, Vf, Wf, second, true);
    first.forEach((a, i) => {
      const b = second[i];
      for (let k = 0; k < a.length; k++) a[k] = (a[k] + b[k]) * Math.SQRT1_2;
    });
    stepCells(coarse, spec.step, 2 * spec.dt, Vc, Wc, first, false);
    net.t = coarse.t = t0 + s * 2 * spec.dt;
    const sampled = next < sampleSteps.length && sampleSteps[next] === s;
    if (sampled || s === steps) {
      const [f, c] = [sampleCells(net, spec.dt), sampleCells(coarse, 2 * spec.dt)];
      if (sampled) {
        out.fine.push(f);
        out.coarse.push(c);
        spec.onSample?.(net.t, f);
        next++;
      }
    }
    if (s % 8 === 0 || s === steps) progress(s / steps);
  }
  return out;
}

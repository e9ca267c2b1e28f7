/**
 * The paper's network (1.2) as a standalone C (or C + MPI) program: the generated fused step
 * kernel of derivations/particles.ts, the points and coupling Psi(x_i, x_j) rho0_j |K_j| of
 * network.ts, the ill-prepared initial law mu0 of fhn.ts. The uniforms of the kernel are bound to
 * what they mean here: rho is rho0 at the point, V the mean of v, PsiRho and PsiRhoV the nonlocal
 * sums Psi *_r rho0 and Psi *_r (rho0 V).
 */
import {
  couplingMatrix,
  counterNormal,
  counterNormalSource,
  createNetwork,
  runNetwork,
  type CellSample,
  type LoopKernel,
  type Network,
  type NetworkProgram,
  type Rng,
} from '../../src/index.ts';
import { kernels } from '../particles.ts';
import { defaultAdaptation, defaultKernel, initialData, initialMeanV, initialMeanW } from './fhn.ts';
import { defaultCells, fhnStepper, sampleInitialLaw, type ParticleScheme } from './network.ts';

/** What the program is built from (defaults: the command's). */
export interface NetworkProgramOptions {
  readonly eps: number;
  readonly cells: number;
  readonly scheme: ParticleScheme;
  readonly neurons: number;
  readonly dt: number;
  readonly t: number;
  readonly seed: number;
  readonly samples: number;
}

/** The fused step kernel of a scheme (ouSplitStep or eulerMaruyamaStep). */
export function stepKernel(scheme: ParticleScheme): LoopKernel {
  const name = scheme === 'ou-split' ? 'ouSplitStep' : 'eulerMaruyamaStep';
  const k = kernels().find((x) => x.name === name);
  if (k?.kind !== 'loop') throw new Error(`derivations/particles.ts has no loop kernel ${name}`);
  return k;
}

/** The paper's network as a program description for cNetworkProgram (src/codegen/cNetwork.ts). */
export function paperNetworkProgram(o: NetworkProgramOptions): NetworkProgram {
  const cells = defaultCells(o.cells);
  const { a, b, c } = defaultAdaptation;
  const steps = Math.round(o.t / o.dt);
  if (!(steps >= 1) || Math.abs(steps * o.dt - o.t) > 1e-9 * o.t) throw new RangeError(`--t = ${o.t} is not a whole number of steps --dt = ${o.dt}`);
  return {
    title: `(1.2): the FitzHugh–Nagumo network, ${o.cells} points of K, scheme ${o.scheme}`,
    kernel: stepKernel(o.scheme),
    state: ['v', 'w'],
    noise: ['xi_v'],
    bindings: {
      dt: { kind: 'step' },
      rho: { kind: 'point', values: cells.map((x) => x.rho0) },
      eps: { kind: 'constant', value: o.eps },
      V: { kind: 'mean', variable: 'v' },
      PsiRho: { kind: 'coupled' },
      PsiRhoV: { kind: 'coupled', variable: 'v' },
      a: { kind: 'constant', value: a },
      b: { kind: 'constant', value: b },
      c: { kind: 'constant', value: c },
    },
    points: cells.map((x) => x.x),
    coupling: couplingMatrix(cells, defaultKernel),
    initial: {
      v: { mean: cells.map((x) => initialMeanV(x.x)), sd: initialData.sdV, alternate: initialData.spread },
      w: { mean: cells.map((x) => initialMeanW(x.x)), sd: initialData.sdW },
    },
    defaults: { neurons: o.neurons, steps, dt: o.dt, seed: o.seed, samples: Math.min(o.samples, steps) },
  };
}

/** What the TypeScript runner gives for the program's run: the samples of every point and the final neurons. */
export interface TsNetworkRun {
  readonly samples: CellSample[][];
  readonly net: Network;
}

/**
 * The same run by the TypeScript runner (runNetwork of src/numerics with the generated TypeScript
 * kernel), fed the counter-based normals the C program draws: the initial law through the paper's
 * own sampler (one normal for v, then one for w, per neuron), the step noise per point and step.
 */
export function runPaperNetworkTs(o: NetworkProgramOptions, replica: number, sampleTimes?: readonly number[]): TsNetworkRun {
  const cells = defaultCells(o.cells);
  const n = o.neurons;
  const initialNormals = (cell: number) => {
    let call = 0;
    return { normal: () => counterNormal(o.seed, replica, 0, cell * n + Math.floor(call / 2), 'initial', call++ % 2) } as unknown as Rng;
  };
  const base = createNetwork({
    cells,
    psi: defaultKernel,
    neuronsPerCell: n,
    seed: o.seed,
    init: (i, v, w) => sampleInitialLaw(cells[i].x, v, w, initialNormals(i)),
  });
  // runNetwork draws each point's normals through net.rng.fillNormal, points in order, step after step
  const net: Network = { ...base, rng: counterNormalSource(o.seed, replica, o.cells, n) as unknown as Rng };
  const samples = runNetwork(net, { dt: o.dt, tEnd: o.t, step: fhnStepper(o.scheme, { eps: o.eps }), sampleTimes });
  return { samples, net };
}

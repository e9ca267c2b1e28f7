/**
 * The FitzHugh–Nagumo network of (1.2) as particles: each neuron of a point x of K follows
 *   dv = [N(v) - w - (Psi*rho0) v + Psi*(rho0 V)] dt - (rho0/eps)(v - V) dt + sqrt(2) dB,
 *   dw = (a v - b w + c) dt,
 * stepped by the generic simulator of src/numerics with the kernels generated from
 * derivations/particles.ts. Also the FHN rates of the limit system (1.5) for src/numerics/macro.ts.
 */
import { createNetwork, Network, CellStepper, CellMacros, NetworkCell, CellRates, Rng, requirePositive, requireStepBelow } from '../../src/numerics/index.ts';
import { eulerMaruyamaStep, ouSplitStep, ouMean, ouVariance, particleDrift, limitRateV, momentRateW } from '../../src/generated/particles.ts';
import { defaultAdaptation, defaultDensity, defaultKernel, initialData, initialMeanV, initialMeanW } from './fhn.ts';

/** The two schemes for a neuron of (1.2): Euler–Maruyama of the whole drift, or the exact OU flow of the stiff part then Euler. */
export type ParticleScheme = 'euler-maruyama' | 'ou-split';

/** The step kernel: the generated fused kernel of the scheme, or the generated pieces (ouMean, ouVariance, particleDrift) composed here. */
export type KernelSource = 'fused' | 'composed';

/** Parameters of (1.2) the stepper needs ((a, b, c) default to fhn.ts). */
export interface NetworkParameters {
  readonly eps: number;
  readonly a?: number;
  readonly b?: number;
  readonly c?: number;
}

/** (a, b, c) of A(v, w) = a v - b w + c: the given ones, the defaults of fhn.ts for those left undefined. */
function adaptation(p: Omit<NetworkParameters, 'eps'>): { a: number; b: number; c: number } {
  return { a: p.a ?? defaultAdaptation.a, b: p.b ?? defaultAdaptation.b, c: p.c ?? defaultAdaptation.c };
}

/** The non-stiff drift of every neuron of a cell: writes (dv, dw) at (v, w). */
export type ParticleDrift = (n: number, dv: Float64Array, dw: Float64Array, v: Float64Array, w: Float64Array, m: CellMacros) => void;

/** The generated non-stiff drift of (1.2): N(v) - w - Psi*rho0 v + Psi*(rho0 V), and a v - b w + c. */
export function fhnDrift(p: Omit<NetworkParameters, 'eps'> = {}): ParticleDrift {
  const { a, b, c } = adaptation(p);
  return (n, dv, dw, v, w, m) => particleDrift(n, dv, dw, v, w, m.PsiRho, m.PsiRhoV, a, b, c);
}

/** No drift besides the stiff coupling: each cell is then a pure Ornstein–Uhlenbeck process around its mean. */
export const noDrift: ParticleDrift = (n, dv, dw) => {
  dv.fill(0, 0, n);
  dw.fill(0, 0, n);
};

/** Euler–Maruyama is stable for the stiff coupling only when dt < 2 / lambda = 2 eps / rho0: refused otherwise, naming the bound. */
function requireEulerMaruyamaStable(dt: number, eps: number, m: CellMacros): void {
  requireStepBelow('dt', dt, (2 * eps) / m.rho0, '2 eps / rho0', `the Euler–Maruyama step of the stiff coupling in cell ${m.cell} (use the OU split)`);
}

/**
 * A cell stepper from the generated pieces: the stiff part -(rho0/eps)(v - V) with V frozen over
 * the step, either by Euler–Maruyama along with the drift, or by the exact OU transition
 * (ouMean, ouVariance) followed by an explicit Euler step of the drift at the relaxed state.
 */
export function composedStepper(scheme: ParticleScheme, eps: number, drift: ParticleDrift): CellStepper {
  requirePositive('eps', eps);
  let dv = new Float64Array(0);
  let dw = new Float64Array(0);
  return (n, v, w, xi, dt, m) => {
    if (dv.length < n) [dv, dw] = [new Float64Array(n), new Float64Array(n)];
    const lambda = m.rho0 / eps;
    if (scheme === 'euler-maruyama') {
      requireEulerMaruyamaStable(dt, eps, m);
      drift(n, dv, dw, v, w, m);
      const noise = Math.sqrt(2 * dt);
      for (let i = 0; i < n; i++) {
        v[i] += (dv[i] - lambda * (v[i] - m.V)) * dt + noise * xi[i];
        w[i] += dw[i] * dt;
      }
      return;
    }
    const sd = Math.sqrt(ouVariance(lambda, dt));
    for (let i = 0; i < n; i++) v[i] = ouMean(v[i], m.V, lambda, dt) + sd * xi[i];
    drift(n, dv, dw, v, w, m);
    for (let i = 0; i < n; i++) {
      v[i] += dv[i] * dt;
      w[i] += dw[i] * dt;
    }
  };
}

/** The generated fused step kernels, one per scheme (same arguments). */
const FUSED_KERNELS: Record<ParticleScheme, typeof ouSplitStep> = { 'euler-maruyama': eulerMaruyamaStep, 'ou-split': ouSplitStep };

/**
 * A cell stepper for (1.2) with the chosen scheme: by default the generated fused kernel, or the
 * composed generated pieces. Euler–Maruyama is refused at dt >= 2 eps / rho0; the OU split has no such bound.
 */
export function fhnStepper(scheme: ParticleScheme, p: NetworkParameters, source: KernelSource = 'fused'): CellStepper {
  const eps = requirePositive('eps', p.eps);
  if (source === 'composed') return composedStepper(scheme, eps, fhnDrift(p));
  const { a, b, c } = adaptation(p);
  const kernel = FUSED_KERNELS[scheme];
  const guarded = scheme === 'euler-maruyama';
  return (n, v, w, xi, dt, m) => {
    if (guarded) requireEulerMaruyamaStable(dt, eps, m);
    kernel(n, v, w, xi, dt, m.rho0, eps, m.V, m.PsiRho, m.PsiRhoV, a, b, c);
  };
}

/** Midpoints of K = [0, 1] cut into `count` cells, with the density rho0 (default fhn.ts); refuses rho0 <= 0 by name. */
export function defaultCells(count: number, rho0: (x: number) => number = defaultDensity): NetworkCell[] {
  return Array.from({ length: count }, (_, i) => {
    const x = (i + 0.5) / count;
    return { x, measure: 1 / count, rho0: requirePositive(`rho0(${x})`, rho0(x)) };
  });
}

/**
 * The ill-prepared initial law mu0 of fhn.ts at a point x, drawn into v, w: alternately half the
 * neurons at V0(x) - spread and half at V0(x) + spread (the two modes with weights exactly 1/2),
 * each plus N(0, sdV^2); w = W0(x) + N(0, sdW^2). One normal for v then one for w per neuron.
 */
export function sampleInitialLaw(x: number, v: Float64Array, w: Float64Array, rng: Rng): void {
  const { spread, sdV, sdW } = initialData;
  for (let k = 0; k < v.length; k++) {
    v[k] = initialMeanV(x) + (k % 2 === 0 ? -spread : spread) + sdV * rng.normal();
    w[k] = initialMeanW(x) + sdW * rng.normal();
  }
}

/** The default network: `cells` midpoints of K = [0, 1], the kernel Psi of fhn.ts, neurons drawn from mu0 (sampleInitialLaw). */
export function defaultNetwork(options: { cells?: number; neuronsPerCell: number; seed: number; rho0?: (x: number) => number }): Network {
  const cells = defaultCells(options.cells ?? 4, options.rho0);
  return createNetwork({
    cells,
    psi: defaultKernel,
    neuronsPerCell: options.neuronsPerCell,
    seed: options.seed,
    init: (i, v, w, rng) => sampleInitialLaw(cells[i].x, v, w, rng),
  });
}

/** The rates of the limit system (1.5) through its moments: V' = N(V) - W - L[V] (generated limitRateV), W' = a V - b W + c. */
export function fhnLimitRates(p: Omit<NetworkParameters, 'eps'> = {}): CellRates {
  const { a, b, c } = adaptation(p);
  return {
    rateV: (_cell, V, W, PsiRho, PsiRhoV) => limitRateV(V, W, PsiRho, PsiRhoV),
    rateW: (_cell, V, W) => momentRateW(V, W, a, b, c),
  };
}

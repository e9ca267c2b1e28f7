/**
 * `fhn-derive simulate` with no file: the paper's default network as one simulation spec on the
 * generic layer. Particles: (1.2) with N(v) = v - v^3, V the mean of v at each point of K, the
 * nonlocal sums Psi *_r rho0 and Psi *_r (rho0 V), the stiff coupling -(rho0/eps)(v - V) split off
 * exactly (ou-split) or stepped by Euler–Maruyama. Grid: (1.10) on the fixed rescaled box, theta
 * from (1.11) with its rate from the ODE, V and W by (1.3) with E from nu, the stiff part
 * -(rho0/theta^2) v by Scharfetter–Gummel; the observables mapped back through (1.6).
 */
import type { SimulationSpec, SimulationResult, MethodSpec } from '../../src/index.ts';
import { equation12, rescaledEquation, rescale16, closedForm111, macroscopicRates } from '../rescaling.ts';
import { defaultAdaptation, defaultNonlinearity, initialData } from './fhn.ts';
import { sampleInitialLaw } from './network.ts';

/** What a user can set from the command line (defaults in PAPER_DEFAULTS). */
export interface SimulationOptions {
  readonly model: 'particles' | 'grid';
  readonly eps: number;
  readonly cells: number;
  readonly neurons: number;
  readonly replicas: number;
  readonly dt: number;
  readonly t: number;
  readonly scheme: 'ou-split' | 'euler-maruyama';
  readonly seed: number;
  readonly nv: number;
  readonly nw: number;
  readonly samples: number;
}

/** The defaults of the command. */
export const PAPER_DEFAULTS: SimulationOptions = {
  model: 'particles',
  eps: 0.05,
  cells: 4,
  neurons: 100_000,
  replicas: 4,
  dt: 1e-3,
  t: 1,
  scheme: 'ou-split',
  seed: 1,
  nv: 96,
  nw: 120,
  samples: 10,
};

/** The option each spec field is set by, so that refusals name the flag. */
export const PAPER_LABELS: Readonly<Record<string, string>> = {
  t: '--t',
  seed: '--seed',
  samples: '--samples',
  'population.points': '--cells',
  'parameters.eps': '--eps',
  'methods.particles.dt': '--dt',
  'methods.particles.particles': '--neurons',
  'methods.particles.replicas': '--replicas',
  'methods.grid.dt': '--dt',
  'methods.grid.cells[0]': '--nv',
  'methods.grid.cells[1]': '--nw',
  'tolerance.relative': '--tol',
  'tolerance.absolute': '--atol',
};

/** rho0(x) = 1 + 0.4 cos(2 pi x) and Psi(x, y) = 0.5 exp(-(x - y)^2 / 0.05) as formulas (fhn.ts holds them as functions). */
const RHO0 = '1 + 0.4*cos(2*pi*x)';
const PSI = '0.5*exp(-(x - y)^2/0.05)';

/** nu0(v, w) = mu0(V0 + v, W0 + w) at theta(0) = 1: the bimodal law of fhn.ts centred, the same at every x. */
function rescaledInitialDensity(): string {
  const { spread, sdV, sdW } = initialData;
  const g = (z: string, sd: number) => `exp(-(${z})^2/(2*${sd}^2))/(${sd}*sqrt(2*pi))`;
  return `(${g(`v - ${spread}`, sdV)} + ${g(`v + ${spread}`, sdV)})/2 * ${g('w', sdW)}`;
}

/** The paper's simulation as a spec: particles of (1.2) or the grid of (1.10), with the options a user set. */
export function paperSimulation(o: SimulationOptions): SimulationSpec {
  const { a, b, c } = defaultAdaptation;
  const common = {
    positive: ['eps', 'rho'],
    functions: { N: defaultNonlinearity },
    population: { points: o.cells, domain: [0, 1] as const, density: RHO0, kernel: PSI },
    t: o.t,
    samples: o.samples,
    seed: o.seed,
    labels: PAPER_LABELS,
  };
  const parameters = { a, b, c, eps: o.eps, rho: RHO0 };
  if (o.model === 'particles') {
    const method: MethodSpec = {
      kind: 'particles',
      scheme: o.scheme,
      stiff: { variable: 'v', part: '-(rho/eps)*(v - V)' },
      particles: o.neurons,
      replicas: o.replicas,
      dt: o.dt,
    };
    return {
      ...common,
      name: '(1.2): the default FitzHugh–Nagumo network, particles',
      model: equation12,
      parameters,
      coefficients: { V: 'mean(v)', PsiRho: 'nonlocal(1)', PsiRhoV: 'nonlocal(V)' },
      initial: { sample: (point, [v, w], rng) => sampleInitialLaw(point.x, v, w, rng) },
      observables: { V: 'mean(v)', W: 'mean(w)', 'Var v': 'var(v)' },
      methods: { particles: method },
    };
  }
  const { model } = rescaledEquation(rescale16());
  return {
    ...common,
    name: '(1.10): the default FitzHugh–Nagumo network, rescaled, on the grid',
    model,
    parameters,
    coefficients: {
      theta: { value: `sqrt(${closedForm111})`, rate: 'rho/theta - rho*theta/eps' },
      V: { ode: macroscopicRates.V_t, initial: '0.5 + 0.3*sin(2*pi*x)' },
      W: { ode: macroscopicRates.W_t, initial: '0.2' },
      E: 'mean(N(V + theta*v)) - N(V)',
      PsiRho: 'nonlocal(1)',
      PsiRhoV: 'nonlocal(V)',
    },
    initial: { density: rescaledInitialDensity() },
    observables: { V: 'V + theta*mean(v)', W: 'W + mean(w)', 'Var v': 'theta^2*var(v)' },
    methods: {
      grid: {
        kind: 'grid',
        box: [
          [-6, 6],
          [-2.2, 2.2],
        ],
        cells: [o.nv, o.nw],
        dt: o.dt,
        stiff: { variable: 'v', part: '-rho*v/theta^2' },
      },
    },
  };
}

/** One row per point of K at the final time: x, rho0, V, W and the variance of v, as the command prints them. */
export interface SimulationRow {
  readonly x: number;
  readonly rho0: number;
  readonly V: number;
  readonly W: number;
  readonly varianceV: number;
}

/** The rows of a paper run's result (the last output time). */
export function paperRows(result: SimulationResult): SimulationRow[] {
  const last = (name: string) => {
    const o = result.observables[name];
    return o.value[o.value.length - 1];
  };
  const at = (name: string, k: number) => last(result.points.length === 1 ? name : `${name}[${k}]`);
  return result.points.map((p, k) => ({ x: p.x, rho0: p.rho0, V: at('V', k), W: at('W', k), varianceV: at('Var v', k) }));
}

/**
 * The FitzHugh–Nagumo network of (1.2) as particles: the generic simulator of src/numerics driven
 * by the step kernels generated from the schemes of derivations/particles.ts.
 */
import { createNetwork, Network, CellStepper, NetworkCell, requirePositive, NumericInputError } from '../../src/numerics/index.ts';
import { eulerMaruyamaStep, ouSplitStep } from '../../src/generated/particles.ts';
import { defaultAdaptation, defaultDensity, defaultKernel, initialData, initialMeanV, initialMeanW } from './fhn.ts';

/** The two generated schemes for a neuron of (1.2). */
export type ParticleScheme = 'euler-maruyama' | 'ou-split';

/** Parameters of (1.2) the stepper needs. */
export interface NetworkParameters {
  readonly eps: number;
  readonly a?: number;
  readonly b?: number;
  readonly c?: number;
}

/**
 * A cell stepper for (1.2) with the chosen generated scheme. Euler–Maruyama is refused beyond its
 * stability bound dt < 2 eps / rho0 for the stiff coupling; the OU split has no such bound.
 */
export function fhnStepper(scheme: ParticleScheme, p: NetworkParameters): CellStepper {
  const eps = requirePositive('eps', p.eps);
  const { a, b, c } = { ...defaultAdaptation, ...p };
  if (scheme === 'ou-split') return (n, v, w, xi, dt, m) => ouSplitStep(n, v, w, xi, dt, m.rho0, eps, m.V, m.PsiRho, m.PsiRhoV, a, b, c);
  return (n, v, w, xi, dt, m) => {
    const bound = (2 * eps) / m.rho0;
    if (dt >= bound) throw new NumericInputError(`Euler–Maruyama step dt = ${dt} is beyond the stability bound 2 eps / rho0 = ${bound.toPrecision(4)} of the stiff coupling in cell ${m.cell} (use the OU split, or dt < ${bound.toPrecision(4)})`);
    eulerMaruyamaStep(n, v, w, xi, dt, m.rho0, eps, m.V, m.PsiRho, m.PsiRhoV, a, b, c);
  };
}

/** Midpoints of K = [0, 1] cut into `count` cells, with the default density rho0. */
export function defaultCells(count: number, rho0: (x: number) => number = defaultDensity): NetworkCell[] {
  return Array.from({ length: count }, (_, i) => {
    const x = (i + 0.5) / count;
    return { x, measure: 1 / count, rho0: requirePositive(`rho0(${x})`, rho0(x)) };
  });
}

/** The default network: cells of K, the default kernel, neurons drawn from the bimodal initial data of fhn.ts. */
export function defaultNetwork(options: { cells?: number; neuronsPerCell: number; seed: number; rho0?: (x: number) => number }): Network {
  const cells = defaultCells(options.cells ?? 4, options.rho0);
  const { spread, sdV, sdW } = initialData;
  return createNetwork({
    cells,
    psi: defaultKernel,
    neuronsPerCell: options.neuronsPerCell,
    seed: options.seed,
    init: (i, v, w, rng) => {
      const { x } = cells[i];
      for (let k = 0; k < v.length; k++) {
        v[k] = initialMeanV(x) + (k % 2 === 0 ? -spread : spread) + sdV * rng.normal();
        w[k] = initialMeanW(x) + sdW * rng.normal();
      }
    },
  });
}

/**
 * The heat equation d_t p = D d_x^2 p from a Gaussian: the law stays Gaussian with the same mean
 * and variance v0 + 2 D t. Run it with:
 *   npx fhn-derive simulate examples/heat.ts --out out/heat
 */
import { defineModel, defineSimulation } from 'fhn-derive';

/** The diffusion, and the initial mean and variance. */
export const coefficients = { D: 0.5, m0: 0.3, v0: 0.04 } as const;

export const heat = defineModel({ name: 'heat equation', state: ['x'], density: 'p', parameters: ['D'], drift: ['0'], diffusion: [['D']] });

const { D, m0, v0 } = coefficients;

export default defineSimulation({
  name: 'heat equation',
  model: heat,
  parameters: { D },
  initial: { gaussian: { mean: [m0], covariance: [[v0]] } },
  observables: { mean: 'mean(x)', variance: 'var(x)' },
  t: 1,
  samples: 10,
  methods: { grid: { kind: 'grid', box: [[-8, 8.6]], cells: 300, dt: 0.05, refine: true } },
});

/** The exact law at time t. */
export function exactLaw(t: number): Record<string, number> {
  return { mean: m0, variance: v0 + 2 * D * t };
}

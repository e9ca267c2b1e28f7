/**
 * A one-dimensional Ornstein–Uhlenbeck process dX = -k (X - c) dt + s dB, whose law stays Gaussian
 * with mean c + (m0 - c) e^{-k t} and variance v0 e^{-2 k t} + s^2 / (2 k) (1 - e^{-2 k t}).
 * Run it with:
 *   npx fhn-derive simulate examples/ou1d.ts --out out/ou1d                 (finite volumes)
 *   npx fhn-derive simulate examples/ou1d.ts --method particles --out out/ou1d
 */
import { defineModel, defineSimulation } from 'fhn-derive';

/** The rate, the centre, the noise and the initial law. */
export const coefficients = { k: 1.5, c: 0.5, s: 0.7, m0: 1.5, v0: 0.05 } as const;

export const ou1d = defineModel({
  name: '1-D Ornstein–Uhlenbeck',
  state: ['x'],
  density: 'p',
  parameters: ['k', 'c', 's'],
  drift: ['-k*(x - c)'],
  diffusion: [['s^2/2']],
});

const { k, c, s, m0, v0 } = coefficients;

export default defineSimulation({
  name: '1-D OU',
  model: ou1d,
  parameters: { k, c, s },
  initial: { gaussian: { mean: [m0], covariance: [[v0]] } },
  observables: { mean: 'mean(x)', variance: 'var(x)' },
  t: 1,
  samples: 10,
  seed: 3,
  methods: {
    grid: { kind: 'grid', box: [[-2.5, 3.5]], cells: 200, dt: 0.05, refine: true },
    particles: { kind: 'particles', particles: 20_000, replicas: 8, dt: 0.02 },
  },
});

/** The exact law at time t, as the observables. */
export function exactLaw(t: number): Record<string, number> {
  const e = Math.exp(-k * t);
  return { mean: c + (m0 - c) * e, variance: v0 * e * e + ((s * s) / (2 * k)) * (1 - e * e) };
}

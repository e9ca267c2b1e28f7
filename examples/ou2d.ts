/**
 * A model that is not from the paper: a two-dimensional Ornstein–Uhlenbeck process with a full
 * (non-diagonal) diffusion matrix,
 *   dX = A (X - c) dt + sigma dB,  sigma sigma^T = 2 D,  D = [[0.5, 0.3], [0.3, 0.4]],
 * whose law stays Gaussian with a mean and a covariance known in closed form (exactLaw below).
 * Run it with:
 *   npx fhn-derive simulate examples/ou2d.ts --out out/ou2d                 (particles)
 *   npx fhn-derive simulate examples/ou2d.ts --method grid --out out/ou2d   (finite volumes)
 */
import { defineModel, defineSimulation } from 'fhn-derive';

/** The drift matrix A, the centre c, the diffusion D and the initial law (mean m0, covariance S0). */
export const coefficients = {
  A: [
    [-1, 0.8],
    [-0.4, -1.5],
  ],
  c: [1, -0.5],
  D: [
    [0.5, 0.3],
    [0.3, 0.4],
  ],
  m0: [2, 1],
  S0: [
    [0.2, 0.05],
    [0.05, 0.1],
  ],
} as const;

/** The model: dX = A (X - c) dt + sigma dB with the full D above. */
export const ou2d = defineModel({
  name: '2-D Ornstein–Uhlenbeck, full diffusion',
  state: ['x', 'y'],
  density: 'p',
  parameters: ['a11', 'a12', 'a21', 'a22', 'c1', 'c2'],
  drift: ['a11*(x - c1) + a12*(y - c2)', 'a21*(x - c1) + a22*(y - c2)'],
  diffusion: [
    ['1/2', '3/10'],
    ['3/10', '2/5'],
  ],
});

const { A, c, m0, S0 } = coefficients;

export default defineSimulation({
  name: '2-D OU with a full diffusion matrix',
  model: ou2d,
  parameters: { a11: A[0][0], a12: A[0][1], a21: A[1][0], a22: A[1][1], c1: c[0], c2: c[1] },
  initial: { gaussian: { mean: [...m0], covariance: S0.map((r) => [...r]) } },
  observables: { 'mean x': 'mean(x)', 'mean y': 'mean(y)', 'var x': 'var(x)', 'var y': 'var(y)', 'cov xy': 'cov(x, y)' },
  t: 1,
  samples: 10,
  seed: 7,
  methods: {
    particles: { kind: 'particles', scheme: 'auto', particles: 20_000, replicas: 8, dt: 0.02 },
    grid: {
      kind: 'grid',
      box: [
        [-2.5, 5],
        [-3, 3.5],
      ],
      cells: [80, 80],
      dt: 0.02,
      refine: true,
    },
  },
});

type M = number[][];
const mul = (P: M, Q: M): M => P.map((row) => Q[0].map((_, j) => row.reduce((s, x, k) => s + x * Q[k][j], 0)));
const transpose = (P: M): M => P[0].map((_, j) => P.map((row) => row[j]));
const plus = (P: M, Q: M, q = 1): M => P.map((row, i) => row.map((x, j) => x + q * Q[i][j]));

/** e^{A t} for a 2x2 matrix: e^{tau t} [C(t) I + S(t) (A - tau I)], tau = tr A / 2, with C, S from the discriminant. */
export function expm2(Am: M, t: number): M {
  const tau = (Am[0][0] + Am[1][1]) / 2;
  const disc = tau * tau - (Am[0][0] * Am[1][1] - Am[0][1] * Am[1][0]);
  const r = Math.sqrt(Math.abs(disc));
  const [C, S] = disc > 0 ? [Math.cosh(r * t), Math.sinh(r * t) / r] : disc < 0 ? [Math.cos(r * t), Math.sin(r * t) / r] : [1, t];
  const e = Math.exp(tau * t);
  return [
    [e * (C + S * (Am[0][0] - tau)), e * S * Am[0][1]],
    [e * S * Am[1][0], e * (C + S * (Am[1][1] - tau))],
  ];
}

/** The stationary covariance: A S + S A^T + 2 D = 0, three linear equations for (S11, S12, S22). */
export function stationaryCovariance(Am: M, D: M): M {
  const [[a, b], [cc, d]] = Am;
  // rows: (1,1), (1,2), (2,2) entries of A S + S A^T = -2 D
  const Mx = [
    [2 * a, 2 * b, 0],
    [cc, a + d, b],
    [0, 2 * cc, 2 * d],
  ];
  const rhs = [-2 * D[0][0], -2 * D[0][1], -2 * D[1][1]];
  const det3 = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const det = det3(Mx);
  const col = (k: number) => det3(Mx.map((row, i) => row.map((x, j) => (j === k ? rhs[i] : x)))) / det;
  const [s11, s12, s22] = [col(0), col(1), col(2)];
  return [
    [s11, s12],
    [s12, s22],
  ];
}

/** The exact law at time t: mean c + e^{At}(m0 - c), covariance e^{At}(S0 - S_inf)e^{A^T t} + S_inf, as the observables. */
export function exactLaw(t: number): Record<string, number> {
  const E = expm2(
    A.map((r) => [...r]),
    t,
  );
  const Sinf = stationaryCovariance(
    A.map((r) => [...r]),
    coefficients.D.map((r) => [...r]),
  );
  const d0 = [[m0[0] - c[0]], [m0[1] - c[1]]];
  const m = mul(E, d0).map((row, i) => row[0] + c[i]);
  const S = plus(
    mul(
      mul(
        E,
        plus(
          S0.map((r) => [...r]),
          Sinf,
          -1,
        ),
      ),
      transpose(E),
    ),
    Sinf,
  );
  return { 'mean x': m[0], 'mean y': m[1], 'var x': S[0][0], 'var y': S[1][1], 'cov xy': S[0][1] };
}

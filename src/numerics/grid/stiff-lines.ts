/**
 * The stiff v-part D d_v[alpha (v - c_j) f + d_v f] with a centre c_j per w-line j: backward
 * Euler with the Scharfetter–Gummel flux, as in stiff.ts, but one tridiagonal factorisation per
 * line. A drift in v that is constant along each w-line (however large, e.g. O(1/theta)) can be
 * folded into the centre, c_j = (drift_j) / (D alpha), and then costs no CFL bound: the shifted
 * discrete Gaussian stays an exact steady state, mass is conserved and positivity kept for any dt.
 */
import { Mesh } from './mesh.ts';
import { bernoulli } from './stiff.ts';
import { requireAllFinite, requireLength, requirePositive } from '../validate.ts';

/** The coefficients of the stiff operator with one centre per w-line. */
export interface LineStiffCoefficients {
  readonly D: number;
  readonly alpha: number;
  /** Centre of the Gaussian on each w-line (nw entries). */
  readonly centres: ArrayLike<number>;
}

/** One backward-Euler step of the stiff part on every w-line of f (centre c_j on line j), in place. */
export function stiffStepPerLine(m: Mesh, f: Float64Array, k: LineStiffCoefficients, dt: number): void {
  requirePositive('dt', dt);
  requirePositive('D (diffusion of the stiff part)', k.D);
  requirePositive('alpha (confinement of the stiff part)', k.alpha);
  requireLength('centres (one per w-line)', k.centres, m.nw);
  requireAllFinite('centres', k.centres);
  requireLength('f', f, m.nv * m.nw);
  const n = m.nv;
  const r = (dt * k.D) / (m.dv * m.dv);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const cp = new Float64Array(n);
  for (let j = 0; j < m.nw; j++) {
    const c = k.centres[j];
    // flux through face i + 1/2: (D/dv) (B(-x) f_{i+1} - B(x) f_i), x = alpha (v_face - c) dv
    for (let i = 0; i < n - 1; i++) {
      const x = k.alpha * (m.vmin + (i + 1) * m.dv - c) * m.dv;
      up[i] = r * bernoulli(-x);
      down[i] = r * bernoulli(x);
    }
    // Thomas algorithm on row i: -down_{i-1} f_{i-1} + (1 + down_i + up_{i-1}) f_i - up_i f_{i+1} = rhs_i
    const o = j * n;
    let denom = 1 + down[0];
    cp[0] = -up[0] / denom;
    f[o] /= denom;
    for (let i = 1; i < n; i++) {
      const lower = -down[i - 1];
      denom = 1 + (i < n - 1 ? down[i] : 0) + up[i - 1] - lower * cp[i - 1];
      cp[i] = i < n - 1 ? -up[i] / denom : 0;
      f[o + i] = (f[o + i] - lower * f[o + i - 1]) / denom;
    }
    for (let i = n - 2; i >= 0; i--) f[o + i] -= cp[i] * f[o + i + 1];
  }
}

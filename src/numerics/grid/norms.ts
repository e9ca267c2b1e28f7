/** Norms and moments of densities on a mesh: mass, means, variance, L1 and weighted L2, the w-marginal. */
import { Mesh } from './mesh.ts';
import { requireLength } from '../validate.ts';

/** ∫ g(v, w) f dv dw by the midpoint rule. */
export function integrateAgainst(m: Mesh, f: Float64Array, g: (v: number, w: number) => number): number {
  let s = 0;
  for (let j = 0; j < m.nw; j++) for (let i = 0; i < m.nv; i++) s += g(m.v[i], m.w[j]) * f[j * m.nv + i];
  return s * m.dv * m.dw;
}

/** Mass, means of v and w, and the variance of v (moments normalised by the mass). */
export function moments(m: Mesh, f: Float64Array): { mass: number; meanV: number; meanW: number; varianceV: number } {
  let mass = 0,
    sv = 0,
    sw = 0,
    svv = 0;
  for (let j = 0; j < m.nw; j++)
    for (let i = 0; i < m.nv; i++) {
      const x = f[j * m.nv + i];
      mass += x;
      sv += m.v[i] * x;
      sw += m.w[j] * x;
      svv += m.v[i] * m.v[i] * x;
    }
  const meanV = sv / mass;
  return { mass: mass * m.dv * m.dw, meanV, meanW: sw / mass, varianceV: svv / mass - meanV * meanV };
}

/** ||f - g||_{L^1} on the same mesh. */
export function l1Distance(m: Mesh, f: Float64Array, g: Float64Array): number {
  requireLength('g', g, f.length);
  let s = 0;
  for (let k = 0; k < f.length; k++) s += Math.abs(f[k] - g[k]);
  return s * m.dv * m.dw;
}

/** ||f - g||_{L^2(weight)} = (∫ |f - g|^2 weight)^(1/2), weight sampled at the cell centres. */
export function weightedL2Distance(m: Mesh, f: Float64Array, g: Float64Array, weight: Float64Array): number {
  requireLength('g', g, f.length);
  requireLength('weight', weight, f.length);
  let s = 0;
  for (let k = 0; k < f.length; k++) s += (f[k] - g[k]) ** 2 * weight[k];
  return Math.sqrt(s * m.dv * m.dw);
}

/** The marginal ∫ f dv on the w-cells. */
export function marginalW(m: Mesh, f: Float64Array): Float64Array {
  const out = new Float64Array(m.nw);
  for (let j = 0; j < m.nw; j++) {
    let s = 0;
    for (let i = 0; i < m.nv; i++) s += f[j * m.nv + i];
    out[j] = s * m.dv;
  }
  return out;
}

/** The marginal ∫ f dw on the v-cells. */
export function marginalV(m: Mesh, f: Float64Array, out = new Float64Array(m.nv)): Float64Array {
  out.fill(0);
  for (let j = 0; j < m.nw; j++) for (let i = 0; i < m.nv; i++) out[i] += f[j * m.nv + i];
  for (let i = 0; i < m.nv; i++) out[i] *= m.dw;
  return out;
}

/** Bilinear interpolation of a mesh density at (v, w); zero outside the box. */
export function interpolate(m: Mesh, f: Float64Array, v: number, w: number): number {
  const x = (v - m.vmin) / m.dv - 0.5;
  const y = (w - m.wmin) / m.dw - 0.5;
  if (x < -0.5 || y < -0.5 || x > m.nv - 0.5 || y > m.nw - 0.5) return 0;
  const i = Math.min(Math.max(Math.floor(x), 0), m.nv - 2);
  const j = Math.min(Math.max(Math.floor(y), 0), m.nw - 2);
  const a = Math.min(Math.max(x - i, 0), 1);
  const b = Math.min(Math.max(y - j, 0), 1);
  const at = (ii: number, jj: number) => f[jj * m.nv + ii];
  return (1 - a) * (1 - b) * at(i, j) + a * (1 - b) * at(i + 1, j) + (1 - a) * b * at(i, j + 1) + a * b * at(i + 1, j + 1);
}

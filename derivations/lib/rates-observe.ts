/**
 * What the rates study measures on (1.10) solved in the z-frame (rates-model.ts), in the paper's
 * norms and variables: the marginal distance of Theorem 4.1 (3) in L^2(mbar), the L^1 distance to
 * M_rho0 ⊗ nubar of Theorem 3.2, the centred moments D_q[mu^eps] and the error term E(mu^eps) of
 * Theorem 2.7 with their values on the concentration profile, and ||nu_perp||_{L^2(m^eps)} of
 * Proposition 4.10. The Maxwellian is the discrete one (sampled, normalised on the mesh), so that
 * nu_perp has exactly zero marginal.
 */
import { marginalW } from '../../src/numerics/index.ts';
import type { ZFrameModel } from './rates-model.ts';

/** N(v) = v - v^3 (fhn.ts). */
const N = (v: number) => v - v * v * v;

/** kappa of the weights mbar and m^eps of (4.1), in (1/(2b), infinity) as (4.3) asks. */
export const KAPPA = 1;

/** The discrete Maxwellian M_rho0 on the v-cells of the model, normalised to sum M dv = 1. */
export function discreteMaxwellian(model: ZFrameModel, k: number): Float64Array {
  const { mesh } = model;
  const rho = model.cells[k].rho0;
  const M = Float64Array.from(mesh.v, (v) => Math.exp((-rho * v * v) / 2));
  const s = M.reduce((a, b) => a + b, 0) * mesh.dv;
  return M.map((x) => x / s);
}

/** ∫ phi(v) M_rho0(v) dv with the discrete Maxwellian. */
function maxwellianAverage(model: ZFrameModel, k: number, phi: (v: number) => number): number {
  const M = discreteMaxwellian(model, k);
  let s = 0;
  for (let i = 0; i < M.length; i++) s += phi(model.mesh.v[i]) * M[i];
  return s * model.mesh.dv;
}

/** ∫ phi(v) g dv dz / ∫ g: an average over the density of box k. */
function densityAverage(model: ZFrameModel, k: number, phi: (v: number) => number): number {
  const { mesh } = model;
  const f = model.boxes[k];
  let s = 0;
  let mass = 0;
  for (let j = 0; j < mesh.nw; j++)
    for (let i = 0; i < mesh.nv; i++) {
      s += phi(mesh.v[i]) * f[j * mesh.nv + i];
      mass += f[j * mesh.nv + i];
    }
  return s / mass;
}

/** ||nubar^eps(t) - nubar(t)||_{L^2(mbar)} in w, from the marginals in z (nubar in z is its initial marginal). */
export function marginalDistance(model: ZFrameModel, k: number, t: number, limitMarginal: Float64Array): number {
  const { mesh } = model;
  const c = model.contraction(t);
  const g = marginalW(mesh, model.boxes[k]);
  // nu(w) = e^{bt} g(e^{bt} w): ∫ |.|^2 mbar(w) dw = e^{bt} ∫ |.|^2 mbar(e^{-bt} z) dz
  let s = 0;
  for (let j = 0; j < mesh.nw; j++) s += (g[j] - limitMarginal[j]) ** 2 * Math.sqrt((2 * Math.PI) / KAPPA) * Math.exp((KAPPA * (c * mesh.w[j]) ** 2) / 2);
  return Math.sqrt((s * mesh.dw) / c);
}

/** ||nu^eps(t) - M_rho0 ⊗ nubar(t)||_{L^1} (the L^1 norm is the same in z), nubar the limit. */
export function l1ToProfile(model: ZFrameModel, k: number, limitMarginal: Float64Array): number {
  const { mesh } = model;
  const M = discreteMaxwellian(model, k);
  const f = model.boxes[k];
  let s = 0;
  for (let j = 0; j < mesh.nw; j++) for (let i = 0; i < mesh.nv; i++) s += Math.abs(f[j * mesh.nv + i] - M[i] * limitMarginal[j]);
  return s * mesh.dv * mesh.dw;
}

/** D_q[mu^eps](t) = ∫ |v - V^eps|^q mu^eps = theta^q ∫ |v|^q nu^eps (Theorem 2.7 (3)), and its value theta^q ∫ |v|^q M_rho0 on the profile. */
export function centredMoment(model: ZFrameModel, k: number, t: number, q: number): { value: number; profile: number } {
  const th = model.theta(k, t);
  return { value: th ** q * densityAverage(model, k, (v) => Math.abs(v) ** q), profile: th ** q * maxwellianAverage(model, k, (v) => Math.abs(v) ** q) };
}

/** E(mu^eps)(t) of (1.4) (Theorem 2.7 (4)), and its value ∫ N(V + theta v) M_rho0 dv - N(V) on the profile. */
export function errorTermAndProfile(model: ZFrameModel, k: number, t: number): { value: number; profile: number } {
  const th = model.theta(k, t);
  const V = model.V[k];
  return { value: model.errorTerm(k, t), profile: maxwellianAverage(model, k, (v) => N(V + th * v)) - N(V) };
}

/** ||nu_perp||_{L^2(m^eps)}, nu_perp = nu^eps - M_rho0 ⊗ nubar^eps (Proposition 4.10), m^eps of (4.1) with KAPPA. */
export function perpNorm(model: ZFrameModel, k: number, t: number): number {
  const { mesh } = model;
  const rho = model.cells[k].rho0;
  const M = discreteMaxwellian(model, k);
  const f = model.boxes[k];
  const g = marginalW(mesh, f);
  const c = model.contraction(t);
  let s = 0;
  for (let j = 0; j < mesh.nw; j++) {
    const w = c * mesh.w[j];
    for (let i = 0; i < mesh.nv; i++) {
      const v = mesh.v[i];
      const weight = ((2 * Math.PI) / (Math.sqrt(rho) * KAPPA)) * Math.exp((rho * v * v + KAPPA * w * w) / 2);
      s += (f[j * mesh.nv + i] - M[i] * g[j]) ** 2 * weight;
    }
  }
  return Math.sqrt((s * mesh.dv * mesh.dw) / c);
}

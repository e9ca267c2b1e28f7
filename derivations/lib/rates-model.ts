/**
 * (1.10) for the rates study, in variables where the limit does not move: z = e^{bt} w. The limit
 * (1.9), d_t nubar - b d_w(w nubar) = 0, has the exact solution nubar(t, w) = e^{bt} nubar0(e^{bt} w)
 * (claim eq-1.9-solution), so in z its marginal is nubar0(z) at every time and a grid fixed in z
 * resolves it exactly. With g(t, v, z) = e^{-bt} nu(t, v, e^{-bt} z), (1.10) becomes
 *   d_t g + d_v(b_v g) + d_z(e^{bt} (b_w + b w) g) = (1/theta^2) d_v[rho0 v g + d_v g],
 * and e^{bt}(b_w + b w) = e^{bt} a theta v does not depend on z: each v-column is shifted in z,
 * exactly in time, by the conservative semi-Lagrangian scheme. The part of b_v that is constant
 * along a w-line (-(w + E)/theta, O(1/theta)) is folded into the centre of the implicit stiff part,
 * so only b_v(v, w) - b_v(0, w) (bounded) is explicit. Velocities come from the generated kernel
 * of (1.7), theta and its integral I(t) from the generated closed forms (1.11).
 */
import {
  Mesh,
  createMesh,
  sampleOnMesh,
  integrateAgainst,
  couplingMatrix,
  nonlocalSums,
  NetworkCell,
  requirePositive,
  NumericInputError,
  SplitGridModel,
  SplitBoxStep,
  FacePoints,
} from '../../src/numerics/index.ts';
import { rescaledTransportV, rescaledTransportW, momentRateV, momentRateW } from '../../src/generated/particles.ts';
import { theta2ClosedForm, integralI } from '../../src/generated/rescaling.ts';
import { defaultAdaptation, defaultKernel, initialData, initialDensity, initialMeanV, initialMeanW } from './fhn.ts';

/** N(v) = v - v^3 (fhn.ts). */
const N = (v: number) => v - v * v * v;

/** The data of a run in the z-frame. */
export interface ZFrameSetup {
  readonly eps: number;
  readonly cells: readonly NetworkCell[];
  readonly nv: number;
  readonly nz: number;
  /** Half-width of the v-box (rescaled v); default 5 / sqrt(min rho0). */
  readonly vHalfWidth?: number;
  /** Half-width of the z-box; default 1.5 (5 standard deviations of the initial w-law). */
  readonly zHalfWidth?: number;
  /** mu0(x, v, w) in the original variables; default the ill-prepared data of fhn.ts. */
  readonly initial?: (x: number, v: number, w: number) => number;
  /** Switch the transport off (both b_v and the z-shift): the stiff Ornstein–Uhlenbeck relaxation alone. */
  readonly stiffOnly?: boolean;
}

/** The state besides g: V, W per point of K, theta, and the frame. */
export interface ZFrameModel extends SplitGridModel {
  readonly cells: readonly NetworkCell[];
  readonly eps: number;
  readonly V: Float64Array;
  readonly W: Float64Array;
  theta(k: number, t: number): number;
  /** e^{-bt}: w = e^{-bt} z. */
  contraction(t: number): number;
  /** E(mu^eps) of (1.4) at point k from the current density. */
  errorTerm(k: number, t: number): number;
}

/**
 * Initial data correlated between v and w, for a point x with density rho0: in v a Gaussian of
 * variance 1/rho0 (the Maxwellian's, but theta(0) = 1: not concentrated, so still ill-prepared)
 * centred at V0(x) + shift(w - W0(x)); in w fhn.ts's Gaussian. Its nu_perp is then mostly the
 * first Hermite mode in v.
 */
export function correlatedInitialDensity(rho0: (x: number) => number, shift: (dw: number) => number): (x: number, v: number, w: number) => number {
  const gauss = (z: number, sd: number) => Math.exp(-0.5 * (z / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
  return (x, v, w) => gauss(v - initialMeanV(x) - shift(w - initialMeanW(x)), 1 / Math.sqrt(rho0(x))) * gauss(w - initialMeanW(x), initialData.sdW);
}

/** (1.10) in (v, z = e^{bt} w) on a fixed box, with V, W of (1.3) advanced by Heun's method. */
export function zFrameEquation(s: ZFrameSetup): ZFrameModel {
  const eps = requirePositive('eps', s.eps);
  const cells = s.cells;
  if (cells.length === 0) throw new NumericInputError('cells must list at least one point of K');
  const { a, b, c } = defaultAdaptation;
  const mStar = Math.min(...cells.map((cell) => cell.rho0));
  const vh = requirePositive('vHalfWidth', s.vHalfWidth ?? 5 / Math.sqrt(mStar));
  const zh = requirePositive('zHalfWidth', s.zHalfWidth ?? 1.5);
  const mesh: Mesh = createMesh({ nv: s.nv, nw: s.nz, vmin: -vh, vmax: vh, wmin: -zh, wmax: zh });
  const coupling = couplingMatrix(cells, defaultKernel);
  const initial = s.initial ?? initialDensity;
  const V = Float64Array.from(cells, (cell) => initialMeanV(cell.x));
  const W = Float64Array.from(cells, (cell) => initialMeanW(cell.x));
  // theta(0) = 1 and z = w at t = 0: g0(v, z) = mu0(V0 + v, W0 + z)
  const boxes = cells.map((cell, k) => sampleOnMesh(mesh, (v, z) => initial(cell.x, V[k] + v, W[k] + z)));
  const theta = (k: number, t: number) => Math.sqrt(theta2ClosedForm(t, eps, cells[k].rho0));
  const contraction = (t: number) => Math.exp(-b * t);
  requireAffineAdaptation(a, b);
  const errorTerm = (k: number, t: number, Vk = V[k]) => {
    const th = theta(k, t);
    const mass = integrateAgainst(mesh, boxes[k], () => 1);
    return integrateAgainst(mesh, boxes[k], (v) => N(Vk + th * v)) / mass - N(Vk);
  };
  const rates = (Vs: ArrayLike<number>, Ws: ArrayLike<number>, E: ArrayLike<number>) => {
    const { PsiRho, PsiRhoV } = nonlocalSums(coupling, Vs);
    return cells.map((_, k) => ({ dV: momentRateV(Vs[k], Ws[k], E[k], PsiRho[k], PsiRhoV[k]), dW: momentRateW(Vs[k], Ws[k], a, b, c) }));
  };
  let E0 = new Float64Array(cells.length);
  const kernel = transportOn(mesh, a, b);
  return {
    mesh,
    boxes,
    cells,
    eps,
    V,
    W,
    theta,
    contraction,
    errorTerm: (k, t) => errorTerm(k, t),
    coefficients(t: number, faces: FacePoints): SplitBoxStep[] {
      E0 = Float64Array.from(cells, (_, k) => errorTerm(k, t));
      const { PsiRho } = nonlocalSums(coupling, V);
      return cells.map((cell, k) => {
        const at = (tt: number) => ({ theta: theta(k, tt), V: V[k], E: E0[k], PsiRho: PsiRho[k], contraction: contraction(tt) });
        // Simpson's rule over [t, t + dt] of a per-line or per-column quantity
        const simpson = (dt: number, q: (p: ReturnType<typeof at>) => Float64Array) => {
          const [q0, q1, q2] = [q(at(t)), q(at(t + dt / 2)), q(at(t + dt))];
          return q0.map((x, i) => (x + 4 * q1[i] + q2[i]) / 6);
        };
        // explicit part: b_v(v, w) - b_v(0, w) on the v-faces of each w-line
        const bv = new Float64Array(faces.vFaceV.length);
        if (!s.stiffOnly) {
          const [onFaces, onLines] = [kernel.faces(at(t)), kernel.lines(at(t))];
          for (let j = 0; j < mesh.nw; j++) for (let i = 0; i <= mesh.nv; i++) bv[j * (mesh.nv + 1) + i] = onFaces[j * (mesh.nv + 1) + i] - onLines[j];
        }
        return {
          bv,
          // the z-distance int_t^{t+dt} e^{bs} (b_w + b w) ds of each v-column
          shiftW: (dt) => (s.stiffOnly ? new Float64Array(mesh.nv) : simpson(dt, kernel.columns).map((u) => u * dt)),
          stiff(dt) {
            const D = (integralI(t + dt, eps, cell.rho0) - integralI(t, eps, cell.rho0)) / dt;
            // the constant-in-v drift beta_j folded into the centre: D alpha c_j = beta_j (averaged over the step)
            const centres = s.stiffOnly ? new Float64Array(mesh.nw) : simpson(dt, kernel.lines).map((beta) => beta / (D * cell.rho0));
            return { D, alpha: cell.rho0, centres };
          },
        };
      });
    },
    afterStep(t, dt) {
      // Heun: rates at t (E0, V), then at t + dt from the new density and the predicted V
      const r0 = rates(V, W, E0);
      const Vp = V.map((x, k) => x + dt * r0[k].dV);
      const Wp = W.map((x, k) => x + dt * r0[k].dW);
      const r1 = rates(
        Vp,
        Wp,
        Float64Array.from(cells, (_, k) => errorTerm(k, t + dt, Vp[k])),
      );
      cells.forEach((_, k) => {
        V[k] += (dt / 2) * (r0[k].dV + r1[k].dV);
        W[k] += (dt / 2) * (r0[k].dW + r1[k].dW);
      });
    },
  };
}

/** The generated velocities of (1.7) on the mesh: b_v on the v-faces, b_v(0, w_j) per w-line, and the z-speed e^{bt}(b_w + b w) per v-column. */
function transportOn(mesh: Mesh, a: number, b: number) {
  const nvf = mesh.nv + 1;
  const faceV = new Float64Array(nvf * mesh.nw);
  for (let j = 0; j < mesh.nw; j++) for (let i = 0; i < nvf; i++) faceV[j * nvf + i] = mesh.vmin + i * mesh.dv;
  const faceW = new Float64Array(faceV.length);
  const zerosW = new Float64Array(mesh.nw);
  const lineW = new Float64Array(mesh.nw);
  const zerosV = new Float64Array(mesh.nv);
  /** The moment values at one time (theta, V, E, Psi*rho0) and the contraction e^{-bt}. */
  type At = { theta: number; V: number; E: number; PsiRho: number; contraction: number };
  return {
    faces(p: At): Float64Array {
      for (let j = 0; j < mesh.nw; j++) faceW.fill(p.contraction * mesh.w[j], j * nvf, (j + 1) * nvf);
      const bv = new Float64Array(faceV.length);
      rescaledTransportV(faceV.length, bv, faceV, faceW, p.theta, p.V, p.E, p.PsiRho);
      return bv;
    },
    lines(p: At): Float64Array {
      for (let j = 0; j < mesh.nw; j++) lineW[j] = p.contraction * mesh.w[j];
      const bv = new Float64Array(mesh.nw);
      rescaledTransportV(mesh.nw, bv, zerosW, lineW, p.theta, p.V, p.E, p.PsiRho);
      return bv;
    },
    columns(p: At): Float64Array {
      const bw = new Float64Array(mesh.nv);
      rescaledTransportW(mesh.nv, bw, mesh.v, zerosV, p.theta, a, b);
      for (let i = 0; i < mesh.nv; i++) bw[i] /= p.contraction;
      return bw;
    },
  };
}

/** The z-frame needs b_w affine in w with slope -b (A_0 = a theta v - b w): checked on the generated kernel. */
function requireAffineAdaptation(a: number, b: number): void {
  const v = Float64Array.of(0.7, -1.3);
  const w = Float64Array.of(0, 0);
  const w1 = Float64Array.of(1, 1);
  const [bw, bw1] = [new Float64Array(2), new Float64Array(2)];
  rescaledTransportW(2, bw, v, w, 0.5, a, b);
  rescaledTransportW(2, bw1, v, w1, 0.5, a, b);
  for (let i = 0; i < 2; i++)
    if (Math.abs(bw1[i] - bw[i] + b) > 1e-12)
      throw new NumericInputError(`the z-frame needs b_w affine in w with slope -b = ${-b}; the kernel gives ${bw1[i] - bw[i]}`);
}

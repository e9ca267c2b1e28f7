/**
 * The FitzHugh–Nagumo kinetic equation on grids: (1.2) in the original variables and (1.10) in
 * the rescaled ones, one (v, w) box per point of K, driven by the generated kernels (the drift of
 * (1.2), b0 of (1.7), the moment rates of (1.3), theta of (1.11)) and the generic solver.
 */
import {
  GridModel,
  BoxStep,
  FacePoints,
  Mesh,
  createMesh,
  sampleOnMesh,
  moments,
  marginalV,
  interpolate,
  couplingMatrix,
  nonlocalSums,
  NetworkCell,
  requirePositive,
} from '../../src/numerics/index.ts';
import { particleDrift, rescaledTransportV, rescaledTransportW, momentRateV, momentRateW } from '../../src/generated/particles.ts';
import { theta2ClosedForm } from '../../src/generated/rescaling.ts';
import { defaultAdaptation, defaultKernel, initialDensity, initialMeanV, initialMeanW } from './fhn.ts';
import { defaultCells } from './network.ts';

/** The data of a kinetic run: eps, the points of K, the grid. */
export interface KineticSetup {
  readonly eps: number;
  readonly cells?: number;
  readonly nv: number;
  readonly nw: number;
  readonly rho0?: (x: number) => number;
  /** Half-width of the w-range of the rescaled box (default 2.2). */
  readonly wHalfWidth?: number;
}

/** N(v) = v - v^3. */
const N = (v: number) => v - v * v * v;

/** A loop kernel that fills one velocity component at n points (v, w). */
type ComponentKernel = (n: number, out: Float64Array, v: Float64Array, w: Float64Array) => void;

/** Face velocities of box k (bv at the v-faces, bw at the w-faces) into arrays kept per box (valid until the next step's coefficients). */
function faceVelocityBuffers(
  boxes: number,
): (faces: FacePoints, k: number, alongV: ComponentKernel, alongW: ComponentKernel) => { bv: Float64Array; bw: Float64Array } {
  const kept: { bv: Float64Array; bw: Float64Array }[] = [];
  return (faces, k, alongV, alongW) => {
    const nv = faces.vFaceV.length;
    const nw = faces.wFaceV.length;
    if (kept.length !== boxes || kept[k].bv.length !== nv || kept[k].bw.length !== nw)
      kept.splice(0, kept.length, ...Array.from({ length: boxes }, () => ({ bv: new Float64Array(nv), bw: new Float64Array(nw) })));
    alongV(nv, kept[k].bv, faces.vFaceV, faces.vFaceW);
    alongW(nw, kept[k].bw, faces.wFaceV, faces.wFaceW);
    return kept[k];
  };
}

/** The two components from a kernel that fills (bv, bw) together: the one not wanted goes to scratch. */
function componentsOf(fill: (n: number, bv: Float64Array, bw: Float64Array, v: Float64Array, w: Float64Array) => void): [ComponentKernel, ComponentKernel] {
  let spare = new Float64Array(0);
  const room = (n: number) => {
    if (spare.length < n) spare = new Float64Array(n);
    return spare;
  };
  return [(n, out, v, w) => fill(n, out, room(n), v, w), (n, out, v, w) => fill(n, room(n), out, v, w)];
}

/** Common set-up: cells, coupling, validated eps. */
function setup(s: KineticSetup): { cells: NetworkCell[]; coupling: Float64Array; eps: number } {
  const eps = requirePositive('eps', s.eps);
  const cells = defaultCells(s.cells ?? 4, s.rho0);
  return { cells, coupling: couplingMatrix(cells, defaultKernel), eps };
}

/** (1.2) on the box v in [-2.6, 2.6], w in [-1.6, 2.4]: a grid model plus its cells. */
export function originalEquation(s: KineticSetup): GridModel & { cells: NetworkCell[] } {
  const { cells, coupling, eps } = setup(s);
  const { a, b, c } = defaultAdaptation;
  const mesh = createMesh({ nv: s.nv, nw: s.nw, vmin: -2.6, vmax: 2.6, wmin: -1.6, wmax: 2.4 });
  const boxes = cells.map((cell) => sampleOnMesh(mesh, (v, w) => initialDensity(cell.x, v, w)));
  const velocities = faceVelocityBuffers(cells.length);
  return {
    mesh,
    boxes,
    cells,
    coefficients(_t, faces): BoxStep[] {
      const V = boxes.map((f) => moments(mesh, f).meanV);
      const { PsiRho, PsiRhoV } = nonlocalSums(coupling, V);
      return cells.map((cell, k) => ({
        velocities: velocities(faces, k, ...componentsOf((n, bv, bw, v, w) => particleDrift(n, bv, bw, v, w, PsiRho[k], PsiRhoV[k], a, b, c))),
        stiff: { D: 1, alpha: cell.rho0 / eps, centre: V[k] },
      }));
    },
  };
}

/** The rescaled state besides nu: V, W of (1.3) per point of K, and theta of (1.11). */
export interface RescaledState {
  readonly V: Float64Array;
  readonly W: Float64Array;
  theta(k: number, t: number): number;
  /** mu(v, w) = (1/theta) nu((v - V)/theta, w - W) on another mesh: (1.6) inverted. */
  toOriginal(k: number, t: number, target: Mesh): Float64Array;
}

/** (1.10) on the fixed box v in [-6, 6], w in [-2.2, 2.2] (or +-wHalfWidth), with V, W advanced by (1.3) and E from nu. */
export function rescaledEquation(s: KineticSetup): GridModel & RescaledState & { cells: NetworkCell[] } {
  const { cells, coupling, eps } = setup(s);
  const { a, b, c } = defaultAdaptation;
  const wh = s.wHalfWidth ?? 2.2;
  const mesh = createMesh({ nv: s.nv, nw: s.nw, vmin: -6, vmax: 6, wmin: -wh, wmax: wh });
  const V = Float64Array.from(cells, (cell) => initialMeanV(cell.x));
  const W = Float64Array.from(cells, (cell) => initialMeanW(cell.x));
  // theta(0) = 1: nu0(v, w) = mu0(V0 + v, W0 + w)
  const boxes = cells.map((cell, k) => sampleOnMesh(mesh, (v, w) => initialDensity(cell.x, V[k] + v, W[k] + w)));
  const theta = (k: number, t: number) => Math.sqrt(theta2ClosedForm(t, eps, cells[k].rho0));
  let rates: { dV: number; dW: number }[] = [];
  const velocities = faceVelocityBuffers(cells.length);
  const column = new Float64Array(mesh.nv);
  return {
    mesh,
    boxes,
    cells,
    V,
    W,
    theta,
    coefficients(t, faces): BoxStep[] {
      const { PsiRho, PsiRhoV } = nonlocalSums(coupling, V);
      const steps = cells.map((cell, k) => {
        const th = theta(k, t);
        // E = ∫ N(V + theta v) nu / ∫ nu - N(V), through the v-marginal of nu
        marginalV(mesh, boxes[k], column);
        let mass = 0;
        let nMean = 0;
        for (let i = 0; i < mesh.nv; i++) {
          mass += column[i];
          nMean += N(V[k] + th * mesh.v[i]) * column[i];
        }
        const E = nMean / mass - N(V[k]);
        return {
          E,
          step: {
            velocities: velocities(
              faces,
              k,
              (n, bv, v, w) => rescaledTransportV(n, bv, v, w, th, V[k], E, PsiRho[k]),
              (n, bw, v, w) => rescaledTransportW(n, bw, v, w, th, a, b),
            ),
            stiff: { D: 1 / (th * th), alpha: cell.rho0, centre: 0 },
          },
        };
      });
      rates = steps.map(({ E }, k) => ({ dV: momentRateV(V[k], W[k], E, PsiRho[k], PsiRhoV[k]), dW: momentRateW(V[k], W[k], a, b, c) }));
      return steps.map((x) => x.step);
    },
    afterStep(_t, dt) {
      rates.forEach((r, k) => {
        V[k] += dt * r.dV;
        W[k] += dt * r.dW;
      });
    },
    toOriginal(k, t, target) {
      const th = theta(k, t);
      return sampleOnMesh(target, (v, w) => interpolate(mesh, boxes[k], (v - V[k]) / th, w - W[k]) / th);
    },
  };
}

/**
 * Advance densities on several boxes (one per point of a discretised K) by Lie splitting:
 * explicit upwind transport, then the implicit stiff v-part. The caller supplies, per box and
 * per step, the face velocities and the stiff coefficients (they may depend on all boxes).
 */
import { Mesh, FacePoints, facePoints } from './mesh.ts';
import { FaceVelocities, transportStep, transportStepBound } from './transport.ts';
import { StiffCoefficients, stiffStep } from './stiff.ts';
import { NumericInputError, requirePositive } from '../validate.ts';
import type { OnProgress } from '../progress.ts';
import { marchToStops } from './march.ts';

/** What one box needs for a step. */
export interface BoxStep {
  readonly velocities: FaceVelocities;
  readonly stiff: StiffCoefficients;
}

/** The model side of a run: per-step coefficients, and what to do after each step (advance ODEs...). */
export interface GridModel {
  readonly mesh: Mesh;
  readonly boxes: Float64Array[];
  /** Coefficients of every box at time t (may read every box). */
  coefficients(t: number, faces: FacePoints): BoxStep[];
  /** Called after each step with the step taken (to advance coupled ODEs). */
  afterStep?(t: number, dt: number): void;
}

/** How to step: a fixed dt (refused beyond the CFL bound) or a CFL fraction with a maximum step. */
export interface GridRunSpec {
  readonly tEnd: number;
  readonly dt?: number;
  readonly cfl?: number;
  readonly maxDt?: number;
  /** 1: upwind (default); 2: minmod-limited MUSCL with Heun, CFL bound halved. */
  readonly transportOrder?: 1 | 2;
  readonly sampleTimes?: readonly number[];
  readonly onSample?: (t: number) => void;
  readonly onProgress?: OnProgress;
}

/** What a run did: steps, and the mass that left each box through its edges. */
export interface GridRunReport {
  readonly steps: number;
  readonly outflow: number[];
  readonly minDt: number;
}

/** Run the model to tEnd; sample times are hit exactly. */
export function runGrid(model: GridModel, spec: GridRunSpec): GridRunReport {
  requirePositive('tEnd', spec.tEnd);
  if (spec.dt === undefined && spec.cfl === undefined) throw new NumericInputError('give a fixed dt or a cfl fraction');
  if (spec.dt !== undefined) requirePositive('dt', spec.dt);
  if (spec.cfl !== undefined && !(spec.cfl > 0 && spec.cfl <= 1)) throw new NumericInputError(`cfl must be in (0, 1], got ${spec.cfl}`);
  const faces = facePoints(model.mesh);
  const outflow = model.boxes.map(() => 0);
  const scratch = new Float64Array(model.boxes[0].length);
  const { steps, minDt } = marchToStops(spec, (t, stop) => {
    const coeffs = model.coefficients(t, faces);
    const bounds = coeffs.map((c) => transportStepBound(model.mesh, c.velocities));
    let dt = spec.dt ?? Number.POSITIVE_INFINITY;
    if (spec.cfl !== undefined) dt = Math.min(spec.maxDt ?? Number.POSITIVE_INFINITY, spec.cfl * (Math.min(...bounds) / (spec.transportOrder ?? 1)));
    dt = Math.min(dt, stop - t);
    coeffs.forEach((c, k) => {
      outflow[k] += transportStep(model.mesh, model.boxes[k], c.velocities, dt, scratch, spec.transportOrder ?? 1, bounds[k]);
      stiffStep(model.mesh, model.boxes[k], c.stiff, dt);
    });
    model.afterStep?.(t, dt);
    return dt;
  });
  return { steps, outflow, minDt };
}

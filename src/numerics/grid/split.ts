/**
 * A Lie-split runner for kinetic equations whose w-velocity does not depend on w and whose stiff
 * v-part may carry a line-dependent centre: per step, explicit transport in v (upwind or limited
 * MUSCL, CFL-bounded), the implicit Scharfetter–Gummel stiff part with one centre per w-line, then
 * an exact-in-time conservative semi-Lagrangian shift in w (no CFL bound). The shift comes after
 * the stiff step so that the flux in w sees the relaxed (quasi-steady) first moment in v. The
 * splitting is first order in dt: a column shifted by its own speed for a whole step spreads in w
 * more than a relaxing one would (callers estimate this error by halving dt, e.g. Richardson).
 * The caller chooses the step size as a function of time (e.g. following an initial layer),
 * capped by the CFL bound of the v-transport.
 */
import { FacePoints, facePoints } from './mesh.ts';
import type { GridModel } from './solver.ts';
import { transportStep, transportStepBound, FaceVelocities } from './transport.ts';
import { remapAlongW, RemapOrder } from './remap.ts';
import { LineStiffCoefficients, stiffStepPerLine } from './stiff-lines.ts';
import { NumericInputError, requirePositive } from '../validate.ts';
import type { OnProgress } from '../progress.ts';
import { marchToStops, reaches } from './march.ts';

/** What one box needs for the step from t. */
export interface SplitBoxStep {
  /** Velocities on the v-faces at time t ((nv + 1) nw, indexed as in facePoints). */
  readonly bv: Float64Array;
  /** The distance each v-column moves in w over [t, t + dt] (nv entries). */
  shiftW(dt: number): ArrayLike<number>;
  /** The stiff coefficients over [t, t + dt] (D averaged over the step, so that D dt is exact). */
  stiff(dt: number): LineStiffCoefficients;
}

/** The model side of a split run: as a GridModel of solver.ts, with split coefficients per box. */
export type SplitGridModel = Omit<GridModel, 'coefficients'> & {
  /** Coefficients of every box at time t (may read every box). */
  coefficients(t: number, faces: FacePoints): SplitBoxStep[];
};

/** How to step: the step size wanted at time t, capped by cfl times the v-transport bound. */
export interface SplitRunSpec {
  readonly tEnd: number;
  readonly stepSize: (t: number) => number;
  readonly cfl?: number;
  /** 1: upwind; 2: minmod MUSCL with Heun (default). */
  readonly transportOrder?: 1 | 2;
  /** 6 (default): centred degree-6 primitive; 1: donor cell. */
  readonly remapOrder?: RemapOrder;
  readonly sampleTimes?: readonly number[];
  readonly onSample?: (t: number) => void;
  readonly onProgress?: OnProgress;
  /** Refuse a run that needs more steps than this (default 1e6). */
  readonly maxSteps?: number;
}

/** What a run did. */
export interface SplitRunReport {
  readonly steps: number;
  /** Mass that left each box through the edges (v by transport, w by the shift). */
  readonly outflow: number[];
  readonly minDt: number;
  readonly maxDt: number;
}

/** Run the split model to tEnd; sample times are hit exactly; a non-finite density is refused at each sample. */
export function runSplitGrid(model: SplitGridModel, spec: SplitRunSpec): SplitRunReport {
  requirePositive('tEnd', spec.tEnd);
  const cfl = spec.cfl ?? 0.9;
  if (!(cfl > 0 && cfl <= 1)) throw new NumericInputError(`cfl must be in (0, 1], got ${cfl}`);
  const order = spec.transportOrder ?? 2;
  const maxSteps = spec.maxSteps ?? 1_000_000;
  const { mesh } = model;
  const faces = facePoints(mesh);
  const zeroW = new Float64Array(mesh.nv * (mesh.nw + 1));
  const outflow = model.boxes.map(() => 0);
  const scratch = new Float64Array(model.boxes[0].length);
  const step = (t: number, stop: number, steps: number): number => {
    if (steps >= maxSteps)
      throw new NumericInputError(`runSplitGrid: more than ${maxSteps} steps before t = ${stop} (reached t = ${t}); raise the step size or maxSteps`);
    const coeffs = model.coefficients(t, faces);
    const velocities: FaceVelocities[] = coeffs.map((c) => ({ bv: c.bv, bw: zeroW }));
    const wanted = requirePositive(`stepSize(${t})`, spec.stepSize(t));
    const bounds = velocities.map((u) => transportStepBound(mesh, u));
    let dt = Math.min(wanted, cfl * (Math.min(...bounds) / order), stop - t);
    if (reaches(t, dt, stop)) dt = stop - t;
    coeffs.forEach((c, k) => {
      const f = model.boxes[k];
      outflow[k] += transportStep(mesh, f, velocities[k], dt, scratch, order, bounds[k]);
      stiffStepPerLine(mesh, f, c.stiff(dt), dt);
      outflow[k] += remapAlongW(mesh, f, c.shiftW(dt), spec.remapOrder ?? 6, scratch);
    });
    model.afterStep?.(t, dt);
    return dt;
  };
  const finite = (t: number) =>
    model.boxes.forEach((f, k) => {
      for (let i = 0; i < f.length; i++)
        if (!Number.isFinite(f[i])) throw new NumericInputError(`runSplitGrid: the density of box ${k} is not finite at t = ${t} (cell ${i}: ${f[i]})`);
    });
  const { steps, minDt, maxDt } = marchToStops(spec, step, finite);
  return { steps, outflow, minDt, maxDt };
}

/**
 * Mass and boundary accounting of a grid run: the mass through each face of the box integrated in
 * time (when it first passes the tolerance, and how much by the end), the mass made or lost inside
 * the box (a scheme that is not conservative or not positive), and the mass in the outer cells of
 * each face watched from the initial law on (a box too small for the law), with a box suggested
 * from the moments of the density. Every finding is a flag in the user's names: the variable, the
 * face, the time.
 */
import type { GridMesh } from './gridMesh.ts';

/** Outer cells watched along each face: this share of the cells of the axis, at least 2. */
export const OUTER_SHARE = 0.05;

/** One face's history: what left through it, when it first passed the tolerance; the mass in its outer cells and when that first passed it. */
interface FaceRecord {
  out: number;
  outAt: number | null;
  edge: number;
  edgeAt: number | null;
}

/** What a run's accounting found: numbers for simulation.json and the flags (each a sentence). */
export interface AccountingReport {
  readonly diagnostics: Record<string, number>;
  /** Each finding with a key (its kind and face) that is the same in every run that makes it. */
  readonly flags: { readonly key: string; readonly text: string }[];
}

const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(3) : x.toExponential(2));

/** The ledger of one run over all points of the population. */
export class MassLedger {
  private readonly faces: FaceRecord[][];
  private readonly mass0: number[];
  private readonly spread: { lo: number; hi: number }[];
  private readonly band: number[];
  private readonly volume: number;
  private inside = { worst: 0, at: 0 };
  private negative = { worst: 0, at: 0 };
  /** Per point, the mass that left through face 2 a + side in the current step (filled by the explicit step). */
  readonly stepOutflow: Float64Array[];

  constructor(
    private readonly m: GridMesh,
    initial: readonly Float64Array[],
    private readonly variables: readonly string[],
    private readonly tolerance: number,
  ) {
    this.volume = m.h.reduce((p, x) => p * x, 1);
    this.band = m.n.map((n) => Math.max(2, Math.ceil(OUTER_SHARE * n)));
    this.faces = initial.map(() => Array.from({ length: 2 * m.dims }, () => ({ out: 0, outAt: null, edge: 0, edgeAt: null })));
    this.mass0 = initial.map((f) => this.massOf(f));
    this.spread = m.lo.map(() => ({ lo: Number.POSITIVE_INFINITY, hi: Number.NEGATIVE_INFINITY }));
    this.stepOutflow = initial.map(() => new Float64Array(2 * m.dims));
    initial.forEach((f, k) => this.watch(k, f, 0));
  }

  /** The mass of the initial density of point k (the midpoint rule on the box). */
  initialMass(k: number): number {
    return this.mass0[k];
  }

  private massOf(f: Float64Array): number {
    let s = 0;
    for (let i = 0; i < f.length; i++) s += f[i];
    return s * this.volume;
  }

  /** After a step of point k ending at t: add the step's outflow through each face; note when a face first passes the tolerance. */
  afterStep(k: number, t: number): void {
    const out = this.stepOutflow[k];
    this.faces[k].forEach((face, i) => {
      face.out += out[i];
      if (face.outAt === null && Math.abs(face.out) > this.tolerance * this.mass0[k]) face.outAt = t;
    });
    out.fill(0);
  }

  /** At a watch time: the mass in the outer cells of each face, the mass made or lost inside, negative densities, the moments for a suggested box. */
  watch(k: number, f: Float64Array, t: number): void {
    const m = this.m;
    const mass0 = this.mass0[k];
    let total = 0;
    let lowest = 0;
    let peak = 0;
    const edge = new Float64Array(2 * m.dims);
    const sum = new Float64Array(m.dims);
    const sq = new Float64Array(m.dims);
    for (let c = 0; c < m.size; c++) {
      const x = f[c];
      total += x;
      if (x < lowest) lowest = x;
      if (x > peak) peak = x;
      for (let a = 0; a < m.dims; a++) {
        const i = a === 0 ? c % m.n[0] : Math.floor(c / m.n[0]);
        if (i < this.band[a]) edge[2 * a] += x;
        if (i >= m.n[a] - this.band[a]) edge[2 * a + 1] += x;
        const y = m.centres[a][c];
        sum[a] += x * y;
        sq[a] += x * y * y;
      }
    }
    const faces = this.faces[k];
    faces.forEach((face, i) => {
      face.edge = Math.max(face.edge, (edge[i] * this.volume) / mass0);
      if (face.edgeAt === null && face.edge > this.tolerance) face.edgeAt = t;
    });
    const left = faces.reduce((s, face) => s + face.out, 0);
    const inside = Math.abs(total * this.volume - (mass0 - left)) / mass0;
    if (inside > this.inside.worst) this.inside = { worst: inside, at: t };
    if (peak > 0 && -lowest / peak > this.negative.worst) this.negative = { worst: -lowest / peak, at: t };
    for (let a = 0; a < m.dims; a++) {
      const mean = sum[a] / total;
      const sd = Math.sqrt(Math.max(0, sq[a] / total - mean * mean));
      this.spread[a].lo = Math.min(this.spread[a].lo, mean - 6 * sd);
      this.spread[a].hi = Math.max(this.spread[a].hi, mean + 6 * sd);
    }
  }

  private faceName(i: number): string {
    const a = Math.floor(i / 2);
    const side = i % 2;
    return `${this.variables[a]} = ${fmt(side ? this.m.hi[a] : this.m.lo[a])}`;
  }

  /** A box that holds mean +- 6 sd of every watched density, and half the width more beyond each face whose outer cells held mass. */
  suggestedBox(): [number, number][] {
    return this.m.lo.map((lo, a) => {
      const hi = this.m.hi[a];
      const width = hi - lo;
      const hit = (side: number) => this.faces.some((p) => p[2 * a + side].edgeAt !== null || p[2 * a + side].outAt !== null);
      let l = Math.min(lo, this.spread[a].lo);
      let h = Math.max(hi, this.spread[a].hi);
      if (hit(0)) l = Math.min(l, lo - width / 2);
      if (hit(1)) h = Math.max(h, hi + width / 2);
      return [Number(l.toPrecision(3)), Number(h.toPrecision(3))];
    });
  }

  /** The flags of the run (named `which`: the reported run, its companion, the refined one) and its numbers. */
  report(which: string, tEnd: number): AccountingReport {
    const flags: { key: string; text: string }[] = [];
    const points = this.faces.length;
    const at = (k: number) => (points > 1 ? ` (point ${k} of the population)` : '');
    const box = () =>
      this.suggestedBox()
        .map(([l, h], a) => `${this.variables[a]} in [${l}, ${h}]`)
        .join(', ');
    let lost = 0;
    let edgeWorst = 0;
    this.faces.forEach((faces, k) =>
      faces.forEach((face, i) => {
        lost = Math.max(lost, Math.abs(face.out) / this.mass0[k]);
        edgeWorst = Math.max(edgeWorst, face.edge);
        if (face.outAt !== null)
          flags.push({
            key: `out ${k} ${i}`,
            text: `${which}: mass ${face.out >= 0 ? 'left' : 'came in'} through the face ${this.faceName(i)}${at(k)}: past the tolerance ${fmt(this.tolerance)} at t = ${fmt(face.outAt)}, ${fmt(Math.abs(face.out) / this.mass0[k])} of the mass by t = ${fmt(tEnd)}; the box is too small for this drift: try ${box()}`,
          });
        else if (face.edgeAt !== null)
          flags.push({
            key: `edge ${k} ${i}`,
            text: `${which}: the outer cells at the face ${this.faceName(i)}${at(k)} hold ${fmt(face.edge)} of the mass (from t = ${fmt(face.edgeAt)}; tolerance ${fmt(this.tolerance)}): the box is too small for the law, and its edge changes the solution; try ${box()}`,
          });
      }),
    );
    if (this.inside.worst > this.tolerance)
      flags.push({
        key: 'inside',
        text: `${which}: the mass changed by ${fmt(this.inside.worst)} inside the box by t = ${fmt(this.inside.at)} (not through its faces): the scheme lost conservation`,
      });
    if (this.negative.worst > this.tolerance)
      flags.push({ key: 'negative', text: `${which}: the density went negative (${fmt(-this.negative.worst)} of its peak at t = ${fmt(this.negative.at)})` });
    return {
      diagnostics: { massLost: lost, outerCellMass: edgeWorst, massChangeInside: this.inside.worst, negativeDensity: this.negative.worst },
      flags,
    };
  }
}

/**
 * Adversarial search: the smallest value of an objective over a region (the margin of an
 * inequality, the ratio of a derived bound to a printed one), by multi-start Nelder–Mead in the
 * unit cube the region is mapped from. Starts: the corners of the cube (where the extremes of a
 * hypothesis sit: eps -> 0, t -> oo, kappa -> 1/(2b)), its faces and their neighbourhoods, its
 * centre, seeded quasi-random points (also read on a log scale) and axis sweeps; the best starts
 * are refined. Deterministic for a given seed.
 *
 * Our own Nelder–Mead rather than a package: the one on npm (fmin 0.0.4) is unconstrained and
 * unmaintained; the cube needs clamping, and the method is forty lines.
 */
import { Region, Sample, pointAt, unitOf, describeRegion } from './region.ts';
import { seededRandom } from '../cas/index.ts';

/** Search effort and seed. */
export interface SearchOptions {
  /** Quasi-random starting points besides the corners and the centre (default 24). */
  readonly starts?: number;
  /** How many of the best starts are refined by Nelder–Mead (default 4). */
  readonly refine?: number;
  /** Nelder–Mead iterations per refinement (default 80). */
  readonly iterations?: number;
  readonly seed?: number;
  /** At most this many corners of the cube (all of them up to 8 dimensions by default, else 256 seeded ones). */
  readonly corners?: number;
  /** Quasi-random points on and next to each face of the cube, per face value (default 2; 1 beyond 6 dimensions). */
  readonly perFace?: number;
  /** Points per axis of the sweep through the worst start (default 64 up to 3 dimensions, 16 up to 6, none beyond). */
  readonly sweep?: number;
  /** Extra points of the region to evaluate (known extremal cases). */
  readonly extra?: readonly Sample[];
}

/** The worst point found and what it cost. */
export interface SearchOutcome {
  readonly worstAt: Sample;
  readonly worstValue: number;
  readonly evaluations: number;
  /** The region searched, in words (hypotheses and truncations). */
  readonly region: string;
}

/** The objective was not finite at a point of the region. */
export class SearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchError';
  }
}

const MAX_CORNER_DIMS = 8;
const MAX_EVALUATIONS = 200_000;

/** The corners of the unit cube: all of them when there are at most `max`, else `max` seeded ones. */
function corners(n: number, rand: () => number, max = 2 ** MAX_CORNER_DIMS): number[][] {
  if (2 ** n <= max) return Array.from({ length: 2 ** n }, (_, k) => Array.from({ length: n }, (_, i) => (k >> i) & 1));
  return Array.from({ length: max }, () => Array.from({ length: n }, () => (rand() < 0.5 ? 0 : 1)));
}

/** Halton points (bases: the first primes) shifted by a seeded offset: evenly spread, deterministic. */
function halton(count: number, n: number, rand: () => number): number[][] {
  const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];
  const shift = Array.from({ length: n }, () => rand());
  const radical = (k: number, b: number) => {
    let f = 1;
    let r = 0;
    for (let i = k; i > 0; i = Math.floor(i / b)) {
      f /= b;
      r += f * (i % b);
    }
    return r;
  };
  return Array.from({ length: count }, (_, k) => Array.from({ length: n }, (_, i) => (radical(k + 1, primes[i % primes.length]) + shift[i]) % 1));
}

const clamp = (u: readonly number[]) => u.map((x) => Math.min(1, Math.max(0, x)));

/** The point centroid + t (vertex - centroid), clamped to the cube. */
function along(centroid: readonly number[], vertex: readonly number[], t: number): number[] {
  const out = new Array<number>(centroid.length);
  for (let j = 0; j < centroid.length; j++) out[j] = Math.min(1, Math.max(0, centroid[j] + t * (vertex[j] - centroid[j])));
  return out;
}

/** The centroid of the first n points of the simplex (summed in order, as a reduce would). */
function centroidOf(simplex: readonly (readonly number[])[], n: number): number[] {
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += simplex[i][j];
    out[j] = s / n;
  }
  return out;
}

/**
 * Order the simplex by value, in place: a stable insertion sort (ties keep their order), so the
 * same permutation as a stable sort of the indices by value, without the arrays it allocates.
 */
export function sortSimplex(simplex: number[][], values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const p = simplex[i];
    let j = i - 1;
    for (; j >= 0 && values[j] > v; j--) {
      values[j + 1] = values[j];
      simplex[j + 1] = simplex[j];
    }
    values[j + 1] = v;
    simplex[j + 1] = p;
  }
}

/** Nelder–Mead on the unit cube (clamped), from x0 with an initial step; returns the best point. */
function nelderMead(objective: (u: readonly number[]) => number, x0: readonly number[], iterations: number, step = 0.1): { x: number[]; fx: number } {
  const n = x0.length;
  // at most two evaluations per iteration on average, and two shrinks, besides the first simplex (an expensive objective stays bounded)
  const budget = n + 1 + 2 * iterations + 2 * n;
  let spent = 0;
  const f = (u: readonly number[]) => {
    spent++;
    return objective(u);
  };
  let simplex = [clamp(x0), ...Array.from({ length: n }, (_, i) => clamp(x0.map((x, j) => (j === i ? (x + step > 1 ? x - step : x + step) : x))))];
  let values = simplex.map(f);
  for (let it = 0; it < iterations && spent < budget; it++) {
    sortSimplex(simplex, values);
    const centroid = centroidOf(simplex, n);
    const xr = along(centroid, simplex[n], -1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(centroid, simplex[n], -2);
      const fe = f(xe);
      simplex[n] = fe < fr ? xe : xr;
      values[n] = fe < fr ? fe : fr;
    } else if (fr < values[n - 1]) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const xc = along(centroid, simplex[n], fr < values[n] ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, values[n])) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        simplex = simplex.map((p, i) => (i === 0 ? p : clamp(p.map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j])))));
        values = simplex.map((p, i) => (i === 0 ? values[0] : f(p)));
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], fx: values[best] };
}

/** Coordinates of the faces and of the places next to them, where hypotheses are tight (kappa -> 1/(2b), alpha* -> 1 - 1/(2 b kappa)). */
const FACES = [0, 1e-6, 1e-3, 1 - 1e-3, 1 - 1e-6, 1];

/** Points on and next to every face of the cube: each coordinate set to each face value, the others quasi-random. */
function facePoints(n: number, perFace: number, rand: () => number): number[][] {
  const base = halton(perFace, n, rand);
  return Array.from({ length: n }, (_, i) => FACES.flatMap((v) => base.map((u) => u.map((x, j) => (j === i ? v : x))))).flat();
}

/** The first score is flat and positive at its best starts (they tie, nothing found yet): its refinements cannot move, a further score has to. */
function plateau(scored: readonly { v: readonly number[] }[], count: number): boolean {
  const best = [...scored].sort((a, b) => a.v[0] - b.v[0]).slice(0, Math.max(2, count));
  return best[0].v[0] > 0 && best.every((x) => x.v[0] === best[0].v[0]);
}

/** Sweep points per axis by dimension: dense in low dimension, none beyond 6 (where the refinements carry the search). */
const defaultSweep = (n: number) => (n <= 3 ? 64 : n <= 6 ? 16 : 0);

/** A sweep of every coordinate through u (the others fixed): `m` evenly spaced values per axis, for thin slices. */
const sweeps = (u: readonly number[], m: number): number[][] =>
  u.flatMap((_x, i) => Array.from({ length: m }, (_, k) => u.map((x, j) => (j === i ? (k + 0.5) / m : x))));

/**
 * The minimum of `objective` over the region found by multi-start Nelder–Mead. The objective
 * may return several scores (each negative where the other is): every score is refined from its
 * own best starts; the first one decides `worstValue`. Starts: the corners, the centre, seeded
 * quasi-random points read as declared and with positive parameters on a log scale (their orders
 * of magnitude), points on and next to every face (the boundaries, where hypotheses are tight),
 * and a sweep of every coordinate through the worst start (thin slices). A non-finite score at a
 * point of the region is an error naming the point (never skipped).
 */
export function minimise(objective: (s: Sample) => number | readonly number[], r: Region, opts: SearchOptions = {}): SearchOutcome {
  const n = r.dims.length;
  const rand = seededRandom(opts.seed ?? 2022);
  let evaluations = 0;
  let best: { at: Sample; value: number } | undefined;
  const evalSample = (s: Sample): readonly number[] => {
    if (++evaluations > MAX_EVALUATIONS) throw new SearchError(`search over ${r.name}: more than ${MAX_EVALUATIONS} evaluations`);
    const out = objective(s);
    const v = typeof out === 'number' ? [out] : out;
    let finite = true;
    for (let i = 0; i < v.length; i++) finite &&= Number.isFinite(v[i]);
    if (!finite) throw new SearchError(`search over ${r.name}: the objective is ${v.join(', ')} at ${JSON.stringify(s)}`);
    if (!best || v[0] < best.value) best = { at: s, value: v[0] };
    return v;
  };
  const f = (u: readonly number[]) => evalSample(pointAt(r, u));
  for (const s of opts.extra ?? []) evalSample(s);
  if (n === 0) {
    if (!best) evalSample({});
  } else {
    const spread = halton(opts.starts ?? 24, n, rand);
    const logRead = spread.map((u) => unitOf(r, pointAt(r, u, 'log')));
    const starts = [...corners(n, rand, opts.corners), Array(n).fill(0.5), ...spread, ...logRead, ...facePoints(n, opts.perFace ?? (n <= 6 ? 2 : 1), rand)];
    const scored = starts.map((u) => ({ u, v: f(u) }));
    const worstStart = scored.reduce((a, b) => (b.v[0] < a.v[0] ? b : a));
    scored.push(...sweeps(worstStart.u, opts.sweep ?? defaultSweep(n)).map((u) => ({ u, v: f(u) })));
    // the first score is refined from its best starts; a further score only where the first is flat there (a plateau: its best starts tie)
    const refine = opts.refine ?? 4;
    for (let k = 0; k < scored[0].v.length; k++) {
      const ranked = [...scored].sort((a, b) => a.v[k] - b.v[k]);
      if (k > 0 && !plateau(scored, refine)) break;
      for (const { u } of ranked.slice(0, k === 0 ? refine : Math.ceil(refine / 2))) nelderMead((x) => f(x)[k], u, opts.iterations ?? 80);
    }
  }
  const b = best!;
  return { worstAt: b.at, worstValue: b.value, evaluations, region: describeRegion(r) };
}

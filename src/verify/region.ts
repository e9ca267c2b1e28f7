/**
 * Search regions: the set of parameter values a result's hypotheses allow, as an ordered list of
 * dimensions whose bounds may depend on the dimensions before them (rho in [m*, 1/m*], kappa in
 * (1/(2b), oo), s in [0, t], ...). A point of the unit cube maps to a point of the region, so
 * an optimiser can roam the whole region; unbounded or open ranges are truncated for the search
 * and the truncation is written down, so a report can say exactly what was searched.
 */

/** One point of the parameters. */
export type Sample = Readonly<Record<string, number>>;

/** A bound: a number, or a function of the values of the dimensions listed before. */
export type Bound = number | ((s: Sample) => number);

/** One dimension of a region. */
export interface Dimension {
  readonly name: string;
  readonly lo: Bound;
  readonly hi: Bound;
  /** 'log': log-uniform between the bounds (a lower bound of 0 is reached exactly at the bottom of the cube, then log-uniform from `floor`). */
  readonly scale?: 'linear' | 'log';
  /** Smallest positive value of a log-scaled dimension whose lower bound is 0 (default 1e-12 times its upper bound). */
  readonly floor?: number;
  /** Open ends: the endpoint itself is excluded (the search stops a relative 1e-9 inside it). */
  readonly open?: readonly ('lo' | 'hi')[];
  /** The hypothesis as the paper states it, e.g. "0 < eps < 1 (Theorem 3.2)". */
  readonly hypothesis: string;
  /** How the range was made searchable, e.g. "t >= 0 searched on [0, 1e4]". */
  readonly truncation?: string;
}

/** A named region: the hypotheses of a result. */
export interface Region {
  readonly name: string;
  readonly dims: readonly Dimension[];
}

/** A region or an error naming the dimension whose bounds are malformed. */
export class RegionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegionError';
  }
}

/** A region from its dimensions (names must be distinct). */
export function region(name: string, dims: readonly Dimension[]): Region {
  const seen = new Set<string>();
  for (const d of dims) {
    if (seen.has(d.name)) throw new RegionError(`region ${name}: the dimension ${d.name} is listed twice`);
    seen.add(d.name);
  }
  return { name, dims };
}

/** The sub-region of the named dimensions (in the region's order), extra fixed values appended by `fix`. */
export function restrict(r: Region, names: readonly string[], rename?: string): Region {
  const missing = names.filter((n) => !r.dims.some((d) => d.name === n));
  if (missing.length) throw new RegionError(`region ${r.name} has no dimension ${missing.join(', ')}`);
  return { name: rename ?? `${r.name} (${names.join(', ')})`, dims: r.dims.filter((d) => names.includes(d.name)) };
}

/** The region with more dimensions after the given ones. */
export const extend = (r: Region, dims: readonly Dimension[], rename?: string): Region => region(rename ?? r.name, [...r.dims, ...dims]);

const boundAt = (b: Bound, s: Sample): number => (typeof b === 'number' ? b : b(s));
const INSIDE = 1e-9;

const CLOSED: readonly ('lo' | 'hi')[] = [];

/** The bounds of a dimension at the values of the dimensions before it, open ends pulled inside. */
export function boundsOf(d: Dimension, s: Sample): [number, number] {
  const out: [number, number] = [0, 0];
  const p = planOf(d);
  boundsFrom(d, boundAt(d.lo, s), boundAt(d.hi, s), p.openLo, p.openHi, s, out);
  return out;
}

/** Scratch bounds for valueAt (a search reads them at every point: no array per point). */
const SCRATCH: [number, number] = [0, 0];

/** The bounds of a dimension from its raw bounds (evaluated once), open ends pulled inside, written into out. */
function boundsFrom(d: Dimension, rawLo: number, rawHi: number, openLo: boolean, openHi: boolean, s: Sample, out: [number, number]): void {
  let lo = rawLo;
  let hi = rawHi;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo <= hi))
    throw new RegionError(`dimension ${d.name}: bounds [${lo}, ${hi}] at ${JSON.stringify(s)} are not a finite interval`);
  const width = hi - lo;
  if (openLo) lo += Math.max(width, Math.abs(lo)) * INSIDE;
  if (openHi) hi -= Math.max(width, Math.abs(hi)) * INSIDE;
  out[0] = lo;
  out[1] = Math.max(lo, hi);
}

/** Fraction of the unit interval that maps to the exact lower bound 0 of a log dimension. */
const ZERO_SHARE = 0.02;

/** How the unit cube is read: as each dimension declares, or with positive linear dimensions on a log scale (their orders of magnitude). */
export type Reading = 'declared' | 'log';

/** The smallest positive value a log-scaled dimension reaches (numbers, not an object: a search reads tens of thousands of points). */
const logFloor = (d: Dimension, lo: number, hi: number, rawLo: number): number => (rawLo > 0 ? lo : Math.min(d.floor ?? hi * 1e-12, hi));

/** A dimension read once for the many points of a search: its flags as booleans. */
interface DimensionPlan {
  readonly d: Dimension;
  readonly openLo: boolean;
  readonly openHi: boolean;
  readonly declaredLog: boolean;
}

/** The flags of a dimension (the one place they are read off its declaration). */
function planOf(d: Dimension): DimensionPlan {
  const open = d.open ?? CLOSED;
  return { d, openLo: open.includes('lo'), openHi: open.includes('hi'), declaredLog: (d.scale ?? 'linear') === 'log' };
}

/** Whether 0 itself is part of a log-scaled dimension (a closed lower bound 0 of a declared log scale). */
const zeroIncluded = (p: DimensionPlan, rawLo: number): boolean => rawLo <= 0 && !p.openLo && p.declaredLog;

/** True when the plans are those of these dimensions, in order (a loop: no closure per point). */
function planned(p: readonly DimensionPlan[], dims: readonly Dimension[]): boolean {
  if (p.length !== dims.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i].d !== dims[i]) return false;
  return true;
}

/** The plans of a region's dimensions, by its list of dimensions (a search maps tens of thousands of points of one region). */
const plans = new WeakMap<readonly Dimension[], readonly DimensionPlan[]>();
function plansOf(r: Region): readonly DimensionPlan[] {
  let p = plans.get(r.dims);
  // a list changed in place since (regions are built anew by region(), restrict(), extend()) is planned again
  if (!p || !planned(p, r.dims)) {
    p = r.dims.map(planOf);
    plans.set(r.dims, p);
  }
  return p;
}

/** The value of one dimension at u in [0, 1]. */
function valueAt(p: DimensionPlan, u: number, s: Sample, reading: Reading): number {
  const d = p.d;
  const rawLo = boundAt(d.lo, s);
  boundsFrom(d, rawLo, boundAt(d.hi, s), p.openLo, p.openHi, s, SCRATCH);
  const lo = SCRATCH[0];
  const hi = SCRATCH[1];
  const log = p.declaredLog || (reading === 'log' && rawLo >= 0);
  if (!log || hi <= 0) return lo + (hi - lo) * u;
  if (rawLo < 0) throw new RegionError(`dimension ${d.name}: a log scale needs a lower bound >= 0, got ${rawLo}`);
  const floor = logFloor(d, lo, hi, rawLo);
  if (!zeroIncluded(p, rawLo)) return floor * (hi / floor) ** u;
  if (u <= ZERO_SHARE) return 0;
  return floor * (hi / floor) ** ((u - ZERO_SHARE) / (1 - ZERO_SHARE));
}

/** The point of the region at a point u of the unit cube (coordinates clamped to [0, 1]). */
export function pointAt(r: Region, u: readonly number[], reading: Reading = 'declared'): Sample {
  if (u.length !== r.dims.length) throw new RegionError(`region ${r.name}: a point needs ${r.dims.length} coordinates, got ${u.length}`);
  const p = plansOf(r);
  const s: Record<string, number> = {};
  for (let i = 0; i < p.length; i++) {
    const x = Number.isFinite(u[i]) ? Math.min(1, Math.max(0, u[i])) : 0.5;
    const value = valueAt(p[i], x, s, reading);
    if (!Number.isFinite(value))
      throw new RegionError(
        `region ${r.name}: dimension ${p[i].d.name} is ${value} at ${JSON.stringify(s)} (its bounds are finite; their width, or their ratio on a log scale, is not)`,
      );
    s[p[i].d.name] = value;
  }
  return s;
}

/** The point of the unit cube (declared reading) of a point of the region: the inverse of pointAt. */
export function unitOf(r: Region, s: Sample): number[] {
  return plansOf(r).map((p) => {
    const d = p.d;
    const rawLo = boundAt(d.lo, s);
    const bounds: [number, number] = [0, 0];
    boundsFrom(d, rawLo, boundAt(d.hi, s), p.openLo, p.openHi, s, bounds);
    const [lo, hi] = bounds;
    const x = Math.min(hi, Math.max(lo, s[d.name]));
    if (!p.declaredLog || hi <= 0) return hi > lo ? (x - lo) / (hi - lo) : 0.5;
    const floor = logFloor(d, lo, hi, rawLo);
    const zero = zeroIncluded(p, rawLo);
    const v = hi > floor && x > 0 ? Math.log(Math.max(x, floor) / floor) / Math.log(hi / floor) : 0;
    return Math.min(1, Math.max(0, zero ? (x === 0 ? 0 : ZERO_SHARE + (1 - ZERO_SHARE) * v) : v));
  });
}

/** The hypotheses in one line, with what was searched where it differs from the hypothesis. */
export function describeRegion(r: Region): string {
  const dims = r.dims.map((d) => `${d.hypothesis}${d.truncation ? ` [searched: ${d.truncation}]` : ''}`);
  return `${r.name}: ${dims.join('; ')}`;
}

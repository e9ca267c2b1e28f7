/**
 * Where the numeric witness looks: seeded points of the declared domain. A real symbol takes
 * negative values too; positive, nonnegative, negative, nonzero and integer symbols stay in their
 * sets; `ranges` narrow a symbol to an interval. A real symbol that appears in an exponent also
 * takes small integer values at some points, where x^n is defined for negative x.
 */
import { Assumptions, AssumptionKind } from '../assumptions.ts';
import { seededRandom } from './randomFunctions.ts';

/** The interval or set a kind of symbol is sampled from. */
function drawFor(kind: AssumptionKind, rand: () => number): number {
  const u = rand();
  switch (kind) {
    case 'positive':
      return 0.2 + 2 * u;
    case 'nonnegative':
      return 2 * u;
    case 'negative':
      return -0.2 - 2 * u;
    case 'nonzero':
      return (u < 0.5 ? -1 : 1) * (0.2 + 2 * rand());
    case 'integer':
      return [-3, -2, -1, 1, 2, 3, 4][Math.floor(u * 7)];
    default:
      return -2 + 4 * u;
  }
}

/** A bad `ranges` entry (not two finite numbers lo <= hi, or outside the declared kind). */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Options of the sampling. */
export interface DomainOptions {
  readonly assumptions: Assumptions;
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Real symbols seen in exponents: they also take integer values. */
  readonly exponentSymbols?: ReadonlySet<string>;
}

/** One point of the domain: a value for every symbol, drawn the first time the symbol is asked for. */
export class Point {
  private readonly values = new Map<string, number>();
  constructor(
    private readonly seed: number,
    private readonly index: number,
    private readonly o: DomainOptions,
  ) {}

  /** The value of a symbol at this point (the same name always gets the same value). */
  get(name: string): number {
    let x = this.values.get(name);
    if (x === undefined) {
      x = draw(name, seededRandom(mix(this.seed, this.index, name)), this.index, this.o);
      this.values.set(name, x);
    }
    return x;
  }

  /** The values drawn so far, for reports. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

function mix(seed: number, index: number, name: string): number {
  let h = (2166136261 ^ Math.imul(seed + 1, 2654435761) ^ Math.imul(index + 1, 40503)) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function draw(name: string, rand: () => number, index: number, o: DomainOptions): number {
  const range = o.ranges?.[name];
  const kind = o.assumptions[name] ?? 'real';
  if (range) {
    const x = range[0] + (range[1] - range[0]) * rand();
    return kind === 'integer' ? Math.round(x) : x;
  }
  if (kind === 'real' && o.exponentSymbols?.has(name) && index % 3 === 2) return [-2, -1, 1, 2, 3][Math.floor(rand() * 5)];
  return drawFor(kind, rand);
}

/** Check the ranges against the declarations: each [lo, hi] finite, lo <= hi, inside the declared kind. */
export function checkRanges(o: DomainOptions): void {
  for (const [name, r] of Object.entries(o.ranges ?? {})) {
    if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || r[0] > r[1])
      throw new DomainError(`ranges.${name} must be [lo, hi] with finite lo <= hi, got ${JSON.stringify(r)}`);
    const kind = o.assumptions[name];
    if ((kind === 'positive' && r[1] <= 0) || (kind === 'negative' && r[0] >= 0) || (kind === 'nonnegative' && r[1] < 0))
      throw new DomainError(`ranges.${name} = [${r[0]}, ${r[1]}] lies outside the declared ${kind} values`);
  }
}

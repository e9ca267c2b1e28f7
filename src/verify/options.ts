/**
 * The options that change a verdict, checked and put into words: `ranges` must lie inside the
 * declared domain (a range that crosses a declared sign is refused) and narrow it (a range inside
 * (0, inf) makes its symbol positive for every method, not only for the witness); `methods` must
 * name at least two known methods, and a choice without the numeric witness cannot reach `equal`
 * (the symbolic methods share blind spots: domains). The texts here are what the verdict, the
 * table, claims.json, the report and the web page show.
 */
import { Assumptions, AssumptionKind, AssumptionError, describeAssumptions, shortAssumptions, restrictAssumptions } from '../cas/assumptions.ts';

/** The methods equivalent() knows. */
export const METHOD_NAMES = ['engine-normal-form', 'mathjs-random-points', 'nerdamer-expand'] as const;
/** The method that evaluates the sides themselves: without it the remaining methods are not independent. */
export const WITNESS_METHOD = 'mathjs-random-points';

/** Symbol name -> [lo, hi]: the symbol takes values in that interval only. */
export type Ranges = Readonly<Record<string, readonly [number, number]>>;

/** The verdict-changing options given at one level (a part of a claim, a call), as shown. */
export interface ShownOptions {
  readonly assume?: Assumptions;
  readonly ranges?: Ranges;
  readonly methods?: readonly string[];
}

/** Does [lo, hi] lie inside the values of `kind`? */
function insideKind(kind: AssumptionKind, lo: number, hi: number): boolean {
  switch (kind) {
    case 'positive':
      return lo > 0;
    case 'nonnegative':
      return lo >= 0;
    case 'negative':
      return hi < 0;
    case 'nonzero':
      return lo > 0 || hi < 0;
    case 'integer':
      return Math.ceil(lo) <= hi;
    case 'real':
      return true;
  }
}

/** Check `ranges`: plain symbol names, finite lo <= hi, each inside its symbol's declared kind; returns them unchanged. */
export function checkRangesInDomain(ranges: unknown, assumptions: Assumptions, where: string): Ranges | undefined {
  if (ranges === undefined) return undefined;
  if (typeof ranges !== 'object' || ranges === null || Array.isArray(ranges))
    throw new AssumptionError(`${where}: ranges must be an object { symbol: [lo, hi] }, got ${JSON.stringify(ranges)}`);
  for (const [name, r] of Object.entries(ranges as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new AssumptionError(`${where}: ranges names "${name}", which is not a symbol name`);
    if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => typeof x === 'number' && Number.isFinite(x)) || r[0] > r[1])
      throw new AssumptionError(`${where}: ranges.${name} must be [lo, hi] with finite lo <= hi, got ${JSON.stringify(r)}`);
    const kind = assumptions[name] ?? 'real';
    if (!insideKind(kind, r[0], r[1]))
      throw new AssumptionError(
        `${where}: ranges.${name} = [${r[0]}, ${r[1]}] lies outside the declared ${kind} values of ${name} (a range must lie inside the declared domain)`,
      );
  }
  return ranges as Ranges;
}

/** The sign a range implies for a symbol declared only real (positive for [0.1, 2], nonnegative for [0, 1], negative for [-2, -1]). */
function impliedKind(lo: number, hi: number): AssumptionKind | undefined {
  if (lo > 0) return 'positive';
  if (lo >= 0) return 'nonnegative';
  if (hi < 0) return 'negative';
  return undefined;
}

/** The declarations narrowed by the ranges: a symbol declared only real takes the sign its range implies. */
export function narrowByRanges(assumptions: Assumptions, ranges: Ranges | undefined): Assumptions {
  if (!ranges) return assumptions; // the same object: what is keyed by it is found again
  const out: Record<string, AssumptionKind> = { ...assumptions };
  for (const [name, [lo, hi]] of Object.entries(ranges)) {
    const implied = impliedKind(lo, hi);
    if (implied && (out[name] ?? 'real') === 'real') out[name] = implied;
  }
  return out;
}

/** Check `methods`: known names, at least two distinct. Returns the list. */
export function checkMethods<M extends string>(methods: readonly M[] | undefined, where: string): readonly M[] | undefined {
  if (methods === undefined) return undefined;
  if (!Array.isArray(methods)) throw new Error(`${where}: methods must be a list of method names, got ${JSON.stringify(methods)}`);
  const unknown = methods.filter((m) => !(METHOD_NAMES as readonly string[]).includes(m));
  if (unknown.length > 0) throw new Error(`${where}: unknown method(s) ${unknown.join(', ')}; methods are ${METHOD_NAMES.join(', ')}`);
  if (new Set(methods).size < 2) throw new Error(`equivalent() needs at least two independent methods, got ${methods.join(', ') || 'none'}`);
  return methods;
}

/** True when the methods chosen leave out the numeric witness (their agreement is not independent). */
export const withoutWitness = (methods: readonly string[] | undefined): boolean => methods !== undefined && !methods.includes(WITNESS_METHOD);

/** The ranges that concern the given symbols. */
export function restrictRanges(ranges: Ranges | undefined, symbols: Iterable<string>): Ranges | undefined {
  if (!ranges) return undefined;
  const out: Record<string, readonly [number, number]> = {};
  for (const s of symbols) if (ranges[s]) out[s] = ranges[s];
  return Object.keys(out).length > 0 ? out : undefined;
}

const sortedEntries = <T>(r: Readonly<Record<string, T>>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The domain in words: "x in [0.1, 2]; eps positive; other symbols real" (ranged symbols are described by their range). */
export function describeDomain(assumptions: Assumptions, ranges?: Ranges): string {
  const ranged = sortedEntries(ranges ?? {});
  if (ranged.length === 0) return describeAssumptions(assumptions);
  const rest = Object.fromEntries(Object.entries(assumptions).filter(([n]) => !ranges?.[n]));
  const kinds = describeAssumptions(rest);
  return [...ranged.map(([n, [lo, hi]]) => `${n} in [${lo}, ${hi}]`), kinds === 'all symbols real' ? 'other symbols real' : kinds].join('; ');
}

/** The domain in a table cell: "eps>0 x∈[0.1,2]" (empty when everything is real and unranged). */
export function shortDomain(assumptions: Assumptions, ranges?: Ranges): string {
  const rest = Object.fromEntries(Object.entries(assumptions).filter(([n]) => !ranges?.[n]));
  return [shortAssumptions(rest), ...sortedEntries(ranges ?? {}).map(([n, [lo, hi]]) => `${n}∈[${lo},${hi}]`)].filter(Boolean).join(' ');
}

const SHORT_METHOD: Record<string, string> = { 'engine-normal-form': 'engine', 'nerdamer-expand': 'nerdamer', 'mathjs-random-points': 'mathjs' };

/** Options of one level in words ("x positive; x in [0.1, 2]; methods engine-normal-form, nerdamer-expand (not independent)"), or '' when none. */
export function describeOptions(o: ShownOptions): string {
  const bits: string[] = [];
  if (o.assume && Object.keys(o.assume).length > 0) bits.push(describeAssumptions(o.assume).replace(/; other symbols real$/, ''));
  for (const [n, [lo, hi]] of sortedEntries(o.ranges ?? {})) bits.push(`${n} in [${lo}, ${hi}]`);
  if (o.methods) bits.push(`methods ${o.methods.join(', ')}${withoutWitness(o.methods) ? ' (not independent: no numeric witness)' : ''}`);
  return bits.join('; ');
}

/** Options of one level for a table cell ("x>0 x∈[0.1,2] engine+nerdamer"), or ''. */
export function shortOptions(o: ShownOptions): string {
  return [shortDomain(o.assume ?? {}, o.ranges), o.methods ? o.methods.map((m) => SHORT_METHOD[m] ?? m).join('+') : ''].filter(Boolean).join(' ');
}

/** The part-level options that were given, restricted to the symbols the part uses (undefined when none). */
export function shownOptions(o: ShownOptions | undefined, symbols: ReadonlySet<string>): ShownOptions | undefined {
  if (!o) return undefined;
  const assume = o.assume ? restrictAssumptions(o.assume, symbols) : undefined;
  const ranges = restrictRanges(o.ranges, symbols);
  const shown: ShownOptions = {
    ...(assume && Object.keys(assume).length > 0 ? { assume } : {}),
    ...(ranges ? { ranges } : {}),
    ...(o.methods ? { methods: [...o.methods] } : {}),
  };
  return Object.keys(shown).length > 0 ? shown : undefined;
}

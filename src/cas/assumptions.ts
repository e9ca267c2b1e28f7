/**
 * Assumptions on symbols. Every symbol is real unless declared otherwise; the normal form applies
 * a rewrite that needs a hypothesis (sqrt(x^2) = x, ln(x y) = ln x + ln y, (x^a)^b = x^(a b),
 * sqrt(x y) = sqrt(x) sqrt(y)) only when the declaration makes it true. The declarations in force
 * are ambient (a stack): `withAssumptions(assume, f)` runs f with them, so the calculus layer,
 * which expands on its way, sees what the claim it serves declared.
 */

import { RESERVED_NAMES } from './safeNames.ts';

/** What a symbol is known to be. `real` is the default and says nothing more. */
export type AssumptionKind = 'real' | 'positive' | 'nonnegative' | 'negative' | 'nonzero' | 'integer';

/** Declarations: symbol name -> kind. Symbols not listed are real. */
export type Assumptions = Readonly<Record<string, AssumptionKind>>;

/** The kinds a user may declare, for validation and messages. */
export const ASSUMPTION_KINDS: readonly AssumptionKind[] = ['real', 'positive', 'nonnegative', 'negative', 'nonzero', 'integer'];

/** A declaration that names no known kind, or a symbol declared twice with different kinds. */
export class AssumptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssumptionError';
  }
}

/** Check a declaration object: every value a known kind, every name a plain identifier. */
export function validateAssumptions(assume: unknown, where: string): Assumptions {
  if (assume === undefined || assume === null) return {};
  if (typeof assume !== 'object' || Array.isArray(assume))
    throw new AssumptionError(`${where}: assume must be an object { symbol: kind }, got ${JSON.stringify(assume)}`);
  const out: Record<string, AssumptionKind> = {};
  for (const [name, kind] of Object.entries(assume as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new AssumptionError(`${where}: "${name}" is not a symbol name`);
    if (RESERVED_NAMES.has(name))
      throw new AssumptionError(`${where}: "${name}" is reserved (e, pi and i are constants), it cannot be declared ${String(kind)}`);
    if (typeof kind !== 'string' || !(ASSUMPTION_KINDS as readonly string[]).includes(kind))
      throw new AssumptionError(`${where}: symbol ${name} declared "${String(kind)}"; kinds are ${ASSUMPTION_KINDS.join(', ')}`);
    out[name] = kind as AssumptionKind;
  }
  return out;
}

/** Merge declarations; a symbol declared twice must be declared alike (a later `real` never weakens). */
export function mergeAssumptions(...layers: (Assumptions | undefined)[]): Assumptions {
  // a frozen set (one this module made: never changed after) that the other layers add nothing to is the answer itself
  const first = layers[0];
  if (first && Object.isFrozen(first) && layers.every((l) => !l || l === first || addsNothing(first, l))) return first;
  const out: Record<string, AssumptionKind> = {};
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    // a layer given again adds nothing (combining kinds is idempotent): the sides of an identity share their scope's
    if (!layer || layers.indexOf(layer) < i) continue;
    for (const [name, kind] of Object.entries(layer)) {
      const prev = out[name];
      const both = prev === undefined ? kind : combineKinds(prev, kind);
      if (both === null) throw new AssumptionError(`symbol ${name} is declared both ${prev} and ${kind}`);
      out[name] = both;
    }
  }
  return out;
}

/** The stronger of two compatible kinds (nonnegative and nonzero make positive), or null when they contradict. */
function combineKinds(a: AssumptionKind, b: AssumptionKind): AssumptionKind | null {
  if (a === b || b === 'real') return a;
  if (a === 'real') return b;
  const pair = new Set([a, b]);
  const has = (x: AssumptionKind, y: AssumptionKind) => pair.has(x as never) && pair.has(y as never);
  if (has('positive', 'nonnegative') || has('positive', 'nonzero') || has('nonnegative', 'nonzero')) return 'positive';
  if (has('negative', 'nonzero')) return 'negative';
  return null;
}

/** A stable text key of a declaration set (for caches). */
export function assumptionsKey(a: Assumptions): string {
  return Object.entries(a)
    .filter(([, k]) => k !== 'real')
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([n, k]) => `${n}:${k}`)
    .join(',');
}

/** The declarations shown with a verdict: only the ones that say something (real is the default). */
export function describeAssumptions(a: Assumptions): string {
  const key = assumptionsKey(a);
  if (!key) return 'all symbols real';
  const byKind = new Map<string, string[]>();
  for (const [n, k] of Object.entries(a)) if (k !== 'real') byKind.set(k, [...(byKind.get(k) ?? []), n]);
  return `${ASSUMPTION_KINDS.filter((k) => byKind.has(k))
    .map((k) => `${byKind.get(k)!.sort().join(', ')} ${k}`)
    .join('; ')}; other symbols real`;
}

const SHORT: Record<AssumptionKind, string> = { positive: '>0', nonnegative: '>=0', negative: '<0', nonzero: '!=0', integer: ' integer', real: '' };

/** A compact form for tables: "eps,rho>0 t>=0" (empty when everything is real). */
export function shortAssumptions(a: Assumptions): string {
  const byKind = new Map<AssumptionKind, string[]>();
  for (const [n, k] of Object.entries(a)) if (k !== 'real') byKind.set(k, [...(byKind.get(k) ?? []), n]);
  return ASSUMPTION_KINDS.filter((k) => byKind.has(k))
    .map((k) => `${byKind.get(k)!.sort().join(',')}${SHORT[k]}`)
    .join(' ');
}

/** The declarations that concern the given symbols (what a verdict actually used). */
export function restrictAssumptions(a: Assumptions, symbols: Iterable<string>): Assumptions {
  const out: Record<string, AssumptionKind> = {};
  for (const s of symbols) if (a[s] && a[s] !== 'real') out[s] = a[s];
  return out;
}

const stack: Assumptions[] = [Object.freeze({})];

/** The declarations in force. */
export function currentAssumptions(): Assumptions {
  return stack[stack.length - 1];
}

/** True when adding `more` to `a` changes nothing (every declaration of `more` is already implied by `a`). */
function addsNothing(a: Assumptions, more: Assumptions): boolean {
  for (const name in more) {
    const kind = more[name];
    const had = a[name] ?? 'real';
    if (kind !== had && combineKinds(had, kind) !== had) return false;
  }
  return true;
}

/**
 * Run f with `assume` added to the declarations in force. Declarations that add nothing keep the
 * object in force (a frozen one this module made), so what is keyed by it (the normal forms'
 * contexts) is found again without building its key.
 */
export function withAssumptions<T>(assume: Assumptions | undefined, f: () => T): T {
  if (!assume || Object.keys(assume).length === 0) return f();
  const top = currentAssumptions();
  stack.push(addsNothing(top, assume) ? top : Object.freeze(mergeAssumptions(top, assume)));
  try {
    return f();
  } finally {
    stack.pop();
  }
}

/** The kind declared for a symbol ('real' when none). */
export function kindOf(a: Assumptions, name: string): AssumptionKind {
  return a[name] ?? 'real';
}

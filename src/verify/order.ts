/**
 * The order of suprema, limits and integrals, and what a constant depends on. A quantity is a
 * nonnegative integrand under a sequence of operations (outermost first): `sup` over a variable,
 * `int` over a variable, `liminf` in a parameter. A proof bounds one order ("gives"); the statement
 * needs another ("needs"); the bound carries over when needs <= gives for every nonnegative
 * integrand. The moves between adjacent operations, with their direction:
 *   sup_x ∫_s f  <=  ∫_s sup_x f               (the supremum of an integral is at most the integral of the supremum)
 *   ∫ liminf f   <=  liminf ∫ f                 (Fatou)
 *   sup_x liminf f <= liminf sup_x f
 *   two operations of the same kind commute (Tonelli for integrals of nonnegative functions).
 */

/** One operation on a quantity. */
export interface Operation {
  readonly kind: 'sup' | 'int' | 'liminf';
  /** The variable (or parameter) it acts on. */
  readonly over: string;
}

/** How the order a proof gives relates to the order the statement needs. */
export type OrderVerdict = 'same' | 'stronger' | 'wrong-way' | 'incomparable';

/** Bad input to the order checker (operations that are not the same multiset). */
export class OrderError extends Error {
  override name = 'OrderError';
}

const key = (ops: readonly Operation[]) => ops.map((o) => `${o.kind}:${o.over}`).join(' ');

/** +1 when swapping (outer, inner) -> (inner, outer) cannot decrease the quantity, -1 when it cannot increase it, 0 when equal, undefined when unknown. */
function swapDirection(outer: Operation, inner: Operation): number | undefined {
  if (outer.kind === inner.kind) return 0;
  const up: [Operation['kind'], Operation['kind']][] = [
    ['sup', 'int'],
    ['int', 'liminf'],
    ['sup', 'liminf'],
  ];
  if (up.some(([a, b]) => a === outer.kind && b === inner.kind)) return 1;
  if (up.some(([a, b]) => b === outer.kind && a === inner.kind)) return -1;
  return undefined;
}

/** Whether `to` is reached from `from` by moves that never decrease the quantity (so from <= to). */
function below(from: readonly Operation[], to: readonly Operation[]): boolean {
  const target = key(to);
  const seen = new Set([key(from)]);
  const queue = [from];
  while (queue.length) {
    const cur = queue.shift()!;
    if (key(cur) === target) return true;
    for (let i = 0; i + 1 < cur.length; i++) {
      const dir = swapDirection(cur[i], cur[i + 1]);
      if (dir === undefined || dir < 0) continue;
      const next = [...cur];
      [next[i], next[i + 1]] = [next[i + 1], next[i]];
      if (!seen.has(key(next))) {
        seen.add(key(next));
        queue.push(next);
      }
    }
  }
  return false;
}

/** Compare the order a proof gives with the order a statement needs (same operations, possibly reordered). */
export function compareOrder(needs: readonly Operation[], gives: readonly Operation[]): OrderVerdict {
  const sorted = (ops: readonly Operation[]) =>
    ops
      .map((o) => `${o.kind}:${o.over}`)
      .sort()
      .join(' ');
  if (sorted(needs) !== sorted(gives))
    throw new OrderError(`compareOrder: the statement needs [${key(needs)}] and the proof gives [${key(gives)}], not the same operations`);
  const up = below(needs, gives);
  const down = below(gives, needs);
  if (up && down) return 'same';
  if (up) return 'stronger';
  if (down) return 'wrong-way';
  return 'incomparable';
}

/** The dependencies a constant picks up in a proof beyond those its statement allows (empty when the statement holds as printed). */
export function extraDependencies(allowed: readonly string[], built: Readonly<Record<string, readonly string[]>>): { step: string; extra: string[] }[] {
  return Object.entries(built)
    .map(([step, deps]) => ({ step, extra: deps.filter((x) => !allowed.includes(x)) }))
    .filter((e) => e.extra.length > 0);
}

/** An order in words: "∫_s sup_x". */
export function describeOrder(ops: readonly Operation[]): string {
  const sym = { sup: 'sup', int: '∫', liminf: 'liminf' } as const;
  return ops.map((o) => `${sym[o.kind]}_${o.over}`).join(' ');
}

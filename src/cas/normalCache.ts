/**
 * The memo of normal forms (normal.ts): one context per set of declarations, each with a cache by
 * expression object and one by structural identity (shapeOf), so an equal sub-expression built anew (a
 * derivative's repeated factors, a side printed and parsed again) reuses the normal form of its
 * twin. Every entry keeps the work it cost, charged again on reuse: a work limit trips the same
 * way warm or cold. Cleared by clearMemos; the structural cache is bounded.
 */
import { Expr, shapeOf } from './expr.ts';
import { Assumptions, assumptionsKey } from './assumptions.ts';
import { registerMemo } from './memo.ts';
import { Poly, chargeReused } from './polyCore.ts';

/** A memoised normal form and the work it cost. */
interface Memo {
  readonly poly: Poly;
  readonly work: number;
}

/** The declarations a normal form is computed under, with its caches. */
export interface Ctx {
  readonly a: Assumptions;
  readonly cache: WeakMap<object, Memo>;
  readonly byShape: Map<number, Memo>;
}

/** Most structural entries a context keeps (then it starts afresh: the memo stays bounded in a long process). */
const MAX_KEYED = 50_000;
const contexts = new Map<string, Ctx>();
let byObject = new WeakMap<Assumptions, Ctx>();
registerMemo(() => {
  contexts.clear();
  byObject = new WeakMap();
});

/** The context of a set of declarations (equal declarations share one). */
export function contextFor(a: Assumptions): Ctx {
  let c = byObject.get(a);
  if (c) return c;
  const key = assumptionsKey(a);
  c = contexts.get(key);
  if (!c) {
    c = { a, cache: new WeakMap(), byShape: new Map() };
    contexts.set(key, c);
  }
  byObject.set(a, c);
  return c;
}

/** The structural identity of e for the memo (symbols and numbers are cheaper to normalise than to look up). */
const structuralKey = (e: Expr): number | undefined => (e.kind === 'sym' || e.kind === 'num' ? undefined : shapeOf(e));

/** The memoised normal form of e or of an equal expression, charged its work; undefined when there is none. */
export function recall(e: Expr, ctx: Ctx): Poly | undefined {
  let hit = ctx.cache.get(e);
  if (!hit) {
    const key = structuralKey(e);
    hit = key === undefined ? undefined : ctx.byShape.get(key);
    if (!hit) return undefined;
    ctx.cache.set(e, hit);
  }
  chargeReused(hit.work);
  return hit.poly;
}

/** Memoise the normal form of e and the work it cost. */
export function remember(e: Expr, ctx: Ctx, poly: Poly, work: number): void {
  const memo = { poly, work };
  ctx.cache.set(e, memo);
  const key = structuralKey(e);
  if (key === undefined) return;
  if (ctx.byShape.size >= MAX_KEYED) ctx.byShape.clear();
  ctx.byShape.set(key, memo);
}

/**
 * Self-confirmation: a claim whose derived side is built from its printed side (the same
 * subtrees, or one side pasted into the other) proves nothing. For each part, the maximal
 * subtrees of the printed side that reappear in the derived side (the same object, or the same
 * structure) are measured against the size of the printed side; a part whose printed side is
 * mostly found inside the derived side (or whose whole printed side sits inside a larger derived
 * side, even as a copy) is flagged, unless the claim says why that is legitimate.
 * Sharing is by object identity (the provenance an expression carries): a derived side rebuilt
 * from a copy of the printed text, or expanded before it is compared, is not seen; structural
 * equality is not a signal, since two sides normalised independently agree exactly when the
 * claim holds.
 */
import { Expr, children, printExpr } from '../cas/index.ts';
import type { ClaimRecord } from './claims.ts';

/** Subtrees smaller than this (atoms, f(v, w)) are shared by every pair of expressions about the same objects. */
const MIN_SHARED = 4;
/** A printed side this much covered by shared subtrees is flagged. */
const MAX_COVERAGE = 0.5;

/** The number of nodes of e. */
export function sizeOf(e: Expr): number {
  return 1 + children(e).reduce((s, c) => s + sizeOf(c), 0);
}

/** A stable structural key (same tree, same key). */
function keyOf(e: Expr, memo: Map<Expr, string>): string {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  const k =
    e.kind === 'num' || e.kind === 'sym'
      ? printExpr(e)
      : `${e.kind}${e.kind === 'fn' ? `:${e.name}:${e.derivs?.join(',') ?? ''}` : ''}(${children(e)
          .map((c) => keyOf(c, memo))
          .join(',')})`;
  memo.set(e, k);
  return k;
}

/** How much of `printed` reappears in `derived`: the maximal shared subtrees, and the share of the printed side's nodes the largest one covers. */
export function sharedStructure(printed: Expr, derived: Expr): { coverage: number; shared: string[] } {
  const objects = new Set<Expr>();
  const walk = (e: Expr) => {
    objects.add(e);
    children(e).forEach(walk);
  };
  walk(derived);
  const shared: Expr[] = [];
  const visit = (e: Expr) => {
    if (sizeOf(e) >= MIN_SHARED && objects.has(e)) shared.push(e);
    else children(e).forEach(visit);
  };
  visit(printed);
  const total = sizeOf(printed);
  // the largest single shared subtree: several small shared inputs (a weight, a density) are not a pasted side
  const largest = shared.reduce((s, e) => Math.max(s, sizeOf(e)), 0);
  return { coverage: total >= MIN_SHARED ? largest / total : 0, shared: shared.map((e) => printExpr(e)) };
}

/** True when a proper subtree of `derived` has the structure of the whole printed side (the printed side pasted into a larger one). */
export function pastedInside(printed: Expr, derived: Expr): boolean {
  if (sizeOf(printed) < MIN_SHARED) return false;
  const memo = new Map<Expr, string>();
  const target = keyOf(printed, memo);
  // sums and products flatten: a printed sum pasted into a larger sum leaves its terms among the larger sum's terms
  const flat = printed.kind === 'add' || printed.kind === 'mul' ? printed.kind : undefined;
  const own = new Set(children(printed).map((c) => keyOf(c, memo)));
  const holdsAll = (e: Expr) => e.kind === flat && children(e).length > own.size && [...own].every((k) => children(e).some((c) => keyOf(c, memo) === k));
  const inside = (e: Expr): boolean => children(e).some((c) => keyOf(c, memo) === target || holdsAll(c) || inside(c));
  return holdsAll(derived) || inside(derived);
}

/** The parts of a claim whose printed side is mostly found in the derived side (empty when the claim says why that is legitimate). */
export function selfConfirmingParts(record: ClaimRecord): { label: string; coverage: number; shared: string[]; pasted: boolean }[] {
  if (record.selfConfirming) return [];
  // parts without checks only display a printed form next to its correction (erratum parts of inequalities)
  return record.parts
    .filter((p) => p.checks.length > 0)
    .map((p) => ({ label: p.label, ...sharedStructure(p.printedExpr, p.derivedExpr), pasted: pastedInside(p.printedExpr, p.derivedExpr) }))
    .filter((p) => p.coverage >= MAX_COVERAGE || p.pasted);
}

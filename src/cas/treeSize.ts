/**
 * An expression built by a caller (not parsed from text) checked against the limits a text meets:
 * its depth (maxDepth, as the parser bounds a text's nesting), and its size as printed, a shared
 * subtree counted each time it occurs: every node prints at least one character, so a tree of
 * more than maxTextLength nodes prints a text longer than any the engine reads (the witness reads
 * the printed form). The engine's walks are recursive, and a tree that shares its subtrees can
 * print exponentially long: past either limit the tree is refused with a LimitError naming it, in
 * time bounded by maxTextLength, never a stack overflow or a hang. The walk keeps its own stack.
 */
import { type Expr, children } from './expr.ts';
import { LimitError } from './errors.ts';
import { limits } from './limits.ts';

/** Refuse e (named by `label`) when it is deeper than maxDepth or has more nodes as printed than maxTextLength. */
export function checkTreeSize(e: Expr, label: string): void {
  const L = limits();
  const nodes: Expr[] = [e];
  const depths: number[] = [1];
  let count = 0;
  while (nodes.length > 0) {
    const x = nodes.pop()!;
    const depth = depths.pop()!;
    if (++count > L.maxTextLength)
      throw new LimitError(
        'maxTextLength',
        L.maxTextLength,
        label,
        `${label} has more than ${L.maxTextLength} nodes as printed (shared subtrees counted each time they occur)`,
      );
    if (depth > L.maxDepth) throw new LimitError('maxDepth', L.maxDepth, label, `${label} nests operations more than ${L.maxDepth} deep`);
    for (const c of children(x)) {
      nodes.push(c);
      depths.push(depth + 1);
    }
  }
}

/** Zero testing on the normal form: sums in denominators are cleared before deciding. */
import { Q, q, ONE, qSign } from './rational.ts';
import { Expr } from './expr.ts';
import { Poly, polyAdd, polyScale, polyMul, polyAtom, polyConst, settleNow, toPoly, isSumAtom, qLess } from './normal.ts';

/**
 * Multiply through by every sum atom that appears with a negative power, and expand again,
 * until no sum is left in a denominator. The result is zero exactly when p is (sums nonzero).
 */
export function clearDenominators(p: Poly, maxRounds = 8): Poly {
  let cur = p;
  for (let round = 0; round < maxRounds; round++) {
    const worst = new Map<string, { atom: Expr; exp: Q }>();
    for (const t of cur.values())
      for (const f of t.factors)
        if (isSumAtom(f) && qSign(f.exp) < 0) {
          const prev = worst.get(f.key);
          if (!prev || qLess(f.exp, prev.exp)) worst.set(f.key, { atom: f.atom, exp: f.exp });
        }
    if (worst.size === 0) return cur;
    let mult = polyConst(ONE);
    for (const { atom, exp } of worst.values()) {
      const ceil = q((-exp.p + exp.q - 1n) / exp.q); // ceil(-exp) for exp < 0
      mult = polyMul(mult, polyAtom(atom, ceil));
    }
    cur = settleNow(polyMul(cur, mult));
  }
  return cur;
}

/** True when the normal forms of a and b agree after clearing sum denominators. */
export function equalByNormalForm(a: Expr, b: Expr): boolean {
  return clearDenominators(polyAdd(toPoly(a), polyScale(toPoly(b), q(-1)))).size === 0;
}

/**
 * Term-level rules of the normal form for the function atoms it keeps (functionRules.ts), each an
 * identity wherever the term is defined:
 *  - cos(u)^k for k >= 2: cos^2 = 1 - sin^2 (so sin^2 + cos^2 = 1);
 *  - sin(u)^a beside cos(u)^b, a >= 2, b < 0: sin^2 = 1 - cos^2 (so tan^2 + 1 = sec^2);
 *  - abs(u)^(2m) = u^(2m), abs(u)^(2m+1) = u^(2m) abs(u) (m any nonzero integer);
 *  - sign(u)^(odd) = sign(u), sign(u)^(even) = sign(u)^2 (sign(0)^2 = 0, so not 1);
 *  - sign(u)^a abs(u)^b = u sign(u)^(a-1) abs(u)^(b-1) for a, b >= 1.
 * Each rule lowers an exponent (or moves a negative cos power up), so repeated application ends.
 */
import { Q, q, ONE, qIsInt, qSign, qadd } from './rational.ts';
import { Expr, fn, pow, num, keyOf } from './expr.ts';
import { Poly, Term, Factor, makeTerm, termPoly, polyAtom, polyAdd, polyScale, polyMul, polyPowInt, polyConst } from './polyCore.ts';

const isFn = (f: Factor, name: string): f is Factor & { atom: Expr & { kind: 'fn' } } => f.atom.kind === 'fn' && f.atom.name === name && !f.atom.derivs;
const intExp = (f: Factor): bigint | null => (qIsInt(f.exp) ? f.exp.p : null);
const argKey = (f: Factor) => (f.atom.kind === 'fn' ? keyOf(f.atom.args[0]) : '');

/** True when a factor may take part in one of the rules (a cheap filter before rewriteTerm). */
export function atomRuleMayApply(f: Factor): boolean {
  if (f.atom.kind !== 'fn' || f.atom.derivs) return false;
  const k = intExp(f);
  switch (f.atom.name) {
    case 'cos':
    case 'sin':
      return k !== null && k >= 2n;
    case 'abs':
      return k !== null && k !== 1n && k !== -1n;
    case 'sign':
      return true;
    default:
      return false;
  }
}

/** The term with the factors at `drop` removed, times `by`. */
function replaced(t: Term, drop: readonly number[], by: Poly): Poly {
  const rest = t.factors.filter((_, i) => !drop.includes(i));
  return polyMul(termPoly(makeTerm(t.coef, rest, t.expo)), by);
}

const oneMinus = (p: Poly) => polyAdd(polyConst(ONE), polyScale(p, q(-1)));

/** One rule applied to a term (the result is not settled), or null when none applies. `polyOf` is the normal form of an expression. */
export function rewriteTerm(t: Term, polyOf: (e: Expr) => Poly): Poly | null {
  const fs = t.factors;
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i];
    if (!atomRuleMayApply(f)) continue;
    const k = intExp(f);
    const u = f.atom.kind === 'fn' ? f.atom.args[0] : f.atom;
    if (isFn(f, 'cos') && k !== null) {
      const sin2 = polyAtom(fn('sin', [u]), q(2));
      const odd = k % 2n === 1n ? polyAtom(f.atom) : polyConst(ONE);
      return replaced(t, [i], polyMul(polyPowInt(oneMinus(sin2), k / 2n), odd));
    }
    if (isFn(f, 'sin') && k !== null) {
      const j = fs.findIndex((g) => isFn(g, 'cos') && qSign(g.exp) < 0 && argKey(g) === argKey(f));
      if (j < 0) continue;
      const cos2 = polyAtom(fn('cos', [u]), q(2));
      return replaced(t, [i], polyMul(oneMinus(cos2), polyAtom(f.atom, qadd(f.exp, q(-2)))));
    }
    if (isFn(f, 'abs') && k !== null) {
      if (k % 2n === 0n) return replaced(t, [i], polyOf(pow(u, num(k))));
      const s = k > 0n ? 1n : -1n;
      return replaced(t, [i], polyMul(polyOf(pow(u, num(k - s))), polyAtom(f.atom, q(s))));
    }
    if (isFn(f, 'sign')) {
      if (k !== null && k !== 1n && k !== 2n) return replaced(t, [i], polyAtom(f.atom, q(k % 2n === 0n ? 2n : 1n)));
      const j = fs.findIndex((g) => isFn(g, 'abs') && argKey(g) === argKey(f));
      const a = fs[j];
      if (j < 0 || k === null || k < 1n || !(qIsInt(a.exp) && a.exp.p >= 1n)) continue;
      const lower = (g: Factor, by: Q) => (qadd(g.exp, by).p === 0n ? polyConst(ONE) : polyAtom(g.atom, qadd(g.exp, by)));
      return replaced(t, [i, j], polyMul(polyOf(u), polyMul(lower(f, q(-1)), lower(a, q(-1)))));
    }
  }
  return null;
}

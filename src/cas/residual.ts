/**
 * Is a residual lhs - rhs nonzero? Only with a proof: its normal form is a nonzero combination of
 * things known to be independent (a nonzero rational; a polynomial in symbols, proven-prime
 * radicals and powers of e), or at some point of the domain certified bounds exclude zero. The
 * number of terms proves nothing: ln(cos(2x) + 2 sin(x)^2) is one term and identically 0.
 */
import type { Poly } from './polyCore.ts';
import type { Expr } from './expr.ts';
import { isPrime } from './primes.ts';
import type { CertifiedValue } from './witness/refine.ts';

/**
 * An atom whose monomials are independent: a symbol (distinct monomials in symbols are different
 * functions), a proven prime under a fractional power (Besicovitch: products of roots of distinct
 * primes are linearly independent over Q), e = exp(1) (Lindemann-Weierstrass: e^q for distinct
 * rational q are linearly independent over the algebraic numbers).
 */
function independentAtom(a: Expr, exp: { p: bigint; q: bigint }): 'symbol' | 'radical' | 'e' | undefined {
  if (a.kind === 'sym') return 'symbol';
  if (a.kind === 'num') return a.value.q === 1n && exp.p > 0n && exp.p < exp.q && isPrime(a.value.p) === true ? 'radical' : undefined;
  if (a.kind === 'fn' && a.name === 'exp' && !a.derivs && a.args[0].kind === 'num' && a.args[0].value.p === 1n && a.args[0].value.q === 1n) return 'e';
  return undefined;
}

/**
 * True when a nonzero normal form is provably not identically zero: every atom is independent in
 * the sense above (pi beside e is not accepted: their algebraic independence is an open problem).
 */
export function provablyNonzero(p: Poly): boolean {
  if (p.size === 0) return false;
  let pi = false;
  let e = false;
  for (const t of p.values()) {
    if (t.expo) return false;
    for (const f of t.factors) {
      const kind = independentAtom(f.atom, f.exp);
      if (!kind) return false;
      if (kind === 'e') e = true;
      if (f.atom.kind === 'sym' && f.atom.name === 'pi') pi = true;
    }
  }
  return !(pi && e);
}

/**
 * A method's vote on a residual it could not simplify to 0: different only at a point where
 * certified bounds exclude zero from the residual and, when given, from lhs - rhs itself as the
 * user wrote it (`original`). The second test is what makes a method's printed residual
 * untrusted: nerdamer has returned residuals that are not lhs - rhs (a 21-digit coefficient cut
 * to its last 4 digits), so a nonzero residual where lhs - rhs vanishes is no vote.
 */
export function confirmResidual(
  values: readonly CertifiedValue[],
  who: string,
  original?: () => readonly CertifiedValue[],
): { result: 'different' | 'unknown'; detail: string } {
  const candidates = values.flatMap((x, k) => (x.certified === 'nonzero' ? [k] : []));
  if (candidates.length > 0) {
    const truth = original?.();
    const at = truth ? candidates.find((k) => truth[k]?.certified === 'nonzero') : candidates[0];
    if (at === undefined) {
      const k = candidates[0];
      const told =
        truth?.[k]?.certified === 'vanishes'
          ? `lhs - rhs is 0 there to within its bound (${truth[k].digits ?? 0} digits)`
          : 'lhs - rhs is not certified nonzero there';
      return {
        result: 'unknown',
        detail: `${who}; it is ${values[k].value.v.toExponential(3)} at witness point #${k + 1}, but ${told}: the residual is not faithful to the sides, no vote`,
      };
    }
    const { value, digits } = truth?.[at] ?? values[at];
    const how = digits ? `, certified at ${digits} digits` : '';
    const which = truth ? 'lhs - rhs' : 'it';
    return {
      result: 'different',
      detail: `${who}; ${which} is ${value.v.toExponential(3)} at witness point #${at + 1} (error bound ${value.e.toExponential(1)}${how})`,
    };
  }
  if (values.length > 0 && values.every((x) => x.certified === 'vanishes'))
    return {
      result: 'unknown',
      detail: `${who}, but it is 0 to within its bound at all ${values.length} witness points (${Math.max(...values.map((x) => x.digits ?? 0))} digits): not simplified, no vote`,
    };
  if (values.some((x) => x.certified === 'undefined'))
    return { result: 'unknown', detail: `${who}; not a real number at some witness points, so not confirmed: no vote` };
  return { result: 'unknown', detail: `${who}; no witness point tells it from 0 (floats only or unresolved): no vote` };
}

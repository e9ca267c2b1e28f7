/**
 * Identities under an integral. Two routes, both exact:
 *  - integrands up to a total derivative: X = Y + d_x Z pointwise, with a flux Z that decays at
 *    infinity on a representative family of the function space (checked numerically), so that
 *    ∫ X dx = ∫ Y dx;
 *  - Gaussian integrals: ∫ x^k exp(-(alpha/2) x^2 + beta x + gamma) dx in closed form, term by
 *    term on a polynomial times a Gaussian (norms in L^2(M^{-1}), moments of Maxwellians).
 * A numeric value of an expression (and a quadrature) is provided as the independent witness.
 */
import {
  Expr,
  Term,
  add,
  mul,
  num,
  pow,
  sqrt,
  exp,
  sym,
  zero,
  expand,
  partial,
  partialN,
  substitute,
  substituteFunction,
  toPoly,
  toExpr,
  symbolsOf,
  printExpr,
  isZero,
  qIsInt,
  qSign,
  constantOf,
  doubleFactorial,
} from '../cas/index.ts';
import { IntegralError, Values, evaluateExpr } from './compile.ts';

export { IntegralError, evaluateExpr };
export type { Values };

/** A representative of a function space: an opaque function replaced by a formula in its parameters. */
export interface Representative {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
}

/** How to check that a flux decays: representatives, parameter points, and the radii to look at. */
export interface DecaySpec {
  readonly representatives: readonly Representative[];
  readonly points: Values;
  /** Radii |x| = R at which |Z| is evaluated (increasing); default [4, 8, 16]. */
  readonly radii?: readonly number[];
  /** Largest |Z| allowed at the last radius (default 1e-8). */
  readonly tolerance?: number;
  /** Values for the other variables of Z (default 0.3 each). */
  readonly others?: Values;
}

/**
 * Check that Z (with the representatives substituted) goes to 0 as |x| grows: |Z| at the last
 * radius is below the tolerance and not larger than at the first. Returns a one-line witness.
 */
export function checkDecay(flux: Expr, variable: string, spec: DecaySpec): string {
  let Z = flux;
  for (const r of spec.representatives) Z = substituteFunction(Z, r.name, r.params, r.body);
  const radii = spec.radii ?? [4, 8, 16];
  const tol = spec.tolerance ?? 1e-8;
  const vals = {
    ...Object.fromEntries([...symbolsOf(Z)].filter((s) => s !== variable && s !== 'pi').map((s) => [s, 0.3])),
    ...(spec.others ?? {}),
    ...spec.points,
  };
  const at = (R: number) => Math.max(Math.abs(evaluateExpr(Z, { ...vals, [variable]: R })), Math.abs(evaluateExpr(Z, { ...vals, [variable]: -R })));
  const first = at(radii[0]);
  const last = at(radii[radii.length - 1]);
  if (!(last <= tol && last <= first + tol))
    throw new IntegralError(
      `the flux Z = ${printExpr(flux)} does not decay in ${variable}: |Z| = ${first.toExponential(2)} at |${variable}| = ${radii[0]}, ${last.toExponential(2)} at ${radii[radii.length - 1]}`,
    );
  return `|Z| <= ${last.toExponential(1)} at |${variable}| = ${radii[radii.length - 1]}`;
}

/** An identity of integrals ∫ lhs = ∫ rhs established as lhs = rhs + d_x Z with Z decaying. */
export interface UnderIntegralSpec {
  readonly label: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly variable: string;
  /** The flux Z: lhs - rhs must equal d_x Z. */
  readonly flux: Expr;
  readonly decay: DecaySpec;
}

/**
 * The pointwise identity behind ∫ lhs dx = ∫ rhs dx: returns {printed: lhs, derived: rhs + d_x Z}
 * (to be decided by independent methods), after checking that Z decays (throws if not).
 */
export function underIntegral(spec: UnderIntegralSpec): { label: string; printed: Expr; derived: Expr } {
  const witness = checkDecay(spec.flux, spec.variable, spec.decay);
  return {
    label: `${spec.label} (integrand = rhs + d_${spec.variable} Z, Z = ${printExpr(spec.flux)}; ${witness})`,
    printed: spec.lhs,
    derived: add(spec.rhs, partial(spec.flux, spec.variable)),
  };
}

/** ∫_R x^k exp(-(alpha/2) x^2) dx: 0 for odd k, (k-1)!! sqrt(2 pi) alpha^{-(k+1)/2} for even k. */
export function gaussianMomentIntegral(k: number, alpha: Expr): Expr {
  if (!Number.isInteger(k) || k < 0) throw new IntegralError(`Gaussian moment: the order must be a non-negative integer, got ${k}`);
  if (k % 2 === 1) return zero;
  return mul(num(doubleFactorial(k - 1)), sqrt(mul(num(2), sym('pi'))), pow(alpha, num(-(k + 1), 2)));
}

/** A closed-form Gaussian integral and the expressions that must be positive for it to converge. */
export interface GaussianIntegral {
  readonly value: Expr;
  readonly positive: readonly Expr[];
}

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let j = 1; j <= k; j++) r = (r * (n - k + j)) / j;
  return r;
};

/** ∫ x^k exp(E) dx for E quadratic in x with leading coefficient -alpha/2. */
function monomialTimesGaussian(k: number, E: Expr, x: string): GaussianIntegral {
  if (!isZero(expand(partialN(E, x, 3)))) throw new IntegralError(`the exponent ${printExpr(E)} is not quadratic in ${x}`);
  const alpha = expand(mul(num(-1), partialN(E, x, 2)));
  const c = constantOf(toPoly(alpha));
  if (isZero(alpha) || (c !== null && qSign(c) <= 0))
    throw new IntegralError(`the Gaussian exp(${printExpr(E)}) does not decay in ${x} (alpha = ${printExpr(alpha)})`);
  const at0 = new Map([[x, zero]]);
  const beta = expand(substitute(partial(E, x), at0));
  const gamma = expand(substitute(E, at0));
  // complete the square: x = u + beta/alpha
  const shift = mul(beta, pow(alpha, -1));
  const terms: Expr[] = [];
  for (let j = 0; j <= k; j += 2) terms.push(mul(num(binomial(k, j)), pow(shift, k - j), gaussianMomentIntegral(j, alpha)));
  const value = mul(exp(add(gamma, mul(num(1, 2), pow(beta, 2), pow(alpha, -1)))), add(...terms));
  return { value, positive: [alpha] };
}

/** The power of x in a normal-form term, or an error naming the factor that is not x^k. */
function splitTerm(t: Term, x: string): { k: number; coef: Expr[]; expo: Expr } {
  let k = 0;
  const coef: Expr[] = [num(t.coef)];
  for (const f of t.factors) {
    if (!symbolsOf(f.atom).has(x)) coef.push(pow(f.atom, num(f.exp)));
    else if (f.atom.kind === 'sym' && qIsInt(f.exp) && qSign(f.exp) >= 0) k += Number(f.exp.p);
    else throw new IntegralError(`∫ d${x}: the factor ${printExpr(pow(f.atom, num(f.exp)))} is not a power of ${x} times a Gaussian`);
  }
  const E = t.expo ? toExpr(t.expo) : zero;
  if (!symbolsOf(E).has(x)) throw new IntegralError(`∫ d${x}: a term has no Gaussian factor in ${x}, the integral diverges`);
  return { k, coef, expo: E };
}

/**
 * ∫_R e dx in closed form for e a sum of (factors free of x) * x^k * exp(quadratic in x); factors
 * free of x (opaque functions of other variables included) are carried along. Throws otherwise.
 */
export function integrateGaussian(e: Expr, x: string): GaussianIntegral {
  const poly = toPoly(e);
  const values: Expr[] = [];
  const positive = new Map<string, Expr>();
  for (const t of poly.values()) {
    const { k, coef, expo } = splitTerm(t, x);
    const r = monomialTimesGaussian(k, expo, x);
    values.push(mul(...coef, r.value));
    for (const p of r.positive) positive.set(printExpr(p), p);
  }
  return { value: expand(add(...values)), positive: [...positive.values()] };
}

/** ∫_R e dx by composite Simpson on [-L, L] at the given values (the numeric witness of a closed form). */
export function quadrature(e: Expr, x: string, values: Values, L = 12, n = 4000): number {
  const h = (2 * L) / n;
  const at: Record<string, number> = { ...values };
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    at[x] = -L + i * h;
    s += w * evaluateExpr(e, at);
  }
  return (s * h) / 3;
}

/** A rational number close to x (denominator `den`), for exact families of test functions. */
export const rationalNear = (x: number, den = 64): Expr => num(Math.round(x * den), den);

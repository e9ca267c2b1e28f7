/**
 * Substituting an ansatz for the density in moment expressions: a Dirac mass delta_at in one
 * variable times a marginal (∫ h(v, w) delta_at(v) fbar(w) dv = h(at, w) fbar(w)), or a Maxwellian
 * M_rho(v) times a marginal (∫ v^k M_rho(v) dv fbar(w) = Gaussian moment * fbar(w)). The Gaussian
 * moments come with an independent witness: the recurrence they obey because d_v M = -rho v M.
 */
import { Expr, add, mul, div, num, pow, sym, fn, sqrt, exp, neg, expand, partial, substitute, isZero, printExpr, doubleFactorial } from '../cas/index.ts';
import { MomentAtom, MomentSpace, MomentError } from './moments.ts';
import { integrateGaussian } from './integrals.ts';

/** How an ansatz evaluates one moment atom of a space (throws when it has no closed form). */
export interface Ansatz {
  readonly name: string;
  value(atom: MomentAtom, space: MomentSpace): Expr;
}

/** Replace every moment of `space` in e by its value under the ansatz. */
export function applyAnsatz(e: Expr, space: MomentSpace, ansatz: Ansatz): Expr {
  return space.evaluate(e, (a) => ansatz.value(a, space));
}

/** A Dirac mass in `variable` at `at`, times the marginal `marginal` of the other variables. */
export interface DiracSpec {
  readonly variable: string;
  readonly at: Expr;
  readonly marginal: string;
  /** Moments of the marginal, needed when the space also integrates other variables (e.g. ∫ ... du). */
  readonly rest?: MomentSpace;
}

/** The ansatz delta_at(variable) ⊗ marginal. */
export function diracAnsatz(spec: DiracSpec): Ansatz {
  const name = `delta_${printExpr(spec.at)} ⊗ ${spec.marginal}`;
  return {
    name,
    value(atom, space) {
      if (!space.over.includes(spec.variable)) throw new MomentError(`${name}: the space does not integrate ${spec.variable}`);
      const h = substitute(atom.weight, new Map([[spec.variable, spec.at]]));
      const others = space.over.filter((x) => x !== spec.variable);
      if (others.length === 0) return mul(h, fn(spec.marginal, space.remaining.map(sym)));
      const rest = spec.rest;
      if (!rest || rest.density !== spec.marginal || others.some((x) => !rest.over.includes(x)) || rest.over.length !== others.length)
        throw new MomentError(`${name}: integrating also over ${others.join(', ')} needs the moments of ${spec.marginal} over them (rest)`);
      return rest.of(h);
    },
  };
}

/** (k-1)!! / rho^(k/2) for even k, 0 for odd k: ∫ v^k M_rho(v) dv. */
export function gaussianMoment(k: number, rho: Expr): Expr {
  if (!Number.isInteger(k) || k < 0) throw new MomentError(`Gaussian moment of order ${k}: the order must be a non-negative integer`);
  if (k % 2) return num(0);
  return mul(num(doubleFactorial(k - 1)), pow(rho, num(-k / 2)));
}

/** The degree k when w = x^k exactly, else undefined. */
function monomialDegree(w: Expr, x: string, maxDegree = 24): number | undefined {
  for (let k = 0; k <= maxDegree; k++) if (isZero(expand(add(w, neg(pow(sym(x), num(k))))))) return k;
  return undefined;
}

/** A Maxwellian M_rho in `variable`, times the marginal `marginal` of the other variables. */
export interface MaxwellianSpec {
  readonly variable: string;
  readonly rho: Expr;
  readonly marginal: string;
  /** ∫ v^k M_rho dv (default: the Gaussian moments); replaceable to test that a wrong table is caught. */
  readonly moment?: (k: number, rho: Expr) => Expr;
}

/** The ansatz M_rho(variable) ⊗ marginal. */
export function maxwellianAnsatz(spec: MaxwellianSpec): Ansatz {
  const name = `M_${printExpr(spec.rho)} ⊗ ${spec.marginal}`;
  const moment = spec.moment ?? gaussianMoment;
  return {
    name,
    value(atom, space) {
      if (space.over.length !== 1 || space.over[0] !== spec.variable) throw new MomentError(`${name}: the space must integrate exactly ${spec.variable}`);
      const k = monomialDegree(atom.weight, spec.variable);
      if (k === undefined) throw new MomentError(`${name}: no closed Gaussian moment for the weight ${printExpr(atom.weight)}`);
      return mul(moment(k, spec.rho), fn(spec.marginal, space.remaining.map(sym)));
    },
  };
}

/** M_rho(x) = sqrt(rho / (2 pi)) exp(-rho x^2 / 2), written (1/2) sqrt(2) sqrt(rho) pi^(-1/2) exp(...): roots kept apart (rho > 0 is not known to every checker). */
export const maxwellian = (rho: Expr, x: Expr): Expr =>
  mul(num(1, 2), sqrt(num(2)), sqrt(rho), pow(sym('pi'), num(-1, 2)), exp(mul(num(-1, 2), rho, pow(x, 2))));

/**
 * Facts a table of Maxwellian moments must satisfy, as printed/derived pairs: ∫ M = 1, ∫ v M = 0,
 * ∫ v^(k+1) M = (k/rho) ∫ v^(k-1) M (integrate v^k d_v M = -rho v^(k+1) M by parts), plus
 * d_v M_rho = -rho v M_rho for the explicit M_rho the recurrence rests on, and each moment against
 * the exact Gaussian integral of v^k M_rho (completing the square, a separate route).
 */
export function gaussianMomentFacts(rho: Expr, maxOrder: number, moment: (k: number, rho: Expr) => Expr = gaussianMoment) {
  const x = sym('__x');
  const M = maxwellian(rho, x);
  const facts = [
    { label: 'd_v M_rho = -rho v M_rho', printed: partial(M, '__x'), derived: mul(neg(rho), x, M), mustHold: true },
    { label: 'int M_rho dv = 1', printed: moment(0, rho), derived: num(1), mustHold: true },
    { label: 'int v M_rho dv = 0', printed: moment(1, rho), derived: num(0), mustHold: true },
  ];
  for (let k = 1; k < maxOrder; k++)
    facts.push({
      label: `int v^${k + 1} M = (${k}/rho) int v^${k - 1} M`,
      printed: moment(k + 1, rho),
      derived: mul(div(num(k), rho), moment(k - 1, rho)),
      mustHold: true,
    });
  for (let k = 0; k <= maxOrder; k++)
    facts.push({
      label: `int v^${k} M by exact Gaussian integration`,
      printed: moment(k, rho),
      derived: integrateGaussian(mul(pow(x, num(k)), M), '__x').value,
      mustHold: true,
    });
  return facts;
}

/**
 * The setting shared by the proofs of sections 4.4–4.5 (proofs-section4b.ts: Proposition 4.10 and
 * Lemma 4.11; proofs-section4c.ts: Proposition 4.12 and Theorems 4.1, 4.2): the proof scope, the
 * Maxwellian M, the weight m of (4.1) and mbar, the decaying representatives of the unknowns, the
 * signs of the paper's parameters, and the L2(m) norm of a Gaussian family.
 */
import { sym, mul, pow, partial, expand, integrateGaussian, maxwellian, Expr } from '../../src/index.ts';
import { m41Text, mbarText } from '../weighted-l2.ts';
import { PAPER_SIGNS, withFacts, proofScope } from './proof-kit.ts';

/** The proof scope of sections 4.4–4.5. */
export const { P } = proofScope({
  parameters: ['kappa', 'alpha', 'eta', 'delta', 'astar', 'mstar', 'C', 'h', 'x', 'L', 'y', 'theta2', 'k', 'An', 'En', 'G', 'N', 'Ei', 'Mn'],
  symbols: ['t', 's', 'vp'],
  coefficients: { I: null, Y: null },
  functions: { nu: 2, nup: 2, nubar: 1, jnu: 1, err: 1, F: 2 },
});
export const [v, w, rho, theta, kappa] = ['v', 'w', 'rho', 'theta', 'kappa'].map(sym);
/** The Maxwellian M_rho(v). */
export const M = maxwellian(rho, v);
/** The weight m of (4.1). */
export const m = P(m41Text);
/** mbar of section 4.5. */
export const mbar = P(mbarText);
/** d_v. */
export const dv = (e: Expr) => partial(e, 'v');
/** d_w. */
export const dw = (e: Expr) => partial(e, 'w');
/** Decaying representatives of the unknowns, for the integrations by parts. */
export const decay = {
  representatives: [
    { name: 'nu', params: ['v', 'w'], body: P('(1 + v + w^2)*exp(-(rho*v^2 + kappa*w^2)/2)') },
    { name: 'nup', params: ['v', 'w'], body: P('v*exp(-(rho*v^2 + kappa*w^2)/2)') },
    { name: 'nubar', params: ['w'], body: P('exp(-kappa*w^2/2)') },
    { name: 'err', params: ['w'], body: P('w*exp(-kappa*w^2/2)') },
    { name: 'jnu', params: ['w'], body: P('w*exp(-kappa*w^2/2)') },
    { name: 'N', params: ['x'], body: P('x - x^3') },
  ],
  points: { rho: 0.8, kappa: 1.3, theta: 0.7, V: 0.2, E: 0.1, PsiRho: 0.4, a: 0.6, b: 1.2 },
  radii: [4, 8, 16],
};
/** The signs of the paper's parameters with those of section 4. */
export const S4 = withFacts(PAPER_SIGNS, { positive: ['kappa', 'astar', 'delta'], nonnegative: ['x'] });
/** The norm squared in L2(m) of a Gaussian family (v, then w). */
export const norm2 = (f: Expr, weight = m) => integrateGaussian(integrateGaussian(expand(mul(pow(f, 2), weight)), 'v').value, 'w').value;

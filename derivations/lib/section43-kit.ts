/**
 * The setting shared by the proofs of section 4.3 (proofs-section4.ts: Lemma 4.4;
 * proofs-section4a.ts: Lemma 4.6, Proposition 4.7, Corollary 4.8, Lemma 4.9): the proof scope, the
 * unknown nu(v, w), the weight m of (4.1), decaying representatives for the integrations by parts,
 * and the signs the section uses.
 */
import { fn, sym, partial, Expr } from '../../src/index.ts';
import { m41Text } from '../weighted-l2.ts';
import { PAPER_SIGNS, withFacts, proofScope } from './proof-kit.ts';

/** The proof scope of section 4.3. */
export const { P } = proofScope({
  parameters: [
    'kappa',
    'alpha',
    'alpham',
    'eta',
    'eta1',
    'eta2',
    'chi',
    'A',
    'p',
    'q',
    'X',
    'beta',
    'N0',
    'N1',
    'N2',
    'W1',
    'W2',
    'D1',
    'Pn',
    'Y',
    'Z',
    'n0',
    'n1',
    'mstar',
  ],
  symbols: ['t', 'x', 'y'],
  functions: { nu: 2, omega: 1, nubar0: 1 },
});
export const [v, w, theta] = ['v', 'w', 'theta'].map(sym);
/** The unknown nu(v, w). */
export const nu = fn('nu', [v, w]);
/** The weight m of (4.1). */
export const m = P(m41Text);
/** d_v. */
export const dv = (e: Expr) => partial(e, 'v');
/** d_w. */
export const dw = (e: Expr) => partial(e, 'w');
/** Decaying representatives of the unknowns, for the integrations by parts. */
export const decay = {
  representatives: [
    { name: 'nu', params: ['v', 'w'], body: P('(1 + v + w^2)*exp(-(rho*v^2 + kappa*w^2)/2)') },
    { name: 'N', params: ['x'], body: P('x - x^3') },
  ],
  points: { rho: 0.8, kappa: 1.3, theta: 0.7, V: 0.2, E: 0.1, PsiRho: 0.4, a: 0.6, b: 1.2 },
  radii: [4, 8, 16],
};
/** The signs the section uses: kappa, eta's, theta positive; norms nonnegative. */
export const S4 = withFacts(PAPER_SIGNS, { positive: ['kappa', 'A', 'alpham'], nonnegative: ['N0', 'N1', 'N2', 'W1', 'W2', 'D1', 'Y', 'Z', 'n0', 'n1'] });

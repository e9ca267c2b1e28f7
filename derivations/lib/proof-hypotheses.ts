/**
 * The statements the proofs take from the paper without replaying them: definitions of the names
 * a step uses (A = |a|, C^2 = max(...)), hypotheses, standard inequalities cited for an instance,
 * and results of other propositions. Each is an entry `name: [lhs, rhs, where the paper states it]`
 * (lhs <= rhs, in the names of the proofs' scopes); a proof cites it by name with
 * `hypothesis(paperHypotheses(P), name)`, and the verdict lists every entry it used. An entry
 * that rests on a claim of the run names it: the claim must be verified when the entry is used.
 */
import { Expr, hypothesisList, HypothesisList } from '../../src/index.ts';

interface Statement {
  readonly lhs: string;
  readonly rhs: string;
  readonly source: string;
  readonly strict?: boolean;
  readonly claim?: string;
}

/** The paper's list, by name. */
export const PROOF_HYPOTHESES: Readonly<Record<string, Statement>> = {
  'abs-mu-nu': { lhs: 'mu - nu', rhs: 'A', source: 'definition A = |mu - nu| (proof of Lemma 2.1)' },
  'abs-Dv': { lhs: '-Dv', rhs: 'A', source: 'definition A = |Dv| (proof of Lemma 2.2, term B)' },
  '(2.10)-integrated': { lhs: 'H', rhs: 'H0 + S', source: '(2.10) integrated on [0, t]: H(t) <= H(0) + ∫_0^t R (proof of Lemma 2.2)' },
  'lemma-2.1-at-half-integrated': {
    lhs: 'H0',
    rhs: 'L0',
    source: "Lemma 2.1's pointwise bound mu ln(mu/D) <= (1 - alpha)/alpha |mu - nu| at alpha = 1/2, integrated: H_{1/2}[f0|g0] <= ||f0 - g0||",
    claim: 'lemma-2.1-proof',
  },
  'C-max-m1': { lhs: '8*m1', rhs: 'C^2', source: 'definition C^2 = max(8 m1, 1/b) (Proposition 3.4)' },
  'C-max-b': { lhs: '1/b', rhs: 'C^2', source: 'definition C^2 = max(8 m1, 1/b) (Proposition 3.4)' },
  'abs-a-squared': { lhs: 'a^2', rhs: 'A^2', source: 'definition A = |a|, so A^2 = a^2 (proof of Lemma 4.4)' },
  'lemma-4.6-by-parts': {
    lhs: 'N0^2/2 + kappa*Y^2/2',
    rhs: 'Pn',
    source: '(1/2)∫(1 + kappa w^2)|nu|^2 m = -∫ w nu d_w nu m, the by-parts identity of Lemma 4.6 integrated (N0 = ||nu||, Y = ||w nu||, Pn = -<w nu, d_w nu>)',
  },
  'cauchy-schwarz-lemma-4.6': { lhs: 'Pn', rhs: 'Y*Z', source: 'Cauchy–Schwarz in L2(m), cited: -<w nu, d_w nu> <= ||w nu|| ||d_w nu|| (Lemma 4.6)' },
  'triangle-d-w-nu': {
    lhs: 'D1',
    rhs: 'N0 + W1',
    source: 'triangle inequality, cited: ||d_w(w nu)|| = ||nu + w d_w nu|| <= ||nu|| + ||w d_w nu|| (Corollary 4.8)',
  },
  'prop-4.10': { lhs: 'An', rhs: 'G*N*(C*sqrt(eps) + Mn)', source: 'Proposition 4.10 as stated (proof of Theorem 4.1 (2))' },
  'prop-4.12-1': { lhs: 'En', rhs: 'G*(Ei + C*N*sqrt(eps))', source: 'Proposition 4.12 (1) as stated (proof of Theorem 4.1 (2))' },
};

/** The paper's list read in a proof's scope (each entry parsed on first use). */
export function paperHypotheses(P: (text: string) => Expr): HypothesisList {
  return hypothesisList(
    Object.fromEntries(
      Object.entries(PROOF_HYPOTHESES).map(([name, s]) => [name, () => ({ lhs: P(s.lhs), rhs: P(s.rhs), source: s.source, strict: s.strict, claim: s.claim })]),
    ),
  );
}

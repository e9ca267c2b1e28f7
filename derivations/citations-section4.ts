/**
 * Section 4, the citations its proofs make (Lemma 4.4 to Theorem 4.2), in the order of the text.
 * A citation whose step writes the premise it uses is checked against the cited statement; the
 * others name a hypothesis, a definition or an equation replayed elsewhere.
 */
import { derivation } from '../src/index.ts';
import { proofAssumptions } from './lib/proof-kit.ts';
import { citer, CITATION_ASSUMPTIONS, P } from './lib/statements.ts';

export default derivation('Citations in the proofs of section 4', 'Section 4 (citations)', (d) => {
  d.assume({ ...proofAssumptions, ...CITATION_ASSUMPTIONS });
  const c = citer(d);
  c.check(
    'cite-4.2.2-thm-3.2',
    {
      at: '§4.2.2, before Theorem 4.2',
      cites: 'Theorem 3.2',
      quote: 'we invert the change of variable (1.6) and deduce from Theorem 3.2 an expansion for the solution μ^ε',
      uses: 'Theorem 4.1 (2)',
    },
    // what the proof of Theorem 4.2 takes (§4.5: "applying Theorem 4.1"): a bound on ||nu^eps - nu||_{H^k(m^eps)} at each t
    { lhs: P('Hk'), rhs: P('exp(C*t)*(Ek + C*Nk1*(sqrt(eps) + Mn))') },
    {
      note: {
        location: 'reference',
        change:
          'deduce from Theorem 3.2 -> deduce from Theorem 4.1 (the sentence repeats §3.1.2; Theorem 4.2 is "a straightforward consequence of Theorem 4.1")',
      },
      correct: { cites: 'Theorem 4.1 (2)' },
    },
  );
  // ---- Lemma 4.4
  c.named(
    { at: 'proof of Lemma 4.4', cites: '(1.7)', quote: 'Since b_0^ε is given by (1.7), we have -<div_u[b_0^ε ν], ν> = A1 + A2 + A3' },
    'replayed by lemma-4.4-split',
  );
  c.named(
    { at: 'proof of Lemma 4.4', cites: 'Lemma 4.4', quote: 'Now let us detail the computation and start with A21, which rewrites as follows ... A1 = ...' },
    'a label slip, not a numbered citation: the display that follows is A1 (its integration by parts is lemma-4.4-split), not A21',
  );
  c.check(
    'cite-4.4-A23',
    {
      at: 'proof of Lemma 4.4',
      cites: 'A3 (proof of Lemma 4.4)',
      quote: 'We estimate A3 taking advantage of the confining term A21 coupled with the confining assumption (4.2) on N.',
      uses: 'A23 (proof of Lemma 4.4)',
    },
    // the term the proof bounds with (4.2): A23 + (m*/8) N = ∫ chi ((m*/8) |v'|^2 w(v') - N'(v')/2) |nu|^2 m, less (m*/8) N
    { lhs: P('chi*(mstar/8*Om - Np/2)*nu2*mw - mstar/8*chi*Om*nu2*mw'), rhs: P('0') },
    {
      note: {
        location: 'reference',
        change: 'We estimate A3 -> We estimate A23 (A3 is bounded by Young and Theorem 2.7 (4); (4.2) bounds A23, the only use of (4.2), Remark 4.5)',
      },
      correct: { cites: 'A23 (proof of Lemma 4.4)' },
    },
  );
  c.check(
    'cite-4.4-thm-2.7',
    {
      at: 'proof of Lemma 4.4',
      cites: 'Theorem 2.7 (2)',
      quote: 'According to item (2) in Theorem 2.7, V^ε is uniformly bounded with respect to both (t, x) and ε',
    },
    { lhs: P('Vb'), rhs: P('C') },
  );
  c.named(
    {
      at: 'proof of Lemma 4.4',
      cites: '(2.1a)',
      quote: 'where ω is given by assumption (2.1a) ... applying assumption (2.1a), the right hand side ... is non positive for R sufficiently large',
    },
    'the super-linear decay of N: the choice of R is analytic',
  );
  c.named({ at: 'proof of Lemma 4.4', cites: '(2.5)', quote: 'where m_* is the lower bound of ρ_0^ε given by assumption (2.5)' }, 'hypothesis (2.5)');
  c.named(
    { at: 'proof of Lemma 4.4', cites: '(4.2)', quote: 'Hence, according to assumption (4.2), we deduce A23 + (m_*/8) N <= C ||ν||^2' },
    'the confining hypothesis on N; C0 = 4/m* is lemma-4.4-A2-split',
  );
  c.named(
    {
      at: 'proof of Lemma 4.4',
      cites: 'Theorem 2.7',
      quote: 'According to item (4) in Theorem 2.7, E(μ^ε) is uniformly bounded with respect to both (t, x) and ε > 0',
    },
    'item (4) gives |E| <= C(e^{-2 m* t/eps} + eps), bounded uniformly only for eps bounded: lemma-4.4-eps-range',
  );
  c.named({ at: 'proof of Lemma 4.4', cites: '(4.9)', quote: 'Gathering estimates (4.9), (4.10) and (4.11), it yields' }, 'replayed by lemma-4.4-gather');
  // ---- Proposition 4.7, Corollary 4.8
  c.check(
    'cite-4.7-lemma-4.4',
    { at: 'proof of Prop. 4.7', cites: 'Lemma 4.4', quote: 'Since κ is greater than 1/(2b), we apply Lemma 4.4 with α = 1.' },
    { instance: { alpha: P('1') }, lhs: P('X'), rhs: P('D/theta^2 + C*N2') },
  );
  c.check(
    'cite-4.7-lemma-4.6',
    { at: 'proof of Prop. 4.7', cites: 'Lemma 4.6', quote: 'Then we apply Lemma 4.6, which yields B <= (C/η)||h^ε||^2 + (η/θ^2) D[h^ε]' },
    { part: 'first', instance: { N0: P('Nnu'), N1: P('Nh') }, lhs: P('Nnu'), rhs: P('Nh/sqrt(kappa)') },
  );
  c.named(
    { at: 'proof of Prop. 4.7', cites: '(4.13)', quote: 'multiplying equation (4.13) by h^ε m^ε and integrating' },
    'the corrected (4.13) (eq-4.13), used by prop-4.7-B',
  );
  c.named(
    { at: 'proof of Prop. 4.7', cites: '(4.14)', quote: 'equation (4.14) on ∂_w^2 ν^ε is the same as equation (4.13) on ∂_w ν^ε up to a constant' },
    'the corrected (4.14) (eq-4.14)',
  );
  c.named(
    { at: 'proof of Cor. 4.8', cites: 'Lemma 4.6', quote: 'according to Lemma 4.6, we have ||(w^{k1} ∂_w^{k2}) ν^ε|| <= (2/κ)^{k1} ||∂_w^k ν^ε||' },
    'Lemma 4.6 iterated: cor-4.8',
  );
  c.named(
    { at: 'proof of Cor. 4.8', cites: 'Proposition 4.7', quote: 'Consequently, we obtain the result applying Proposition 4.7.' },
    'Proposition 4.7 with index k',
  );
  c.named(
    { at: 'proof of Lemma 4.9', cites: '(1.9)', quote: 'Since ν̄ solves (1.9), it is given by the following formula' },
    'the explicit solution: lemma-4.9',
  );
  // ---- Proposition 4.10
  c.named({ at: '§4.4.1', cites: '(4.12)', quote: 'where the operator A^ε is given by (4.12)' }, 'replayed by eq-4.12, eq-4.15');
  c.check(
    'cite-4.10-thm-2.7',
    {
      at: 'proof of Prop. 4.10',
      cites: 'Theorem 2.7 (2)',
      quote: 'According to items (2) and (4) in Theorem 2.7, V^ε and E(μ^ε) are uniformly bounded with respect to both (t, x) and ε',
    },
    { lhs: P('Vb'), rhs: P('C') },
  );
  c.named(
    { at: 'proof of Prop. 4.10', cites: 'Corollary 4.8', quote: 'Therefore, we apply Corollary 4.8 and obtain the following estimate for A1' },
    'Corollary 4.8 with k = 1 (k1, k2) in {(0, 0), (1, 0)}, after Jensen (prop-4.10-jensen)',
  );
  c.named(
    { at: 'proof of Prop. 4.10', cites: 'Proposition 4.7', quote: 'hence, applying Proposition 4.7, we obtain A2 <= C e^{Ct} ||ν_0^ε||^2' },
    'Proposition 4.7 with k <= 1',
  );
  c.named(
    { at: 'proof of Prop. 4.10', cites: 'Lemma 4.4', quote: 'we apply Lemma 4.4 and Proposition 4.7 to control the term associated to linear transport' },
    'Lemma 4.4 on nu_perp, then ||nu_perp|| <= ||nu|| and Proposition 4.7',
  );
  c.external(
    { at: 'proof of Prop. 4.10', cites: '[14] Gaussian–Poincaré', quote: 'the Gaussian-Poincaré inequality rewrites ||ν_⊥||^2 <= D[ν_⊥], see [14]' },
    'outside source; its constant is 1/rho0 (prop-4.10-poincare)',
  );
  c.named(
    { at: 'proof of Prop. 4.10', cites: '(1.11)', quote: 'Taking advantage of the ODE solved by θ^ε (see (1.11)), we compute explicitly I' },
    'I-closed-form, prop-4.10-gronwall',
  );
  c.named(
    { at: 'proof of Prop. 4.10, k = 1', cites: '(4.16)', quote: 'multiplying equation (4.16) by h_⊥^ε m^ε' },
    'replayed by eq-4.16; the k = 1 step is prop-4.10-k1',
  );
  // ---- Lemma 4.11, Proposition 4.12
  c.named({ at: 'proof of Lemma 4.11', cites: '(4.17)', quote: 'multiplying equation (4.17) by (ν̄^ε - ν̄) m̄' }, 'eq-4.17, lemma-4.11-energy');
  c.named(
    {
      at: 'proof of Lemma 4.11',
      cites: '(2.5)',
      quote: 'According to Cauchy-Schwarz inequality and applying assumption (2.5), the source term admits the bound',
    },
    'hypothesis (2.5)',
  );
  c.check(
    'cite-4.12-lemma-4.4',
    {
      at: 'proof of Prop. 4.12',
      cites: 'Lemma 4.4',
      quote: 'According to Lemma 4.4, we have ||ν̄^ε - ν̄|| <= e^{Ct}(||ν̄_0^ε - ν̄_0|| + ∫_0^t e^{-Cs} θ^ε ||ν_⊥^ε||_{H^1_w} ds)',
      uses: 'Lemma 4.11',
    },
    { lhs: P('Ebar'), rhs: P('exp(C*t)*(Ebar0 + J1)') },
    {
      note: { location: 'reference', change: 'According to Lemma 4.4 -> According to Lemma 4.11 (with k = 0): the display is the statement of Lemma 4.11' },
      correct: { cites: 'Lemma 4.11' },
    },
  );
  c.check(
    'cite-4.12-prop-4.10',
    {
      at: 'proof of Prop. 4.12',
      cites: 'Proposition 4.10',
      quote: 'We apply the second estimate in Proposition 4.10 and Cauchy-Schwarz inequality ... min{1, e^{-2α_* s/ε} ε^{-α_*/m_*}}',
    },
    // squared by Cauchy–Schwarz: the term is the square of Proposition 4.10's at time s (its k = 1 instance, the "second estimate")
    { instance: { t: P('s') }, lhs: P('Xd'), rhs: P('sqrt(exp(-2*astar*s/eps)*eps^(-astar/mstar))') },
  );
  c.check(
    'cite-4.12-prop-4.7-index',
    {
      at: 'proof of Prop. 4.12 (1)',
      cites: 'Proposition 4.7',
      quote:
        'Item (1) in Proposition 4.12 is obtained following the same method excepted that we estimate A using Proposition 4.7 with index k instead of Proposition 4.10.',
      uses: 'Proposition 4.7 with index k + 1',
    },
    // Lemma 4.11 integrates ||nu_perp||_{H^{k+1}_w}: the premise is the bound of the derivatives of order k + 1
    { instance: { j: P('k') }, lhs: P('Hn(k + 1)'), rhs: P('exp(C*t)*Hn0(k + 1)') },
    {
      note: {
        location: 'reference',
        change:
          'Proposition 4.7 with index k -> with index k + 1 (Lemma 4.11 needs ||ν_⊥^ε||_{H^{k+1}_w}; the statement has ||ν_0^ε||_{H^{k+1}}, and k + 1 <= 2 is in the range of Prop. 4.7)',
      },
      correct: { cites: 'Proposition 4.7', use: { instance: { j: P('k + 1') } } },
    },
  );
  c.named(
    {
      at: 'proof of Theorem 4.1',
      cites: 'Proposition 4.12',
      quote:
        'Item (3) corresponds to item (2) in Proposition 4.12. Finally, we treat item (2) gathering the estimate in Proposition 4.10 and item (1) in Proposition 4.12.',
    },
    'thm-4.1-ledger, thm-4.1-orthogonality',
  );
  c.named(
    {
      at: 'proof of Theorem 4.1',
      cites: 'Theorem 2.4',
      quote: 'Item (1) is a consequence of Theorem 2.4 coupled with the regularity estimates provided in Proposition 4.7.',
    },
    'well-posedness; the order of sup and integral of item (1): order-thm-4.1-item-1',
  );
  // ---- Theorem 4.2
  c.named(
    { at: 'proof of Theorem 4.2', cites: 'Theorem 4.1', quote: 'Therefore, applying Theorem 4.1, using the compatibility assumption (4.7)' },
    'Theorem 4.1 (2): thm-4.2-powers',
  );
  c.check(
    'cite-4.5-lemma-4.9',
    { at: 'proof of Theorem 4.2', cites: 'Lemma 4.9', quote: 'applying Lemma 4.9 with w_0 = W^ε - W, it yields B1 <= C e^{bt/2} ||ν̄_0 - τ ν̄_0||' },
    { instance: { k: P('0') }, lhs: P('Nbar'), rhs: P('exp(b*t/2)*Nbar0') },
  );
  c.named({ at: 'proof of Theorem 4.2', cites: '(4.8)', quote: 'since m̄ <= m̄^+ and relying on assumption (4.8)' }, 'hypothesis (4.8)');
  c.named(
    { at: 'proof of Theorem 4.2', cites: 'Theorem 2.7', quote: 'To estimate A2, we apply item (1) in Theorem 2.7 and the compatibility assumption (4.7)' },
    'macroscopic convergence quoted from [2]',
  );
});

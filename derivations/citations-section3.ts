/**
 * Section 3, the citations its proofs make (Propositions 3.4–3.8, Theorems 3.2 and 3.3), in the
 * order of the text. A citation whose step writes the premise it uses is checked against the cited
 * statement; the others name a hypothesis, a definition or an equation replayed elsewhere.
 */
import { derivation, substitute, partial, add, mul, neg, pow, sym, num } from '../src/index.ts';
import { proofAssumptions } from './lib/proof-kit.ts';
import { citer, CITATION_ASSUMPTIONS, P, G } from './lib/statements.ts';

export default derivation('Citations in the proofs of section 3', 'Section 3 (citations)', (d) => {
  d.assume({ ...proofAssumptions, ...CITATION_ASSUMPTIONS });
  const c = citer(d);
  c.named(
    {
      at: '§3, before Theorem 3.2',
      cites: '(2.8)',
      quote: 'we denote by H and I the Boltzmann relative entropy and Fisher information, defined by (2.8) and (2.9) with α = 0',
    },
    '(2.8) is stated for alpha in (0, 1); at alpha = 0 it is the Boltzmann relative entropy, finite only where nu > 0 on the support of mu (an extension, not an instance)',
  );
  // ---- Proposition 3.4
  c.named(
    { at: 'proof of Prop. 3.4', cites: '(3.5)', quote: 'We compute the equation solved by f performing the change of variable (3.5) in equation (1.10).' },
    'replayed by eq-3.5',
  );
  c.check(
    'cite-3.4-eq-2.11',
    {
      at: 'proof of Prop. 3.4',
      cites: '(2.11)',
      quote: 'According to (2.11) in Lemma 2.2, it holds ||f(t) - g(t)|| <= 2 sqrt 2 ||f0 - g0||^(1/2) + ((1 - e^{-2bt})/b)^(1/2) |w0|',
    },
    // ∫_0^t R = ∫ e^{-2bs} w0^2/4 ds = w0^2 (1 - e^{-2bt})/(8b) = w0^2 Q/8 (prop-3.4-remainder)
    { instance: { L: P('Lfg'), L0: P('L0fg'), S: P('w0abs^2*Q/8') }, lhs: P('Lfg'), rhs: P('2*sqrt(2)*sqrt(L0fg) + sqrt(Q)*w0abs') },
  );
  c.named(
    { at: 'proof of Prop. 3.4', cites: '(3.2)', quote: 'according to assumption (3.2), we obtain the result after inverting the change of variable (3.5)' },
    'the hypothesis m1 |w0| on the initial data; the constant sqrt(max(8 m1, 1/b)) is prop-3.4-constant',
  );
  c.named(
    { at: 'proof of Prop. 3.5', cites: '(1.9)', quote: 'Since ν̄ solves (1.9), it is given by the following formula' },
    'the explicit solution, eq-1.9-solution',
  );
  // ---- Proposition 3.6
  c.named({ at: 'proof of Prop. 3.6', cites: '(1.7)', quote: 'where B_0^ε is given by (1.7)' }, 'replayed by eq-1.7');
  c.check(
    'cite-3.6-thm-2.7',
    {
      at: 'proof of Prop. 3.6',
      cites: 'Theorem 2.7 (2)',
      quote: 'According to items (2) and (4) in Theorem 2.7, ν^ε and E(μ^ε) are uniformly bounded with respect to both (t, x) and ε > 0',
      uses: 'Theorem 2.7 (2) on V^ε',
    },
    { lhs: P('nub'), rhs: P('C') },
    {
      note: {
        location: 'extraction',
        change: 'ν^ε -> V^ε ("V^ε and E(μ^ε) are uniformly bounded"), as the same sentence reads in the proofs of Prop. 3.7, Lemma 4.4 and Prop. 4.10',
        note: 'item (2) bounds the moments and V^ε, not the density ν^ε; the extracted text likely read \\mathcal{V}^ε as ν^ε',
      },
      correct: { cites: 'Theorem 2.7 (2)', use: { lhs: P('Vb') } },
    },
  );
  c.named(
    { at: 'proof of Prop. 3.6', cites: '(2.5)', quote: 'according to assumptions (2.3) and (2.5) on Ψ and ρ_0^ε, Ψ *_r ρ_0^ε is uniformly bounded' },
    'hypotheses (2.3), (2.5) of the paper',
  );
  c.named(
    { at: 'proof of Prop. 3.6', cites: '(2.1b)', quote: "applying Young's inequality, assumption (2.1b) and since N is locally Lipschitz" },
    'the growth of N; the bound |B0|^2 <= C(1 + |theta v|^{2p} + w^2) is analytic',
  );
  c.named(
    {
      at: 'proof of Prop. 3.6',
      cites: 'Theorem 2.7',
      quote: 'Then we invert the change of variable (1.6) in the integral ... and apply item (2) in Theorem 2.7',
    },
    'moments M_q <= C (q = 2p) after (1.6): analytic',
  );
  c.external(
    {
      at: 'proof of Prop. 3.6',
      cites: '[17] log-Sobolev',
      quote: 'the logarithmic Sobolev inequality for Gaussian measures reads as follows in our context (see [17])',
    },
    'outside source; its constant is wrong for rho0 < 1 (prop-3.6-log-sobolev)',
  );
  c.named(
    { at: 'proof of Prop. 3.6', cites: '(1.11)', quote: 'making use of the explicit expression of θ^ε (see (1.11)), we deduce that 1/2 <= ε/|θ^ε(s)|^2' },
    'replayed by prop-3.6-T-eps',
  );
  c.named(
    { at: 'proof of Prop. 3.6', cites: '(3.6)', quote: 'as long as ε is less than 1 and s is greater than T^ε, where T^ε is given by (3.6)' },
    'replayed by prop-3.6-T-eps and prop-3.6-initial-layer',
  );
  c.named({ at: 'Prop. 3.6 (2)', cites: '(3.3)', quote: 'where m2 is given in assumption (3.3)' }, 'the hypothesis on the initial entropy');
  // ---- Proposition 3.7: Lemma 2.2's second equation with the printed parameters
  const lam = P('a*eps/rho');
  const b2 = P('-(rho/(a*eps))*b*w');
  const lemma22second = add(partial(G, 't'), mul(lam, partial(mul(b2, G), 'w')), neg(mul(num(0), pow(lam, num(2)), partial(partial(G, 'w'), 'w'))));
  c.check(
    'cite-3.7-eq-1.10',
    {
      at: 'proof of Prop. 3.7',
      cites: '(1.10)',
      quote: 'Since ν̄ and ḡ^ε solve respectively equations (1.10) and (3.8), Lemma 2.2 applies with the following parameters',
      uses: '(1.9)',
    },
    { lhs: lemma22second, rhs: num(0) },
    {
      note: { location: 'reference', change: 'equations (1.10) and (3.8) -> equations (1.9) and (3.8) (ν̄ solves (1.9), as the statement of Prop. 3.7 says)' },
      correct: { cites: '(1.9)' },
    },
  );
  c.check(
    'cite-3.7-eq-2.11',
    {
      at: 'proof of Prop. 3.7',
      cites: '(2.11)',
      quote: 'According to (2.11) in Lemma 2.2, it holds ||ḡ^ε(t) - ν̄(t)|| <= 2 sqrt 2 (||ḡ_0^ε - ν̄_0|| + (∫_0^t R1 + R2 ds)^(1/2))',
    },
    { instance: { L: P('Gd'), L0: P('G0'), S: P('SR') }, lhs: P('Gd'), rhs: P('2*sqrt(2)*(G0 + sqrt(SR))') },
    {
      note: {
        location: 'formula',
        change: '2 sqrt 2 (||ḡ_0^ε - ν̄_0|| + ...) -> 2 sqrt 2 (||ḡ_0^ε - ν̄_0||^(1/2) + ...) in the display after "According to (2.11)"',
        note: 'the step misquotes (2.11): this is where the missing exponent of the statement of Prop. 3.7 (prop-3.7-statement) comes from',
      },
    },
  );
  c.named(
    { at: 'proof of Prop. 3.7', cites: '(3.7)', quote: 'as long as ε is less than 1 to ensure that γ^ε given by (3.7) is less than aθ^ε/m_*' },
    'γ^ε is defined in the display just before (3.7), which uses it; |γ| <= |a| θ/m* is prop-3.7-gamma (a may be negative)',
  );
  c.named(
    { at: 'proof of Prop. 3.7', cites: 'Theorem 2.7', quote: 'We invert the changes of variable (3.7) and (1.6) and apply items (3) and (4) in Theorem 2.7' },
    'items (3), (4) give the rate 2 m*, printed 2 rho0(x) (prop-3.7-R1-rate)',
  );
  c.named(
    {
      at: 'proof of Prop. 3.7',
      cites: 'Proposition 3.5',
      quote: 'Then to estimate R2, we apply Proposition 3.5. According to assumption (2.5) it holds R2 <= C ε e^{2bt}',
    },
    'replayed by prop-3.7-R2 from the explicit solution; it needs ||w d_w nubar0||_L1, which (3.1) does not bound',
  );
  // ---- Proposition 3.8
  c.check(
    'cite-3.8-prop-3.7',
    {
      at: 'proof of Prop. 3.8',
      cites: 'Proposition 3.7',
      quote: 'We estimate B applying Proposition 3.7, which ensures B <= 2 sqrt 2 ||ḡ_0^ε - ν̄_0||^(1/2) + C e^{bt} sqrt ε',
    },
    { instance: { Gd: P('Gd') }, lhs: P('Gd'), rhs: P('2*sqrt(2)*sqrt(G0) + C*exp(b*t)*sqrt(eps)') },
  );
  c.named(
    {
      at: 'proof of Prop. 3.8',
      cites: '(3.1)',
      quote: 'according to the regularity assumption (3.1) on ν̄_0, we obtain B <= 2 sqrt 2 ||ν̄_0^ε - ν̄_0||^(1/2) + C e^{bt} sqrt ε',
    },
    'replayed by prop-3.8-initial-data',
  );
  c.check(
    'cite-3.8-prop-3.6',
    {
      at: 'proof of Prop. 3.8',
      cites: 'Proposition 3.6 (2)',
      quote: 'According to Proposition 3.6, it holds ∫_0^t A1(s) ds <= 4 sqrt ε t m2 + C sqrt ε (t + 1)',
    },
    // A1 is two L1 distances, each bounded by Prop. 3.6 (2): twice the statement, with C -> C/2
    { scale: num(2), instance: { IA: P('IA1/2'), C: P('C/2') }, lhs: P('IA1'), rhs: P('4*sqrt(eps)*t*m2 + C*sqrt(eps)*(t + 1)') },
  );
  c.check(
    'cite-3.8-prop-3.4',
    { at: 'proof of Prop. 3.8', cites: 'Proposition 3.4', quote: 'we apply Proposition 3.4 and derive the following estimate for A2' },
    {
      instance: { w0abs: P('gabs*vabs') },
      lhs: P('Dw'),
      rhs: P('C*exp(b*t)*(exp(b*t)*gabs*vabs + sqrt(exp(b*t)*gabs*vabs))'),
    },
  );
  c.named(
    { at: 'Theorem 3.2', cites: 'Proposition 3.8', quote: 'Theorem 3.2 is obtained gathering the results from the first and the last step.' },
    'Propositions 3.6 and 3.8 gathered: thm-3.2-ledger',
  );
  c.named(
    { at: 'proof of Theorem 3.3', cites: 'Theorem 3.2', quote: 'this Theorem is a straightforward consequence of Theorem 3.2 and Theorem 2.7' },
    'the L1 norm is invariant under (1.6); thm-3.3-marginal, thm-3.3-compatibility',
  );
  void substitute;
  void sym;
});

/**
 * Regions as wide as the paper's statements, and the signs it leaves free. Lemma 4.4 (and with it
 * Proposition 4.7 and Corollary 4.8) is stated "for all positive eps": searched over every eps > 0,
 * two of its steps need eps bounded (theta^eps <= 1 for A21, the bound on E(mu^eps) from Theorem
 * 2.7 (4) for A3). Proposition 3.7 hands Lemma 2.2 lambda = a eps/rho0^eps, which Lemma 2.2 needs
 * positive, while a is any real number (§1.1).
 */
import { derivation, num, sym, extraDependencies } from '../src/index.ts';
import { PAPER_SIGNS, proofAssumptions, withFacts } from './lib/proof-kit.ts';
import { hypotheses, EPS_EVERY, A_BOTH_SIGNS, truncations } from './lib/hypotheses.ts';
import { carried } from './lib/dependencies.ts';
import { closedForm111 } from './rescaling.ts';
import { P } from './lib/statements.ts';

/** A light search: the violations show at the far end of eps at once (the replay's CPU budget). */
const LIGHT = { starts: 8, refine: 1, iterations: 20, corners: 16 };

export default derivation('Regions as wide as the statements', 'Sections 3–4 (ranges and signs)', (d) => {
  d.assume(proofAssumptions);
  const every = hypotheses(['mstar', 'rho', 't'], 'Lemma 4.4: every eps > 0, (2.5), t >= 0', [EPS_EVERY]);
  const upTo1 = hypotheses(['eps', 'mstar', 'rho', 't'], 'the restriction proposed: 0 < eps < 1, (2.5), t >= 0');
  const withK = hypotheses([], 'Lemma 4.4: every eps > 0, K >= 1 a constant independent of eps', [
    EPS_EVERY,
    { name: 'K', lo: 1, hi: 1e6, scale: 'log', hypothesis: 'K >= 1 independent of eps', truncation: 'K in [1, 1e6]' },
  ]);
  // what the constant of Lemma 4.4 depends on, step by step as the proof builds it, against what the statement allows
  const allowed = ['alpha', 'kappa', 'm*', 'mp', 'm̄p', 'N', 'A0', 'Psi'];
  const built = {
    'A1 (4.9)': ['A0', 'kappa', 'alpha'],
    'A21: the radius R (N, and sup |V^eps| from the moments)': ['N', 'mp'],
    'A22 (sup |V^eps| from the moments)': ['m*', 'N', 'mp'],
    'A23 (4.2)': ['m*', 'N'],
    'A3 (4.11): sup |E(mu^eps)| <= C(1 + eps)': ['m*', 'mp', 'm̄p', 'Psi', 'eps'],
  };
  const extra = extraDependencies(allowed, built);
  if (extra.length !== 1 || extra[0].extra.join() !== 'eps')
    throw new Error(`Lemma 4.4: the constant's extra dependencies are not the expected eps: ${JSON.stringify(extra)}`);
  d.step(
    'Lemma 4.4 over every eps > 0',
    `The statement holds "for all positive eps" with C independent of eps (C only depending on ${allowed.join(', ')}). The constant as the proof builds it also depends on ${extra.map((e) => `${e.extra.join(', ')} (${e.step})`).join('; ')}; theta^eps <= 1 (A21) needs eps <= 1 as well. Searched: ${[...truncations(every), ...truncations(withK)].join('; ')}.`,
    [{ label: 'theta^2 (1.11)', rhs: P(closedForm111) }],
  );
  const S = withFacts(PAPER_SIGNS, { facts: [P('1 - eps'), P('K - 1')] });
  d.inequality(
    {
      id: 'lemma-4.4-eps-range',
      source: 'proof of Lemma 4.4',
      title:
        'Steps of Lemma 4.4 that need eps bounded: theta^eps <= 1 (A21) and |E(mu^eps)| <= C uniformly (A3, from Theorem 2.7 (4)), searched over every eps > 0',
      assume: { K: 'positive' },
      expect: 'erratum',
      erratum: carried('lemma-4.4-eps-range', {
        location: 'hypothesis',
        change:
          'Lemma 4.4: "for all positive eps" -> "for all eps in (0, 1]" (as Propositions 3.6–3.8, 4.10, 4.12 have); likewise Proposition 4.7 and Corollary 4.8, which apply it for every eps > 0',
        note: 'theta^eps <= 1 ("since theta^eps <= 1", A21) holds for eps <= 1 only (theta^2 tends to eps), and Theorem 2.7 (4) gives |E| <= C(e^{-2 m* t/eps} + eps), uniformly bounded only for eps bounded; for eps > 1 the constant C of the lemma grows with eps',
      }),
    },
    () => ({
      inequalities: [
        {
          label: 'theta^eps <= 1, used for A21',
          printed: 'theta(t)^2 = eps(1 - e^{-2 rho t/eps}) + e^{-2 rho t/eps} <= 1 for every eps > 0',
          lhs: P(closedForm111),
          rhs: num(1),
          region: every,
          search: LIGHT,
          corrected: {
            printed: 'theta(t)^2 <= max(1, eps) (a convex combination of eps and 1)',
            rhs: P('(1 + eps + sqrt((eps - 1)^2))/2'),
          },
        },
        {
          label: 'sup_t |E(mu^eps)| <= C K uniformly in eps, from Theorem 2.7 (4) (sup_t of e^{-2 m* t/eps} + eps is 1 + eps)',
          printed: '1 + eps <= K for every eps > 0, K independent of eps',
          lhs: P('1 + eps'),
          rhs: sym('K'),
          region: withK,
          search: LIGHT,
          corrected: {
            printed: '1 + eps <= K (1 + eps): the constant carries the factor 1 + eps',
            rhs: P('K*(1 + eps)'),
            proof: { rest: P('(K - 1)*(1 + eps)'), context: S },
          },
        },
        {
          label: 'with eps < 1, as proposed: theta^2 <= 1',
          printed: 'theta(t)^2 <= 1 for 0 < eps < 1',
          lhs: P(closedForm111),
          rhs: num(1),
          region: upTo1,
          search: LIGHT,
          proof: { rest: P('(1 - eps)*(1 - exp(-2*rho*t/eps))'), context: withFacts(S, { facts: [P('1 - exp(-2*rho*t/eps)')] }) },
        },
        {
          label: 'with eps < 1, as proposed: 1 + eps <= 2',
          printed: '1 + eps <= 2 for 0 < eps < 1',
          lhs: P('1 + eps'),
          rhs: num(2),
          region: upTo1,
          search: LIGHT,
          proof: { rest: P('1 - eps'), context: S },
        },
      ],
    }),
  );

  const prop37 = hypotheses(['eps', 'mstar', 'rho'], 'Proposition 3.7: 0 < eps < 1, (2.5), a real', [A_BOTH_SIGNS]);
  d.inequality(
    {
      id: 'prop-3.7-lambda-sign',
      source: 'proof of Prop. 3.7',
      title: 'Lemma 2.2 holds "for all positive lambda"; Proposition 3.7 applies it with lambda = a eps/rho0^eps, a real (§1.1)',
      expect: 'erratum',
      erratum: carried('prop-3.7-lambda-sign', {
        location: 'hypothesis',
        change:
          '(delta, lambda) = (0, a eps/rho0^eps) -> (0, |a| eps/rho0^eps), with b1, b2, b3 multiplied by sign(a) (lambda b_i and lambda^2 are unchanged), and a != 0 (a = 0: gamma = 0 and g = nu, nothing to prove)',
        note: 'for a < 0 the printed lambda is negative, outside Lemma 2.2, and the remainder R2 = (a eps/rho0) ∫ ... is negative; |gamma| <= |a| theta/m* (prop-3.7-gamma) already uses |a|',
      }),
    },
    () => ({
      inequalities: [
        {
          label: 'lambda > 0 (Lemma 2.2), checked as lambda >= 0',
          printed: '0 <= a eps/rho0 (the lambda of Proposition 3.7), a real',
          lhs: num(0),
          rhs: P('a*eps/rho'),
          region: prop37,
          search: LIGHT,
          corrected: { printed: '0 <= |a| eps/rho0', rhs: P('sqrt(a^2)*eps/rho'), proof: { rest: P('sqrt(a^2)*eps/rho'), context: PAPER_SIGNS } },
        },
      ],
    }),
  );
});

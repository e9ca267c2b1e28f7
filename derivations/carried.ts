/**
 * Errata carried forward into the results that use them (section 8 of the review): the corrected
 * log-Sobolev constant of Proposition 3.6 through Proposition 3.8 into Theorem 3.2, and the corrected
 * Gaussian–Poincaré constant of Proposition 4.10 into its rate (and Theorem 4.1's range of alpha*).
 * Each claim puts the corrected form where the result used the printed one and says what changes.
 */
import { derivation, num, sym } from '../src/index.ts';
import { PAPER_SIGNS, proofAssumptions, withFacts, TWO_METHODS } from './lib/proof-kit.ts';
import { hypotheses, timeUpTo } from './lib/hypotheses.ts';
import { carried } from './lib/dependencies.ts';
import { closedForm111 } from './rescaling.ts';
import { P } from './lib/statements.ts';

const LIGHT = { starts: 8, refine: 1, iterations: 20, corners: 16 };

export default derivation('Errata carried into the results that use them', 'Sections 3–4 (errata carried forward)', (d) => {
  d.assume({ ...proofAssumptions, m2: 'positive', H0: 'nonnegative', Hint: 'nonnegative' });
  const S = withFacts(PAPER_SIGNS, { positive: ['m2'], facts: [P('rho - mstar')] });
  // ---- the log-Sobolev constant 2 rho0 H <= I, carried through Proposition 3.6 into Theorem 3.2
  d.step(
    'Log-Sobolev carried',
    'd/dt H + I/(2 theta^2) <= C with 2 rho0 H <= I (the corrected constant) and eps/theta^2 >= 1/2 after T^eps give ∫_T^t H <= (2 eps/rho0)(H0 + C t); Csiszár–Kullback and Cauchy–Schwarz in time: ∫ ||nu - M ⊗ nubar|| <= sqrt(t) (2 ∫ H)^(1/2), so the m2 term is 2 sqrt(eps t/rho0) m2 in Prop. 3.6 (2), twice that in Prop. 3.8, and (2 + 4) sqrt(eps t/rho0) m2 in Theorem 3.2.',
  );
  const region = hypotheses(['eps', 'mstar', 'rho'], 'Theorem 3.2: 0 < eps < 1, (2.5), t >= 0, m2 > 0', [
    timeUpTo(() => 1e4, 't in [0, 1e4]'),
    { name: 'm2', lo: 1e-3, hi: 1e3, scale: 'log', hypothesis: 'm2 > 0 (3.3)', truncation: 'm2 in [1e-3, 1e3]' },
  ]);
  d.inequality(
    {
      id: 'thm-3.2-carried',
      source: 'Theorem 3.2',
      title:
        'With the corrected log-Sobolev constant, Propositions 3.6 (2) and 3.8 give (2 + 4) sqrt(eps t/rho0) m2: the printed 6 sqrt(eps t) m2 of Theorem 3.2 against it',
      expect: 'erratum',
      erratum: carried('thm-3.2-carried', {
        location: 'constant',
        change:
          'Theorem 3.2: sqrt(eps)(6 sqrt(t) m2 + C e^{2bt}) -> sqrt(eps)(6 sqrt(t/m*) m2 + C e^{2bt}) (the factor m*^(-1/2) of the log-Sobolev constant of M_rho0)',
        note: 'C may not absorb it: the theorem says C depends on m1, m*, mp, m̄p and the data, not on m2; carried from prop-3.6-log-sobolev',
      }),
    },
    () => ({
      identities: [{ label: 'Prop. 3.6 (2) once and Prop. 3.8 twice: 2 + 4 = 6', printed: num(6), derived: P('2 + 2*2') }],
      inequalities: [
        {
          label:
            'Cauchy–Schwarz in time with the corrected entropy bound: sqrt(t (4 eps m2^2/rho + 2 C eps (t + 1))) <= 2 sqrt(eps t/rho) m2 + sqrt(2 C eps t (t + 1))',
          printed: 'sqrt(a + b) <= sqrt(a) + sqrt(b) with a = 4 eps t m2^2/rho0, b = 2 C eps t (t + 1)',
          lhs: P('sqrt(4*eps*t*m2^2/rho + 2*C*eps*t*(t + 1))'),
          rhs: P('2*sqrt(eps*t/rho)*m2 + sqrt(2*C*eps*t*(t + 1))'),
          proof: { squared: true, rest: P('4*sqrt(eps*t/rho)*m2*sqrt(2*C*eps*t*(t + 1))'), identity: TWO_METHODS, context: S },
        },
        {
          label: 'the carried m2 term fits the printed one',
          printed: '6 sqrt(eps t/rho0) m2 <= 6 sqrt(eps t) m2 (Theorem 3.2 as printed)',
          lhs: P('6*sqrt(eps*t/rho)*m2'),
          rhs: P('6*sqrt(eps*t)*m2'),
          region,
          search: LIGHT,
          corrected: {
            printed: '6 sqrt(eps t/rho0) m2 <= 6 sqrt(eps t/m*) m2',
            rhs: P('6*sqrt(eps*t/mstar)*m2'),
          },
        },
      ],
    }),
  );

  // ---- the Gaussian–Poincaré constant rho0 ||nu_perp||^2 <= D, carried into the rate of Proposition 4.10
  const theta2 = P(closedForm111);
  const p410 = hypotheses(
    ['eps', 'mstar', 'rho', 'b', 'kappa', 'astar', 't'],
    'Proposition 4.10: 0 < eps < 1, (2.5), (4.3), 0 < alpha* < 1 - (2 b kappa)^-1, t >= 0',
  );
  d.inequality(
    {
      id: 'prop-4.10-carried',
      source: 'Proposition 4.10',
      title:
        'With rho0 ||nu_perp||^2 <= D the decay is e^{-2 alpha* rho0 I(t)} = e^{-2 alpha* rho0 t/eps} theta^{-2 alpha*}: against the printed e^{-2 alpha* t/eps} eps^{-alpha*/m*} (squared), in logs, over the whole range of alpha*',
      expect: 'erratum',
      erratum: carried('prop-4.10-carried', {
        location: 'constant',
        change:
          "Proposition 4.10 (and Theorem 4.1 (2)): alpha* in (0, 1 - (2 b kappa)^-1) -> alpha* in (0, m*(1 - (2 b kappa)^-1)) (the rate alpha is the proof's, alpha* = m* alpha)",
        note: 'carried from prop-4.10-poincare: e^{-2 alpha rho0 t/eps} theta^{-2 alpha} <= e^{-2 alpha m* t/eps} eps^{-alpha}, which is the printed form with alpha* = m* alpha',
      }),
    },
    () => ({
      inequalities: [
        {
          label: 'the decay the corrected proof gives, against the printed one',
          printed: '-2 alpha* rho0 t/eps - alpha* ln theta^2 <= -2 alpha* t/eps - (alpha*/m*) ln eps',
          lhs: P(`-2*astar*rho*t/eps - astar*ln(${closedForm111})`),
          rhs: P('-2*astar*t/eps - astar/mstar*ln(eps)'),
          region: p410,
          search: LIGHT,
          corrected: {
            printed: 'with alpha* = m* alpha: -2 alpha rho0 t/eps - alpha ln theta^2 <= -2 (m* alpha) t/eps - alpha ln eps',
            rhs: P('-2*mstar*astar*t/eps - astar*ln(eps)'),
          },
        },
      ],
    }),
  );
  void sym;
  void theta2;
});

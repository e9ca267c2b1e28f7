/**
 * Section 4.3, the proof of Lemma 4.4: the split of -<div_u[b0 nu], nu> into A1 + A2 + A3, each
 * rewritten by integration by parts, the Young steps with their parameters (alpha_-, eta_1, eta_2,
 * eta), and the split of A2 on |theta v| > R. Lemma 4.6, Proposition 4.7, Corollary 4.8 and
 * Lemma 4.9 follow in proofs-section4a.ts.
 */
import {
  derivation,
  fn,
  sym,
  num,
  add,
  sub,
  mul,
  div,
  pow,
  sqrt,
  neg,
  substitute,
  substituteFunction,
  expMonotone,
  hypothesis,
  Derivation,
} from '../src/index.ts';
import { carried } from './lib/dependencies.ts';
import { closedForm111 } from './rescaling.ts';
import { byParts, withFacts, proofAssumptions, TWO_METHODS, paperHypotheses } from './lib/proof-kit.ts';
import { hypotheses } from './lib/hypotheses.ts';
import { P, v, w, theta, nu, m, dv, dw, decay, S4 } from './lib/section43-kit.ts';

export default derivation('Proofs of section 4: Lemma 4.4', 'Section 4.3 (proofs)', (d) => {
  d.assume(proofAssumptions);
  lemma44(d);
});

function lemma44(d: Derivation) {
  const Delta = P('N(V + theta*v) - N(V)');
  const A1i = sub(mul(div(num(1), theta), dv(mul(w, nu)), nu, m), mul(dw(mul(P('A0(theta*v, w)'), nu)), nu, m));
  const A2i = mul(neg(div(num(1), theta)), dv(mul(Delta, nu)), nu, m);
  const A3i = mul(dv(mul(P('v*PsiRho + E/theta'), nu)), nu, m);
  const Nprime = fn('N', [P('V + theta*v')], [1]);
  const A2form = mul(num(1, 2), sub(mul(P('rho/theta'), v, Delta), Nprime), pow(nu, 2), m);
  d.claim(
    {
      id: 'lemma-4.4-split',
      source: 'proof of Lemma 4.4',
      title: '-<div_u[b0 nu], nu> = A1 + A2 + A3 (integrands), and A1, A2, A3 after integration by parts',
    },
    () => [
      {
        label: 'A1 + A2 + A3 = -div_u[b0 nu] nu m with b0 of (1.7)',
        printed: add(A1i, A2i, A3i),
        derived: neg(mul(add(dv(mul(P('b0v'), nu)), dw(mul(P('b0w'), nu))), nu, m)),
        options: TWO_METHODS,
      },
      byParts(
        'A1 = (1/2)∫(kappa w A0 - d_w A0)|nu|^2 m - ∫ w nu m^(1/2) (1/theta) d_v[nu m] m^(-1/2)',
        A1i,
        sub(
          mul(num(1, 2), sub(mul(sym('kappa'), w, P('A0(theta*v, w)')), dw(P('A0(theta*v, w)'))), pow(nu, 2), m),
          mul(w, nu, sqrt(m), div(num(1), theta), dv(mul(nu, m)), pow(m, num(-1, 2))),
        ),
        { v: mul(div(num(1), theta), w, pow(nu, 2), m), w: mul(num(-1, 2), P('A0(theta*v, w)'), pow(nu, 2), m) },
        decay,
        TWO_METHODS,
      ),
      byParts(
        "A2 = (1/2)∫[(rho/theta) v (N(V + theta v) - N(V)) - N'(V + theta v)]|nu|^2 m",
        A2i,
        A2form,
        { v: mul(num(-1, 2), div(num(1), theta), Delta, pow(nu, 2), m) },
        decay,
        TWO_METHODS,
      ),
      byParts(
        'A3 = -∫(v Psi*rho + E/theta) nu d_v(nu m)',
        A3i,
        neg(mul(P('v*PsiRho + E/theta'), nu, dv(mul(nu, m)))),
        { v: mul(P('v*PsiRho + E/theta'), pow(nu, 2), m) },
        decay,
        TWO_METHODS,
      ),
    ],
  );

  // the split of A2 on {|theta v| > R} (chi = 0) and {|theta v| <= R} (chi = 1), as printed: A22 has v in front of the whole bracket
  const inner = (t: string) => mul(num(1, 2), P(t), pow(nu, 2), m);
  const A21 = mul(P('rho/(2*theta)*(1 - chi)'), v, Delta, pow(nu, 2), m);
  const A23 = mul(num(-1, 2), sub(num(1), sym('chi')), Nprime, pow(nu, 2), m);
  const A22printed = mul(num(1, 2), sym('chi'), v, sub(mul(P('rho/theta'), Delta), Nprime), pow(nu, 2), m);
  const A22fixed = mul(num(1, 2), sym('chi'), sub(mul(P('rho/theta'), v, Delta), Nprime), pow(nu, 2), m);
  d.claim(
    {
      id: 'lemma-4.4-A2-split',
      expect: 'erratum',
      erratum: carried('lemma-4.4-A2-split', {
        location: 'formula',
        change: "A22 = (1/2)∫ 1 v [(rho/theta)(N(V + theta v) - N(V)) - N'(V + theta v)] -> (1/2)∫ 1 [(rho/theta) v (N(V + theta v) - N(V)) - N'(V + theta v)]",
        note: 'a misplaced bracket: the v multiplies the first term only, otherwise A21 + A22 + A23 is not A2',
      }),
      source: 'proof of Lemma 4.4',
      title: "A2 = A21 + A22 + A23 with A22 = (1/2)∫ 1_{|theta v| <= R} v [(rho/theta)(N(V + theta v) - N(V)) - N'(V + theta v)]|nu|^2 m (as printed)",
    },
    () => [
      { label: 'A21 + A22 + A23 = A2 (chi = 1_{|theta v| <= R})', printed: add(A21, A22printed, A23), derived: A2form, options: TWO_METHODS },
      {
        label: "corrected: A22 = (1/2)∫ 1_{|theta v| <= R} [(rho/theta) v (N(V + theta v) - N(V)) - N'(V + theta v)]|nu|^2 m",
        printed: add(A21, A22fixed, A23),
        derived: A2form,
        options: TWO_METHODS,
        mustHold: true,
      },
      {
        label: 'theta v N(V + theta v) = |V + theta v|^2 omega(V + theta v) theta v/(V + theta v), omega(x) = N(x)/x',
        printed: P('(V + theta*v)^2*omega(V + theta*v)*theta*v/(V + theta*v)'),
        derived: substituteFunction(P('theta*v*N(V + theta*v)'), 'N', ['x'], P('x*omega(x)')),
      },
      {
        label: "A23 + (m*/8) N: (m*/8)(v'^2 omega(v') - C0 N'(v')) with C0 = 4/m* in (4.2)",
        printed: P('(mstar/8)*y^2*omega(y) - (1/2)*x'),
        derived: substitute(P('(mstar/8)*(y^2*omega(y) - (4/mstar)*x)'), new Map()),
      },
    ],
  );
  void inner;

  // A1: Young twice (p = nu sqrt(m), q = d_v(nu m)/sqrt(m), A = |a|, C = A kappa/4), then the parameters alpha_-, eta_2, eta_1
  const youngA1 = P('q^2/(2*eta2*theta^2) + ((A*kappa/4)/eta1*theta^2*v^2 + ((A*kappa/4)*eta1 + eta2/2 - b*kappa/2)*w^2)*p^2 + (b/2)*p^2');
  const params = new Map([
    ['eta2', P('1/(2*alpham)')],
    ['eta1', P('(b*kappa - 1/(2*alpham))/(2*A*kappa/4)')],
    ['alpham', P('(alpha + 1/(2*b*kappa))/2')],
  ]);
  const paramRegion = hypotheses(['b', 'kappa', 'alpha'], 'Lemma 4.4: b > 0, kappa > 1/(2b), alpha > 1/(2 b kappa)');
  d.inequality(
    {
      id: 'lemma-4.4-A1',
      source: 'proof of Lemma 4.4, (4.9)',
      title:
        'A1 <= D/(2 eta2 theta^2) + ∫(C/eta1 |theta v|^2 + (C eta1 + eta2/2 - b kappa/2) w^2)|nu|^2 m + C||nu||^2 (Young), and with alpha_- = (alpha + 1/(2 b kappa))/2, eta2 = 1/(2 alpha_-), eta1 = (b kappa - eta2)/(2C): the w^2 coefficient vanishes and eta1 > 0',
    },
    () => ({
      identities: [
        {
          label: 'C eta1 + eta2/2 - b kappa/2 = 0',
          printed: num(0),
          derived: substitute(substitute(P('(A*kappa/4)*eta1 + eta2/2 - b*kappa/2'), params), params),
        },
        { label: '1/(2 eta2) = alpha_-', printed: sym('alpham'), derived: substitute(P('1/(2*eta2)'), params) },
      ],
      inequalities: [
        {
          label: 'A1 integrand, pointwise (p = nu m^(1/2), q = d_v(nu m) m^(-1/2), A = |a|)',
          printed: '(1/2)(kappa w A0(theta v, w) - d_w A0) p^2 - (w/theta) p q <= q^2/(2 eta2 theta^2) + (...)p^2 + (b/2) p^2',
          lhs: sub(mul(num(1, 2), P('kappa*w*(a*theta*v - b*w) + b'), pow(sym('p'), 2)), P('(w/theta)*p*q')),
          rhs: youngA1,
          proof: {
            uses: [{ premise: hypothesis(paperHypotheses(P), 'abs-a-squared'), multiplier: P('kappa*eta1*w^2*p^2/(4*A)') }],
            rest: P('(kappa/(4*eta1*A))*(A*theta*v - a*eta1*w)^2*p^2 + (eta2/2)*(w*p + q/(eta2*theta))^2'),
            context: S4,
          },
        },
        {
          label: 'eta1 > 0: (alpha + 1/(2 b kappa))(b kappa - 1/(alpha + 1/(2 b kappa))) = b kappa (alpha - 1/(2 b kappa)) >= 0',
          printed: '1/(2 alpha_-) <= b kappa',
          lhs: substitute(P('1/(2*alpham)'), params),
          rhs: P('b*kappa'),
          region: paramRegion,
          proof: {
            scale: P('alpha + 1/(2*b*kappa)'),
            rest: P('b*kappa*(alpha - 1/(2*b*kappa))'),
            context: withFacts(S4, { facts: [P('alpha - 1/(2*b*kappa)')] }),
          },
        },
      ],
    }),
  );
  d.inequality(
    {
      id: 'lemma-4.4-A3',
      source: 'proof of Lemma 4.4, (4.11)',
      title: 'A3 <= (eta/theta^2) D + (1/(2 eta))(|Psi*rho|^2 ∫|theta v|^2|nu|^2 m + |E|^2 ||nu||^2) (Young), pointwise with X = theta v Psi*rho',
    },
    () => ({
      inequalities: [
        {
          label: 'A3 integrand',
          printed: '-(X + E) p q/theta <= eta q^2/theta^2 + (X^2 + E^2) p^2/(2 eta)',
          lhs: P('-(X + E)*p*q/theta'),
          rhs: P('eta*q^2/theta^2 + (X^2 + E^2)*p^2/(2*eta)'),
          proof: { rest: P('eta*(q/theta + (X + E)*p/(2*eta))^2 + p^2*(X - E)^2/(4*eta)'), context: S4 },
        },
      ],
    }),
  );
  const theta2 = P(closedForm111);
  d.inequality(
    {
      id: 'lemma-4.4-gather',
      source: 'proof of Lemma 4.4',
      title: 'alpha_- + 2 eta = alpha with 2 eta = alpha - alpha_- > 0; and theta^eps <= 1 (eps < 1), used for A21',
    },
    () => ({
      identities: [{ label: 'alpha_- + (alpha - alpha_-) = alpha', printed: sym('alpha'), derived: add(sym('alpham'), sub(sym('alpha'), sym('alpham'))) }],
      inequalities: [
        {
          label: 'eta > 0',
          printed: 'alpha_- < alpha',
          lhs: substitute(sym('alpham'), params),
          rhs: sym('alpha'),
          region: paramRegion,
          proof: { rest: P('(alpha - 1/(2*b*kappa))/2'), context: withFacts(S4, { positiveFacts: [P('alpha - 1/(2*b*kappa)')] }) },
        },
        {
          label: 'theta^2 <= 1',
          printed: 'eps(1 - e^{-2 rho t/eps}) + e^{-2 rho t/eps} <= 1',
          lhs: theta2,
          rhs: num(1),
          region: hypotheses(['eps', 'mstar', 'rho', 't'], '0 < eps < 1, (2.5), t >= 0'),
          proof: {
            uses: [{ premise: expMonotone(P('-2*rho*t/eps'), num(0), P('2*rho*t/eps')), multiplier: P('1 - eps') }],
            context: withFacts(S4, { facts: [P('1 - eps')] }),
          },
        },
      ],
    }),
  );
}

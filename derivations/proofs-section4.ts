/**
 * Section 4.3, the proofs of Lemmas 4.4, 4.6, Proposition 4.7, Corollary 4.8 and Lemma 4.9:
 * the split of -<div_u[b0 nu], nu> into A1 + A2 + A3, each rewritten by integration by parts,
 * the Young steps with their parameters (alpha_-, eta_1, eta_2, eta), the split of A2 on
 * |theta v| > R, the Poincaré-type Lemma 4.6 from its identity (and its constants on the
 * extremal Gaussians and Hermite modes), the B term of Proposition 4.7, the constant of
 * Corollary 4.8, and Lemma 4.9 from the explicit solution of (1.9).
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
  partial,
  expand,
  substitute,
  substituteFunction,
  substituteIntegrationVariable,
  integrateGaussian,
  expMonotone,
  hypothesis,
  fromClaim,
  young,
  Expr,
  Derivation,
} from '../src/index.ts';
import { carried } from './lib/dependencies.ts';
import { m41Text, mbarText } from './weighted-l2.ts';
import { closedForm111 } from './rescaling.ts';
import { byParts, PAPER_SIGNS, withFacts, proofAssumptions, proofScope, TWO_METHODS, paperHypotheses } from './lib/proof-kit.ts';
import { hypotheses } from './lib/hypotheses.ts';

const { P } = proofScope({
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
const [v, w, theta] = ['v', 'w', 'theta'].map(sym);
const nu = fn('nu', [v, w]);
const m = P(m41Text);
const dv = (e: Expr) => partial(e, 'v');
const dw = (e: Expr) => partial(e, 'w');
const decay = {
  representatives: [
    { name: 'nu', params: ['v', 'w'], body: P('(1 + v + w^2)*exp(-(rho*v^2 + kappa*w^2)/2)') },
    { name: 'N', params: ['x'], body: P('x - x^3') },
  ],
  points: { rho: 0.8, kappa: 1.3, theta: 0.7, V: 0.2, E: 0.1, PsiRho: 0.4, a: 0.6, b: 1.2 },
  radii: [4, 8, 16],
};
/** The signs the section uses: kappa, eta's, theta positive; norms nonnegative. */
const S4 = withFacts(PAPER_SIGNS, { positive: ['kappa', 'A', 'alpham'], nonnegative: ['N0', 'N1', 'N2', 'W1', 'W2', 'D1', 'Y', 'Z', 'n0', 'n1'] });

export default derivation('Proofs of section 4: Lemmas 4.4, 4.6, Proposition 4.7, Corollary 4.8, Lemma 4.9', 'Section 4.3 (proofs)', (d) => {
  d.assume(proofAssumptions);
  lemma44(d);
  lemma46(d);
  prop47(d);
  lemma49(d);
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

function lemma46(d: Derivation) {
  const kappa = sym('kappa');
  // X = ||nu||, Y = ||w nu||, Z = ||d_w nu||, Pn = -<w nu, d_w nu>: (1/2)(X^2 + kappa Y^2) = Pn by parts
  const [identity, cs] = ['lemma-4.6-by-parts', 'cauchy-schwarz-lemma-4.6'].map((name) => hypothesis(paperHypotheses(P), name));
  d.inequality(
    {
      id: 'lemma-4.6',
      source: 'Lemma 4.6',
      title:
        '||nu|| <= kappa^(-1/2) ||d_w nu|| and ||w nu|| <= (2/kappa) ||d_w nu|| in L2(m), from (1/2)∫(1 + kappa w^2)|nu|^2 m = -∫ w nu d_w nu m, Young and Cauchy–Schwarz',
    },
    () => ({
      identities: [
        byParts(
          '(1/2)(1 + kappa w^2) nu^2 m = -w nu d_w nu m',
          mul(num(1, 2), add(num(1), mul(kappa, pow(w, 2))), pow(nu, 2), m),
          neg(mul(w, nu, dw(nu), m)),
          { w: mul(num(1, 2), w, m, pow(nu, 2)) },
          decay,
        ),
      ],
      inequalities: [
        {
          label: 'Poincaré (N0 = ||nu||)',
          printed: '||nu||^2 <= ||d_w nu||^2/kappa',
          lhs: P('N0^2'),
          rhs: P('Z^2/kappa'),
          proof: { scale: num(1, 2), uses: [{ premise: identity }, { premise: cs }, { premise: young(sym('Y'), sym('Z'), kappa) }], context: S4 },
        },
        {
          label: 'moment',
          printed: '||w nu||^2 <= (2/kappa)^2 ||d_w nu||^2',
          lhs: P('Y^2'),
          rhs: P('4*Z^2/kappa^2'),
          proof: {
            scale: P('kappa/4'),
            uses: [{ premise: identity }, { premise: cs }, { premise: young(sym('Y'), sym('Z'), P('kappa/2')) }],
            rest: P('N0^2/2'),
            context: S4,
          },
        },
      ],
    }),
  );

  // the constants on the extremal families: Gaussians e^{beta w} and Hermite modes, with the weight (4.1)
  const norm = (f: Expr) => integrateGaussian(integrateGaussian(expand(mul(pow(f, 2), m)), 'v').value, 'w').value;
  const g = P('exp(-(rho*v^2 + kappa*w^2)/2 + beta*w)');
  const [N, Wn, D] = [norm(g), norm(mul(w, g)), norm(dw(g))];
  const hermite = ['1', 'w', 'kappa*w^2 - 1'].map((h) => mul(P(h), P('exp(-(rho*v^2 + kappa*w^2)/2)')));
  d.claim(
    {
      id: 'lemma-4.6-constants',
      source: 'Lemma 4.6',
      title:
        'The constants on the extremal families: kappa ||nu||^2/||d_w nu||^2 = kappa/(kappa + beta^2) for nu = e^{-(rho v^2 + kappa w^2)/2 + beta w} (1 at beta = 0) and 1/(n + 1) on Hermite modes; ||w nu||^2/||d_w nu||^2 = (kappa + 4 beta^2)/(kappa^2 (kappa + beta^2)) -> 4/kappa^2',
    },
    () => [
      {
        label: 'Gaussians: kappa ||nu||^2 (kappa + beta^2) = kappa ||d_w nu||^2',
        printed: mul(kappa, D),
        derived: mul(kappa, N, add(kappa, pow(sym('beta'), 2))),
        options: TWO_METHODS,
      },
      {
        label: 'Gaussians: ||w nu||^2 kappa^2 (kappa + beta^2) = (kappa + 4 beta^2) ||d_w nu||^2',
        printed: mul(P('kappa + 4*beta^2'), D),
        derived: mul(pow(kappa, 2), Wn, add(kappa, pow(sym('beta'), 2))),
        options: TWO_METHODS,
      },
      {
        label: '4/kappa^2 - (kappa + 4 beta^2)/(kappa^2 (kappa + beta^2)) = 3/(kappa (kappa + beta^2)) -> 0 as beta -> oo: 2/kappa is sharp',
        printed: P('3/(kappa*(kappa + beta^2))'),
        derived: P('4/kappa^2 - (kappa + 4*beta^2)/(kappa^2*(kappa + beta^2))'),
        options: TWO_METHODS,
      },
      ...hermite.map((h, n) => ({
        label: `Hermite mode n = ${n}: (n + 1) kappa ||nu||^2 = ||d_w nu||^2`,
        printed: norm(dw(h)),
        derived: mul(num(n + 1), kappa, norm(h)),
        options: TWO_METHODS,
      })),
    ],
  );
}

function prop47(d: Derivation) {
  const h = fn('nu', [v, w]); // h = d_w nu plays the unknown; the B term pairs d_v nu with h
  const nuV = P('exp(-(rho*v^2)/2)*nubar0(w)');
  void nuV;
  const l46 = (lhs: Expr, rhs: Expr, instance: Record<string, Expr>, squared = true) => fromClaim(d.claims, 'lemma-4.6', lhs, rhs, { instance, squared });
  d.claim(
    {
      id: 'prop-4.7-B',
      selfConfirming:
        'integration by parts: the derivative of the flux contains the integrand by the product rule; the content is the decay of the flux, checked on a representative',
      source: 'proof of Prop. 4.7',
      title: 'B = (1/theta)∫ d_v nu h m = -(1/theta)∫ nu d_v(h m) (by parts), with h = d_w nu',
    },
    () => [
      byParts(
        '(1/theta) d_v nu h m = -(1/theta) nu d_v(h m)',
        mul(div(num(1), theta), dv(nu), dw(nu), m),
        neg(mul(div(num(1), theta), nu, dv(mul(dw(nu), m)))),
        { v: mul(div(num(1), theta), nu, dw(nu), m) },
        decay,
        TWO_METHODS,
      ),
    ],
  );
  void h;
  d.inequality(
    {
      id: 'prop-4.7-young',
      source: 'proof of Prop. 4.7',
      title:
        'B <= ||nu||^2/(4 eta) + (eta/theta^2) D[h] <= ||h||^2/(4 eta kappa) + (eta/theta^2) D[h] (Young, then Lemma 4.6); alpha = 1 is admissible in Lemma 4.4 iff kappa > 1/(2b)',
    },
    () => ({
      inequalities: [
        {
          label: 'B integrand (p = nu m^(1/2), q = d_v(h m) m^(-1/2))',
          printed: '-(1/theta) p q <= p^2/(4 eta) + eta q^2/theta^2',
          lhs: P('-p*q/theta'),
          rhs: P('p^2/(4*eta) + eta*q^2/theta^2'),
          proof: { rest: P('eta*(q/theta + p/(2*eta))^2'), context: S4 },
        },
        {
          label: 'with Lemma 4.6 (N0 = ||nu||, N1 = ||d_w nu|| = ||h||)',
          printed: 'N0^2/(4 eta) <= N1^2/(4 eta kappa)',
          lhs: P('N0^2/(4*eta)'),
          rhs: P('N1^2/(4*eta*kappa)'),
          proof: { uses: [{ premise: l46(P('N0^2'), P('N1^2/kappa'), { Z: sym('N1') }, false), multiplier: P('1/(4*eta)') }], context: S4 },
        },
        {
          label: 'alpha = 1 > 1/(2 b kappa)',
          printed: '1/(2 b kappa) < 1',
          lhs: P('1/(2*b*kappa)'),
          rhs: num(1),
          region: hypotheses(['b', 'kappa'], '(4.3): b > 0, kappa > 1/(2b)'),
          proof: { scale: P('2*b*kappa'), rest: P('2*b*(kappa - 1/(2*b))'), context: withFacts(S4, { positiveFacts: [P('kappa - 1/(2*b)')] }) },
        },
      ],
    }),
  );

  // Corollary 4.8 with (k1, k2) = (2, 0): Lemma 4.6 iterated gives 6/kappa^2, the statement prints (2/kappa)^2
  const k = sym('kappa');
  d.inequality(
    {
      id: 'cor-4.8',
      source: 'Corollary 4.8',
      title:
        '||w^2 nu|| <= (6/kappa^2)||d_w^2 nu|| by Lemma 4.6 iterated (through d_w(w nu) = nu + w d_w nu); the printed (2/kappa)^2 holds on the extremal Gaussians but is not what the stated route gives',
    },
    () => {
      const g = P('exp(-(rho*v^2 + kappa*w^2)/2 + beta*w)');
      const norm = (f: Expr) => integrateGaussian(integrateGaussian(expand(mul(pow(f, 2), m)), 'v').value, 'w').value;
      return {
        identities: [{ label: 'd_w(w nu) = nu + w d_w nu', printed: add(nu, mul(w, dw(nu))), derived: dw(mul(w, nu)) }],
        inequalities: [
          {
            label: 'the route of the proof (W2 = ||w^2 nu||, D1 = ||d_w(w nu)||, N0, N1, N2 = ||d^k nu||, W1 = ||w d_w nu||)',
            printed: 'W2 <= (6/kappa^2) N2',
            lhs: sym('W2'),
            rhs: P('6*N2/kappa^2'),
            proof: {
              uses: [
                { premise: l46(sym('W2'), P('(2/kappa)*D1'), { Y: sym('W2'), Z: sym('D1') }) },
                { premise: hypothesis(paperHypotheses(P), 'triangle-d-w-nu'), multiplier: P('2/kappa') },
                { premise: l46(sym('N0'), P('N1/sqrt(kappa)'), { Z: sym('N1') }), multiplier: P('2/kappa') },
                { premise: l46(sym('N1'), P('N2/sqrt(kappa)'), { N0: sym('N1'), Z: sym('N2') }), multiplier: P('2/(kappa*sqrt(kappa))') },
                { premise: l46(sym('W1'), P('(2/kappa)*N2'), { Y: sym('W1'), Z: sym('N2') }), multiplier: P('2/kappa') },
              ],
              context: S4,
            },
          },
          {
            // both sides divided by ||nu||^2 (the common factor e^{2 beta^2/kappa} would overflow)
            label: 'the printed constant on e^{-(rho v^2 + kappa w^2)/2 + beta w}',
            printed: '||w^2 nu||^2 <= (2/kappa)^4 ||d_w^2 nu||^2',
            lhs: expand(div(norm(mul(pow(w, 2), g)), norm(g))),
            rhs: expand(mul(pow(div(num(2), k), 4), div(norm(dw(dw(g))), norm(g)))),
            region: hypotheses(['mstar', 'rho'], 'Corollary 4.8 on Gaussians: (2.5), kappa > 0, beta real', [
              { name: 'kappa', lo: 1e-2, hi: 1e2, scale: 'log', hypothesis: 'kappa > 0', truncation: 'kappa in [1e-2, 1e2]' },
              { name: 'beta', lo: -20, hi: 20, hypothesis: 'beta real', truncation: 'beta in [-20, 20]' },
            ]),
          },
        ],
      };
    },
  );
}

function lemma49(d: Derivation) {
  const E = P('exp(b*t)');
  const mbar = P(mbarText);
  const nb = mul(E, fn('nubar0', [mul(E, w)]));
  const at = (e: Expr) => substituteIntegrationVariable(e, 'w', div(sym('y'), E), 'y');
  const mbarY = (arg: Expr) => substitute(mbar, new Map([['w', arg]]));
  const ctx = withFacts(S4, { facts: [P('1 - exp(-2*b*t)')] });
  d.inequality(
    {
      id: 'lemma-4.9',
      source: 'Lemma 4.9',
      title:
        '||nubar(t)||_Hk(mbar) <= e^{(k + 1/2) b t} ||nubar0||_Hk(mbar), k = 0, 1, from nubar(t, w) = e^{bt} nubar0(e^{bt} w) and mbar(e^{-bt} y) <= mbar(y)',
    },
    () => ({
      identities: [
        { label: 'e^{bt} nubar0(e^{bt} w) solves (1.9)', printed: num(0), mustHold: true, derived: sub(partial(nb, 't'), mul(sym('b'), dw(mul(w, nb)))) },
        {
          label: '|nubar|^2 mbar after w = e^{-bt} y: e^{bt} nubar0(y)^2 mbar(e^{-bt} y)',
          printed: mul(E, pow(fn('nubar0', [sym('y')]), 2), mbarY(div(sym('y'), E))),
          derived: at(mul(pow(nb, 2), mbar)),
          options: TWO_METHODS,
        },
        {
          label: "|d_w nubar|^2 mbar after w = e^{-bt} y: e^{3bt} nubar0'(y)^2 mbar(e^{-bt} y)",
          printed: mul(pow(E, 3), pow(fn('nubar0', [sym('y')], [1]), 2), mbarY(div(sym('y'), E))),
          derived: at(mul(pow(dw(nb), 2), mbar)),
          options: TWO_METHODS,
        },
      ],
      inequalities: [
        {
          label: 'e^{-2bt} <= 1',
          printed: 'e^{-2bt} <= 1',
          lhs: P('exp(-2*b*t)'),
          rhs: num(1),
          proof: { uses: [{ premise: expMonotone(P('-2*b*t'), num(0), P('2*b*t')) }], context: S4 },
        },
        {
          label: 'mbar(e^{-bt} y) <= mbar(y)',
          printed: 'e^{kappa e^{-2bt} y^2/2} <= e^{kappa y^2/2}',
          lhs: P('exp(kappa*exp(-2*b*t)*y^2/2)'),
          rhs: P('exp(kappa*y^2/2)'),
          proof: { uses: [{ premise: expMonotone(P('kappa*exp(-2*b*t)*y^2/2'), P('kappa*y^2/2'), P('kappa*y^2*(1 - exp(-2*b*t))/2')) }], context: ctx },
        },
        {
          label: "k = 1 (n0, n1: the integrals of nubar0^2 and nubar0'^2 against mbar(e^{-bt} y), bounded by ||nubar0||^2, ||nubar0'||^2)",
          printed: 'e^{bt} n0 + e^{3bt} n1 <= e^{3bt}(n0 + n1)',
          lhs: P('exp(b*t)*n0 + exp(3*b*t)*n1'),
          rhs: P('exp(3*b*t)*(n0 + n1)'),
          proof: { uses: [{ premise: expMonotone(P('b*t'), P('3*b*t'), P('2*b*t')), multiplier: sym('n0') }], context: S4 },
        },
      ],
    }),
  );
}

/**
 * Steps of the proofs that were neither replayed nor named (section 7 of the review), replayed here:
 * Lemma 4.4's estimates of A21 and A22 and the absorption of the quadratic term, R2 in Proposition
 * 3.7 (from the explicit solution of (1.9)), the initial-data step for B in Proposition 3.8, the
 * case k = 1 of Proposition 4.10 and of Lemma 4.11, and Proposition 4.12 (1). What stays analytic is
 * said in each title (the Lipschitz constant of N on a compact, the radius R of (2.1a)).
 */
import { derivation, makeScope, fn, sym, num, mul, add, sub, partial, substitute, integrateGaussian, maxwellian, Expr } from '../src/index.ts';
import { PAPER_SIGNS, proofAssumptions, withFacts, TWO_METHODS } from './lib/proof-kit.ts';
import { hypotheses } from './lib/hypotheses.ts';

const scope = makeScope(
  {
    parameters: ['a', 'A', 'b', 'C', 'C1', 'L', 'eps', 'rho', 'mstar', 'theta', 'eta', 'r', 'X', 'Y', 'X1', 'X2', 'N0', 'x', 'y', 'Vm', 'kappa', 'lambda'],
    functions: { n0: 1, err: 2, S: 2 },
  },
  ['t', 's', 'v', 'w'],
);
const P = (text: string): Expr => scope.parse(text, text);
const LIGHT = { starts: 8, refine: 1, iterations: 20, corners: 16 };

export default derivation('Proof steps replayed in full (A21, A22, R2, initial data, k = 1, Prop. 4.12 (1))', 'Sections 3–4 (replays)', (d) => {
  d.assume({
    ...proofAssumptions,
    A: 'nonnegative',
    L: 'nonnegative',
    X: 'nonnegative',
    Y: 'nonnegative',
    X1: 'nonnegative',
    X2: 'nonnegative',
    N0: 'nonnegative',
    C1: 'positive',
  });
  const S = withFacts(PAPER_SIGNS, {
    positive: ['eta', 'theta', 'C1'],
    nonnegative: ['A', 'L', 'X', 'Y', 'X1', 'X2', 'N0'],
    facts: [P('1 - eps'), P('rho - mstar'), P('1 - theta^2'), P('1 - 2*r'), P('1/mstar - 1/rho'), P('1 - sqrt(eps)')],
    positiveFacts: [P('1 + r')],
  });

  // ---- Lemma 4.4, A21 and A22
  d.inequality(
    {
      id: 'lemma-4.4-A21-A22',
      source: 'proof of Lemma 4.4',
      title:
        "A21: theta v N(v') = |v'|^2 w(v') theta v/v' (N = v w(v)), theta v/v' >= 2/3 when |V| <= |theta v|/2, and rho0/(4 theta^2) >= m*/4 (theta <= 1); A22: on |theta v| <= R, (rho/theta) v L theta v = rho L v^2 and the quadratic term absorbed by Young: C X Y <= eta Y^2/theta^2 + C^2 theta^2 X^2/(4 eta). The radius R (from (2.1a)) and the Lipschitz constant L of N on [-|V| - R, |V| + R] are analytic",
      assume: { eta: 'positive' },
    },
    () => ({
      identities: [
        {
          label: "theta v N(V + theta v) with N(v') = v' w(v'): = v'^2 w(v') theta v/v'",
          printed: P('(Vm + theta*v)^2*lambda*theta*v/(Vm + theta*v)'),
          derived: P('theta*v*(Vm + theta*v)*lambda'),
          options: TWO_METHODS,
        },
        { label: 'A22 on |theta v| <= R: (rho/theta) v (L theta v) = rho L v^2', printed: P('rho*L*v^2'), derived: P('(rho/theta)*v*(L*theta*v)') },
      ],
      inequalities: [
        {
          label: "theta v/v' >= 2/3 when V = r theta v, |r| <= 1/2",
          printed: '1/(1 + r) >= 2/3 for -1/2 <= r <= 1/2',
          lhs: P('2/3'),
          rhs: P('1/(1 + r)'),
          region: hypotheses([], '|r| <= 1/2', [{ name: 'r', lo: -0.5, hi: 0.5, hypothesis: '|V| <= |theta v|/2 (R >= 2 sup |V^eps|)' }]),
          search: LIGHT,
          proof: { rest: P('(1 - 2*r)/(3*(1 + r))'), context: S },
        },
        {
          label: 'the factor of A21: m*/4 <= rho0/(4 theta^2) (rho0 >= m*, theta <= 1)',
          printed: 'm*/4 <= rho/(4 theta^2)',
          lhs: P('mstar/4'),
          rhs: P('rho/(4*theta^2)'),
          proof: { rest: P('(rho - mstar)/(4*theta^2) + mstar*(1 - theta^2)/(4*theta^2)'), context: S },
        },
        {
          label: 'the absorption in A22 (Young): C X Y <= eta Y^2/theta^2 + C^2 theta^2 X^2/(4 eta), X^2 = ∫ v^2 |nu|^2 m, Y^2 = D',
          printed: 'C X Y <= eta Y^2/theta^2 + C^2 theta^2 X^2/(4 eta)',
          lhs: P('C*X*Y'),
          rhs: P('eta*Y^2/theta^2 + C^2*theta^2*X^2/(4*eta)'),
          proof: { rest: P('(sqrt(eta)*Y/theta - C*theta*X/(2*sqrt(eta)))^2'), identity: TWO_METHODS, context: S },
        },
      ],
    }),
  );

  // ---- Proposition 3.7, R2 from the explicit solution nubar(t, w) = e^{bt} nubar0(e^{bt} w)
  const [t, w] = [sym('t'), sym('w')];
  const y = mul(P('exp(b*t)'), w);
  const nubar = mul(P('exp(b*t)'), fn('n0', [y]));
  const n0At = (k: number) => fn('n0', [y], k ? [k] : undefined);
  d.inequality(
    {
      id: 'prop-3.7-R2',
      source: 'proof of Prop. 3.7',
      title:
        "R2 = (|a| eps/rho)(||d_w(w nubar)||_L1 + (|a| eps/rho) ||d_w^2 nubar||_L1) with nubar = e^{bt} nubar0(e^{bt} w): ||d_w(w nubar)(t)|| = ||d_y(y nubar0)|| (= X1), ||d_w^2 nubar(t)|| = e^{2bt} ||nubar0''|| (= e^{2bt} X2), so R2 <= C eps e^{2bt} for eps < 1; X1 needs ||w d_w nubar0||_L1, which (3.1) does not bound (it bounds w nubar0 and nubar0 in W^{2,1})",
    },
    () => ({
      identities: [
        {
          label: 'd_w(w nubar) = e^{bt} [d_y(y nubar0)](e^{bt} w): the L1 norm in w is that of d_y(y nubar0) in y = e^{bt} w',
          printed: mul(P('exp(b*t)'), add(n0At(0), mul(y, n0At(1)))),
          derived: partial(mul(w, nubar), 'w'),
          options: TWO_METHODS,
        },
        {
          label: "d_w^2 nubar = e^{3bt} nubar0''(e^{bt} w): its L1 norm is e^{2bt} ||nubar0''||",
          printed: mul(P('exp(3*b*t)'), n0At(2)),
          derived: partial(partial(nubar, 'w'), 'w'),
          options: TWO_METHODS,
        },
      ],
      inequalities: [
        {
          label: 'R2 <= C eps e^{2bt} with C = (A/m*)(X1 + A X2/m*), A = |a|, 0 < eps < 1',
          printed: '(A eps/rho)(X1 + (A eps/rho) e^{2bt} X2) <= (A/m*)(X1 + A X2/m*) eps e^{2bt}',
          lhs: P('(A*eps/rho)*(X1 + (A*eps/rho)*exp(2*b*t)*X2)'),
          rhs: P('(A/mstar)*(X1 + A*X2/mstar)*eps*exp(2*b*t)'),
          proof: {
            rest: P('A*eps*X1*(exp(2*b*t)/mstar - 1/rho) + A^2*eps*X2*exp(2*b*t)*(1/mstar^2 - eps/rho^2)'),
            identity: TWO_METHODS,
            context: withFacts(S, { facts: [P('exp(2*b*t)/mstar - 1/rho'), P('1/mstar^2 - eps/rho^2')] }),
          },
        },
      ],
    }),
  );
  void t;

  // ---- Proposition 3.8, the initial data of B: ||g0 - nubar0|| <= ||nubar0^eps - nubar0|| + ∫ M(v) |gamma0 v| dv ||d_w nubar0||
  const v = sym('v');
  const M = maxwellian(sym('rho'), v);
  d.inequality(
    {
      id: 'prop-3.8-initial-data',
      source: 'proof of Prop. 3.8',
      title:
        '||g0 - nubar0|| <= E0 + ∫ M(v) ||nubar0 - tau_{gamma0 v} nubar0|| dv <= E0 + |a| eps rho^(-3/2) ||d_w nubar0||_L1 (gamma0 = a eps/rho, ∫ M |v| <= rho^(-1/2) by Jensen, (3.1)), then sqrt(E0 + C1 eps) <= sqrt(E0) + sqrt(C1) sqrt(eps): B <= 2 sqrt 2 E0^(1/2) + C e^{bt} sqrt(eps)',
      assume: { rho: 'positive' },
    },
    () => ({
      identities: [
        {
          label: '∫ v^2 M_rho dv = 1/rho (Jensen: ∫ M |v| <= (∫ M v^2)^(1/2) = rho^(-1/2))',
          printed: P('1/rho'),
          derived: integrateGaussian(mul(P('v^2'), M), 'v').value,
          options: TWO_METHODS,
        },
      ],
      inequalities: [
        {
          label: 'sqrt(x + y) <= sqrt(x) + sqrt(y)',
          printed: 'sqrt(E0 + C1 eps) <= sqrt(E0) + sqrt(C1 eps)',
          lhs: P('sqrt(X + C1*eps)'),
          rhs: P('sqrt(X) + sqrt(C1*eps)'),
          proof: { squared: true, rest: P('2*sqrt(X)*sqrt(C1*eps)'), context: S },
        },
        {
          label: 'eps <= sqrt(eps) for eps < 1 (the O(eps) initial shift is O(sqrt eps))',
          printed: 'C1 eps <= C1 sqrt(eps)',
          lhs: P('C1*eps'),
          rhs: P('C1*sqrt(eps)'),
          region: hypotheses(['eps'], '0 < eps < 1', [{ name: 'C1', lo: 1e-3, hi: 1e3, scale: 'log', hypothesis: 'C1 > 0', truncation: 'C1 in [1e-3, 1e3]' }]),
          search: LIGHT,
          proof: { rest: P('C1*sqrt(eps)*(1 - sqrt(eps))'), identity: TWO_METHODS, context: withFacts(S, { facts: [P('1 - sqrt(eps)')] }) },
        },
      ],
    }),
  );

  // ---- Proposition 4.10, k = 1: A = theta^-1 ∫ d_v nu h_perp m = -theta^-1 ∫ nu m^(1/2) d_v(h_perp m) m^(-1/2), Cauchy–Schwarz and Young
  d.inequality(
    {
      id: 'prop-4.10-k1',
      source: 'proof of Prop. 4.10 (k = 1)',
      title:
        'A = theta^-1 ∫ d_v nu h_perp m <= theta^-1 ||nu|| D[h_perp]^(1/2) (by parts in v, Cauchy–Schwarz) <= ||nu||^2/(4 eta) + eta D[h_perp]/theta^2 (Young), then Proposition 4.7 for ||nu||; the extra b ||h_perp||^2 of (4.16) and the source S[h, Pi h] are treated as for k = 0',
      assume: { eta: 'positive' },
    },
    () => ({
      inequalities: [
        {
          label: 'Young with X = ||nu||, Y = D[h_perp]^(1/2)',
          printed: 'X Y/theta <= X^2/(4 eta) + eta Y^2/theta^2',
          lhs: P('X*Y/theta'),
          rhs: P('X^2/(4*eta) + eta*Y^2/theta^2'),
          proof: { rest: P('(X/(2*sqrt(eta)) - sqrt(eta)*Y/theta)^2'), identity: TWO_METHODS, context: S },
        },
      ],
    }),
  );

  // ---- Lemma 4.11, k = 1: d_w of (4.17)
  const E = fn('err', [sym('t'), w]); // the paper's e(t, w) of (4.17): e is Euler's number here
  const src = fn('S', [sym('t'), w]);
  const eq417 = (f: Expr, g: Expr) => sub(sub(partial(f, 't'), mul(sym('b'), partial(mul(w, f), 'w'))), g);
  d.claim(
    {
      id: 'lemma-4.11-k1',
      source: 'proof of Lemma 4.11 (k = 1)',
      title:
        "d_w of (4.17): e' = d_w(nubar^eps - nubar) solves d_t e' - b d_w(w e') = b e' + d_w S, the same equation with the extra b e' (absorbed in C) and the source d_w S = -a theta d_w^2 ∫ v nu dv, bounded by C theta ||nu_perp||_{H^2_w}",
    },
    () => [
      {
        label: 'd_w[(4.17) on e] = (4.17) on d_w e, less b d_w e, less d_w S',
        printed: sub(eq417(partial(E, 'w'), partial(src, 'w')), mul(sym('b'), partial(E, 'w'))),
        derived: partial(eq417(E, src), 'w'),
      },
    ],
  );

  // ---- Proposition 4.12 (1): A = ∫_0^t e^{-Cs} theta ||nu_perp||_{H^{k+1}} ds with Proposition 4.7 (index k + 1) and theta <= sqrt(eps) + e^{-rho s/eps}
  const theta2 = P('eps*(1 - exp(-2*rho*s/eps)) + exp(-2*rho*s/eps)');
  d.inequality(
    {
      id: 'prop-4.12-item-1',
      source: 'proof of Prop. 4.12 (1)',
      title:
        'With ||nu_perp||_{H^{k+1}} <= e^{Ct} ||nu0||_{H^{k+1}} (Proposition 4.7, index k + 1): theta(s)^2 <= (sqrt(eps) + e^{-rho s/eps})^2, ∫_0^t (sqrt(eps) + e^{-rho s/eps}) ds = t sqrt(eps) + (eps/rho)(1 - e^{-rho t/eps}) <= (t + 1/m*) sqrt(eps): item (1) with C sqrt(eps), the factor (t + 1/m*) absorbed by e^{Ct}',
    },
    () => ({
      identities: [
        {
          label: 'd/dt [t sqrt(eps) + (eps/rho)(1 - e^{-rho t/eps})] = sqrt(eps) + e^{-rho t/eps}',
          printed: P('sqrt(eps) + exp(-rho*t/eps)'),
          derived: partial(P('t*sqrt(eps) + (eps/rho)*(1 - exp(-rho*t/eps))'), 't'),
          options: TWO_METHODS,
        },
      ],
      inequalities: [
        {
          label: 'theta(s)^2 <= (sqrt(eps) + e^{-rho s/eps})^2',
          printed: 'eps(1 - e^{-2 rho s/eps}) + e^{-2 rho s/eps} <= (sqrt(eps) + e^{-rho s/eps})^2',
          lhs: theta2,
          rhs: P('(sqrt(eps) + exp(-rho*s/eps))^2'),
          proof: { rest: P('2*sqrt(eps)*exp(-rho*s/eps) + eps*exp(-2*rho*s/eps)'), identity: TWO_METHODS, context: S },
        },
        {
          label: 't sqrt(eps) + (eps/rho)(1 - e^{-rho t/eps}) <= (t + 1/m*) sqrt(eps) for eps < 1, rho >= m*',
          printed: 't sqrt(eps) + (eps/rho)(1 - e^{-rho t/eps}) <= (t + 1/m*) sqrt(eps)',
          lhs: P('t*sqrt(eps) + (eps/rho)*(1 - exp(-rho*t/eps))'),
          rhs: P('(t + 1/mstar)*sqrt(eps)'),
          region: hypotheses(['eps', 'mstar', 'rho', 't'], 'Proposition 4.12: 0 < eps < 1, (2.5), t >= 0'),
          search: LIGHT,
          proof: {
            rest: P('sqrt(eps)*(1/mstar - 1/rho) + sqrt(eps)*(1 - sqrt(eps))/rho + (eps/rho)*exp(-rho*t/eps)'),
            identity: TWO_METHODS,
            context: S,
          },
        },
      ],
    }),
  );
  void num;
  void substitute;
});

/**
 * Section 2.2, the proofs: Lemma 2.1 (the modified entropy against the L1 distance) pointwise,
 * from ln x <= x - 1 and the Csiszár–Kullback inequality; Lemma 2.2 (the entropy estimate for two
 * Fokker–Planck equations): the equation of h = (f + g)/2, the time derivative of H_{1/2}[f|g]
 * after integration by parts, the Young and |f/h| <= 2 steps, and the constant 2 sqrt 2 of (2.11)
 * from Lemma 2.1 at alpha = 1/2. Theorems 2.4, 2.6, 2.7 are quoted from [2] (no proof here).
 */
import {
  derivation,
  makeScope,
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
  ln,
  partial,
  expand,
  substitute,
  logTangent,
  hypothesis,
  fromClaim,
  standard,
  young,
  Expr,
} from '../src/index.ts';
import { byParts, PAPER_SIGNS, withFacts, proofAssumptions, TWO_METHODS, paperHypotheses } from './lib/proof-kit.ts';
import { hypotheses } from './lib/hypotheses.ts';

const scope = makeScope(
  {
    parameters: ['alpha', 'lambda', 'delta', 'A', 'L', 'L0', 'H', 'H0', 'S', 'X', 'Y', 'q', 'r', 'Dv', 'f', 'mu', 'nu'],
    functions: { F: 2, G: 2, phi: 2, psi: 2, a: 2, b1: 2, b2: 2, b3: 2 },
  },
  ['y', 'xi'],
);
const P = (text: string) => scope.parse(text, text);
/** The witness samples alpha in (0, 1), where alpha mu + (1 - alpha) nu > 0. */
const ALPHA_RANGE = { ...TWO_METHODS, ranges: { alpha: [0.01, 0.99] as [number, number] } };

/** The sign facts of Lemma 2.1: 0 < alpha < 1, mu > 0, nu >= 0. */
const lemma21Signs = withFacts(PAPER_SIGNS, {
  positive: ['mu', 'alpha'],
  nonnegative: ['nu', 'A', 'L', 'L0', 'H', 'H0', 'S'],
  positiveFacts: [P('1 - alpha')],
});
const alphaRegion = hypotheses([], 'Lemma 2.1, pointwise: 0 < alpha < 1, mu > 0, nu >= 0', [
  { name: 'alpha', lo: 0, hi: 1, open: ['lo', 'hi'], scale: 'log', floor: 1e-6, hypothesis: '0 < alpha < 1' },
  {
    name: 'mu',
    lo: 0,
    hi: 10,
    open: ['lo'],
    scale: 'log',
    floor: 1e-8,
    hypothesis: 'mu > 0 (a density where it does not vanish)',
    truncation: 'mu in [1e-8, 10]',
  },
  { name: 'nu', lo: 0, hi: 10, scale: 'log', floor: 1e-8, hypothesis: 'nu >= 0', truncation: 'nu in [0, 10]' },
]);

/**
 * The proofs' declarations less delta: Lemma 2.2 takes delta in {0, 1} and Proposition 3.7 uses
 * delta = 0, so delta is real here (proof-kit declares it positive for the margin of Prop. 4.10).
 */
const { delta: _delta, ...section2Assumptions } = proofAssumptions;

export default derivation('Proofs of section 2: Lemmas 2.1 and 2.2', 'Section 2.2 (proofs)', (d) => {
  d.assume(section2Assumptions);
  // ---- Lemma 2.1, pointwise: D = alpha mu + (1 - alpha) nu
  const D = P('alpha*mu + (1 - alpha)*nu');
  const integrand = mul(sym('mu'), ln(div(sym('mu'), D)));
  d.step(
    'Lemma 2.1: the integrand',
    'H_alpha[mu|nu] = ∫ mu ln(mu/D), D = alpha mu + (1 - alpha) nu. ln x <= x - 1 at x = mu/D gives mu ln(mu/D) <= (1 - alpha) mu (mu - nu)/D, and mu/D <= 1/alpha bounds it by (1 - alpha)|mu - nu|/alpha; at x = alpha mu/D it gives mu ln(mu/D) <= -mu ln(alpha). The lower bound is Csiszár–Kullback applied to mu and D, since mu - D = (1 - alpha)(mu - nu).',
    [
      { label: 'D', rhs: D },
      { label: 'mu/D - 1', rhs: expand(sub(div(sym('mu'), D), num(1))) },
    ],
  );
  d.inequality(
    {
      id: 'lemma-2.1-proof',
      assume: { mu: 'positive', nu: 'nonnegative', A: 'nonnegative', L: 'nonnegative', H: 'nonnegative' },
      source: 'Lemma 2.1',
      title: 'Pointwise: mu ln(mu/D) <= (1-alpha)/alpha |mu - nu| and <= -mu ln(alpha); (1-alpha)^2/2 ||mu-nu||^2 <= H_alpha by Csiszár–Kullback',
    },
    () => ({
      identities: [{ label: 'mu - D = (1 - alpha)(mu - nu)', printed: P('(1 - alpha)*(mu - nu)'), derived: sub(sym('mu'), D) }],
      inequalities: [
        {
          label: 'upper bound, pointwise (A = |mu - nu|)',
          printed: 'mu ln(mu/(alpha mu + (1-alpha) nu)) <= (1-alpha)/alpha |mu - nu|',
          lhs: integrand,
          rhs: P('(1 - alpha)*A/alpha'),
          proof: {
            uses: [
              { premise: logTangent(div(sym('mu'), D)), multiplier: sym('mu') },
              { premise: hypothesis(paperHypotheses(P), 'abs-mu-nu'), multiplier: div(P('(1 - alpha)*mu'), D) },
            ],
            rest: div(P('(1 - alpha)^2*nu*A'), mul(sym('alpha'), D)),
            identity: ALPHA_RANGE,
            context: lemma21Signs,
          },
        },
        {
          label: 'H_alpha <= -ln(alpha), pointwise',
          printed: 'mu ln(mu/(alpha mu + (1-alpha) nu)) <= -mu ln(alpha)',
          lhs: integrand,
          rhs: neg(mul(sym('mu'), ln(sym('alpha')))),
          region: alphaRegion,
          proof: {
            uses: [{ premise: logTangent(div(mul(sym('alpha'), sym('mu')), D)), multiplier: sym('mu') }],
            rest: div(P('(1 - alpha)*mu*nu'), D),
            identity: ALPHA_RANGE,
            context: lemma21Signs,
          },
        },
        {
          label: 'lower bound from Csiszár–Kullback (L = ||mu - nu||_L1, H = H_alpha)',
          printed: '(1-alpha)^2/2 ||mu - nu||^2 <= H_alpha[mu|nu]',
          lhs: P('(1 - alpha)^2*L^2/2'),
          rhs: sym('H'),
          proof: {
            scale: num(2),
            uses: [
              {
                premise: standard(
                  'csiszar-kullback',
                  P('((1 - alpha)*L)^2'),
                  P('2*H'),
                  '||mu - D||_L1^2 <= 2 H[mu|D] with ||mu - D|| = (1 - alpha) ||mu - nu||',
                ),
              },
            ],
            context: lemma21Signs,
          },
        },
      ],
    }),
  );

  lemma22(d);
});

function lemma22(d: Parameters<Parameters<typeof derivation>[2]>[0]) {
  const [y, xi] = [sym('y'), sym('xi')];
  const at = (name: string) => fn(name, [y, xi]);
  // positive densities f = e^phi, g = e^psi (so that ln(f/h) is defined wherever the witnesses evaluate it)
  const [a, b1, b2, b3] = ['a', 'b1', 'b2', 'b3'].map(at);
  const [f, g] = ['phi', 'psi'].map((n) => fn('exp', [at(n)]));
  const [lam, delta] = [sym('lambda'), sym('delta')];
  const dy = (e: Expr) => partial(e, 'y');
  const dxi = (e: Expr) => partial(e, 'xi');
  // the two equations of Lemma 2.2, solved for d_t
  const ft = add(neg(dy(mul(a, f))), neg(mul(lam, dxi(mul(add(b1, b3), f)))), mul(pow(lam, 2), dxi(dxi(f))));
  const gt = add(neg(dy(mul(a, g))), neg(mul(lam, dxi(mul(b2, g)))), mul(delta, pow(lam, 2), dxi(dxi(g))));
  const h = div(add(f, g), num(2));
  const ht = div(add(ft, gt), num(2));
  d.claim(
    {
      id: 'lemma-2.2-h',
      source: 'proof of Lemma 2.2',
      title: 'h = (f + g)/2 solves d_t h + div_y[a h] + (lambda/2) div_xi[(b1 + b3) f + b2 g] - lambda^2 Δ h = (delta - 1)(lambda^2/2) Δ g',
    },
    () => [
      {
        label: 'd_t h',
        printed: add(
          neg(dy(mul(a, h))),
          neg(mul(div(lam, num(2)), dxi(add(mul(add(b1, b3), f), mul(b2, g))))),
          mul(pow(lam, 2), dxi(dxi(h))),
          mul(sub(delta, num(1)), div(pow(lam, 2), num(2)), dxi(dxi(g))),
        ),
        derived: ht,
      },
    ],
  );

  // d/dt ∫ f ln(f/h) = ∫ d_t f (ln(f/h) + 1) - ∫ d_t h f/h; l = ln(f/h), r = f/h
  const l = ln(div(f, h));
  const r = div(f, h);
  const lhs = sub(mul(ft, add(l, num(1))), mul(ht, r));
  const fisher = mul(pow(dxi(l), 2), f);
  const Aint = mul(div(lam, num(2)), sub(b1, b2), dxi(l), div(g, h), f);
  const Bint = mul(neg(div(lam, num(2))), dxi(add(mul(b3, g), mul(sub(delta, num(1)), lam, dxi(g)))), r);
  const c1 = add(b1, b3);
  const fluxY = neg(mul(a, f, l));
  const fluxXi = add(
    mul(pow(lam, 2), sub(mul(dxi(f), add(l, num(1))), mul(dxi(h), r))),
    neg(mul(lam, c1, f, add(l, num(1)))),
    mul(div(lam, num(2)), add(mul(c1, f), mul(b2, g), mul(b3, g)), r),
  );
  const G = (e: string) => scope.parse(e, 'representative');
  const decay = {
    representatives: [
      { name: 'phi', params: ['y', 'xi'], body: G('-(y^2 + xi^2)') },
      { name: 'psi', params: ['y', 'xi'], body: G('-(y^2 + 2*xi^2)/2') },
      { name: 'a', params: ['y', 'xi'], body: G('1 + y') },
      { name: 'b1', params: ['y', 'xi'], body: G('xi') },
      { name: 'b2', params: ['y', 'xi'], body: G('2*xi - 1') },
      { name: 'b3', params: ['y', 'xi'], body: G('1 - xi') },
    ],
    points: { lambda: 0.7, delta: 1 },
    radii: [4, 8],
  };
  d.claim(
    {
      id: 'lemma-2.2-entropy',
      source: 'proof of Lemma 2.2',
      title: 'd/dt H_{1/2}[f|g] + lambda^2 I_{1/2}[f|g] = A + B after integration by parts (integrands up to decaying fluxes in y and xi)',
    },
    () => [
      byParts(
        'd_t f (ln(f/h) + 1) - d_t h f/h = -lambda^2 |d_xi ln(f/h)|^2 f + A + B',
        lhs,
        add(neg(mul(pow(lam, 2), fisher)), Aint, Bint),
        { y: fluxY, xi: fluxXi },
        decay,
        TWO_METHODS,
      ),
    ],
  );

  const ctx = withFacts(PAPER_SIGNS, { nonnegative: ['f', 'q', 'r', 'A'], positive: ['lambda'], facts: [P('2 - q'), P('2 - r')] });
  d.inequality(
    {
      id: 'lemma-2.2-young',
      assume: {
        L: 'nonnegative',
        L0: 'nonnegative',
        H: 'nonnegative',
        H0: 'nonnegative',
        S: 'nonnegative',
        f: 'nonnegative',
        q: 'nonnegative',
        r: 'nonnegative',
        A: 'nonnegative',
      },
      source: 'proof of Lemma 2.2',
      title:
        'A <= lambda^2 I_{1/2} + (1/4)∫|b1 - b2|^2 f (|g/h| <= 2 and Young), B <= lambda ∫|div_xi[b3 g + (delta - 1) lambda grad g]|, and (2.11) with 2 sqrt 2 from Lemma 2.1 at alpha = 1/2',
    },
    () => ({
      identities: [
        {
          label: 'Lemma 2.1 at alpha = 1/2: (1-alpha)^2/2 = 1/8',
          printed: num(1, 8),
          derived: substitute(P('(1 - alpha)^2/2'), new Map([['alpha', num(1, 2)]])),
        },
        {
          label: 'Lemma 2.1 at alpha = 1/2: (1-alpha)/alpha = 1',
          printed: num(1),
          derived: substitute(P('(1 - alpha)/alpha'), new Map([['alpha', num(1, 2)]])),
        },
      ],
      inequalities: [
        {
          label: 'g/h <= 2',
          printed: '2 g/(f + g) <= 2',
          lhs: div(mul(num(2), g), add(f, g)),
          rhs: num(2),
          proof: { scale: add(f, g), rest: mul(num(2), f), context: PAPER_SIGNS },
        },
        {
          label: 'A, pointwise (X = lambda d_xi ln(f/h), Y = b1 - b2, q = g/h in [0, 2])',
          printed: '(1/2) X Y q f <= X^2 f + (1/4) Y^2 f',
          lhs: P('X*Y*q*f/2'),
          rhs: P('X^2*f + Y^2*f/4'),
          proof: { rest: P('f*((X - q*Y/4)^2 + (Y^2/16)*(2 - q)*(2 + q))'), context: ctx },
        },
        {
          label: 'B, pointwise (Dv = div_xi[...], A = |Dv|, r = f/h in [0, 2])',
          printed: '-(lambda/2) Dv r <= lambda |Dv|',
          lhs: P('-(lambda/2)*Dv*r'),
          rhs: P('lambda*A'),
          proof: {
            uses: [{ premise: hypothesis(paperHypotheses(P), 'abs-Dv'), multiplier: P('lambda*r/2') }],
            rest: P('(lambda/2)*(2 - r)*A'),
            context: ctx,
          },
        },
        {
          label: '(2.11): L = ||f - g||(t), L0 = ||f0 - g0||, S = ∫_0^t R',
          printed: '||f - g|| <= 2 sqrt 2 (||f0 - g0||^(1/2) + (∫ R)^(1/2))',
          lhs: sym('L'),
          rhs: mul(num(2), sqrt(num(2)), add(sqrt(sym('L0')), sqrt(sym('S')))),
          proof: {
            squared: true,
            context: lemma21Signs,
            uses: [
              { premise: fromClaim(d.claims, 'lemma-2.1-proof', P('L^2/8'), sym('H'), { instance: { alpha: num(1, 2) } }), multiplier: num(8) },
              { premise: hypothesis(paperHypotheses(P), '(2.10)-integrated'), multiplier: num(8) },
              { premise: hypothesis(paperHypotheses(P), 'lemma-2.1-at-half-integrated', { ledger: d.claims }), multiplier: num(8) },
            ],
            rest: P('16*sqrt(L0)*sqrt(S)'),
          },
        },
      ],
    }),
  );
  void young;
}

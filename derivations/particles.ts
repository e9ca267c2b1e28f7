/**
 * The particle system behind (1.2) and the kernels the numerics run: the drift of one neuron
 * split into the stiff local coupling -(rho0/eps)(v - V) and the rest, the exact
 * Ornstein–Uhlenbeck transition of the stiff part over a step (derived from the generator, not
 * typed in), the centred drift b0 of (1.10), the moment equations (1.3) and the limit (1.5).
 */
import {
  derivation,
  parseExpr,
  substituteFunction,
  defineModel,
  exactAffineTransition,
  eulerMaruyama,
  ouSplit,
  rungeKutta,
  RK4,
  firstOrderMoments,
  expectationOverNoise,
  stepKernel,
  totalTimeDerivative,
  expand,
  substitute,
  sym,
  num,
  sub,
  mul,
  neg,
  div,
  fn,
  parseEquationOperator,
  operatorOf,
  coefficientOf,
  Expr,
  Kernel,
  FokkerPlanckModel,
} from '../src/index.ts';
import { equation12, rescale16, rescaledEquation, macroscopicRates } from './rescaling.ts';
import { defaultNonlinearity } from './lib/fhn.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

/** Put the default N(v) = v - v^3 into an expression. */
const withCubicN = (e: Expr) => expand(substituteFunction(e, 'N', defaultNonlinearity.params, parseExpr(defaultNonlinearity.body)));

/** The stiff part of the (1.2) drift: the local coupling -(rho0/eps)(v - V). */
const stiffText = '-(rho/eps)*(v - V)';

/** The stiff local coupling alone: dv = -lambda (v - V) dt + sqrt(2) dB, lambda = rho0/eps, V frozen over a step. */
export const stiffOU: FokkerPlanckModel = defineModel({
  name: 'stiff OU part of (1.2)',
  state: ['v'],
  density: 'p',
  parameters: ['lambda', 'V'],
  drift: ['-lambda*(v - V)'],
  diffusion: ['1'],
});

/** Mean and variance of the OU transition over a time tau, solved from the generator's moment ODEs. */
export function ouTransition() {
  const s = stiffOU.scope.extend({ symbols: ['m', 'S', 'tau'] });
  return { ...exactAffineTransition(stiffOU.drift[0], stiffOU.diffusion[0][0], 'v', 'tau'), scope: s };
}

/** (1.2) with N(v) = v - v^3: the model the particle kernels step. */
export const cubicEquation12: FokkerPlanckModel = { ...equation12, name: '(1.2) with N(v) = v - v^3', drift: equation12.drift.map(withCubicN) };

/** The two particle schemes for (1.2), as update rules: Euler–Maruyama, and the exact OU split of the stiff coupling. */
export const particleSchemes = () => ({
  eulerMaruyama: eulerMaruyama(cubicEquation12, { stiffRate: 'rho/eps' }),
  ouSplit: ouSplit(cubicEquation12, { variable: 'v', stiff: stiffText }),
});

/** y' = -lambda y: the test equation for the Runge–Kutta stages. */
const decay = defineModel({ name: "y' = -lambda y", state: ['y'], density: 'p', parameters: ['lambda'], drift: ['-lambda*y'], diffusion: ['0'] });

export default derivation('Particles, kernels and moment equations', 'Sections 1.1–1.2 (numerics)', (d) => {
  d.assume(paperAssumptions);
  const ou = ouTransition();
  d.step(
    'Exact transition of the stiff coupling',
    "Generator on v and v^2 gives m' = -lambda (m - V) and S' = -2 lambda S + 2; both are solved in closed form over a step tau.",
    [
      { label: "m'", rhs: ou.meanRate },
      { label: "S'", rhs: ou.varianceRate },
      { label: 'm(tau)', rhs: ou.mean },
      { label: 'S(tau)', rhs: ou.variance },
    ],
  );
  d.claim(
    {
      id: 'ou-transition',
      source: '(1.2)',
      title: 'Exact OU transition: mean V + (v - V) e^{-lambda tau}, variance (1 - e^{-2 lambda tau})/lambda',
      kind: 'must-hold',
    },
    () => {
      const tau0 = new Map([['tau', num(0)]]);
      return [
        {
          label: 'mean solves its ODE',
          printed: totalTimeDerivative(ou.mean, 'tau', new Map()),
          derived: expand(substitute(ou.meanRate, new Map([['m', ou.mean]]))),
        },
        {
          label: 'variance solves its ODE',
          printed: totalTimeDerivative(ou.variance, 'tau', new Map()),
          derived: expand(substitute(ou.varianceRate, new Map([['S', ou.variance]]))),
        },
        { label: 'mean(0) = v', printed: expand(substitute(ou.mean, tau0)), derived: sym('v') },
        { label: 'variance(0) = 0', printed: expand(substitute(ou.variance, tau0)), derived: num(0) },
        { label: 'the textbook forms', printed: ou.scope.parse('V + (v - V)*exp(-lambda*tau)', 'mean'), derived: ou.mean },
        { label: 'the textbook variance', printed: ou.scope.parse('(1 - exp(-2*lambda*tau))/lambda', 'variance'), derived: ou.variance },
      ];
    },
  );
  const schemes = particleSchemes();
  d.step(
    'Time-stepping schemes as update rules',
    'Each scheme is a symbolic rule applied to the drift and diffusion of (1.2) (N(v) = v - v^3); code generation turns it into the particle kernel. xi_v is a standard normal draw.',
    [
      { label: 'Euler–Maruyama v', rhs: schemes.eulerMaruyama.update.v },
      { label: 'OU split v', rhs: schemes.ouSplit.update.v },
      { label: 'OU split w', rhs: schemes.ouSplit.update.w },
    ],
  );
  d.claim(
    {
      id: 'scheme-rules',
      source: '(1.2)',
      title: 'The schemes: both are weakly consistent with (1.2); the OU split is exact for the stiff part; RK4 stages give the Taylor polynomial',
      kind: 'must-hold',
    },
    () => {
      const drift = cubicEquation12.drift;
      const consistency = Object.entries(schemes).flatMap(([name, rule]) => {
        const fo = firstOrderMoments(rule);
        return [
          { label: `${name}: d/dh E[v' - v] at h = 0 is the drift of v`, printed: drift[0], derived: fo.v.drift },
          { label: `${name}: d/dh E[(v' - v)^2] at h = 0 is 2 D_vv`, printed: num(2), derived: fo.v.diffusion2 },
          { label: `${name}: d/dh E[w' - w] at h = 0 is A(v, w)`, printed: drift[1], derived: fo.w.drift },
        ];
      });
      const pureOU = ouSplit(stiffOU, { variable: 'v', stiff: stiffOU.drift[0] }, { step: 'tau' });
      const P = (t: string) => ou.scope.parse(t, 'textbook');
      const E = (e: Expr) => expectationOverNoise(e, pureOU.noise);
      const stepMean = E(pureOU.update.v);
      return [
        ...consistency,
        { label: 'OU split on the stiff part alone: mean of the step', printed: P('V + (v - V)*exp(-lambda*tau)'), derived: stepMean },
        {
          label: 'OU split on the stiff part alone: variance of the step',
          printed: P('(1 - exp(-2*lambda*tau))/lambda'),
          derived: expand(sub(E(mul(pureOU.update.v, pureOU.update.v)), mul(stepMean, stepMean))),
        },
        {
          label: "RK4 on y' = -lambda y: 1 - z + z^2/2 - z^3/6 + z^4/24 with z = lambda h",
          printed: parseExpr('y*(1 - lambda*dt + (lambda*dt)^2/2 - (lambda*dt)^3/6 + (lambda*dt)^4/24)'),
          derived: rungeKutta(decay, RK4).update.y,
        },
      ];
    },
  );
  // The split is read off the printed (1.2), typed as the paper prints it: the right-hand side
  // (rho0/eps) d_v[(v - V) mu] moves to the left as a drift; the stiff part is the part of that
  // drift which grows like 1/eps (the eps -> oo limit removed), not the kernel's text.
  d.claim(
    {
      id: 'particle-drift-split',
      source: '(1.2)',
      title: 'The (1.2) drift = stiff coupling -(rho0/eps)(v - V) + a part free of eps, read off the printed equation',
      kind: 'must-hold',
    },
    () => {
      const printed12 = parseEquationOperator(
        equation12.scope,
        'd_t(mu) + d_v((N(v) - w - (PsiRho*v - PsiRhoV))*mu) + d_w((a*v - b*w + c)*mu) - d_v(d_v(mu)) = (1/eps)*rho*d_v((v - V)*mu)',
        'mu',
        ['v', 'w'],
        '(1.2) as printed',
      );
      const driftV = expand(neg(coefficientOf(printed12, fn('mu', [sym('v'), sym('w')], [1, 0]))));
      const free = expand(substitute(expand(substitute(driftV, new Map([['eps', div(num(1), sym('delta'))]]))), new Map([['delta', num(0)]])));
      const P = (t: string) => equation12.scope.parse(t, 'kernel split');
      return [
        { label: 'the model (1.2) is the printed equation', printed: printed12, derived: operatorOf(equation12) },
        { label: "the kernels' stiff part -(rho/eps)(v - V) = the 1/eps part of the printed drift", printed: P(stiffText), derived: expand(sub(driftV, free)) },
        {
          label: "the kernels' non-stiff drift (particleDrift) = the printed drift as eps -> oo",
          printed: expand(sub(equation12.drift[0], P(stiffText))),
          derived: free,
        },
      ];
    },
  );
});

/** Kernels: OU transition, particle drift, rescaled drift b0 of (1.10), moment rates of (1.3) and (1.5). */
export function kernels(): Kernel[] {
  const ou = ouTransition();
  const P12 = (t: string) => equation12.scope.parse(t, 'kernel');
  const nonStiff = withCubicN(sub(equation12.drift[0], P12(stiffText)));
  const { scope } = rescaledEquation(rescale16());
  const P = (t: string) => scope.parse(t, 'kernel');
  const b0v = withCubicN(P('b0v'));
  const rates = Object.fromEntries(Object.entries(macroscopicRates).map(([k, v]) => [k, withCubicN(P(v))]));
  const limitV = expand(sub(rates.V_t, sym('E')));
  const prov = (claim?: string) => ({ derivation: 'derivations/particles.ts', claim });
  return [
    {
      kind: 'scalar',
      name: 'ouMean',
      doc: 'Mean of v after a step tau of dv = -lambda (v - V) dt + sqrt(2) dB.',
      args: ['v0', 'V', 'lambda', 'tau'],
      expr: substitute(ou.mean, new Map([['v', sym('v0')]])),
      provenance: prov('ou-transition'),
    },
    {
      kind: 'scalar',
      name: 'ouVariance',
      doc: 'Variance of that transition (independent of v0).',
      args: ['lambda', 'tau'],
      expr: ou.variance,
      provenance: prov('ou-transition'),
    },
    {
      kind: 'loop',
      name: 'particleDrift',
      doc: 'Non-stiff drift of each neuron in (1.2): N(v) - w - Psi*rho0 v + Psi*(rho0 V), and A(v, w).',
      arrays: ['v', 'w'],
      uniforms: ['PsiRho', 'PsiRhoV', 'a', 'b', 'c'],
      outputs: { dv: nonStiff, dw: equation12.drift[1] },
      provenance: prov('particle-drift-split'),
    },
    // one kernel per component: the v-faces of a grid need only bv, the w-faces only bw
    ...(
      [
        ['rescaledTransportV', 'v-component B0(theta v, w)/theta', ['theta', 'V', 'E', 'PsiRho'], { bv: b0v }],
        ['rescaledTransportW', 'w-component A0(theta v, w)', ['theta', 'a', 'b'], { bw: P('b0w') }],
      ] as const
    ).map(
      ([name, what, uniforms, outputs]): Kernel => ({
        kind: 'loop',
        name,
        doc: `The ${what} of the transport velocity b0 of (1.10) at (v, w).`,
        arrays: ['v', 'w'],
        uniforms,
        outputs,
        provenance: { derivation: 'derivations/rescaling.ts', claim: 'eq-1.7' },
      }),
    ),
    ...Object.entries(particleSchemes()).map(([scheme, rule]) =>
      stepKernel(rule, {
        name: `${scheme}Step`,
        doc: 'One step of every neuron of a cell of (1.2) with N(v) = v - v^3, in place; xi_v holds standard normals.',
        uniforms: ['dt', 'rho', 'eps', 'V', 'PsiRho', 'PsiRhoV', 'a', 'b', 'c'],
        provenance: prov('scheme-rules'),
      }),
    ),
    {
      kind: 'scalar',
      name: 'momentRateV',
      doc: "V' from the first line of (1.3): N(V) - W - L[V] + E.",
      args: ['V', 'W', 'E', 'PsiRho', 'PsiRhoV'],
      expr: rates.V_t,
      provenance: { derivation: 'derivations/rescaling.ts' },
    },
    {
      kind: 'scalar',
      name: 'momentRateW',
      doc: "W' = a V - b W + c from the moment equation.",
      args: ['V', 'W', 'a', 'b', 'c'],
      expr: rates.W_t,
      provenance: { derivation: 'derivations/rescaling.ts' },
    },
    {
      kind: 'scalar',
      name: 'limitRateV',
      doc: "V' of the limit system (1.5): N(V) - W - L[V].",
      args: ['V', 'W', 'PsiRho', 'PsiRhoV'],
      expr: limitV,
      provenance: { derivation: 'derivations/rescaling.ts' },
    },
  ];
}

/**
 * The particle system behind (1.2) and the kernels the numerics run: the drift of one neuron
 * split into the stiff local coupling -(rho0/eps)(v - V) and the rest, the exact
 * Ornstein–Uhlenbeck transition of the stiff part over a step (derived from the generator, not
 * typed in), the centred drift b0 of (1.10), the moment equations (1.3) and the limit (1.5).
 */
import {
  derivation, generatorOf, parseExpr, averageOfPolynomial, solveAffineOde, substituteFunction, defineModel,
  totalTimeDerivative, expand, substitute, partial, sym, num, sub, mul, Expr, Kernel, FokkerPlanckModel,
} from '../src/index.ts';
import { equation12, rescale16, rescaledEquation, macroscopicRates } from './rescaling.ts';
import { defaultNonlinearity } from './lib/fhn.ts';

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
  const M = (k: number) => (k === 0 ? num(1) : sym(`M${k}`));
  const s = stiffOU.scope.extend({ symbols: ['M1', 'M2', 'm', 'S', 'tau', 'v0'] });
  const meanRate = averageOfPolynomial(generatorOf(stiffOU, sym('v')), 'v', M);
  const secondRate = averageOfPolynomial(generatorOf(stiffOU, s.parse('v^2', 'v^2')), 'v', M);
  // variance S = M2 - M1^2: S' = M2' - 2 M1 M1', written in (m, S)
  const toMS = new Map([['M1', sym('m')], ['M2', s.parse('S + m^2', 'M2')]]);
  const mRate = expand(substitute(meanRate, toMS));
  const SRate = expand(substitute(sub(secondRate, mul(num(2), sym('M1'), meanRate)), toMS));
  const mean = solveAffineOde(mRate, 'm', 'tau', sym('v0'));
  const variance = solveAffineOde(SRate, 'S', 'tau', num(0));
  return { meanRate: mRate, varianceRate: SRate, mean, variance, scope: s };
}

export default derivation('Particles, kernels and moment equations', 'Sections 1.1–1.2 (numerics)', (d) => {
  const ou = ouTransition();
  d.step('Exact transition of the stiff coupling', 'Generator on v and v^2 gives m\' = -lambda (m - V) and S\' = -2 lambda S + 2; both are solved in closed form over a step tau.', [
    { label: "m'", rhs: ou.meanRate },
    { label: "S'", rhs: ou.varianceRate },
    { label: 'm(tau)', rhs: ou.mean },
    { label: 'S(tau)', rhs: ou.variance },
  ]);
  d.claim({ id: 'ou-transition', source: '(1.2)', title: 'Exact OU transition: mean V + (v0 - V) e^{-lambda tau}, variance (1 - e^{-2 lambda tau})/lambda', kind: 'must-hold' }, () => {
    const tau0 = new Map([['tau', num(0)]]);
    return [
      { label: 'mean solves its ODE', printed: totalTimeDerivative(ou.mean, 'tau', new Map()), derived: expand(substitute(ou.meanRate, new Map([['m', ou.mean]]))) },
      { label: 'variance solves its ODE', printed: totalTimeDerivative(ou.variance, 'tau', new Map()), derived: expand(substitute(ou.varianceRate, new Map([['S', ou.variance]]))) },
      { label: 'mean(0) = v0', printed: expand(substitute(ou.mean, tau0)), derived: sym('v0') },
      { label: 'variance(0) = 0', printed: expand(substitute(ou.variance, tau0)), derived: num(0) },
      { label: 'the textbook forms', printed: ou.scope.parse('V + (v0 - V)*exp(-lambda*tau)', 'mean'), derived: ou.mean },
      { label: 'the textbook variance', printed: ou.scope.parse('(1 - exp(-2*lambda*tau))/lambda', 'variance'), derived: ou.variance },
    ];
  });
  d.claim({ id: 'particle-drift-split', source: '(1.2)', title: 'The (1.2) drift = stiff coupling -(rho0/eps)(v - V) + a part free of eps', kind: 'must-hold' }, () => {
    const P = (t: string) => equation12.scope.parse(t, 'split');
    const rest = expand(sub(equation12.drift[0], P(stiffText)));
    return [{ label: 'd/d eps of the non-stiff part', printed: num(0), derived: expand(partial(rest, 'eps')) }];
  });
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
    { kind: 'scalar', name: 'ouMean', doc: 'Mean of v after a step tau of dv = -lambda (v - V) dt + sqrt(2) dB.', args: ['v0', 'V', 'lambda', 'tau'], expr: ou.mean, provenance: prov('ou-transition') },
    { kind: 'scalar', name: 'ouVariance', doc: 'Variance of that transition (independent of v0).', args: ['lambda', 'tau'], expr: ou.variance, provenance: prov('ou-transition') },
    { kind: 'loop', name: 'particleDrift', doc: 'Non-stiff drift of each neuron in (1.2): N(v) - w - Psi*rho0 v + Psi*(rho0 V), and A(v, w).', arrays: ['v', 'w'], uniforms: ['PsiRho', 'PsiRhoV', 'a', 'b', 'c'], outputs: { dv: nonStiff, dw: equation12.drift[1] }, provenance: prov('particle-drift-split') },
    { kind: 'loop', name: 'rescaledTransport', doc: 'Transport velocity b0 of (1.10) at (v, w): (B0(theta v, w)/theta, A0(theta v, w)).', arrays: ['v', 'w'], uniforms: ['theta', 'V', 'E', 'PsiRho', 'a', 'b'], outputs: { bv: b0v, bw: P('b0w') }, provenance: { derivation: 'derivations/rescaling.ts', claim: 'eq-1.7' } },
    { kind: 'scalar', name: 'momentRateV', doc: "V' from the first line of (1.3): N(V) - W - L[V] + E.", args: ['V', 'W', 'E', 'PsiRho', 'PsiRhoV'], expr: rates.V_t, provenance: { derivation: 'derivations/rescaling.ts' } },
    { kind: 'scalar', name: 'momentRateW', doc: "W' = a V - b W + c from the moment equation.", args: ['V', 'W', 'a', 'b', 'c'], expr: rates.W_t, provenance: { derivation: 'derivations/rescaling.ts' } },
    { kind: 'scalar', name: 'limitRateV', doc: "V' of the limit system (1.5): N(V) - W - L[V].", args: ['V', 'W', 'PsiRho', 'PsiRhoV'], expr: limitV, provenance: { derivation: 'derivations/rescaling.ts' } },
  ];
}

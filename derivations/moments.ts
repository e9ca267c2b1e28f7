/**
 * Section 1.2.1–1.2.3: the moment system (1.3) from (1.2), the limit (1.5) under the ansatz
 * delta_V ⊗ mubar, the marginal equation (1.8) of (1.10), the limit (1.9) under the ansatz
 * M_rho ⊗ nubar, and (1.13), the ansatz carried back through (1.6). Printed equations are typed
 * as printed; integrals over v are written Int_v(...) and become named moments
 * (Int_v_nu = ∫ v nu dv, nubar = ∫ nu dv, IntN_mu = ∫ N(v) mu du, ...).
 */
import {
  derivation,
  MomentSpace,
  momentRate,
  marginalOf,
  marginalByParts,
  applyAnsatz,
  diracAnsatz,
  maxwellianAnsatz,
  gaussianMomentFacts,
  maxwellian,
  inverseDensityTransform,
  substituteIntegrationVariable,
  operatorOf,
  parseEquationOperator,
  substituteInModel,
  expand,
  substitute,
  sym,
  num,
  fn,
  sub,
  mul,
  pow,
  Expr,
  ModelScope,
  FokkerPlanckModel,
} from '../src/index.ts';
import { equation12, rescale16, rescaledEquation, derivedThetaRate } from './rescaling.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

/** A(v, w) = a v - b w + c, the adaptation drift. */
const A = { params: ['x', 'y'], body: 'a*x - b*y + c' };

/** Moments of mu over the whole state u = (v, w): scalars; ∫ mu du is the mass, ∫ N(v) mu du is IntN_mu. */
export const momentsOverU = () => new MomentSpace({ density: 'mu', over: ['v', 'w'], remaining: [], marginal: 'mass_mu', names: { 'N(v)': 'IntN_mu' } });
/** Moments of mu over v: functions of w; ∫ mu dv is mubar. */
export const momentsOverV = (density = 'mu') => new MomentSpace({ density, over: ['v'], remaining: ['w'] });
/** Moments of the marginal mubar over w (for ∫ ... du under delta_V ⊗ mubar). */
const momentsOfMubar = () => new MomentSpace({ density: 'mubar', over: ['w'], remaining: [], marginal: 'mass_mubar' });

/** A printed marginal equation in the unknown `unknown`(w), with Int_v(...) integrals. */
export function printedMarginal(scope: ModelScope, space: MomentSpace, text: string, label: string): Expr {
  const s = scope.extend({ symbols: [space.density, space.marginal], operators: space.operators(), macros: { A } });
  return parseEquationOperator(s, text, space.marginal, space.remaining, label);
}

/** (1.10): the rescaled equation with the theta ODE imposed. */
export function equation110(): { model: FokkerPlanckModel; scope: ModelScope; thetaRate: Expr } {
  const { model, scope } = rescaledEquation(rescale16());
  const thetaRate = derivedThetaRate(model, scope);
  return { model: substituteInModel(model, new Map([['theta_t', thetaRate]]), '(1.10)'), scope, thetaRate };
}

/** The first line of (1.3) as derived: the generator on v, moments over u, (1.1) and (1.4) used. */
export function derivedVRate(space: MomentSpace): { raw: Expr; rate: Expr } {
  const P = (t: string) => equation12.scope.parse(t, 'moments of mu');
  const raw = momentRate(equation12, sym('v'), space);
  const known = space.resolve(raw, [
    [num(1), num(1)],
    [sym('v'), sym('V')],
    [sym('w'), sym('W')],
  ]);
  // (1.4): E(mu) = ∫ N(v) mu du - N(V)
  const rate = expand(substitute(known, new Map([['IntN_mu', P('E + N(V)')]])));
  return { raw, rate };
}

export default derivation('Moments, marginals and the two ansätze', 'Section 1.2.1–1.2.3', (d) => {
  d.assume(paperAssumptions);
  const P = (t: string) => equation12.scope.parse(t, '(1.3)');
  const U = momentsOverU();
  const { raw, rate } = derivedVRate(U);
  d.step('Multiply (1.2) by v, integrate over u', 'd/dt ∫ v mu du = ∫ (b·grad v + D:Hess v) mu du; the d_v, d_w terms integrate by parts onto v.', [
    { label: 'd/dt ∫ v mu du', rhs: raw },
    { label: 'with ∫ mu = 1, ∫ v mu = V, ∫ w mu = W (1.1) and ∫ N mu = E + N(V) (1.4)', lhs: sym('V_t'), rhs: rate },
  ]);
  const V = momentsOverV();
  const marginal12 = marginalOf(equation12, V);
  d.step('Integrate (1.2) over v', 'Test functions of w only: every d_v(...) term drops; the w-flux leaves ∫ A mu dv = a ∫ v mu dv - b w mubar + c mubar.', [
    { label: 'd_t mubar', rhs: marginal12 },
  ]);
  d.claim({ id: 'eq-1.3', source: '(1.3)', title: 'The moment system on (V, mubar), from (1.2)' }, () => [
    { label: 'first line: d_t V', printed: P('N(V) - W - (V*PsiRho - PsiRhoV) + E'), derived: rate },
    {
      label: 'second line: marginal of (1.2)',
      printed: printedMarginal(equation12.scope, V, 'd_t(mubar) + d_w(a*Int_v(v*mu) - b*w*mubar + c*mubar) = 0', '(1.3) second line'),
      derived: marginal12,
    },
    {
      label: 'marginal by parts (strong form) = by the generator',
      printed: marginalByParts(operatorOf(equation12), equation12.state, 'mu', V),
      derived: marginal12,
      mustHold: true,
    },
  ]);

  const dirac = diracAnsatz({ variable: 'v', at: sym('V'), marginal: 'mubar', rest: momentsOfMubar() });
  const mubarKnown = [
    [num(1), num(1)],
    [sym('w'), sym('W')],
  ] as const;
  d.claim({ id: 'eq-1.5', source: '(1.5)', title: 'The limit system under the ansatz delta_V ⊗ mubar' }, () => {
    const rest = momentsOfMubar();
    const ansatz = diracAnsatz({ variable: 'v', at: sym('V'), marginal: 'mubar', rest });
    const onU = (e: Expr) =>
      rest.resolve(
        applyAnsatz(e, U, ansatz),
        mubarKnown.map(([w, v]) => [w, v]),
      );
    const errorTerm = sub(onU(U.of(P('N(v)'))), P('N(V)'));
    const line1 = expand(substitute(rate, new Map([['E', errorTerm]])));
    const line2 = applyAnsatz(marginal12, V, dirac);
    d.step(
      'Replace mu by delta_V ⊗ mubar in (1.3)',
      '∫ h(v, w) delta_V(v) mubar(w) dv = h(V, w) mubar(w): ∫ v mu dv -> V mubar, E(mu) -> N(V) - N(V) = 0, ∫ w mubar dw = W.',
      [
        { label: 'E(delta_V ⊗ mubar)', rhs: expand(errorTerm) },
        { label: 'd_t V', rhs: line1 },
        { label: 'd_t mubar', rhs: line2 },
      ],
    );
    return [
      { label: 'first line: d_t V', printed: P('N(V) - W - (V*PsiRho - PsiRhoV)'), derived: line1 },
      {
        label: 'second line: transport of mubar',
        printed: printedMarginal(equation12.scope, V, 'd_t(mubar) + d_w(A(V, w)*mubar) = 0', '(1.5) second line'),
        derived: line2,
      },
    ];
  });

  const { model, scope } = equation110();
  const nuV = momentsOverV('nu');
  const marginal110 = marginalOf(model, nuV);
  d.step(
    'Integrate (1.10) over v',
    'The stiff part (1/theta^2) F_rho[nu] and the v-transport are d_v(...) terms and drop; the w-transport A0(theta v, w) = a theta v - b w leaves a theta ∫ v nu dv - b w nubar.',
    [{ label: 'd_t nubar', rhs: marginal110 }],
  );
  d.claim({ id: 'eq-1.8', source: '(1.8)', title: 'd_t nubar - b d_w(w nubar) = -a theta d_w ∫ v nu dv: (1.10) integrated over v' }, () => [
    {
      label: 'marginal of (1.10)',
      printed: printedMarginal(scope, nuV, 'd_t(nubar) - b*d_w(w*nubar) = -a*theta*d_w(Int_v(v*nu))', '(1.8)'),
      derived: marginal110,
    },
    {
      label: 'marginal by parts (strong form) = by the generator',
      printed: marginalByParts(operatorOf(model), model.state, 'nu', nuV),
      derived: marginal110,
      mustHold: true,
    },
  ]);

  const rho = sym('rho');
  const gaussian = maxwellianAnsatz({ variable: 'v', rho, marginal: 'nubar' });
  d.claim({ id: 'eq-1.9', source: '(1.9)', title: 'd_t nubar - b d_w(w nubar) = 0 under the ansatz M_rho ⊗ nubar' }, () => {
    const limit = applyAnsatz(marginal110, nuV, gaussian);
    d.step(
      'Replace nu by M_rho ⊗ nubar in (1.8)',
      '∫ v M_rho dv = 0 removes the source term; the Gaussian moments are checked against d_v M_rho = -rho v M_rho.',
      [
        { label: '∫ v M_rho dv', rhs: gaussian.value({ name: 'Int_v_nu', weight: sym('v'), atom: fn('Int_v_nu', [sym('w')]) }, nuV) },
        { label: 'd_t nubar', rhs: limit },
      ],
    );
    return [
      ...gaussianMomentFacts(rho, 4),
      { label: '(1.8) under M_rho ⊗ nubar', printed: printedMarginal(scope, nuV, 'd_t(nubar) - b*d_w(w*nubar) = 0', '(1.9)'), derived: limit },
    ];
  });

  d.claim({ id: 'eq-1.13', source: '(1.13)', title: 'M_rho ⊗ nubar through (1.6) is M_{rho theta^-2}(v - V) ⊗ mubar' }, () => {
    const s = scope.extend({ symbols: ['vp', 'pi'], functions: { nubar: 1 } });
    const mu = inverseDensityTransform(rescale16(), mul(maxwellian(rho, sym('v')), fn('nubar', [sym('w')])));
    // mubar(w) = ∫ mu dv: substitute v = V + theta vp; the integrand is M_rho(vp) nubar(w - W), of integral nubar(w - W)
    const integrand = substituteIntegrationVariable(mu, 'v', s.parse('V + theta*vp', 'v = V + theta vp'), 'vp');
    const mubar = fn('nubar', [s.parse('w - W', 'w - W')]);
    const printed = mul(maxwellian(s.parse('rho/theta^2', 'rho theta^-2'), s.parse('v - V', 'v - V')), mubar);
    d.step('Invert (1.6) on M_rho ⊗ nubar', 'mu(v, w) = (1/theta) (M_rho ⊗ nubar)((v - V)/theta, w - W); its marginal is mubar(w) = nubar(w - W).', [
      { label: 'mu', rhs: mu },
      { label: 'integrand after v = V + theta vp', rhs: integrand },
    ]);
    return [
      {
        label: 'the integrand of ∫ mu dv is M_rho(vp) nubar(w - W), so mubar(w) = nubar(w - W)',
        printed: mul(maxwellian(rho, sym('vp')), mubar),
        derived: integrand,
        mustHold: true,
      },
      // both sides are positive (theta > 0), so compare squares: sqrt(theta^2) = theta is not assumed by every checker;
      // squares are expanded first because nerdamer 1.1.13 gives ((r*t^-2)^(1/2))^2 = r*t^2
      { label: 'mu^2 = (M_{rho theta^-2}(v - V) mubar(w))^2', printed: expand(pow(printed, 2)), derived: expand(pow(mu, 2)) },
    ];
  });
});

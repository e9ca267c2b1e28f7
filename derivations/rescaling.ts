/**
 * Section 1.2.2–1.2.3: the rescaling (1.6) of the mean-field equation (1.2), the centred drift
 * (1.7), the choice of the concentration rate theta^eps and its closed form (1.11), and I(t).
 * Every printed equation is transcribed as printed; the engine derives its own and compares.
 */
import {
  derivation,
  defineModel,
  changeVariables,
  chainRuleWitness,
  substituteInModel,
  operatorOf,
  parseEquationOperator,
  readStiffForm,
  solveLinear,
  totalTimeDerivative,
  substitute,
  expand,
  partial,
  sym,
  num,
  sub,
  div,
  mul,
  sqrt,
  ChangedModel,
  FokkerPlanckModel,
  Expr,
  ModelScope,
  Kernel,
} from '../src/index.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

/** (1.2): d_t mu + div_u[b mu] - d_v^2 mu = (rho0/eps) d_v[(v - V) mu], with K_Psi written through Psi *_r rho0 and Psi *_r (rho0 V). */
export const equation12 = defineModel({
  name: '(1.2)',
  state: ['v', 'w'],
  density: 'mu',
  parameters: ['a', 'b', 'c', 'eps', 'rho', 'PsiRho', 'PsiRhoV'],
  coefficients: { V: null, W: null, E: null },
  functions: { N: 1 },
  drift: ['N(v) - w - (PsiRho*v - PsiRhoV) - (rho/eps)*(v - V)', 'a*v - b*w + c'],
  diffusion: ['1', '0'],
});

/** The first line of (1.3) for V' and the moment equation W' = int A mu = a V - b W + c. */
export const macroscopicRates = {
  V_t: 'N(V) - W - (V*PsiRho - PsiRhoV) + E',
  W_t: 'a*V - b*W + c',
};

/** (1.7) as printed: B0(u) = N(V + v) - N(V) - w - v Psi*rho0 - E, A0(u) = A(u) - A(0). */
export const printed17 = {
  B0: { params: ['x', 'y'], body: 'N(V + x) - N(V) - y - x*PsiRho - E' },
  A0: { params: ['x', 'y'], body: 'a*x - b*y' },
  b0v: { params: [], body: '(1/theta)*B0(theta*v, w)' },
  b0w: { params: [], body: 'A0(theta*v, w)' },
};

/** The Fokker–Planck operator F_rho[nu] = d_v[rho v nu + d_v nu], as printed. */
const F_rho = 'd_v(rho*v*nu + d_v(nu))';

/** A printed equation in the paper's operator notation (d_t, div_u, d_v, F_rho kept unevaluated), for display only. */
function printedForm(scope: ModelScope, lhs: string, rhs: string): { lhs: Expr; rhs: Expr } {
  const s = scope.extend({ symbols: ['nu', 'b0', 'mu', 'beps'], functions: { d_t: 1, d_v: 1, d_w: 1, div_u: 1, F_rho: 1 } });
  return { lhs: s.parse(lhs, 'printed equation (left side)'), rhs: s.parse(rhs, 'printed equation (right side)') };
}

/** The change of variables (1.6): (t, v, w) -> (t, (v - V)/theta, w - W), with mu = (1/theta) nu(...). */
export function rescale16(densityFactor = '1/theta'): ChangedModel {
  return changeVariables(equation12, {
    name: '(1.6)',
    newState: ['v', 'w'],
    map: ['(v - V)/theta', 'w - W'],
    density: 'nu',
    introduces: { coefficients: { theta: null } },
    densityFactor,
  });
}

/** The rescaled equation with V' and W' replaced by (1.3), and the scope with (1.7) declared. */
export function rescaledEquation(changed: ChangedModel): { model: FokkerPlanckModel; scope: ModelScope } {
  const s = changed.model.scope;
  const rates = new Map(Object.entries(macroscopicRates).map(([k, v]) => [k, s.parse(v, `${k} from (1.3)`)]));
  const model = substituteInModel(changed.model, rates, '(1.2) after (1.6), V and W from (1.3)');
  const scope = s.extend({ macros: printed17, operators: new Map([['d_dt', ([e]: Expr[]) => totalTimeDerivative(e, 't', s.rates)]]) });
  return { model, scope };
}

/** theta^eps solving the ODE read off the stiff term: theta' as a function of theta. */
export function derivedThetaRate(model: FokkerPlanckModel, scope: ModelScope): Expr {
  const b0 = [scope.parse('b0v', 'b0 (1.7)'), scope.parse('b0w', 'b0 (1.7)')];
  const { k } = readStiffForm(model, b0, 'v');
  // ask the stiff term (1/theta^2) d_v[k v nu + d_v nu] to be (1/theta^2) F_rho[nu]: k = rho
  return solveLinear(sub(k, sym('rho')), 'theta_t');
}

/** Check a closed form for theta^2 against the derived ODE and theta(0) = 1. */
export function thetaClosedFormParts(scope: ModelScope, thetaRate: Expr, closedForm: string) {
  const S = scope.parse(closedForm, 'closed form of theta^2');
  const dS = totalTimeDerivative(S, 't', new Map());
  // d/dt theta^2 = 2 theta theta'; the derived theta' only has theta^(odd) so 2 theta theta' is a function of theta^2
  const rhs = expand(substitute(expand(mul(num(2), sym('theta'), thetaRate)), new Map([['theta', sqrt(S)]])));
  return [
    { label: "d/dt theta^2 = 2 theta theta' along the closed form", printed: dS, derived: rhs },
    { label: 'theta(0)^2 = 1', printed: expand(substitute(S, new Map([['t', num(0)]]))), derived: num(1) },
  ];
}

/** Check a closed form for I(t) = int_0^t ds / theta^2 with theta^2 given by a closed form. */
export function integralClosedFormParts(scope: ModelScope, closedFormTheta2: string, closedFormI: string) {
  const S = scope.parse(closedFormTheta2, 'closed form of theta^2');
  const I = substitute(scope.parse(closedFormI, 'closed form of I(t)'), new Map([['theta2', S]]));
  return [
    { label: "I' = 1/theta^2", printed: totalTimeDerivative(I, 't', new Map()), derived: div(num(1), S) },
    { label: 'I(0) = 0', printed: expand(substitute(I, new Map([['t', num(0)]]))), derived: num(0) },
  ];
}

/** (1.11) as printed: theta^2 in closed form; and the closed form of I(t) of §4.4.1. */
export const closedForm111 = 'eps*(1 - exp(-(2*rho*t)/eps)) + exp(-(2*rho*t)/eps)';
export const closedFormI = 't/eps + ln(theta2)/(2*rho)';

export default derivation('Rescaling (1.6) and the concentration rate theta^eps', 'Section 1.2.2–1.2.3', (d) => {
  d.assume(paperAssumptions);
  d.step('Start from (1.2)', 'The mean-field equation, with K_Psi[rho0 mu] written through Psi *_r rho0 and Psi *_r (rho0 V).', [
    { label: '(1.2)', ...printedForm(equation12.scope, 'd_t(mu) + div_u(beps*mu) - d_v(d_v(mu))', '(rho/eps)*d_v((v - V)*mu)') },
    { label: 'drift_v', rhs: equation12.drift[0] },
    { label: 'drift_w', rhs: equation12.drift[1] },
    { label: 'D_vv', rhs: equation12.diffusion[0][0] },
  ]);
  const changed = rescale16();
  d.step(
    'Change of variables (1.6)',
    "Itô's formula: new drift d_t phi + (grad phi) b + D:Hess phi, new diffusion (grad phi) D (grad phi)^T, density factor det(grad phi) = 1/theta.",
    [
      { label: 'd_t phi_v', rhs: changed.ito.timeDerivative[0] },
      { label: 'd_t phi_w', rhs: changed.ito.timeDerivative[1] },
      { label: '(grad phi b)_v', rhs: changed.ito.gradientTimesDrift[0] },
      { label: 'Itô term (D:Hess phi)_v', rhs: changed.ito.hessianTerm[0] },
      { label: 'det grad phi', rhs: changed.ito.jacobianDeterminant },
      { label: 'new drift_v', rhs: changed.model.drift[0] },
      { label: 'new drift_w', rhs: changed.model.drift[1] },
      { label: 'new D_vv', rhs: changed.model.diffusion[0][0] },
    ],
  );
  const { model, scope } = rescaledEquation(changed);
  d.step("Use (1.3) for V' and the moment equation for W'", 'The terms N(V), W, Psi *_r (rho0 V) cancel against the centring.', [
    { label: "V' from (1.3)", lhs: sym('V_t'), rhs: changed.model.scope.parse(macroscopicRates.V_t, "V'") },
    { label: "W' (moment of A)", lhs: sym('W_t'), rhs: changed.model.scope.parse(macroscopicRates.W_t, "W'") },
    { label: 'drift_v', rhs: model.drift[0] },
    { label: 'drift_w', rhs: model.drift[1] },
  ]);
  d.step(
    'The equation on nu^eps, coefficients collected',
    'The operator of the rescaled equation, collected by derivatives of nu^eps; the paper groups it as the transport by b0 plus the stiff part below.',
    [
      { label: 'd_t nu = L[nu]', lhs: scope.extend({ symbols: ['nu'], functions: { d_t: 1 } }).parse('d_t(nu)', 'd_t nu'), rhs: operatorOf(model) },
      {
        label: 'as printed before (1.10)',
        ...printedForm(scope, 'd_t(nu) + div_u(b0*nu)', '(1/theta^2)*d_v((theta_t*theta + rho/eps*theta^2)*v*nu + d_v(nu))'),
      },
    ],
  );

  d.claim({ id: 'eq-1.6-transform', source: '(1.6)', title: 'The equation on nu^eps after the change of variables (1.6)' }, () => {
    const witness = chainRuleWitness(equation12, changed);
    const printed = parseEquationOperator(
      scope,
      `d_t(nu) + d_v(b0v*nu) + d_w(b0w*nu) = (1/theta^2)*d_v((theta_t*theta + rho/eps*theta^2)*v*nu + d_v(nu))`,
      'nu',
      ['v', 'w'],
      'equation after (1.6)',
    );
    return [
      { label: "Itô's formula agrees with the chain rule on mu = (1/theta) nu(phi)", printed: witness.lhs, derived: witness.rhs, mustHold: true },
      { label: 'operator of the printed equation', printed, derived: operatorOf(model) },
    ];
  });

  d.claim(
    {
      id: 'eq-1.7',
      selfConfirming: 'A0 is defined as A(u) - A(0): the terms of the definition include those of the printed A0, and the constants c cancel',
      source: '(1.7)',
      title: 'The centred drift b0 = (theta^-1 B0(theta v, w), A0(theta v, w)), B0 and A0',
    },
    () => {
      const xy = scope.extend({ symbols: ['x', 'y'] });
      const b0v = scope.parse('b0v', 'b0_v');
      const stiffPart = expand(div(sub(model.drift[0], b0v), sym('v')));
      const centredB = substitute(
        xy.parse('N(v) - w - (PsiRho*v - PsiRhoV) - V_t', "b_v - V'"),
        new Map([
          ['v', xy.parse('V + x', 'v')],
          ['w', xy.parse('W + y', 'w')],
          ['V_t', xy.parse(macroscopicRates.V_t, "V'")],
        ]),
      );
      const A = (x: string, y: string) => xy.parse(`a*(${x}) - b*(${y}) + c`, 'A');
      return [
        { label: 'drift_w = A0(theta v, w)', printed: scope.parse('b0w', 'b0_w'), derived: model.drift[1] },
        { label: '(drift_v - b0_v)/v does not depend on v', printed: num(0), derived: expand(partial(stiffPart, 'v')) },
        { label: '(drift_v - b0_v)/v does not depend on w', printed: num(0), derived: expand(partial(stiffPart, 'w')) },
        { label: "B0(x, y) = b_v(V + x, W + y) - V'", printed: xy.parse('B0(x, y)', 'B0'), derived: centredB },
        { label: 'A0(u) = A(u) - A(0)', printed: xy.parse('A0(x, y)', 'A0'), derived: sub(A('x', 'y'), A('0', '0')) },
      ];
    },
  );

  d.claim({ id: 'theta-sqrt-eps', source: '§1.2.2', title: 'With theta = sqrt(eps): d_t nu + div[b0 nu] = (1/eps) F_rho[nu]' }, () => {
    const atSqrtEps = new Map([
      ['theta', sqrt(sym('eps'))],
      ['theta_t', num(0)],
    ]);
    const derived = expand(substitute(operatorOf(model), atSqrtEps));
    const printed = expand(
      substitute(parseEquationOperator(scope, `d_t(nu) + d_v(b0v*nu) + d_w(b0w*nu) = (1/eps)*${F_rho}`, 'nu', ['v', 'w'], 'theta = sqrt(eps)'), atSqrtEps),
    );
    return [{ label: 'operator with theta = sqrt(eps)', printed, derived }];
  });

  const thetaRate = derivedThetaRate(model, scope);
  const stiff = readStiffForm(model, [scope.parse('b0v', 'b0 (1.7)'), scope.parse('b0w', 'b0 (1.7)')], 'v');
  d.step(
    'Choose theta^eps',
    "Read the stiff term as kappa d_v[k v nu + d_v nu] and ask k = rho0, i.e. (1/theta^2) F_rho[nu]; solve for theta'.",
    [
      { label: 'kappa (diffusion)', rhs: stiff.kappa },
      { label: 'k (stiff coefficient)', rhs: stiff.k },
      { label: 'ask k = rho0', lhs: stiff.k, rhs: sym('rho') },
      { label: "theta'", lhs: sym('theta_t'), rhs: thetaRate },
      { label: "k with this theta' (the cancellation)", rhs: expand(substitute(stiff.k, new Map([['theta_t', thetaRate]]))) },
    ],
    'theta-ode',
  );
  d.step(
    '(1.10)',
    'With this theta^eps the stiff part is exactly (1/theta^2) F_rho[nu]: the equation (1.10).',
    [
      { label: '(1.10) as printed', ...printedForm(scope, 'd_t(nu) + div_u(b0*nu)', '(1/theta^2)*F_rho(nu)') },
      {
        label: 'd_t nu = L[nu]',
        lhs: scope.extend({ symbols: ['nu'], functions: { d_t: 1 } }).parse('d_t(nu)', 'd_t nu'),
        rhs: expand(substitute(operatorOf(model), new Map([['theta_t', thetaRate]]))),
      },
    ],
    'eq-1.10',
  );

  d.claim({ id: 'theta-ode', source: '§1.2.3', title: '(1/2) d_t theta^2 + (rho/eps) theta^2 = rho, derived from the stiff term' }, () => {
    const printedOde = scope.parse('(1/2)*d_dt(theta^2) + (rho/eps)*theta^2', 'ODE on theta');
    return [
      {
        label: "(1/2) d_t theta^2 + (rho/eps) theta^2 with the derived theta'",
        printed: scope.parse('rho', 'rho'),
        derived: expand(substitute(printedOde, new Map([['theta_t', thetaRate]]))),
      },
    ];
  });

  d.claim({ id: 'eq-1.10', source: '(1.10)', title: 'd_t nu + div[b0 nu] = (1/theta^2) F_rho[nu]' }, () => {
    const derived = expand(substitute(operatorOf(model), new Map([['theta_t', thetaRate]])));
    const printed = parseEquationOperator(scope, `d_t(nu) + d_v(b0v*nu) + d_w(b0w*nu) = (1/theta^2)*${F_rho}`, 'nu', ['v', 'w'], '(1.10)');
    return [{ label: 'operator of (1.10)', printed, derived }];
  });

  d.claim({ id: 'eq-1.11', source: '(1.11)', title: 'theta^2 = eps(1 - e^{-2 rho t/eps}) + e^{-2 rho t/eps} solves the ODE with theta(0) = 1' }, () =>
    thetaClosedFormParts(scope, thetaRate, closedForm111),
  );

  d.claim({ id: 'I-closed-form', source: '§4.4.1', title: "I(t) = t/eps + ln(theta^2)/(2 rho) satisfies I' = 1/theta^2, I(0) = 0" }, () =>
    integralClosedFormParts(scope.extend({ symbols: ['theta2'] }), closedForm111, closedFormI),
  );
});

/** Numeric kernels generated from this derivation: the closed form (1.11), the derived theta ODE, I(t). */
export function kernels(): Kernel[] {
  const { model, scope } = rescaledEquation(rescale16());
  const rate = derivedThetaRate(model, scope);
  const theta2 = scope.parse(closedForm111, '(1.11)');
  const I = substitute(scope.extend({ symbols: ['theta2'] }).parse(closedFormI, 'I(t)'), new Map([['theta2', theta2]]));
  const provenance = (claim: string) => ({ derivation: 'derivations/rescaling.ts', claim });
  return [
    {
      kind: 'scalar',
      name: 'theta2ClosedForm',
      doc: 'theta^eps(t)^2 from the closed form (1.11).',
      args: ['t', 'eps', 'rho'],
      expr: theta2,
      provenance: provenance('eq-1.11'),
    },
    {
      kind: 'scalar',
      name: 'thetaRate',
      doc: "theta' = rho/theta - rho theta/eps, the ODE derived from the stiff term.",
      args: ['theta', 'eps', 'rho'],
      expr: rate,
      provenance: provenance('theta-ode'),
    },
    {
      kind: 'scalar',
      name: 'integralI',
      doc: 'I(t) = int_0^t ds / theta^2 in closed form.',
      args: ['t', 'eps', 'rho'],
      expr: I,
      provenance: provenance('I-closed-form'),
    },
  ];
}

/**
 * Section 3: the kinetic example of 3.0.1 (y = x + eps v makes pi^eps an exact solution of the
 * heat equation), the rescaling (3.5) w -> e^{-bt} w in the proof of Proposition 3.4, the explicit
 * solution of (1.9) and Proposition 3.5, the time T^eps of (3.6), and the shear (3.7) whose
 * marginal is (3.8). Printed equations are typed as printed; Int_v(...) is ∫ ... dv.
 */
import {
  derivation,
  defineModel,
  changeVariables,
  chainRuleWitness,
  operatorOf,
  parseEquationOperator,
  marginalOf,
  marginalByParts,
  MomentSpace,
  coefficientOf,
  substituteIntegrationVariable,
  substituteFunction,
  totalTimeDerivative,
  expand,
  substitute,
  partialN,
  sym,
  num,
  fn,
  sub,
  mul,
  Expr,
  ModelScope,
  FokkerPlanckModel,
  expMonotone,
  restrict,
  parseExpr,
  compileExpr,
} from '../src/index.ts';
import { hypotheses, timeUpTo } from './lib/hypotheses.ts';

/** ||F||_L1 on [-L, L] by composite Simpson (the integrand smooth, decaying). */
function l1Norm(f: (w: number) => number, L = 10, n = 20000): number {
  const h = (2 * L) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.abs(f(-L + i * h));
  return (s * h) / 3;
}

/** The norms of Proposition 3.5 measured on nubar(t, w) = e^{bt} nubar0(e^{bt} w), nubar0 a mixture: the worst relative error of the closed forms. */
function prop35Norms(): number {
  const y = parseExpr('exp(-(y - 1)^2) + 0.5*exp(-4*(y + 1.5)^2)');
  const d = [0, 1, 2].map((k) => compileExpr(partialN(y, 'y', k)));
  // the norms of nubar0 do not depend on (b, t): measured once
  const initial = d.map((dk) => l1Norm((w) => dk({ y: w })));
  const wd0 = l1Norm((w) => w * d[1]({ y: w }));
  let worst = 0;
  for (const b of [0.5, 2])
    for (const t of [0.3, 1]) {
      const E = Math.exp(b * t);
      for (const k of [0, 1, 2]) {
        // d_w^k nubar(t, w) = e^{(k+1)bt} nubar0^(k)(e^{bt} w)
        const measured = l1Norm((w) => E ** (k + 1) * d[k]({ y: E * w }));
        const closed = E ** k * initial[k];
        worst = Math.max(worst, Math.abs(measured - closed) / closed);
      }
      const wd = l1Norm((w) => w * E ** 2 * d[1]({ y: E * w }));
      worst = Math.max(worst, Math.abs(wd - wd0) / wd0);
    }
  return worst;
}
import { closedForm111 } from './rescaling.ts';
import { equation110, printedMarginal } from './moments.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

/** The kinetic Fokker–Planck equation of 3.0.1 in dimension 1: d_t f + (1/eps) v d_x f = (1/eps^2) d_v(v f + d_v f). */
export const kinetic = defineModel({
  name: 'kinetic Fokker–Planck (3.0.1), d = 1',
  state: ['x', 'v'],
  density: 'f',
  parameters: ['eps'],
  drift: ['v/eps', '-v/eps^2'],
  diffusion: ['0', '1/eps^2'],
});

/** (3.5), the equation on f as printed. */
export const printed35fText = 'd_t(f) + d_w(exp(b*t)*A0(theta*v, 0)*f) + (1/theta)*d_v(B0(theta*v, exp(-b*t)*w)*f) = (1/theta^2)*d_v(rho*v*f + d_v(f))';

/** A printed equation on the unknown `unknown` of the given state. */
export const printedEq = (scope: ModelScope, unknown: string, state: readonly string[], text: string, label: string) =>
  parseEquationOperator(scope.extend({ symbols: [unknown] }), text, unknown, state, label);

/** The chain-rule witness of a change of variables as a must-hold part. */
function witnessPart(label: string, original: FokkerPlanckModel, changed: ReturnType<typeof changeVariables>) {
  const w = chainRuleWitness(original, changed);
  return { label, printed: w.lhs, derived: w.rhs, mustHold: true };
}

/** The operator applied to a candidate solution: d_t cand - L[cand] (L in the unknown `name` of `vars`). */
function residualOf(L: Expr, name: string, vars: readonly string[], candidate: Expr): Expr {
  return expand(sub(totalTimeDerivative(candidate, 't', new Map()), substituteFunction(L, name, vars, candidate)));
}

/** (3.7): nu(v, w) = g(v, w + gamma v), applied to (1.10). */
export function shear37(model: FokkerPlanckModel) {
  return changeVariables(model, {
    name: '(3.7)',
    newState: ['v', 'w'],
    map: ['v', 'w + gamma*v'],
    density: 'g',
    introduces: { coefficients: { gamma: null } },
    densityFactor: '1',
  });
}

/** (3.8) as printed. */
export const printed38Text = 'd_t(gbar) + (a*eps/rho)*d_w(Int_v((B0(theta*v, w - gamma*v) + b*theta*v)*g)) - (a*eps/rho)^2*d_w(d_w(gbar)) = d_w(b*w*gbar)';

/** Moments of g over v (∫ N(V + theta v) g dv named IntN_g). */
export const gMoments = () => new MomentSpace({ density: 'g', over: ['v'], remaining: ['w'], names: { 'N(V + theta*v)': 'IntN_g' } });

/** The marginal of the (3.7) equation with gamma = a eps theta/rho (theta' kept), and a reader of printed marginals. */
export function marginal38() {
  const { model, scope, thetaRate } = equation110();
  const c37 = shear37(model);
  const s = scope.extend({ coefficients: { gamma: null } });
  const gammaRules = new Map([
    ['gamma', s.parse('a*eps*theta/rho', 'gamma')],
    ['gamma_t', s.parse('a*eps*theta_t/rho', 'gamma_t')],
  ]);
  const gSpace = gMoments();
  const raw = expand(substitute(marginalOf(c37.model, gSpace), gammaRules));
  const printed = (text: string) => expand(substitute(printedMarginal(s, gSpace, text, '(3.8)'), gammaRules));
  const byParts = () => expand(substitute(marginalByParts(operatorOf(c37.model), ['v', 'w'], 'g', gSpace), gammaRules));
  return { model, c37, raw, printed, byParts, ode: new Map([['theta_t', thetaRate]]) };
}

export default derivation('Marginals and rescalings of section 3', 'Sections 3.0.1, 3.2, 3.3', (d) => {
  d.assume(paperAssumptions);
  // ---- 3.0.1: the kinetic example
  const kScope = kinetic.scope.extend({
    symbols: ['f', 'rho', 'pi'],
    operators: new MomentSpace({ density: 'f', over: ['v'], remaining: ['x'], marginal: 'rho' }).operators(),
  });
  const fOverV = new MomentSpace({ density: 'f', over: ['v'], remaining: ['x'], marginal: 'rho' });
  const sheared = changeVariables(kinetic, { name: 'y = x + eps v', newState: ['x', 'v'], map: ['x + eps*v', 'v'], density: 'h', densityFactor: '1' });
  const hOverV = new MomentSpace({ density: 'h', over: ['v'], remaining: ['x'], marginal: 'pi' });
  const heat = marginalOf(sheared.model, hOverV);
  d.step(
    '3.0.1: shift x by eps v',
    'h(t, y, v) = f(t, y - eps v, v): the transport (1/eps) v d_x and the friction -(1/eps^2) v d_v cancel in the y-drift; the diffusion becomes (grad phi) D (grad phi)^T.',
    [
      { label: 'drift_y', rhs: sheared.model.drift[0] },
      { label: 'drift_v', rhs: sheared.model.drift[1] },
      { label: 'D_yy', rhs: sheared.model.diffusion[0][0] },
      { label: 'D_yv', rhs: sheared.model.diffusion[0][1] },
      { label: 'd_t pi = d_t ∫ h dv', rhs: heat },
    ],
  );
  d.claim({ id: 'kinetic-heat', source: '§3.0.1', title: 'pi^eps(t, x) = ∫ f(t, x - eps v, v) dv solves d_t pi = d_x^2 pi exactly' }, () => [
    {
      label: 'the model is the printed kinetic equation',
      printed: printedEq(kinetic.scope, 'f', ['x', 'v'], 'd_t(f) + (1/eps)*v*d_x(f) = (1/eps^2)*d_v(v*f + d_v(f))', 'kinetic FP'),
      derived: operatorOf(kinetic),
      mustHold: true,
    },
    witnessPart("Itô's formula agrees with the chain rule on f = h(x + eps v, v)", kinetic, sheared),
    {
      label: 'rho^eps: no closed equation',
      printed: parseEquationOperator(kScope, 'd_t(rho) + (1/eps)*d_x(Int_v(v*f)) = 0', 'rho', ['x'], 'equation on rho^eps'),
      derived: marginalOf(kinetic, fOverV),
    },
    { label: 'pi^eps: the heat equation', printed: printedEq(kScope, 'pi', ['x'], 'd_t(pi) = d_x(d_x(pi))', 'heat equation'), derived: heat },
    {
      label: 'marginal by parts (strong form) = by the generator',
      printed: marginalByParts(operatorOf(sheared.model), ['x', 'v'], 'h', hOverV),
      derived: heat,
      mustHold: true,
    },
  ]);

  // ---- (3.5): w -> e^{-bt} w in (1.10)
  const { model, scope } = equation110();
  const c35 = changeVariables(model, { name: '(3.5)', newState: ['v', 'w'], map: ['v', 'exp(b*t)*w'], density: 'f', densityFactor: 'exp(b*t)' });
  d.step(
    '(3.5): f(t, w, v) = e^{-bt} nu(t, v, e^{-bt} w)',
    'The new variable is e^{bt} w; d_t(e^{bt} w) = b e^{bt} w cancels the confinement -b w of A0, leaving e^{bt} A0(theta v, 0).',
    [
      { label: 'drift_v', rhs: c35.model.drift[0] },
      { label: 'drift_w', rhs: c35.model.drift[1] },
      { label: 'density factor', rhs: c35.ito.jacobianDeterminant },
    ],
  );
  const sc35 = scope.extend({ symbols: ['w0'] });
  d.claim({ id: 'eq-3.5', source: '(3.5)', title: 'The equation on f after w -> e^{-bt} w, and on g = tau_{w0} f' }, () => {
    const shifted = changeVariables(c35.model, {
      name: 'tau_w0',
      newState: ['v', 'w'],
      map: ['v', 'w - w0'],
      density: 'g',
      introduces: { parameters: ['w0'] },
      densityFactor: '1',
    });
    return [
      witnessPart("Itô's formula agrees with the chain rule on nu = e^{bt} f(v, e^{bt} w)", model, c35),
      { label: 'equation on f', printed: printedEq(scope, 'f', ['v', 'w'], printed35fText, '(3.5) equation on f'), derived: operatorOf(c35.model) },
      {
        label: 'equation on g = tau_{w0} f',
        printed: printedEq(
          sc35,
          'g',
          ['v', 'w'],
          'd_t(g) + d_w(exp(b*t)*A0(theta*v, 0)*g) + (1/theta)*d_v(B0(theta*v, exp(-b*t)*(w + w0))*g) = (1/theta^2)*d_v(rho*v*g + d_v(g))',
          'equation on g',
        ),
        derived: operatorOf(shifted.model),
      },
    ];
  });

  // ---- Proposition 3.5 and the explicit solution of (1.9)
  const s9 = scope.extend({ symbols: ['wp'], functions: { nubar0: 1 } });
  const candidate = s9.parse('exp(b*t)*nubar0(exp(b*t)*w)', 'solution of (1.9)');
  const nubarSpace = new MomentSpace({ density: 'nu', over: ['v'], remaining: ['w'] });
  const L19 = printedMarginal(scope, nubarSpace, 'd_t(nubar) - b*d_w(w*nubar) = 0', '(1.9)');
  d.claim({ id: 'eq-1.9-solution', source: '§3.2 (Prop. 3.5)', title: 'nubar(t, w) = e^{bt} nubar0(e^{bt} w) solves (1.9) with nubar(0) = nubar0' }, () => [
    { label: 'd_t nubar - b d_w(w nubar) = 0', printed: num(0), derived: residualOf(L19, 'nubar', ['w'], candidate) },
    { label: 'nubar(0, w) = nubar0(w)', printed: s9.parse('nubar0(w)', 'nubar0'), derived: expand(substitute(candidate, new Map([['t', num(0)]]))) },
  ]);
  const back = s9.parse('exp(-b*t)*wp', 'w = e^{-bt} wp');
  const pulled = (e: Expr) => substituteIntegrationVariable(e, 'w', back, 'wp');
  d.step(
    'Proposition 3.5: substitute w = e^{-bt} wp in the norms',
    'The Jacobian e^{-bt} is positive, so |.| commutes with it: ||F||_L1 = ∫ |F(e^{-bt} wp)| e^{-bt} dwp.',
    [
      { label: 'w d_w nubar, pulled back', rhs: pulled(mul(sym('w'), partialN(candidate, 'w', 1))) },
      ...[0, 1, 2].map((k) => ({ label: `d_w^${k} nubar, pulled back`, rhs: pulled(partialN(candidate, 'w', k)) })),
    ],
  );
  d.claim({ id: 'prop-3.5', source: 'Prop. 3.5', title: '||w d_w nubar(t)||_L1 = ||w d_w nubar0||_L1 and ||nubar(t)||_W21 <= e^{2bt} ||nubar0||_W21' }, () => [
    {
      label: '||w d_w nubar(t)||_L1 = ||w d_w nubar0||_L1 (integrands after w = e^{-bt} wp)',
      printed: s9.parse('wp*nubar0__d1(wp)', 'w d_w nubar0'),
      derived: pulled(mul(sym('w'), partialN(candidate, 'w', 1))),
    },
    // ||d_w^k nubar(t)||_L1 = e^{kbt} ||d_w^k nubar0||_L1 <= e^{2bt} ||d_w^k nubar0||_L1 for k <= 2, b, t >= 0
    ...[0, 1, 2].map((k) => ({
      label: `||d_w^${k} nubar(t)||_L1 = e^{${k}bt} ||d_w^${k} nubar0||_L1`,
      printed: s9.parse(`exp(${k}*b*t)*nubar0${k ? `__d${k}` : ''}(wp)`, `e^{kbt} nubar0^(k)`),
      derived: pulled(partialN(candidate, 'w', k)),
      mustHold: true,
    })),
  ]);
  // The bound e^{kbt} <= e^{2bt} (k <= 2) is proven, and the norms of the explicit solution are measured by quadrature.
  d.inequality(
    { id: 'prop-3.5-bound', source: 'Prop. 3.5', title: '||nubar(t)||_W21 = sum_k e^{kbt} ||d^k nubar0||_L1 <= e^{2bt} ||nubar0||_W21 (b > 0, t >= 0)' },
    () => {
      const sb = scope.extend({ parameters: ['N0', 'N1', 'N2'], symbols: ['t'] });
      const Q = (text: string) => sb.parse(text, 'Prop. 3.5');
      const ctx = { positive: ['b'], nonnegative: ['t', 'N0', 'N1', 'N2'] };
      const mono = (k: number) => expMonotone(Q(`${k}*b*t`), Q('2*b*t'), Q(`${2 - k}*b*t`));
      const region = hypotheses(['b'], 'Proposition 3.5: b > 0, t >= 0', [
        timeUpTo((x) => 300 / x.b, 't in [0, 300/b] (e^{2bt} finite)'),
        { name: 'N0', lo: 0, hi: 1, hypothesis: 'N0 = ||nubar0||_L1 >= 0' },
        { name: 'N1', lo: 0, hi: 10, hypothesis: 'N1 = ||d_w nubar0||_L1 >= 0' },
        { name: 'N2', lo: 0, hi: 100, hypothesis: 'N2 = ||d_w^2 nubar0||_L1 >= 0' },
      ]);
      return {
        inequalities: [
          ...[0, 1].map((k) => ({
            label: `e^{${k}bt} <= e^{2bt}`,
            printed: `e^{${k}bt} <= e^{2bt}`,
            lhs: Q(`exp(${k}*b*t)`),
            rhs: Q('exp(2*b*t)'),
            proof: { uses: [{ premise: mono(k) }], context: ctx },
            region: restrict(region, ['b', 't']),
          })),
          {
            label: 'the W^{2,1} norm',
            printed: 'N0 + e^{bt} N1 + e^{2bt} N2 <= e^{2bt} (N0 + N1 + N2)',
            lhs: Q('N0 + exp(b*t)*N1 + exp(2*b*t)*N2'),
            rhs: Q('exp(2*b*t)*(N0 + N1 + N2)'),
            region,
            proof: {
              uses: [
                { premise: mono(0), multiplier: Q('N0') },
                { premise: mono(1), multiplier: Q('N1') },
              ],
              context: ctx,
            },
          },
        ],
      };
    },
  );
  d.crossCheck(
    {
      id: 'prop-3.5',
      quantity:
        'max relative error of ||d^k nubar(t)||_L1 = e^{kbt} ||d^k nubar0||_L1 (k = 0, 1, 2) and ||w d_w nubar(t)||_L1 = ||w d_w nubar0||_L1 by quadrature of the explicit solution (nubar0 a two-bump mixture; b = 0.5, 2; t = 0.3, 1; Simpson on 2e4 cells of [-10, 10], |.| has kinks)',
      tolerance: 1e-4,
    },
    () => prop35Norms(),
  );

  // ---- T^eps of (3.6): 1/2 <= eps / theta^2 for s >= T^eps
  const sT = scope.extend({ symbols: ['s', 'm', 'X'] });
  const theta2 = substitute(sT.parse(closedForm111, '(1.11)'), new Map([['t', sym('s')]]));
  const X = sT.parse('exp(-2*rho*s/eps)', 'X');
  d.step(
    'T^eps of (3.6)',
    'With X = e^{-2 rho s/eps} in (0, 1], theta^2 = eps + (1 - eps) X, so 2 eps - theta^2 = (1 - eps)(eps - X) + eps^2. For s >= T^eps = (eps/(2 m*))|ln eps| = -eps ln(eps)/(2 m*) (eps < 1) and rho >= m*, X <= exp(-2 m* T^eps/eps) = eps; hence 2 eps - theta^2 >= eps^2 > 0, i.e. eps/theta^2 >= 1/2.',
    [
      { label: '2 eps - theta^2', rhs: expand(sub(mul(num(2), sym('eps')), theta2)) },
      { label: 'X at s = T^eps, rho = m*', rhs: sT.parse('exp(-2*m*(eps/(2*m))*(-ln(eps))/eps)', 'X at T') },
    ],
  );
  d.claim({ id: 'T-eps-bound', source: '(3.6)', title: '1/2 <= eps/theta^2 for s >= T^eps, eps < 1, rho >= m*' }, () => [
    {
      label: '2 eps - theta^2 = (1 - eps)(eps - X) + eps^2 with X = e^{-2 rho s/eps}',
      printed: substitute(sT.parse('(1 - eps)*(eps - X) + eps^2', 'factored'), new Map([['X', X]])),
      derived: sub(mul(num(2), sym('eps')), theta2),
      mustHold: true,
    },
    {
      label: 'X = eps at s = T^eps = (eps/(2 m*))|ln eps|, rho = m*',
      printed: sym('eps'),
      derived: sT.parse('exp(-2*m*(eps/(2*m))*(-ln(eps))/eps)', 'X at T'),
      mustHold: true,
    },
  ]);
  // the inequality 1/2 <= eps/theta^2 itself is proven (prop-3.6-T-eps in derivations/proofs-section3.ts)

  // ---- (3.7) and (3.8)
  const m38 = marginal38();
  const c37 = m38.c37;
  d.step(
    '(3.7): nu(v, w) = g(v, w + gamma v)',
    "The shear adds gamma' v + gamma b0_v to the w-drift and the diffusion (1/theta^2)(d_v + gamma d_w)^2; gamma = a eps theta/rho.",
    [
      { label: 'drift_v', rhs: c37.model.drift[0] },
      { label: 'drift_w', rhs: c37.model.drift[1] },
      { label: 'D_vw', rhs: c37.model.diffusion[0][1] },
      { label: 'D_ww', rhs: c37.model.diffusion[1][1] },
    ],
  );
  d.claim({ id: 'eq-3.7', source: '(3.7)', title: 'The equation on g^eps after (t, v, w) -> (t, v, w + gamma v)', kind: 'must-hold' }, () => [
    witnessPart("Itô's formula agrees with the chain rule on nu = g(v, w + gamma v)", model, c37),
    {
      label: 'the full equation, written out',
      printed: printedEq(
        scope.extend({ coefficients: { gamma: null } }),
        'g',
        ['v', 'w'],
        'd_t(g) + d_v((B0(theta*v, w - gamma*v)/theta - rho*v/theta^2)*g) + d_w((gamma_t*v + A0(theta*v, w - gamma*v) + gamma*(B0(theta*v, w - gamma*v)/theta - rho*v/theta^2))*g) = (1/theta^2)*(d_v(d_v(g)) + 2*gamma*d_v(d_w(g)) + gamma^2*d_w(d_w(g)))',
        'full equation on g',
      ),
      derived: operatorOf(c37.model),
    },
  ]);
  const { raw: raw38, ode } = m38;
  const printed38 = m38.printed(printed38Text);
  // what the derived marginal has beyond (3.8) as printed, before the theta ODE is used
  const source = fn('Int_v_g', [sym('w')], [1]);
  const excess = expand(sub(raw38, printed38));
  const sourceCoefficient = coefficientOf(excess, source);
  d.step(
    'Integrate over v: the source term and the theta ODE',
    "Before theta' is used, the derived marginal differs from (3.8) by a multiple of d_w ∫ v g dv, of coefficient -(gamma' + a theta - a eps/theta); with theta' = rho/theta - rho theta/eps it vanishes. The diffusion gamma^2/theta^2 = (a eps/rho)^2 remains.",
    [
      { label: "d_t gbar (theta' kept)", rhs: raw38 },
      { label: 'derived - printed (3.8)', rhs: excess },
      { label: 'its coefficient of d_w ∫ v g dv', rhs: sourceCoefficient },
      { label: 'with the theta ODE', rhs: expand(substitute(sourceCoefficient, ode)) },
    ],
  );
  d.claim({ id: 'eq-3.8', source: '(3.8)', title: 'The marginal equation on gbar^eps: vanishing diffusion (a eps/rho)^2 d_w^2' }, () => [
    {
      label: 'before the theta ODE, derived - printed is only a multiple of d_w ∫ v g dv',
      printed: mul(sourceCoefficient, source),
      derived: excess,
      mustHold: true,
    },
    { label: 'that coefficient vanishes through the theta ODE', printed: num(0), derived: expand(substitute(sourceCoefficient, ode)), mustHold: true },
    { label: 'marginal by parts (strong form) = by the generator', printed: m38.byParts(), derived: raw38, mustHold: true },
    { label: '(3.8) as printed', printed: printed38, derived: expand(substitute(raw38, ode)) },
  ]);
});

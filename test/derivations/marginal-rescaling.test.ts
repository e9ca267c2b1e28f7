import { describe, it, expect } from 'vitest';
import section3, { kinetic, marginal38, printed38Text } from '../../derivations/marginal-rescaling.ts';
import { equation110 } from '../../derivations/moments.ts';
import {
  decideClaim,
  changeVariables,
  marginalOf,
  MomentSpace,
  parseEquationOperator,
  operatorOf,
  coefficientOf,
  ChangeOfVariablesError,
  expand,
  substitute,
  sub,
  fn,
  sym,
  num,
} from '../../src/index.ts';

describe('section 3: marginals and rescalings', () => {
  it('verifies the seven claims and passes the numeric back-ups', () => {
    const d = section3.run();
    expect(d.claims.map((c) => c.id)).toEqual(['kinetic-heat', 'eq-3.5', 'eq-1.9-solution', 'prop-3.5', 'prop-3.5-bound', 'T-eps-bound', 'eq-3.7', 'eq-3.8']);
    for (const c of d.claims) {
      expect(c.status, `${c.id}: ${c.message}`).toBe('verified');
      expect(c.checks.filter((k) => k.result === 'equal' || k.result === 'proven').length).toBeGreaterThanOrEqual(2);
    }
    for (const x of d.crossChecks) expect(x.pass, `${x.id}: ${x.detail}`).toBe(true);
  });

  it('(3.8): without the theta ODE the printed form is not reached; the gap is a multiple of d_w ∫ v g dv', () => {
    const m = marginal38();
    const gap = expand(sub(m.raw, m.printed(printed38Text)));
    const src = fn('Int_v_g', [sym('w')], [1]);
    const c = coefficientOf(gap, src);
    expect(decideClaim({ id: 'gap', source: 't', title: 'gap' }, () => [{ label: 'c', printed: num(0), derived: c }]).status).toBe('erratum');
    expect(decideClaim({ id: 'ode', source: 't', title: 'ode' }, () => [{ label: 'c', printed: num(0), derived: expand(substitute(c, m.ode)) }]).status).toBe(
      'verified',
    );
  });

  it('(3.8) with a wrong transcription is an erratum (diffusion not squared, sign of b theta v, sign of the confinement)', () => {
    const m = marginal38();
    const derived = expand(substitute(m.raw, m.ode));
    for (const wrong of [
      printed38Text.replace('(a*eps/rho)^2*', '(a*eps/rho)*'),
      printed38Text.replace('+ b*theta*v)', '- b*theta*v)'),
      printed38Text.replace('= d_w(b*w*gbar)', '= -d_w(b*w*gbar)'),
    ]) {
      const rec = decideClaim({ id: 'wrong-3.8', source: 'test', title: wrong }, () => [{ label: '(3.8)', printed: m.printed(wrong), derived }]);
      expect(rec.status, wrong).toBe('erratum');
    }
  });

  it('(3.5) with e^{-bt} in front of A0 is an erratum; a wrong Jacobian is refused', () => {
    const { model, scope } = equation110();
    const c35 = changeVariables(model, { name: '(3.5)', newState: ['v', 'w'], map: ['v', 'exp(b*t)*w'], density: 'f' });
    const wrong = parseEquationOperator(
      scope.extend({ symbols: ['f'] }),
      'd_t(f) + d_w(exp(-b*t)*A0(theta*v, 0)*f) + (1/theta)*d_v(B0(theta*v, exp(-b*t)*w)*f) = (1/theta^2)*d_v(rho*v*f + d_v(f))',
      'f',
      ['v', 'w'],
      'wrong (3.5)',
    );
    expect(decideClaim({ id: 'w35', source: 't', title: 'w' }, () => [{ label: '(3.5)', printed: wrong, derived: operatorOf(c35.model) }]).status).toBe(
      'erratum',
    );
    expect(() => changeVariables(model, { name: '(3.5)', newState: ['v', 'w'], map: ['v', 'exp(b*t)*w'], density: 'f', densityFactor: 'exp(-b*t)' })).toThrow(
      ChangeOfVariablesError,
    );
  });

  it('kinetic example: the shift y = x - eps v (wrong sign) does not give the heat equation', () => {
    const wrongShift = changeVariables(kinetic, { name: 'y = x - eps v', newState: ['x', 'v'], map: ['x - eps*v', 'v'], density: 'h' });
    const space = new MomentSpace({ density: 'h', over: ['v'], remaining: ['x'], marginal: 'pi' });
    const heat = parseEquationOperator(kinetic.scope.extend({ symbols: ['pi'] }), 'd_t(pi) = d_x(d_x(pi))', 'pi', ['x'], 'heat');
    expect(
      decideClaim({ id: 'k', source: 't', title: 'k' }, () => [{ label: 'heat', printed: heat, derived: marginalOf(wrongShift.model, space) }]).status,
    ).toBe('erratum');
  });

  it('T^eps: the threshold identity fails for half the time (X = sqrt(eps), not eps)', () => {
    const { scope } = equation110();
    const s = scope.extend({ symbols: ['m'] });
    const at = (T: string) => s.parse(`exp(-2*m*(${T})/eps)`, 'X at T');
    const part = (T: string) => [{ label: 'X = eps', printed: sym('eps'), derived: at(T), mustHold: true }];
    expect(decideClaim({ id: 'T', source: 't', title: 'T', assume: { eps: 'positive', m: 'positive' } }, () => part('(eps/(2*m))*(-ln(eps))')).status).toBe(
      'verified',
    );
    expect(decideClaim({ id: 'T2', source: 't', title: 'T/2', assume: { eps: 'positive', m: 'positive' } }, () => part('(eps/(4*m))*(-ln(eps))')).status).toBe(
      'failed',
    );
  });
});

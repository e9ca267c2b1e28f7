import { describe, it, expect } from 'vitest';
import rescaling, {
  rescale16,
  rescaledEquation,
  derivedThetaRate,
  thetaClosedFormParts,
  integralClosedFormParts,
  closedForm111,
  closedFormI,
} from '../../derivations/rescaling.ts';
import { decideClaim, equivalent, ChangeOfVariablesError } from '../../src/index.ts';

const changed = rescale16();
const { model, scope } = rescaledEquation(changed);
const rate = derivedThetaRate(model, scope);

describe('section 1.2.2-1.2.3 replay', () => {
  it('verifies the seven claims with all three methods', () => {
    const d = rescaling.run();
    expect(d.claims.map((c) => c.id)).toEqual(['eq-1.6-transform', 'eq-1.7', 'theta-sqrt-eps', 'theta-ode', 'eq-1.10', 'eq-1.11', 'I-closed-form']);
    for (const c of d.claims) {
      expect(c.status, `${c.id}: ${c.message}`).toBe('verified');
      expect(c.checks.filter((k) => k.result === 'equal').length).toBeGreaterThanOrEqual(2);
    }
  });

  it("derives the theta ODE from the stiff term (not typed in): theta' = rho/theta - rho theta/eps", () => {
    expect(equivalent(rate, 'rho/theta - rho*theta/eps').equivalent).toBe(true);
    expect(equivalent(rate, 'rho/theta - rho*theta').equivalent).toBe(false);
  });

  it('rejects a wrong closed form of theta^2', () => {
    const wrong = 'eps + (1 - eps)*exp(-rho*t/eps)';
    const rec = decideClaim({ id: 'wrong-1.11', source: 'test', title: 'wrong closed form' }, () => thetaClosedFormParts(scope, rate, wrong));
    expect(rec.status).toBe('erratum');
    expect(rec.parts[0].holds).toBe(false);
    expect(rec.parts[1].holds).toBe(true);
    const right = decideClaim({ id: 'right-1.11', source: 'test', title: 'closed form' }, () => thetaClosedFormParts(scope, rate, closedForm111));
    expect(right.status).toBe('verified');
  });

  it('rejects a wrong I(t)', () => {
    const s = scope.extend({ symbols: ['theta2'] });
    for (const wrong of ['t/eps + ln(theta2)/rho', 't/eps - ln(theta2)/(2*rho)', 't + ln(theta2)/(2*rho)']) {
      const rec = decideClaim({ id: 'wrong-I', source: 'test', title: 'wrong I' }, () => integralClosedFormParts(s, closedForm111, wrong));
      expect(rec.status, wrong).toBe('erratum');
    }
    expect(decideClaim({ id: 'I', source: 'test', title: 'I' }, () => integralClosedFormParts(s, closedForm111, closedFormI)).status).toBe('verified');
  });

  it('rejects the change of variables (1.6) with a wrong Jacobian', () => {
    expect(() => rescale16('theta')).toThrow(ChangeOfVariablesError);
    expect(() => rescale16('1/theta^2')).toThrow(/wrong Jacobian/);
  });

  it('turns a wrongly transcribed equation into an erratum, not a pass', () => {
    const d = rescaling.run();
    const ok = d.claims.find((c) => c.id === 'eq-1.10')!;
    expect(ok.status).toBe('verified');
    // (1.10) with the stiff term's sign flipped must be caught
    const rec = decideClaim({ id: 'eq-1.10-wrong', source: 'test', title: 'wrong (1.10)' }, () => {
      const { parseEquationOperator, operatorOf, substitute, expand } = require_();
      const derived = expand(substitute(operatorOf(model), new Map([['theta_t', rate]])));
      const printed = parseEquationOperator(scope, 'd_t(nu) + d_v(b0v*nu) + d_w(b0w*nu) = -(1/theta^2)*d_v(rho*v*nu + d_v(nu))', 'nu', ['v', 'w'], 'wrong');
      return [{ label: 'operator', printed, derived }];
    });
    expect(rec.status).toBe('erratum');
  });
});

import * as api from '../../src/index.ts';
function require_() {
  return api;
}

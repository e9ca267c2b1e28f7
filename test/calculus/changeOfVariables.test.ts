import { describe, it, expect } from 'vitest';
import {
  defineModel,
  changeVariables,
  chainRuleWitness,
  operatorOf,
  parseEquationOperator,
  ChangeOfVariablesError,
  ModelError,
  equivalent,
  printExpr,
} from '../../src/index.ts';

import { ou } from '../../examples/ou-centre.ts'; // a user's own model (not from the paper)

describe('changeVariables (Itô)', () => {
  it('moves to the frame of the centre and scales: drift and diffusion as computed by hand', () => {
    const ch = changeVariables(ou, {
      name: 'centre',
      newState: ['x', 'y'],
      map: ['(x - m)/s', 'y'],
      density: 'g',
    });
    // d/dt (x - m)/s = (-k (x - m) - m')/s -> in new variables: -k x - m_t/s
    expect(equivalent(ch.model.drift[0], '-k*x - m_t/s').equivalent).toBe(true);
    expect(equivalent(ch.model.drift[1], 'G(m + s*x) - c*y').equivalent).toBe(true);
    expect(equivalent(ch.model.diffusion[0][0], '1/2').equivalent).toBe(true);
    expect(equivalent(ch.ito.jacobianDeterminant, '1/s').equivalent).toBe(true);
  });

  it("agrees with the chain rule on f = J g(phi): Itô's formula witnessed independently", () => {
    const ch = changeVariables(ou, { name: 'shear', newState: ['p', 'q'], map: ['x + y', 'y - x'], density: 'g' });
    const w = chainRuleWitness(ou, ch);
    expect(equivalent(w.lhs, w.rhs).equivalent).toBe(true);
  });

  it('includes the Hessian term for nonlinear maps (given with their inverse)', () => {
    const ch = changeVariables(ou, {
      name: 'exp',
      newState: ['z', 'y'],
      map: ['exp(x)', 'y'],
      inverse: ['ln(z)', 'y'],
      density: 'g',
    });
    // Itô: d e^x = e^x dx + (1/2) e^x s^2 dt
    // z = e^x > 0: ln(z) is real only when z is declared positive
    expect(equivalent(ch.model.drift[0], 'z*(-k*(ln(z) - m)) + z*s^2/2', { assume: { z: 'positive' } }).equivalent).toBe(true);
    expect(equivalent(ch.model.drift[0], 'z*(-k*(ln(z) - m)) + z*s^2/2').status).toBe('disputed');
    expect(equivalent(ch.model.drift[0], 'z*(-k*(ln(z) - m))', { assume: { z: 'positive' } }).status).toBe('different');
    const w = chainRuleWitness(ou, ch);
    expect(equivalent(w.lhs, w.rhs, { assume: { z: 'positive' } }).equivalent).toBe(true);
  });

  it('rejects a wrong Jacobian in the density transform', () => {
    const run = () => changeVariables(ou, { name: 'centre', newState: ['x', 'y'], map: ['(x - m)/s', 'y'], density: 'g', densityFactor: 's' });
    expect(run).toThrow(ChangeOfVariablesError);
    expect(run).toThrow(/wrong Jacobian: the density factor s is not det\(d phi\/d u\) = s\^\(-1\)/);
    // the chain-rule witness also fails with a wrong time-dependent factor (a constant factor
    // drops out of a linear equation, which is why the factor is compared with det(grad phi) above)
    const ch = changeVariables(ou, { name: 'centre', newState: ['x', 'y'], map: ['(x - m)/s', 'y'], density: 'g' });
    const w = chainRuleWitness(ou, ch, ou.scope.parse('m', 'wrong factor'));
    expect(equivalent(w.lhs, w.rhs).equivalent).toBe(false);
    const right = chainRuleWitness(ou, ch);
    expect(equivalent(right.lhs, right.rhs).equivalent).toBe(true);
  });

  it('refuses a non-invertible map, a wrong inverse, and a nonlinear map without inverse', () => {
    expect(() => changeVariables(ou, { name: 'flat', newState: ['p', 'q'], map: ['x + y', '2*x + 2*y'], density: 'g' })).toThrow(
      /not invertible: det\(d phi\/d u\) = 0/,
    );
    expect(() => changeVariables(ou, { name: 'exp', newState: ['z', 'y'], map: ['exp(x)', 'y'], inverse: ['z', 'y'], density: 'g' })).toThrow(
      /the given inverse is wrong/,
    );
    expect(() => changeVariables(ou, { name: 'exp', newState: ['z', 'y'], map: ['exp(x)', 'y'], density: 'g' })).toThrow(/pass its `inverse`/);
  });
});

describe('models and printed equations', () => {
  it('refuses an asymmetric diffusion matrix and a drift of the wrong size, naming the field', () => {
    expect(() =>
      defineModel({
        name: 'bad',
        state: ['x', 'y'],
        density: 'f',
        drift: ['0', '0'],
        diffusion: [
          ['1', 'x'],
          ['0', '1'],
        ],
      }),
    ).toThrow(/diffusion\[0\]\[1\]: the diffusion matrix is not symmetric/);
    expect(() => defineModel({ name: 'bad', state: ['x', 'y'], density: 'f', drift: ['0'], diffusion: ['1', '1'] })).toThrow(ModelError);
    expect(() => defineModel({ name: 'bad', state: ['x'], density: 'f', drift: ['kk*x'], diffusion: ['1'] })).toThrow(/unknown symbol "kk"/);
  });

  it('reads a printed equation into an operator and compares it with the model', () => {
    const printed = parseEquationOperator(ou.scope, 'd_t(f) + d_x(-k*(x - m)*f) + d_y((G(x) - c*y)*f) = (s^2/2)*d_x(d_x(f))', 'f', ['x', 'y'], 'printed');
    expect(equivalent(operatorOf(ou), printed).equivalent).toBe(true);
    const wrong = parseEquationOperator(ou.scope, 'd_t(f) + d_x(-k*(x - m)*f) + d_y((G(x) - c*y)*f) = s^2*d_x(d_x(f))', 'f', ['x', 'y'], 'wrong');
    const v = equivalent(operatorOf(ou), wrong);
    expect(v.equivalent).toBe(false);
    expect(v.difference).toContain('f__d2_0(x, y)');
    expect(() => parseEquationOperator(ou.scope, 'd_x(f) = 0', 'f', ['x', 'y'], 'no d_t')).toThrow(/must contain d_t\(f\)/);
    expect(printExpr(printed)).not.toContain('NaN');
  });
});

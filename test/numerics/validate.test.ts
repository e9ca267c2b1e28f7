/** The input guards every numeric routine uses: each refusal names the field, the value and the bound. */
import { describe, it, expect } from 'vitest';
import {
  NumericInputError,
  requireFinite,
  requirePositive,
  requireInteger,
  requireLength,
  requireAllFinite,
  requireIncreasingWithin,
  requireStepBelow,
} from '../../src/numerics/validate.ts';

describe('numeric input guards', () => {
  it('pass good input through and refuse bad input naming the field and the value', () => {
    expect(requirePositive('eps', 0.1)).toBe(0.1);
    expect(() => requirePositive('eps', 0)).toThrow(new NumericInputError('eps must be > 0, got 0'));
    expect(() => requirePositive('rho0', -1)).toThrow(/rho0 must be > 0, got -1/);
    expect(() => requirePositive('dt', Number.NaN)).toThrow(/dt must be a finite number, got NaN/);
    expect(() => requireFinite('x', Number.POSITIVE_INFINITY)).toThrow(/x must be a finite number, got Infinity/);
    expect(requireInteger('n', 3, 2)).toBe(3);
    expect(() => requireInteger('n', 2.5)).toThrow(/n must be an integer >= 0, got 2.5/);
    expect(() => requireInteger('cells', 1, 2)).toThrow(/cells must be an integer >= 2, got 1/);
  });

  it('check array sizes, finiteness and increasing times', () => {
    expect(() => requireLength('coupling', new Float64Array(3), 4)).toThrow(/coupling must have 4 entries, got 3/);
    expect(() => requireLength('coupling', new Float64Array(4), 4)).not.toThrow();
    expect(() => requireAllFinite('y0', [1, 2, Number.NaN], 'at t = 0')).toThrow(/y0\[2\] = NaN is not finite at t = 0/);
    expect(() => requireIncreasingWithin('times', [0.5, 1], 0, 1)).not.toThrow();
    expect(() => requireIncreasingWithin('times', [0.5, 0.5], 0, 1)).toThrow(/times\[1\] = 0.5 must increase within \(0, 1\]/);
    expect(() => requireIncreasingWithin('times', [0, 1], 0, 1)).toThrow(/times\[0\] = 0/);
    expect(() => requireIncreasingWithin('times', [2], 0, 1)).toThrow(/times\[0\] = 2/);
  });

  it('refuse a step at or beyond a stability bound, naming the bound', () => {
    expect(() => requireStepBelow('dt', 0.01, 0.02, '2 eps / rho0', 'the stiff coupling')).not.toThrow();
    expect(() => requireStepBelow('dt', 0.02, 0.02, '2 eps / rho0', 'the stiff coupling')).toThrow(
      /dt = 0.02 is beyond the stability bound 2 eps \/ rho0 = 0.02000 of the stiff coupling \(take dt < 0.02000\)/,
    );
    expect(() => requireStepBelow('dt', -1, 0.02, 'b', 'x')).toThrow(/dt must be > 0, got -1/);
  });
});

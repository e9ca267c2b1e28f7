/**
 * The order checker: the supremum of an integral is at most the integral of the supremum, so a
 * proof that bounds sup_x ∫ does not give a statement about ∫ sup_x (wrong way), and the converse
 * holds (stronger); Fatou's direction for liminf; same kinds commute; bad input refused.
 */
import { describe, expect, it } from 'vitest';
import { compareOrder, extraDependencies, describeOrder, OrderError, Operation } from '../../src/index.ts';

const sup = (over: string): Operation => ({ kind: 'sup', over });
const int = (over: string): Operation => ({ kind: 'int', over });
const lim = (over: string): Operation => ({ kind: 'liminf', over });

describe('compareOrder', () => {
  it('flags a wrong-way exchange: the statement needs ∫ sup, the proof gives sup ∫', () => {
    expect(compareOrder([int('s'), sup('x')], [sup('x'), int('s')])).toBe('wrong-way');
  });
  it('accepts the right way: the statement needs sup ∫, the proof gives ∫ sup', () => {
    expect(compareOrder([sup('x'), int('s')], [int('s'), sup('x')])).toBe('stronger');
  });
  it('same kinds commute (Tonelli, two suprema)', () => {
    expect(compareOrder([int('s'), int('v')], [int('v'), int('s')])).toBe('same');
    expect(compareOrder([sup('x'), sup('t')], [sup('t'), sup('x')])).toBe('same');
  });
  it('Fatou: a bound on liminf ∫ gives ∫ liminf, not the converse', () => {
    expect(compareOrder([int('s'), lim('eps')], [lim('eps'), int('s')])).toBe('stronger');
    expect(compareOrder([lim('eps'), int('s')], [int('s'), lim('eps')])).toBe('wrong-way');
  });
  it('three operations: moving the supremum inward past two integrals is the wrong way', () => {
    expect(compareOrder([int('s'), int('v'), sup('x')], [sup('x'), int('s'), int('v')])).toBe('wrong-way');
    expect(compareOrder([sup('x'), int('s'), int('v')], [int('s'), int('v'), sup('x')])).toBe('stronger');
  });
  it('refuses operations that are not the same', () => {
    expect(() => compareOrder([int('s')], [sup('x')])).toThrow(OrderError);
  });
  it('describes an order', () => {
    expect(describeOrder([int('s'), sup('x')])).toBe('∫_s sup_x');
  });
});

describe('extraDependencies', () => {
  it("lists the constant's dependencies beyond those its statement allows", () => {
    expect(extraDependencies(['alpha', 'kappa', 'mstar'], { A1: ['kappa'], A3: ['mstar', 'eps'] })).toEqual([{ step: 'A3', extra: ['eps'] }]);
    expect(extraDependencies(['alpha'], { A1: ['alpha'] })).toEqual([]);
  });
});

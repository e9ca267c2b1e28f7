/** One deadline per equivalent() call, and work that counts digits: hostile inputs end with a named error or a timeout. */
import { describe, it, expect } from 'vitest';
import { equivalent } from '../../src/verify/equivalent.ts';
import { LimitError } from '../../src/cas/errors.ts';
import { setLimits, limits } from '../../src/cas/limits.ts';

const digits = (k: number) => `1${Array.from({ length: 999 }, (_, i) => String((i * 7 + k) % 10)).join('')}`;

describe('bounded work', () => {
  it('a divisor with 1000-digit coefficients under a power is refused by the digit-counting work limit', () => {
    const text = `x/((${digits(1)}*x + ${digits(2)}*y + ${digits(3)})^40)`;
    expect(() => equivalent(text, 'x')).toThrow(LimitError);
    expect(() => equivalent(text, 'x')).toThrow(/maxWork/);
  }, 30_000);

  it('the same shape with small coefficients is still computed (the limit counts digits, not only terms)', () => {
    expect(equivalent('x/((3*x + 5*y + 7)^12)', 'x*(3*x + 5*y + 7)^(-12)').status).toBe('equal');
  }, 30_000);

  it('many opaque arguments share one deadline: the call ends with timeouts, never a verdict of equal by default', () => {
    const prev = setLimits({ callMs: 300 });
    try {
      const l = Array.from({ length: 20 }, (_, i) => `f${i}((x+y+${i})^30)`).join('+');
      const r = Array.from({ length: 20 }, (_, i) => `f${19 - i}((y+x+${19 - i})^30)`).join('+');
      const v = equivalent(l, r, { opaque: Array.from({ length: 20 }, (_, i) => `f${i}`) });
      expect(v.status).not.toBe('different');
      expect(v.checks.some((c) => c.result === 'timeout' || /deadline/.test(c.detail))).toBe(true);
    } finally {
      setLimits(prev);
    }
  }, 30_000);

  it('the limits name the call deadline', () => {
    expect(limits().callMs).toBeGreaterThan(0);
    expect(limits().callMs).toBeLessThan(5_000);
  });
});

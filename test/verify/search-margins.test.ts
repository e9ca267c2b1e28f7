import { describe, it, expect } from 'vitest';
import { region, searchInequality, checkInequality, makeScope, InequalityInputError, type Region } from '../../src/index.ts';

const sc = makeScope({ parameters: ['eps', 'mstar', 't', 'x', 'y', 'z', 'a', 'c'] }, []);
const P = (t: string) => sc.parse(t, t);
/** Search lhs <= rhs (texts) over the region. */
const search = (lhs: string, rhs: string, r: Region) =>
  searchInequality({ label: `${lhs} <= ${rhs}`, printed: `${lhs} <= ${rhs}`, lhs: P(lhs), rhs: P(rhs), region: r });

const epsSmall = region('eps in [1e-8, 1e-6]', [{ name: 'eps', lo: 1e-8, hi: 1e-6, hypothesis: '1e-8 <= eps <= 1e-6' }]);
const epsUnit = region('0 < eps < 1', [{ name: 'eps', lo: 0, hi: 1, open: ['lo', 'hi'], hypothesis: '0 < eps < 1' }]);
const paperLike = region('(2.5), t >= 0, 0 < eps < 1', [
  { name: 'eps', lo: 0, hi: 1, open: ['lo', 'hi'], scale: 'log', floor: 1e-12, hypothesis: '0 < eps < 1' },
  { name: 'mstar', lo: 1e-3, hi: 1, hypothesis: '0 < m* <= 1', truncation: 'm* in [1e-3, 1]' },
  { name: 't', lo: 0, hi: 1e4, hypothesis: 't >= 0', truncation: 't in [0, 1e4]' },
]);
const square = region('unit square', [
  { name: 'x', lo: 0, hi: 1, hypothesis: '0 <= x <= 1' },
  { name: 'y', lo: 0, hi: 1, hypothesis: '0 <= y <= 1' },
]);

describe('small sides: margins relative to the size of the sides (issue 19, section 2)', () => {
  it('eps^2 <= eps^3 on [1e-8, 1e-6] does not hold; the worst relative margin is about -1', () => {
    const o = search('eps^2', 'eps^3', epsSmall);
    expect(o.holds).toBe(false);
    expect(o.worstRelativeMargin).toBeLessThan(-0.99);
  });
  it('exp(-1/eps) <= 1e12 exp(-2/eps) on (0, 1) does not hold (false for eps < 0.036, both sides below the float range for eps < 1e-3)', () => {
    const o = search('exp(-1/eps)', '10^12*exp(-2/eps)', epsUnit);
    expect(o.holds).toBe(false);
    expect(o.worstAt.eps).toBeLessThan(0.036);
  });
  it('its paper-shaped cousin exp(-m* t/eps) <= 1e12 exp(-2 m* t/eps) does not hold', () => {
    const o = search('exp(-mstar*t/eps)', '10^12*exp(-2*mstar*t/eps)', paperLike);
    expect(o.holds).toBe(false);
    expect((o.worstAt.mstar * o.worstAt.t) / o.worstAt.eps).toBeGreaterThan(Math.log(1e12));
  });
  it('my own: x^3 <= 1e-3 x^2 on [1e-6, 1e-2]; 2 e^{-2000 x} <= e^{-2000 x} on [1, 2] (both 0 in floats); e^{800 x} <= e^{799 x} (both overflow)', () => {
    const tiny = region('x in [1e-6, 1e-2]', [{ name: 'x', lo: 1e-6, hi: 1e-2, hypothesis: '' }]);
    expect(search('x^3', '10^(-3)*x^2', tiny).holds).toBe(false);
    const big = region('x in [1, 2]', [{ name: 'x', lo: 1, hi: 2, hypothesis: '' }]);
    const under = search('2*exp(-2000*x)', 'exp(-2000*x)', big);
    expect(under.holds).toBe(false);
    expect(under.worstRelativeMargin).toBeCloseTo(-1 / 3, 6);
    expect(under.logSpace).toMatch(/log space: lhs = 10\^-/);
    expect(search('exp(800*x)', 'exp(799*x)', big).holds).toBe(false);
    expect(checkInequality({ label: 'u', printed: 'u', lhs: P('exp(-2001*x)'), rhs: P('exp(-2000*x)'), samples: [{ x: 1 }] }).holds).toBe(true);
  });
  it('positive controls: eps^3 <= eps^2, exp(-2/eps) <= exp(-1/eps), e^x - 1 <= x e^x near 0 (cancellation within its error bound) hold', () => {
    expect(search('eps^3', 'eps^2', epsSmall).holds).toBe(true);
    expect(search('exp(-2/eps)', 'exp(-1/eps)', epsUnit).holds).toBe(true);
    const near0 = region('|x| <= 1e-8', [{ name: 'x', lo: -1e-8, hi: 1e-8, hypothesis: '' }]);
    expect(search('exp(x) - 1', 'x*exp(x)', near0).holds).toBe(true);
  });
  it('a tolerance above 1e-9 is refused: "holds" is never given for a larger relative violation', () => {
    expect(() => searchInequality({ label: 'l', printed: 'p', lhs: P('x'), rhs: P('x'), region: square, tolerance: 1e-6 })).toThrow(InequalityInputError);
    expect(() =>
      checkInequality({ label: 'l', printed: 'p', lhs: () => 1, rhs: () => 0, samples: [{ x: 1 }], sideAccuracy: Number.POSITIVE_INFINITY }),
    ).toThrow(/sideAccuracy/);
    const o = checkInequality({ label: 'l', printed: 'p', lhs: P('x*(1 + 4*10^(-9))'), rhs: P('x'), samples: [{ x: 1 }], tolerance: 1e-9 });
    expect(o.holds).toBe(false);
  });
});

describe('violations on thin slices and small parts of the region', () => {
  it('a slice of width ~2e-4 in x: 1e-8 <= (x - 0.3)^2 + 1e-9 y', () => {
    const o = search('10^(-8)', '(x - 0.3)^2 + 10^(-9)*y', square);
    expect(o.holds).toBe(false);
    expect(Math.abs(o.worstAt.x - 0.3)).toBeLessThan(1e-4);
  });
  it('a slice of width ~6e-5 where a side is 0: 0 <= (x - 0.3)^2 - 1e-9', () => {
    expect(search('0', '(x - 0.3)^2 - 10^(-9)', square).holds).toBe(false);
  });
  it('a slice under dependent bounds: a in [1, 2], c in [a, 2a], 1e-8 c <= (c - 1.5 a)^2 + 1e-9', () => {
    const r = region('a, c', [
      { name: 'a', lo: 1, hi: 2, hypothesis: '1 <= a <= 2' },
      { name: 'c', lo: (s) => s.a, hi: (s) => 2 * s.a, hypothesis: 'a <= c <= 2a' },
    ]);
    expect(search('10^(-8)*c', '(c - 1.5*a)^2 + 10^(-9)', r).holds).toBe(false);
  });
  it('0.74% of the square: a disc of radius 0.0485 around (0.4, 0.6)', () => {
    const o = search('0.0485^2', '(x - 0.4)^2 + (y - 0.6)^2', square);
    expect(o.holds).toBe(false);
    expect(Math.hypot(o.worstAt.x - 0.4, o.worstAt.y - 0.6)).toBeLessThan(0.0485);
  });
  it('0.66% of the square under a bump: e^{-50((x - 0.7)^2 + (y - 0.2)^2)} <= 0.9', () => {
    expect(search('exp(-50*((x - 0.7)^2 + (y - 0.2)^2))', '0.9', square).holds).toBe(false);
  });
  it('a small ball in three dimensions (about 0.5% of the cube), away from corners and faces', () => {
    const cube = region('unit cube', [
      { name: 'x', lo: 0, hi: 1, hypothesis: '' },
      { name: 'y', lo: 0, hi: 1, hypothesis: '' },
      { name: 'z', lo: 0, hi: 1, hypothesis: '' },
    ]);
    expect(search('0.1^2', '(x - 0.35)^2 + (y - 0.55)^2 + (z - 0.62)^2', cube).holds).toBe(false);
  });
  it('a violation next to the open end where the hypothesis is tight: 1e-4 (1 - x)^(-1/2) <= 1 on [0, 1) fails only for 1 - x < 1e-8', () => {
    const r = region('0 <= x < 1', [{ name: 'x', lo: 0, hi: 1, open: ['hi'], hypothesis: '0 <= x < 1' }]);
    expect(search('10^(-4)*(1 - x)^(-1/2)', '1', r).holds).toBe(false); // false for 1 - x < 1e-8
    expect(search('10^(-4)*(1 - x)^(-1/2)', '1', region('0 <= x <= 0.99', [{ name: 'x', lo: 0, hi: 0.99, hypothesis: '' }])).holds).toBe(true);
  });
  it('positive controls: the same shapes that hold everywhere hold', () => {
    expect(search('10^(-8)', '(x - 0.3)^2 + 10^(-8) + 10^(-9)*y', square).holds).toBe(true);
    expect(search('0.0485^2*(x - 0.4)^2', '(x - 0.4)^2', square).holds).toBe(true);
    expect(search('exp(-2*mstar*t/eps)', 'exp(-mstar*t/eps)', paperLike).holds).toBe(true);
  });
});

describe('underflow of products and powers', () => {
  it('eps^30 <= eps^31 on [1e-12, 1e-11] is false although both sides are 0 in floats', () => {
    const r = region('eps in [1e-12, 1e-11]', [{ name: 'eps', lo: 1e-12, hi: 1e-11, hypothesis: '' }]);
    const o = search('eps^30', 'eps^31', r);
    expect(o.holds).toBe(false);
    expect(o.logSpace).toMatch(/log space/);
    expect(search('eps^31', 'eps^30', r).holds).toBe(true);
  });
});

import { describe, it, expect } from 'vitest';
import { region, pointAt, minimise, describeRegion, restrict, RegionError, SearchError, searchInequality, makeScope } from '../../src/index.ts';

const paperLike = region('test hypotheses', [
  { name: 'eps', lo: 0, hi: 1, open: ['lo', 'hi'], scale: 'log', floor: 1e-12, hypothesis: '0 < eps < 1' },
  { name: 'm', lo: 0.1, hi: 1, hypothesis: '0 < m* <= 1', truncation: 'm* in [0.1, 1]' },
  { name: 'rho', lo: (s) => s.m, hi: (s) => 1 / s.m, hypothesis: 'm* <= rho <= 1/m*' },
  { name: 't', lo: 0, hi: 1e4, scale: 'log', floor: 1e-9, hypothesis: 't >= 0', truncation: 't in [0, 1e4]' },
]);

describe('regions', () => {
  it('maps the unit cube onto the region, dependent bounds and open ends included', () => {
    const lo = pointAt(paperLike, [0, 0, 0, 0]);
    expect(lo.eps).toBeGreaterThan(0);
    expect(lo.t).toBe(0);
    expect(lo.rho).toBeCloseTo(lo.m, 12);
    const hi = pointAt(paperLike, [1, 1, 1, 1]);
    expect(hi.eps).toBeLessThan(1);
    expect(hi.rho).toBeCloseTo(1, 12);
    expect(hi.t).toBe(1e4);
    expect(pointAt(paperLike, [0.5, 0, 1, 0.5]).rho).toBeCloseTo(10, 10);
    expect(describeRegion(paperLike)).toMatch(/0 < eps < 1.*t >= 0 \[searched: t in \[0, 1e4\]\]/);
  });
  it('refuses malformed regions with the dimension named', () => {
    expect(() =>
      region('r', [
        { name: 'x', lo: 0, hi: 1, hypothesis: '' },
        { name: 'x', lo: 0, hi: 1, hypothesis: '' },
      ]),
    ).toThrow(/x is listed twice/);
    const bad = region('r', [{ name: 'x', lo: 2, hi: 1, hypothesis: '' }]);
    expect(() => pointAt(bad, [0.5])).toThrow(RegionError);
    expect(() => pointAt(paperLike, [0.5])).toThrow(/needs 4 coordinates/);
    expect(() => restrict(paperLike, ['nope'])).toThrow(/no dimension nope/);
    // finite bounds whose width overflows: a point would be NaN or infinite; refused where it is made, naming the dimension
    const wide = region('wide', [{ name: 'x', lo: -1e308, hi: 1e308, hypothesis: 'x real' }]);
    expect(() => pointAt(wide, [0])).toThrow(/region wide: dimension x is NaN/);
    expect(() => pointAt(wide, [0.75])).toThrow(/dimension x is Infinity/);
    expect(() => searchInequality({ label: 'w', printed: 'x <= x + 1', lhs: (s) => s.x, rhs: (s) => s.x + 1, region: wide })).toThrow(/dimension x is/);
  });
});

describe('adversarial search', () => {
  it('finds a minimum in a corner that a coarse grid misses: eps^(1/4) - e^{-t/eps} -> -1 as eps -> 0, t << eps', () => {
    const out = minimise((s) => s.eps ** 0.25 - Math.exp(-s.t / s.eps), paperLike, { seed: 1 });
    expect(out.worstValue).toBeLessThan(-0.99);
    expect(out.worstAt.t / out.worstAt.eps).toBeLessThan(1e-2);
    // a grid of 6 values per axis stops at eps = 1e-2 and t = 1e-3: the margin there is still > -0.7
    expect(0.01 ** 0.25 - Math.exp(-1e-3 / 1e-2)).toBeGreaterThan(-0.7);
  });
  it('finds an interior minimum to high accuracy by Nelder–Mead', () => {
    const r = region('square', [
      { name: 'x', lo: -3, hi: 3, hypothesis: 'x' },
      { name: 'y', lo: -3, hi: 3, hypothesis: 'y' },
    ]);
    const out = minimise((s) => (s.x - 0.37) ** 2 + 2 * (s.y + 1.21) ** 2, r, { seed: 3 });
    expect(out.worstAt.x).toBeCloseTo(0.37, 4);
    expect(out.worstAt.y).toBeCloseTo(-1.21, 4);
  });
  it('is deterministic for a seed and refuses a non-finite objective naming the point', () => {
    const f = (s: Record<string, number>) => Math.sin(s.t) * s.rho;
    expect(minimise(f, paperLike, { seed: 5 })).toEqual(minimise(f, paperLike, { seed: 5 }));
    expect(() => minimise((s) => 1 / (s.t - s.t), paperLike)).toThrow(SearchError);
  });
  it('an inequality searched over a region reports the region and a counterexample (a false bound is caught)', () => {
    const sc = makeScope({ parameters: ['eps', 'rho', 't', 'm'] }, []);
    const o = searchInequality({
      label: 'b',
      printed: 'e^{-m t/eps} <= e^{-rho t/eps}',
      lhs: sc.parse('exp(-m*t/eps)', 'l'),
      rhs: sc.parse('exp(-rho*t/eps)', 'r'),
      region: paperLike,
    });
    expect(o.holds).toBe(false);
    expect(o.worstAt.rho).toBeGreaterThan(o.worstAt.m);
    expect(o.region).toMatch(/m\* <= rho <= 1\/m\*/);
    const ok = searchInequality({
      label: 'b',
      printed: 'e^{-rho t/eps} <= e^{-m t/eps}',
      lhs: sc.parse('exp(-rho*t/eps)', 'l'),
      rhs: sc.parse('exp(-m*t/eps)', 'r'),
      region: paperLike,
    });
    expect(ok.holds).toBe(true);
  });
});

/**
 * The paper's admissible region, listed once: every parameter an inequality of the proofs may
 * depend on, with the hypothesis that bounds it and how an unbounded range is truncated for the
 * search. A claim takes the dimensions it needs with `hypotheses([...])`; a dependency (rho needs
 * m*, kappa needs b, s needs t) must be taken along.
 */
import { region, Dimension, Region, RegionError } from '../../src/index.ts';

/** Every dimension, in dependency order. Names are the symbols the derivations use. */
export const ADMISSIBLE: readonly Dimension[] = [
  { name: 'eps', lo: 0, hi: 1, open: ['lo', 'hi'], scale: 'log', floor: 1e-12, hypothesis: '0 < eps < 1 (Theorems 3.2, 4.1)', truncation: 'eps in [1e-12, 1)' },
  {
    name: 'mstar',
    lo: 0,
    hi: 1,
    open: ['lo'],
    scale: 'log',
    floor: 1e-3,
    hypothesis: '0 < m* <= 1 ((2.5): m* <= rho0 <= 1/m*)',
    truncation: 'm* in [1e-3, 1]',
  },
  { name: 'rho', lo: (s) => s.mstar, hi: (s) => 1 / s.mstar, scale: 'log', hypothesis: 'm* <= rho0^eps <= 1/m* (2.5)' },
  { name: 'b', lo: 1e-3, hi: 1e3, scale: 'log', hypothesis: 'b > 0 (§1.1)', truncation: 'b in [1e-3, 1e3]' },
  { name: 'a', lo: -1e3, hi: 1e3, hypothesis: 'a real (§1.1)', truncation: 'a in [-1e3, 1e3]' },
  {
    name: 'kappa',
    lo: (s) => 1 / (2 * s.b),
    hi: (s) => 1e6 / (2 * s.b),
    open: ['lo'],
    scale: 'log',
    hypothesis: 'kappa > 1/(2b) (4.3)',
    truncation: 'kappa in (1/(2b), 1e6/(2b)]',
  },
  { name: 'alpha', lo: (s) => 1 / (2 * s.b * s.kappa), hi: 1, open: ['lo'], hypothesis: '1/(2 b kappa) < alpha <= 1 (Lemma 4.4, used with alpha <= 1)' },
  {
    name: 'astar',
    lo: 0,
    hi: (s) => 1 - 1 / (2 * s.b * s.kappa),
    open: ['lo', 'hi'],
    scale: 'log',
    hypothesis: '0 < alpha* < 1 - (2 b kappa)^-1 (Theorem 4.1)',
    truncation: 'alpha* in [1e-9 hi, hi)',
  },
  { name: 't', lo: 0, hi: 1e4, scale: 'log', floor: 1e-12, hypothesis: 't >= 0', truncation: 't in [0, 1e4]' },
  { name: 's', lo: 0, hi: (s) => s.t, hypothesis: '0 <= s <= t' },
];

/** The sub-region of the named dimensions (in the order above), plus extra ones after them. */
export function hypotheses(names: readonly string[], title: string, extra: readonly Dimension[] = []): Region {
  const unknown = names.filter((n) => !ADMISSIBLE.some((d) => d.name === n));
  if (unknown.length) throw new RegionError(`hypotheses: no admissible range for ${unknown.join(', ')}`);
  const needs: Record<string, string[]> = { rho: ['mstar'], kappa: ['b'], alpha: ['b', 'kappa'], astar: ['b', 'kappa'], s: ['t'] };
  for (const n of names) for (const m of needs[n] ?? []) if (!names.includes(m)) throw new RegionError(`hypotheses: ${n} depends on ${m}, which is not taken`);
  return region(title, [...ADMISSIBLE.filter((d) => names.includes(d.name)), ...extra]);
}

/** t >= 0 searched up to a bound depending on the other parameters (to keep e^{c t} finite), with the truncation written down. */
export const timeUpTo = (hi: (s: Readonly<Record<string, number>>) => number, text: string): Dimension => ({
  name: 't',
  lo: 0,
  hi,
  scale: 'log',
  floor: 1e-12,
  hypothesis: 't >= 0',
  truncation: text,
});

/**
 * eps over every eps > 0, for the results the paper states so (Propositions 3.4, 4.7, Lemmas 4.4,
 * 4.11, Corollary 4.8): a step that needs eps <= 1 is then found, not hidden by the cap of ADMISSIBLE.
 */
export const EPS_EVERY: Dimension = {
  name: 'eps',
  lo: 0,
  hi: 1e12,
  open: ['lo'],
  scale: 'log',
  floor: 1e-12,
  hypothesis: 'eps > 0 (Props 3.4, 4.7, Lemmas 4.4, 4.11, Cor. 4.8: "for all eps > 0")',
  truncation: 'eps in [1e-12, 1e12]',
};

/** a real and nonzero where a step divides by it (Proposition 3.7: b2 = -rho0 b w/(a eps)), both signs searched. */
export const A_BOTH_SIGNS: Dimension = { name: 'a', lo: -1e3, hi: 1e3, hypothesis: 'a real (§1.1: A(v, w) = a v - b w + c)', truncation: 'a in [-1e3, 1e3]' };

/** Every truncation a region puts on a range the paper leaves free, in words (for the verdict and the README). */
export function truncations(r: Region): string[] {
  return r.dims.filter((d) => d.truncation).map((d) => `${d.name}: ${d.truncation} (the paper: ${d.hypothesis})`);
}

/**
 * Section 2.2 and the comment after Theorem 3.3: the Maxwellian is the equilibrium of F_rho,
 * Lemma 2.1 (the modified relative entropy H_alpha against the L1 distance) checked on families
 * of densities, and how the Boltzmann entropy changes under the rescaling (1.6).
 */
import {
  derivation, makeScope, maxwellian, partial, expand, add, mul, div, sym, num, sqrt, ln, sub, substitute,
  quadrature, grid, seededRandom, Sample, Expr,
} from '../src/index.ts';
import { paperAssumptions } from './lib/assumptions.ts';
export { paperNotation as notation } from './lib/notation.ts';

const scope = makeScope({ parameters: ['rho', 'theta', 'eps', 'V', 'H_nu'], functions: { phi: 2 } }, ['v', 'w']);
/** Two independent methods that read logarithms (nerdamer does not split ln of a product). */
const LOG_METHODS = { methods: ['engine-normal-form', 'mathjs-random-points'] as const };

/** The flux rho v f + d_v f of the Fokker–Planck operator. */
const fpFlux = (f: Expr): Expr => add(mul(sym('rho'), sym('v'), f), partial(f, 'v'));
/** The Fokker–Planck operator F_rho[f] = d_v[rho v f + d_v f]. */
const F_rho = (f: Expr): Expr => partial(fpFlux(f), 'v');

/** H_alpha[mu|nu] of (2.8) for two probability vectors (piecewise-constant densities on equal cells), 0 ln 0 = 0. */
export function modifiedEntropy(mu: readonly number[], nu: readonly number[], alpha: number): number {
  return mu.reduce((s, m, i) => (m > 0 ? s + m * Math.log(m / (alpha * m + (1 - alpha) * nu[i])) : s), 0);
}

/** ||mu - nu||_L1 for two probability vectors. */
export const l1Distance = (mu: readonly number[], nu: readonly number[]): number => mu.reduce((s, m, i) => s + Math.abs(m - nu[i]), 0);

/**
 * A pair of densities with mass one, piecewise constant on 200 cells of [-8, 8] (so every integral
 * is an exact finite sum): Gaussian mixtures, random histograms, disjoint boxes, or a small perturbation.
 */
export function densityPair(family: number, seed: number): [number[], number[]] {
  const rand = seededRandom(1000 * family + seed);
  const n = 200;
  const x = Array.from({ length: n }, (_, i) => -8 + (16 * (i + 0.5)) / n);
  const normalise = (p: number[]) => {
    const s = p.reduce((a, b) => a + b, 0);
    return p.map((y) => y / s);
  };
  const mixture = () => {
    const comps = Array.from({ length: 1 + Math.floor(3 * rand()) }, () => ({ m: 8 * rand() - 4, s: 0.2 + 2 * rand(), c: rand() }));
    return normalise(x.map((y) => comps.reduce((a, k) => a + k.c * Math.exp(-((y - k.m) ** 2) / (2 * k.s ** 2)) / k.s, 0)));
  };
  const histogram = () => normalise(x.map(() => (rand() < 0.3 ? 0 : rand())));
  const box = (lo: number, hi: number) => normalise(x.map((y) => (y >= lo && y < hi ? 1 : 0)));
  switch (family % 4) {
    case 0:
      return [mixture(), mixture()];
    case 1:
      return [histogram(), histogram()];
    case 2: {
      const a = -6 + 4 * rand();
      return [box(a, a + 2), box(a + 2 + 2 * rand(), a + 6)];
    }
    default: {
      const p = mixture();
      const d = 1e-3 * rand();
      return [p, normalise(p.map((y, i) => y * (1 + d * Math.sin(i))))];
    }
  }
}

export default derivation('The relative entropy of section 2.2 and the Maxwellian equilibrium', 'Section 2.2, §1.2.2, §3.1.2', (d) => {
  d.assume(paperAssumptions);
  const M = maxwellian(sym('rho'), sym('v'));
  d.step('The Maxwellian and F_rho', 'M_rho(v) = sqrt(rho/(2 pi)) exp(-rho v^2/2) and F_rho[f] = d_v[rho v f + d_v f].', [
    { label: 'M_rho', rhs: M },
    { label: 'rho v M_rho + d_v M_rho', rhs: expand(fpFlux(M)) },
  ]);

  d.claim({ id: 'maxwellian-equilibrium', source: '§1.2.2', title: 'F_rho[M_rho] = 0: the Maxwellian is the equilibrium of the Fokker–Planck operator' }, () => [
    { label: 'rho v M + d_v M = 0 (the flux vanishes)', printed: num(0), derived: fpFlux(M), mustHold: true },
    { label: 'F_rho[M_rho] = 0', printed: num(0), derived: F_rho(M) },
  ]);

  const alphas = [0.05, 0.25, 0.5, 0.75, 0.95];
  const samples = grid({ alpha: alphas, family: [0, 1, 2, 3], seed: [1, 2, 3, 4, 5, 6] });
  const pairOf = (s: Sample) => densityPair(s.family, s.seed);
  d.inequality({ id: 'lemma-2.1', source: 'Lemma 2.1', title: '(1-alpha)^2/2 ||mu-nu||_L1^2 <= H_alpha[mu|nu] <= (1-alpha)/alpha ||mu-nu||_L1, and H_alpha <= -ln(alpha)' }, () => ({
    inequalities: [
      {
        label: 'lower bound', printed: '(1-alpha)^2/2 ||mu - nu||_L1^2 <= H_alpha[mu|nu]', samples,
        lhs: (s) => ((1 - s.alpha) ** 2 / 2) * l1Distance(...pairOf(s)) ** 2,
        rhs: (s) => modifiedEntropy(...pairOf(s), s.alpha),
      },
      {
        label: 'upper bound', printed: 'H_alpha[mu|nu] <= (1-alpha)/alpha ||mu - nu||_L1', samples,
        lhs: (s) => modifiedEntropy(...pairOf(s), s.alpha),
        rhs: (s) => ((1 - s.alpha) / s.alpha) * l1Distance(...pairOf(s)),
      },
      {
        label: 'H_alpha <= -ln(alpha)', printed: 'H_alpha[mu|nu] <= -ln(alpha)', samples,
        lhs: (s) => modifiedEntropy(...pairOf(s), s.alpha),
        rhs: (s) => -Math.log(s.alpha),
      },
    ],
  }));

  // (1.6): mu(v, w) = (1/theta) nu((v - V)/theta, w - W); in the integral v = V + theta v', dv = theta dv'.
  // a positive density written nu = exp(phi), phi opaque, so that ln(nu) is defined at every point
  const integrand = scope.parse('theta * (1/theta)*exp(phi(v, w)) * ln((1/theta)*exp(phi(v, w)))', 'theta * mu ln mu after v = V + theta v');
  d.step('Entropy under (1.6)', 'Write H[mu] = ∫ mu ln mu du with v = V + theta v\' (dv = theta dv\'): the integrand becomes nu ln nu - ln(theta) nu; nu has mass one.', [
    { label: 'theta mu ln mu', lhs: integrand, rhs: expand(integrand) },
    { label: 'H[mu]', rhs: sub(sym('H_nu'), ln(sym('theta'))) },
  ]);
  const atTheta = new Map([['theta', div(num(1), sqrt(sym('eps')))]]);
  d.claim({ id: 'entropy-scaling', expect: 'erratum', source: '§3.1.2 (1)', title: 'With theta^eps = 1/sqrt(eps): H[mu0] = H[nu0] - (1/2) ln(eps) (as printed)' }, () => [
    { label: 'integrand after v = V + theta v\'', printed: scope.parse('exp(phi(v, w))*phi(v, w) - ln(theta)*exp(phi(v, w))', 'nu ln nu - ln(theta) nu'), derived: integrand, mustHold: true, options: LOG_METHODS },
    { label: 'H[mu] with theta = 1/sqrt(eps)', printed: scope.parse('H_nu - (1/2)*ln(eps)', 'printed'), derived: substitute(sub(sym('H_nu'), ln(sym('theta'))), atTheta), options: LOG_METHODS },
    { label: 'with theta = sqrt(eps) (the natural choice of §1.2.2) the printed relation holds', printed: scope.parse('H_nu - (1/2)*ln(eps)', 'printed'), derived: substitute(sub(sym('H_nu'), ln(sym('theta'))), new Map([['theta', sqrt(sym('eps'))]])), options: LOG_METHODS, mustHold: true },
  ]);

  // Independent route: quadrature of H[mu] - H[nu] for a Gaussian nu (the w-part cancels), theta = 1/sqrt(eps).
  const eps = 0.01;
  const nuV = maxwellian(num(1), sym('v'));
  const muV = div(substitute(nuV, new Map([['v', div(sub(sym('v'), sym('V')), sym('theta'))]])), sym('theta'));
  const entropyOf = (f: Expr, L: number) => quadrature(mul(f, ln(f)), 'v', { theta: 1 / Math.sqrt(eps), V: 0.3 }, L, 20000);
  const gap = () => entropyOf(muV, 150) - entropyOf(nuV, 15);
  d.crossCheck({ id: 'entropy-scaling', quantity: '|H[mu] - H[nu] - (1/2) ln eps| by quadrature, theta = 1/sqrt(eps), eps = 0.01 (the derived relation)', tolerance: 1e-6 }, () => Math.abs(gap() - 0.5 * Math.log(eps)));
  d.crossCheck({ id: 'entropy-scaling', quantity: '|H[mu] - H[nu] - (-(1/2) ln eps)| by quadrature (the printed relation is off by ln(1/eps))', tolerance: 1, sense: 'at-least' }, () => Math.abs(gap() + 0.5 * Math.log(eps)));
});

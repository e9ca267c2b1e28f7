import { describe, it, expect } from 'vitest';
import entropy, { modifiedEntropy, l1Distance, densityPair } from '../../derivations/entropy.ts';
import { decideInequalityClaim, grid, Sample } from '../../src/index.ts';

describe('section 2.2 replay', () => {
  const d = entropy.run();
  const byId = new Map(d.claims.map((c) => [c.id, c]));

  it('gives each claim its status', () => {
    expect(d.claims.map((c) => c.id)).toEqual(['maxwellian-equilibrium', 'lemma-2.1', 'entropy-scaling']);
    expect(byId.get('maxwellian-equilibrium')!.status).toBe('verified');
    expect(byId.get('lemma-2.1')!.status).toBe('checked-numeric');
    const searched = byId.get('lemma-2.1')!.inequalities!;
    expect(searched.map((o) => o.method)).toEqual(['search', 'search', 'search']);
    // the 120 seeded pairs are evaluated besides the search over the mixtures
    for (const o of searched) expect(o.samples).toBeGreaterThan(500);
    expect(searched[0].region).toMatch(/0 < alpha < 1/);
  });

  it('finds the printed entropy relation with theta = 1/sqrt(eps) wrong by ln(eps), and right with theta = sqrt(eps)', () => {
    const c = byId.get('entropy-scaling')!;
    expect(c.status).toBe('erratum');
    const wrong = c.parts.filter((p) => !p.holds);
    expect(wrong).toHaveLength(1);
    expect(wrong[0].difference).toMatch(/ln\(eps\)/);
    expect(c.parts.find((p) => p.label.startsWith('with theta = sqrt(eps)'))!.holds).toBe(true);
    // the quadrature confirms the derived relation and refutes the printed one
    expect(d.crossChecks.filter((x) => x.id === 'entropy-scaling').every((x) => x.pass)).toBe(true);
  });

  it('computes H_alpha and the L1 distance exactly on known cases', () => {
    const p = [0.5, 0.5, 0, 0];
    const q = [0, 0, 0.5, 0.5];
    expect(modifiedEntropy(p, p, 0.3)).toBe(0);
    expect(modifiedEntropy(p, q, 0.3)).toBeCloseTo(-Math.log(0.3), 14);
    expect(l1Distance(p, q)).toBe(2);
    for (const f of [0, 1, 2, 3]) {
      const [a, b] = densityPair(f, 1);
      expect(a.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      expect(b.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
  });

  it('catches a wrong constant in Lemma 2.1 with a counterexample', () => {
    const samples = grid({ alpha: [0.05, 0.5], family: [2], seed: [1, 2] });
    const pair = (s: Sample) => densityPair(s.family, s.seed);
    const rec = decideInequalityClaim({ id: 'wrong-2.1', source: 'test', title: 'upper bound without 1/alpha' }, () => ({
      inequalities: [
        {
          label: 'upper',
          printed: 'H_alpha <= (1-alpha) ||mu-nu||',
          samples,
          lhs: (s) => modifiedEntropy(...pair(s), s.alpha),
          rhs: (s) => (1 - s.alpha) * l1Distance(...pair(s)),
        },
      ],
    }));
    expect(rec.status).toBe('failed');
    expect(rec.inequalities![0].worstAt.alpha).toBe(0.05);
  });
});

describe('the entropy under (1.6), derived through the density transform', () => {
  it('finds H[mu] = H[nu] - ln(theta) by integrating the pulled-back integrand, not by typing it', () => {
    const c = entropy.run().claims.find((x) => x.id === 'entropy-scaling')!;
    const derived = c.parts.find((p) => p.label.startsWith('H[mu] with theta = 1/sqrt(eps)'))!.derived;
    expect(derived).toMatch(/H_nu/);
    expect(derived).toMatch(/ln\(eps/);
    // the derived value differs from the printed one by ln(eps): H_nu + (1/2) ln(eps) against H_nu - (1/2) ln(eps)
    expect(c.parts.find((p) => !p.holds)!.difference).toMatch(/ln\(eps\)/);
    expect(c.erratum?.location).toBe('formula');
  });
});

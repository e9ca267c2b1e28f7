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
    expect(byId.get('lemma-2.1')!.inequalities!.map((o) => o.samples)).toEqual([120, 120, 120]);
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
      inequalities: [{ label: 'upper', printed: 'H_alpha <= (1-alpha) ||mu-nu||', samples, lhs: (s) => modifiedEntropy(...pair(s), s.alpha), rhs: (s) => (1 - s.alpha) * l1Distance(...pair(s)) }],
    }));
    expect(rec.status).toBe('failed');
    expect(rec.inequalities![0].worstAt.alpha).toBe(0.05);
  });
});

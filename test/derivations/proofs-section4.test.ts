import { describe, it, expect } from 'vitest';
import section4 from '../../derivations/proofs-section4.ts';
import section4a from '../../derivations/proofs-section4a.ts';
import section4b from '../../derivations/proofs-section4b.ts';
import section4c from '../../derivations/proofs-section4c.ts';

describe('section 4 proofs', () => {
  const claims = [section4, section4a, section4b, section4c].flatMap((d) => d.run().claims);
  const byId = new Map(claims.map((c) => [c.id, c]));

  it('gives each step its status, the errata located', () => {
    expect(claims.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    const errata = claims
      .filter((c) => c.status === 'erratum')
      .map((c) => c.id)
      .sort();
    expect(errata).toEqual([
      'lemma-4.4-A2-split',
      'prop-4.10-bounds',
      'prop-4.10-jensen',
      'prop-4.10-poincare',
      'prop-4.12-ledger',
      'thm-4.1-statement',
      'thm-4.2-comment',
    ]);
    for (const id of errata) expect(byId.get(id)!.erratum, id).toBeDefined();
    expect(byId.get('thm-4.1-statement')!.erratum!.location).toBe('extraction');
    for (const id of ['lemma-4.6', 'lemma-4.9', 'gauss-shift-bound']) expect(byId.get(id)!.status, id).toBe('verified');
  });

  it("finds the misplaced bracket of A22: the difference carries (v - 1) N'", () => {
    const c = byId.get('lemma-4.4-A2-split')!;
    const wrong = c.parts.filter((p) => !p.holds);
    expect(wrong).toHaveLength(1);
    expect(wrong[0].difference).toMatch(/N__d1/);
    expect(c.parts.find((p) => p.label.startsWith('corrected'))!.holds).toBe(true);
  });

  it('refutes the Gaussian–Poincaré constant 1 on the first Hermite mode for rho0 < 1', () => {
    const [n1] = byId.get('prop-4.10-poincare')!.inequalities!;
    expect(n1.holds).toBe(false);
    expect(n1.worstAt.rho).toBeLessThan(1);
    expect(n1.corrected!.holds).toBe(true);
  });

  it('refutes the C-bound of Proposition 4.10 at s = 0, small eps, and proves the first bound', () => {
    const [a1, a2, a3, b1, b2] = byId.get('prop-4.10-bounds')!.inequalities!;
    expect([a1.holds, a2.holds, a3.holds, b1.holds, b2.holds]).toEqual([true, true, true, true, false]);
    expect([a1.method, a2.method, a3.method]).toEqual(['proof', 'proof', 'search']);
    // the second bound and its correction are searched over the whole range of alpha*, not only alpha* <= rho0
    expect(b2.region).not.toContain('alpha* <= rho0');
    expect(b2.corrected!.region).not.toContain('alpha* <= rho0');
    expect(b2.worstAt.s).toBeLessThan(b2.worstAt.t);
    expect(b2.worstAt.eps).toBeLessThanOrEqual(1e-6);
    expect(b2.corrected!.holds).toBe(true);
  });

  it('Corollary 4.8: the stated route gives 6/kappa^2, the printed (2/kappa)^2 holds on Gaussians', () => {
    const [route, printed] = byId.get('cor-4.8')!.inequalities!;
    expect(route.method).toBe('proof');
    expect(printed.method).toBe('search');
    expect(printed.holds).toBe(true);
  });
});

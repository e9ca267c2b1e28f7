import { describe, it, expect } from 'vitest';
import section3 from '../../derivations/proofs-section3.ts';
import section3b from '../../derivations/proofs-section3b.ts';
import type { ClaimRecord } from '../../src/index.ts';

const statuses = (cs: readonly ClaimRecord[]) => Object.fromEntries(cs.map((c) => [c.id, c.status]));

describe('section 3 proofs', () => {
  const a = section3.run().claims;
  const b = section3b.run().claims;
  const byId = new Map([...a, ...b].map((c) => [c.id, c]));

  it('gives each step its status, the errata located', () => {
    const s = statuses([...a, ...b]);
    const errata = Object.keys(s)
      .filter((k) => s[k] === 'erratum')
      .sort();
    expect(errata).toEqual(['prop-3.4-lemma', 'prop-3.6-item-2', 'prop-3.6-log-sobolev', 'prop-3.7-R1-rate', 'prop-3.7-statement', 'thm-3.3-compatibility']);
    expect(Object.values(s).filter((x) => x === 'failed')).toEqual([]);
    for (const id of errata) expect(byId.get(id)!.erratum?.change, id).toMatch(/->/);
    expect(byId.get('thm-3.3-compatibility')!.erratum!.location).toBe('hypothesis');
    expect(byId.get('prop-3.6-log-sobolev')!.erratum!.location).toBe('constant');
  });

  it('finds b1 of Proposition 3.4 missing rho0: the difference is a multiple of (rho - 1)', () => {
    const p = byId.get('prop-3.4-lemma')!.parts.find((x) => !x.holds)!;
    expect(p.difference).toMatch(/rho/);
    expect(byId.get('prop-3.4-lemma')!.parts.find((x) => x.label.startsWith('corrected'))!.holds).toBe(true);
  });

  it('refutes 2H <= I on a shifted Maxwellian with rho0 < 1 and proves 2 rho0 H <= I', () => {
    const o = byId.get('prop-3.6-log-sobolev')!.inequalities![0];
    expect(o.holds).toBe(false);
    expect(o.worstAt.rho).toBeLessThan(1);
    expect(o.corrected!.holds).toBe(true);
    expect(o.corrected!.method).toBe('proof');
  });

  it('shows (3.4) with O(sqrt eps) insufficient at small eps, O(eps) sufficient', () => {
    const o = byId.get('thm-3.3-compatibility')!.inequalities!.find((x) => x.label.startsWith('the bound'))!;
    expect(o.holds).toBe(false);
    expect(o.worstAt.eps).toBeLessThan(1e-6);
    expect(o.corrected!.holds).toBe(true);
    expect(o.region).toMatch(/0 < eps < 1/);
  });

  it('proves T^eps and the constant of Proposition 3.4, naming the rules', () => {
    expect(byId.get('prop-3.6-T-eps')!.status).toBe('verified');
    expect(byId.get('prop-3.6-T-eps')!.inequalities![0].rules).toContain('exp-monotone');
    expect(byId.get('prop-3.4-constant')!.inequalities!.every((o) => o.method === 'proof')).toBe(true);
  });
});

import { describe, it, expect } from 'vitest';
import section2 from '../../derivations/proofs-section2.ts';
import { prove, fromClaim, hypothesis, hypothesisList, makeScope, num, sym, mul, add, sqrt } from '../../src/index.ts';

describe('section 2 proofs', () => {
  const d = section2.run();
  const byId = new Map(d.claims.map((c) => [c.id, c]));

  it('verifies every step of Lemmas 2.1 and 2.2, the inequalities by proof', () => {
    expect(d.claims.map((c) => c.id)).toEqual(['lemma-2.1-proof', 'lemma-2.2-h', 'lemma-2.2-entropy', 'lemma-2.2-young']);
    for (const c of d.claims) expect(c.status, `${c.id}: ${c.message}`).toBe('verified');
    const young = byId.get('lemma-2.2-young')!.inequalities!;
    expect(young.every((o) => o.method === 'proof' && o.holds)).toBe(true);
    expect(young.find((o) => o.label.startsWith('(2.11)'))!.rules).toContain('compare-squares');
    expect(byId.get('lemma-2.1-proof')!.inequalities!.flatMap((o) => o.rules ?? [])).toEqual(expect.arrayContaining(['log-tangent', 'csiszar-kullback']));
  });

  it('cannot prove (2.11) with 2 in place of 2 sqrt 2 from the same premises', () => {
    const s = makeScope({ parameters: ['L', 'L0', 'H', 'H0', 'S'] }, []);
    const P = (t: string) => s.parse(t, t);
    const ctx = { nonnegative: ['L', 'L0', 'H', 'H0', 'S'] };
    const list = hypothesisList({
      '(2.10)': { lhs: sym('H'), rhs: P('H0 + S'), source: '(2.10) integrated' },
      'H0 <= L0': { lhs: sym('H0'), rhs: sym('L0'), source: 'Lemma 2.1 at alpha = 1/2, integrated' },
    });
    const uses = [
      { premise: fromClaim(d.claims, 'lemma-2.1-proof', P('L^2/8'), sym('H'), { instance: { alpha: num(1, 2) } }), multiplier: num(8) },
      { premise: hypothesis(list, '(2.10)'), multiplier: num(8) },
      { premise: hypothesis(list, 'H0 <= L0'), multiplier: num(8) },
    ];
    const goal = (c: ReturnType<typeof num> | ReturnType<typeof mul>) => ({ lhs: sym('L'), rhs: mul(c, add(sqrt(sym('L0')), sqrt(sym('S')))) });
    expect(prove(goal(mul(num(2), sqrt(num(2)))), { squared: true, uses, rest: P('16*sqrt(L0)*sqrt(S)') }, ctx).proven).toBe(true);
    expect(prove(goal(num(2)), { squared: true, uses }, ctx).proven).toBe(false);
  });
});

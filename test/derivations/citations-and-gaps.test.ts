/**
 * The paper-side replays of issue 19: the citations of sections 2–4 (the wrong ones flagged as
 * expected errata, the right ones agreeing), the order of sup and integral, the regions as wide as
 * the statements, the errata carried forward and the steps replayed in full — every outcome as its
 * file expects, with the errata located and carrying "affects".
 */
import { describe, expect, it } from 'vitest';
import type { ClaimRecord, DerivationModule } from '../../src/index.ts';
import s2 from '../../derivations/citations-section2.ts';
import s3 from '../../derivations/citations-section3.ts';
import s4 from '../../derivations/citations-section4.ts';
import order from '../../derivations/order-of-limits.ts';
import ranges from '../../derivations/ranges.ts';
import carriedFile from '../../derivations/carried.ts';
import replays from '../../derivations/replays.ts';
import proofs2 from '../../derivations/proofs-section2.ts';

const runs = new Map<DerivationModule, ReturnType<DerivationModule['run']>>();
const run = (m: DerivationModule) => runs.get(m) ?? runs.set(m, m.run()).get(m)!;
const claim = (m: DerivationModule, id: string): ClaimRecord => {
  const c = run(m).claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe('citations of sections 2–4', () => {
  it('every checked citation is decided as its file expects, and every wrong one is located with "affects"', () => {
    for (const m of [s2, s3, s4]) {
      for (const c of run(m).claims) {
        expect(c.unexpected, c.id).toBeUndefined();
        if (c.status === 'erratum') {
          expect(c.erratum?.location, c.id).toMatch(/^(reference|formula|extraction)$/);
          expect(c.erratum?.affects?.length, c.id).toBeGreaterThan(0);
        }
      }
    }
  });
  it('flags the wrong references and keeps the right ones', () => {
    expect(claim(s4, 'cite-4.12-lemma-4.4').status).toBe('erratum');
    expect(claim(s4, 'cite-4.12-prop-4.7-index').status).toBe('erratum');
    expect(claim(s4, 'cite-4.2.2-thm-3.2').erratum?.location).toBe('reference');
    expect(claim(s3, 'cite-3.7-eq-1.10').status).toBe('erratum');
    expect(claim(s3, 'cite-3.6-thm-2.7').erratum?.location).toBe('extraction');
    for (const id of ['cite-4.7-lemma-4.4', 'cite-4.10-thm-2.7', 'cite-4.5-lemma-4.9']) expect(claim(s4, id).status, id).toBe('verified');
    for (const id of ['cite-3.4-eq-2.11', 'cite-3.8-prop-3.7', 'cite-3.8-prop-3.6']) expect(claim(s3, id).status, id).toBe('verified');
  });
  it('lists the citations of the three sections, each with a status', () => {
    const all = [s2, s3, s4].flatMap((m) => run(m).citations);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((c) => c.status.startsWith('erratum')).length).toBe(7);
    expect(all.every((c) => c.status && c.note.quote.length > 10)).toBe(true);
  });
});

describe('orders, ranges, carried errata and replays', () => {
  it('the wrong-way exchanges are gaps, the right-way one verified', () => {
    expect(claim(order, 'order-prop-3.6-item-2').erratum?.location).toBe('gap');
    expect(claim(order, 'order-thm-4.1-item-1').status).toBe('erratum');
    expect(claim(order, 'order-prop-3.8-A2').status).toBe('verified');
  });
  it('Lemma 4.4 over every eps > 0 needs eps bounded; lambda of Prop. 3.7 needs |a|', () => {
    const r = claim(ranges, 'lemma-4.4-eps-range');
    expect(r.status).toBe('erratum');
    expect(r.erratum?.location).toBe('hypothesis');
    expect(r.inequalities?.filter((o) => !o.holds).map((o) => o.corrected?.holds)).toEqual([true, true]);
    expect(claim(ranges, 'prop-3.7-lambda-sign').status).toBe('erratum');
  });
  it('the carried errata change Theorem 3.2 and the range of alpha* of Proposition 4.10', () => {
    for (const id of ['thm-3.2-carried', 'prop-4.10-carried']) {
      const c = claim(carriedFile, id);
      expect(c.status, id).toBe('erratum');
      expect(c.unexpected, id).toBeUndefined();
    }
    expect(claim(carriedFile, 'prop-4.10-carried').erratum?.affects?.map((a) => a.result)).toContain('Theorem 4.2');
  });
  it('the steps replayed in full hold', () => {
    for (const c of run(replays).claims) expect(c.status, c.id).toBe('verified');
  });
  it('Lemma 2.2 is decided with delta real (Proposition 3.7 uses delta = 0)', () => {
    expect(claim(proofs2, 'lemma-2.2-h').assumptions.delta).toBeUndefined();
  });
});

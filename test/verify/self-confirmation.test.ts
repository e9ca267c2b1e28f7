/**
 * No claim checks a formula against itself: every claim of every derivation is walked, and a part
 * whose derived side is built from its printed side (the printed side's objects inside the
 * derived side, or the whole printed side pasted into a larger derived side) fails the test
 * unless the claim says why it is legitimate. A planted self-confirming claim must be caught.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideClaim, selfConfirmingParts, sharedStructure, pastedInside, makeScope, add, mul, neg, num, sub, type DerivationModule } from '../../src/index.ts';

const DIR = join(import.meta.dirname, '..', '..', 'derivations');
/** numerics.ts runs simulations and declares no claim (checked below), so it is not replayed here. */
const SKIP = new Set(['numerics.ts']);
const s = makeScope({ parameters: ['a', 'b', 'c', 'x'] }, []);
const P = (t: string) => s.parse(t, t);

describe('the self-confirmation detector', () => {
  it('catches a planted claim whose derived side is the printed side plus zero', () => {
    const printed = P('(a + b)^3 - 3*a*b*c');
    const planted = decideClaim({ id: 'planted', source: 'test', title: 'derived from printed' }, () => [
      { label: 'pasted', printed, derived: add(mul(num(2), printed), neg(printed)) },
    ]);
    expect(planted.status).toBe('verified'); // the engine cannot see it: the identity holds
    expect(selfConfirmingParts(planted).map((p) => p.label)).toEqual(['pasted']);
  });

  it('catches a copy of the printed side pasted into a larger derived side, and passes an independent derivation', () => {
    const printed = P('(a + b)^3 - 3*a*b*c');
    const copy = add(P('(a + b)^3 - 3*a*b*c'), sub(P('x^2'), P('x^2')));
    expect(pastedInside(printed, copy)).toBe(true);
    const independent = decideClaim({ id: 'ok', source: 'test', title: 'expanded by hand' }, () => [
      { label: 'expanded', printed, derived: P('a^3 + 3*a^2*b + 3*a*b^2 + b^3 - 3*a*b*c') },
    ]);
    expect(independent.status).toBe('verified');
    expect(selfConfirmingParts(independent)).toEqual([]);
    expect(sharedStructure(printed, P('a^3 + b^3')).coverage).toBe(0);
  });

  it('lets a claim state why sharing is legitimate', () => {
    const printed = P('(a + b)^3 - 3*a*b*c');
    const rec = decideClaim({ id: 'ok', source: 'test', title: 't', selfConfirming: 'a planted example with its reason' }, () => [
      { label: 'pasted', printed, derived: add(printed, num(0)) },
    ]);
    expect(rec.selfConfirming).toMatch(/reason/);
    expect(selfConfirmingParts(rec)).toEqual([]);
  });
});

describe('every claim of every derivation (self-confirmation, and no inequality decided by fixed samples)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('numerics.ts, which is not replayed here, declares no claim', () => {
    expect(files).toContain('numerics.ts');
    expect(readFileSync(join(DIR, 'numerics.ts'), 'utf8')).not.toMatch(/\bd\.(claim|inequality)\(/);
  });
  it.each(files.filter((x) => !SKIP.has(x)))(
    '%s has no part whose derived side is built from its printed side (or says why)',
    async (f) => {
      const mod = (await import(join(DIR, f))).default as DerivationModule;
      const claims = mod.run().claims;
      expect(claims.length).toBeGreaterThan(0);
      const flagged = claims.flatMap((c) =>
        selfConfirmingParts(c).map((p) => `${c.id}: ${p.label} (${p.pasted ? 'printed side pasted inside' : `shares ${Math.round(100 * p.coverage)}%`})`),
      );
      expect(flagged).toEqual([]);
      // no inequality is decided by fixed samples alone, and a checked-numeric verdict names its region and worst case
      const sampled = claims.flatMap((c) => (c.inequalities ?? []).filter((o) => o.method === 'samples').map((o) => `${c.id}: ${o.label}`));
      expect(sampled).toEqual([]);
      for (const c of claims.filter((x) => x.status === 'checked-numeric'))
        expect(c.message, c.id).toMatch(/region searched: .*worst|worst .*region searched: /s);
    },
    60_000,
  );
});

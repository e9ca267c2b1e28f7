/**
 * out/citations.md and the "affects" and kind lines of out/errata.md, from a small derivation with
 * one citation that agrees, one deliberately wrong and one named only.
 */
import { describe, expect, it } from 'vitest';
import { Derivation, StatementRegistry, checkCitation, nameCitation, makeScope } from '../../src/index.ts';
import { buildDocument, renderCitations, renderErrata } from '../../src/report/index.ts';

const scope = makeScope({ parameters: ['X', 'Y', 'C'] }, []);
const P = (s: string) => scope.parse(s, s);
const registry = new StatementRegistry([
  { label: 'Lemma A', parts: [{ label: 'main', lhs: P('X'), rhs: P('C') }] },
  { label: 'Lemma B', parts: [{ label: 'main', lhs: P('Y'), rhs: P('C') }] },
]);

function run() {
  const d = new Derivation('Citations', 'test');
  const note = (cites: string, quote: string) => ({ cites, at: 'proof of Lemma Q', quote, check: 'statement' as const });
  checkCitation(
    d,
    { id: 'cite-ok', source: 'proof of Lemma Q', title: 'ok', citation: note('Lemma A', 'By Lemma A, X <= C') },
    { registry, use: { lhs: P('X'), rhs: P('C') } },
  );
  checkCitation(
    d,
    {
      id: 'cite-wrong',
      source: 'proof of Lemma Q',
      title: 'wrong',
      citation: { ...note('Lemma A', 'By Lemma A, Y <= C'), uses: 'Lemma B' },
      expect: 'erratum',
      erratum: { location: 'reference', change: 'Lemma A -> Lemma B', affects: [{ result: 'Lemma Q', change: 'unchanged: the step is right with Lemma B' }] },
    },
    { registry, use: { lhs: P('Y'), rhs: P('C') }, correct: { cites: 'Lemma B' } },
  );
  nameCitation(d, { cites: '(2.5)', at: 'proof of Lemma Q', quote: 'by (2.5) | a pipe', check: 'named' }, new Set(['(2.5)']), 'a hypothesis');
  return buildDocument([{ file: 'x.ts', derivation: d, ms: 1 }]);
}

describe('renderCitations', () => {
  it('lists every citation with its status, the wrong ones first, pipes escaped', () => {
    const md = renderCitations(run());
    expect(md).toContain('3 citations: 2 checked against the cited statement (1 agree, 1 wrong or unresolved), 1 named only');
    expect(md).toMatch(/## Wrong citations\n\n- \*\*proof of Lemma Q\*\* cites Lemma A, uses Lemma B: erratum \(reference\) \(`cite-wrong`\)/);
    expect(md).toContain('by (2.5) \\| a pipe');
    expect(md.match(/^\| \d+ \|/gm)).toHaveLength(3);
  });
  it('says so when no derivation recorded a citation', () => {
    expect(renderCitations(buildDocument([{ file: 'y.ts', derivation: new Derivation('none', 's'), ms: 0 }]))).toContain('No derivation recorded a citation');
  });
});

describe('renderErrata: kind and affects', () => {
  it('shows the kind, the location and the results an erratum affects', () => {
    const md = renderErrata(run());
    expect(md).toContain('by kind: 1 `reference`');
    expect(md).toContain('- **Kind:** `reference`');
    expect(md).toContain('- **Affects:** Lemma Q\n  - Lemma Q: unchanged: the step is right with Lemma B');
  });
});

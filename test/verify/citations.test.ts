/**
 * The citation checker: a premise that is an instance of the cited statement agrees; a citation
 * pointing to another statement is flagged (erratum), and the proposed correction must then agree
 * (a wrong correction fails the claim); unknown labels and parts are refused by name.
 */
import { describe, expect, it } from 'vitest';
import { Derivation, StatementRegistry, checkCitation, nameCitation, citationParts, candidateStatements, CitationError, makeScope } from '../../src/index.ts';

const scope = makeScope({ parameters: ['X', 'Y', 'Z', 'D', 'N', 'C', 'alpha', 'theta', 't', 'k'], functions: { Hn: 1 } }, []);
const P = (s: string) => scope.parse(s, s);
const registry = new StatementRegistry([
  { label: 'Lemma A', parts: [{ label: 'main', lhs: P('X'), rhs: P('alpha/theta^2*D + C*N') }] },
  { label: 'Lemma B', parts: [{ label: 'main', lhs: P('Y'), rhs: P('exp(C*t)*(Z + N)') }] },
  { label: 'Prop C', parts: [{ label: 'index j', lhs: P('Hn(k)'), rhs: P('exp(C*t)*N') }] },
  {
    label: 'Prop D',
    parts: [{ label: 'main', lhs: P('Y'), rhs: P('2*Z') }],
    corrected: { claim: 'prop-d-statement', parts: [{ label: 'main', lhs: P('Y'), rhs: P('2*sqrt(Z)') }] },
  },
]);
const note = (cites: string) => ({ cites, at: 'proof of Lemma Q', quote: `According to ${cites}`, check: 'statement' as const });

describe('checkCitation', () => {
  it('agrees when the premise is an instance of the cited statement (alpha = 1)', () => {
    const d = new Derivation('t', 's');
    const rec = checkCitation(
      d,
      { id: 'ok', source: 's', title: 't', citation: note('Lemma A') },
      { registry, use: { instance: { alpha: P('1') }, lhs: P('X'), rhs: P('D/theta^2 + C*N') } },
    );
    expect(rec.status).toBe('agrees');
    expect(d.claims[0].status).toBe('verified');
    expect(d.citations).toHaveLength(1);
  });

  it('flags a deliberately wrong citation (Lemma A cited, Lemma B used) as an erratum and names the candidates', () => {
    const d = new Derivation('t', 's');
    const rec = checkCitation(
      d,
      { id: 'wrong', source: 's', title: 't', citation: note('Lemma A') },
      { registry, use: { lhs: P('Y'), rhs: P('exp(C*t)*(Z + N)') } },
    );
    expect(d.claims[0].status).toBe('erratum');
    expect(rec.status).toMatch(/^erratum/);
    expect(rec.detail).toContain('Lemma B');
    expect(d.claims[0].unexpected).toBe('an erratum its file does not expect');
  });

  it('an expected reference erratum whose correction agrees is an erratum, not a failure', () => {
    const d = new Derivation('t', 's');
    checkCitation(
      d,
      { id: 'ref', source: 's', title: 't', citation: note('Lemma A'), expect: 'erratum', erratum: { location: 'reference', change: 'Lemma A -> Lemma B' } },
      { registry, use: { lhs: P('Y'), rhs: P('exp(C*t)*(Z + N)') }, correct: { cites: 'Lemma B' } },
    );
    expect(d.claims[0].status).toBe('erratum');
    expect(d.claims[0].unexpected).toBeUndefined();
  });

  it('a correction that does not agree either fails the claim', () => {
    const d = new Derivation('t', 's');
    checkCitation(
      d,
      { id: 'bad-fix', source: 's', title: 't', citation: note('Lemma A'), expect: 'erratum', erratum: { location: 'reference', change: 'Lemma A -> Prop C' } },
      { registry, use: { lhs: P('Y'), rhs: P('exp(C*t)*(Z + N)') }, correct: { cites: 'Prop C' } },
    );
    expect(d.claims[0].status).toBe('failed');
  });

  it('a wrong index (k where the step needs k + 1) is flagged', () => {
    const d = new Derivation('t', 's');
    checkCitation(d, { id: 'index', source: 's', title: 't', citation: note('Prop C') }, { registry, use: { lhs: P('Hn(k + 1)'), rhs: P('exp(C*t)*N') } });
    expect(d.claims[0].status).toBe('erratum');
  });

  it('compares with the corrected statement when a claim corrected it', () => {
    const parts = citationParts(registry, 'Prop D', { lhs: P('Y'), rhs: P('2*sqrt(Z)') });
    expect(parts[1].label).toContain('prop-d-statement');
    const d = new Derivation('t', 's');
    expect(
      checkCitation(
        d,
        { id: 'd', source: 's', title: 't', assume: { Z: 'nonnegative' }, citation: note('Prop D') },
        { registry, use: { lhs: P('Y'), rhs: P('2*sqrt(Z)') } },
      ).status,
    ).toBe('agrees');
  });

  it('a scaled use (the statement applied twice) agrees only with the right scale', () => {
    const d = new Derivation('t', 's');
    const use = { instance: { alpha: P('1'), X: P('X/2'), C: P('C/2') }, lhs: P('X'), rhs: P('2*D/theta^2 + C*N') };
    expect(checkCitation(d, { id: 'twice', source: 's', title: 't', citation: note('Lemma A') }, { registry, use: { ...use, scale: P('2') } }).status).toBe(
      'agrees',
    );
    expect(checkCitation(d, { id: 'once', source: 's', title: 't', citation: note('Lemma A') }, { registry, use }).status).toMatch(/^erratum/);
  });
});

describe('statement registry and named citations', () => {
  it('refuses an unknown statement, an unknown part and a duplicate label by name', () => {
    expect(() => registry.get('Lemma Z')).toThrow(CitationError);
    expect(() => citationParts(registry, 'Lemma A', { part: 'second', lhs: P('X'), rhs: P('N') })).toThrow(/no part "second"/);
    expect(
      () =>
        new StatementRegistry([
          { label: 'A', parts: [{ label: 'p', lhs: P('X'), rhs: P('Y') }] },
          { label: 'A', parts: [{ label: 'p', lhs: P('X'), rhs: P('Y') }] },
        ]),
    ).toThrow(/twice/);
  });

  it('a named citation must name a label the text defines', () => {
    const d = new Derivation('t', 's');
    const known = new Set(['(2.5)']);
    expect(nameCitation(d, { cites: '(2.5)', at: 'x', quote: 'q', check: 'named' }, known, 'hypothesis').status).toBe('named');
    expect(() => nameCitation(d, { cites: '(9.9)', at: 'x', quote: 'q', check: 'named' }, known, 'none')).toThrow(/defines no such label/);
    expect(() => nameCitation(d, { cites: '(2.5)', at: 'x', quote: 'q', check: 'statement' }, known, 'x')).toThrow(CitationError);
  });

  it('candidateStatements filters by the premise symbols', () => {
    expect(candidateStatements(registry, 'Lemma A', { lhs: P('Y'), rhs: P('0') })).toEqual(['Lemma B', 'Prop D']);
    expect(candidateStatements(registry, 'Lemma B', { lhs: P('X'), rhs: P('0') })).toEqual(['Lemma A']);
  });
});

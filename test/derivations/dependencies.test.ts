/**
 * The dependency graph of the paper's results and the errata carried forward: every claim it names
 * exists, every erratum the derivations expect has its carried changes, and a result reached with
 * no stated change is refused.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS, CARRIED, affects, usedBy, resultOf, DependencyError } from '../../derivations/lib/dependencies.ts';

const DIR = join(import.meta.dirname, '..', '..', 'derivations');
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));
const declared = new Set(sources.flatMap((s) => [...s.matchAll(/(?:\bid: |c\.check\(\s*)'([A-Za-z0-9.-]+)'/g)].map((m) => m[1])));
/** Claim ids declared with expect: 'erratum' (citation claims through citer().check's fourth argument). */
const expected = new Set([
  ...sources.flatMap((s) =>
    [...s.matchAll(/id: '([A-Za-z0-9.-]+)',\s*(?:source: [^\n]*\n\s*)?(?:title:[^\n]*\n\s*)?(?:assume:[^\n]*\n\s*)?expect: 'erratum'/g)].map((m) => m[1]),
  ),
  ...sources.flatMap((s) => [...s.matchAll(/carried\('([A-Za-z0-9.-]+)'/g)].map((m) => m[1])),
  ...sources.flatMap((s) => [...s.matchAll(/c\.check\(\s*'([A-Za-z0-9.-]+)',[\s\S]*?\n {2}\);/g)].filter((m) => m[0].includes('location:')).map((m) => m[1])),
]);

describe('the dependency graph', () => {
  it('names only claims the derivations declare, each in one result', () => {
    const named = RESULTS.flatMap((r) => r.claims);
    expect(named.filter((id) => !declared.has(id))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });
  it('uses only results of the graph', () => {
    const labels = new Set(RESULTS.map((r) => r.label));
    expect(RESULTS.flatMap((r) => r.uses).filter((u) => !labels.has(u))).toEqual([]);
  });
  it('reads the graph both ways', () => {
    expect(usedBy('Proposition 3.6')).toEqual(['Proposition 3.8', 'Theorem 3.2']);
    expect(resultOf('prop-4.10-poincare')).toBe('Proposition 4.10');
    expect(resultOf('no-such-claim')).toBeUndefined();
  });
});

describe('errata carried forward', () => {
  it('every erratum a derivation expects has its carried changes, and affects() resolves', () => {
    expect(expected.size).toBeGreaterThan(20);
    for (const id of expected) {
      expect(CARRIED[id], id).toBeDefined();
      expect(() => affects(id)).not.toThrow();
    }
    for (const id of Object.keys(CARRIED)) expect(declared.has(id), id).toBe(true);
  });
  it('carries the log-Sobolev constant into Theorem 3.2 and stops at Theorem 3.3', () => {
    const a = affects('prop-3.6-log-sobolev');
    expect(a.map((x) => x.result)).toEqual(['Proposition 3.6', 'Proposition 3.8', 'Theorem 3.2', 'Theorem 3.3']);
    expect(a.find((x) => x.result === 'Theorem 3.2')!.change).toMatch(/m\*/);
    expect(a.at(-1)!.change).toMatch(/^unchanged/);
  });
  it('carries the Poincaré constant into the range of alpha* of Theorems 4.1 and 4.2', () => {
    const a = affects('prop-4.10-poincare');
    expect(a.map((x) => x.result)).toContain('Theorem 4.2');
    expect(a.find((x) => x.result === 'Theorem 4.1')!.change).toMatch(/range of alpha\*/);
  });
  it('an erratum whose change leaves its result unchanged affects that result only', () => {
    expect(affects('prop-3.4-lemma').map((x) => x.result)).toEqual(['Proposition 3.4']);
  });
  it('refuses an erratum with no record, a result reached with no stated change, and a change for a result not reached', () => {
    expect(() => affects('no-such-erratum')).toThrow(DependencyError);
    expect(() => affects('x', { x: { result: 'Proposition 3.6', changes: { 'Proposition 3.6': 'a constant' } } })).toThrow(/no change is stated/);
    expect(() => affects('x', { x: { result: 'Lemma 2.1', changes: { 'Lemma 2.1': 'unchanged', 'Theorem 4.2': 'a rate' } } })).toThrow(/not reached/);
    expect(() => affects('x', { x: { result: 'Lemma 9.9', changes: {} } })).toThrow(/not a result/);
  });
});

/**
 * The README's coverage table is a promise about the paper: every numbered equation of the
 * paper's text has a row, and every claim id a row names is a claim some derivation makes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS } from '../../derivations/lib/dependencies.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PAPER_DIR = join(ROOT, '..', 'shared', 'paper');

/** Rows of the coverage table: equation label -> the claim ids its row names. */
function coverageRows(readme: string): Map<string, string[]> {
  const start = readme.indexOf('## Coverage of the paper');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| \((\d\.\d+)\) \| ([^|]*) \|/.exec(line);
    if (m)
      rows.set(
        m[1],
        [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1]),
      );
  }
  return rows;
}

/** The claim ids declared in derivations/*.ts (`id: '...'`). */
function declaredClaimIds(): Set<string> {
  const dir = join(ROOT, 'derivations');
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/(?:\bid: |c\.check\(\s*)'([A-Za-z0-9.-]+)'/g)) ids.add(m[1]);
  }
  return ids;
}

/** Rows of the proofs table: result (e.g. "Lemma 2.2") -> the claim ids and the status text of each of its rows. */
function proofRows(readme: string): Map<string, { ids: string[]; status: string }[]> {
  const start = readme.indexOf('## Coverage of the proofs');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const rows = new Map<string, { ids: string[]; status: string }[]>();
  for (const line of section.split('\n')) {
    const cell = '((?:[^|\\\\]|\\\\.)*)'; // a cell: no bare pipe (escaped pipes \\| allowed)
    const m = new RegExp(`^\\| ((?:Lemma|Proposition|Theorem|Corollary) \\d\\.\\d+) \\| ${cell} \\| ${cell} \\| ${cell} \\|$`).exec(line);
    if (m) rows.set(m[1], [...(rows.get(m[1]) ?? []), { ids: [...m[3].matchAll(/`([^`]+)`/g)].map((x) => x[1]), status: m[4] }]);
  }
  return rows;
}

/** The paper's text, or undefined when it is not next to the checkout. */
function paperText(): string | undefined {
  try {
    const file = readdirSync(PAPER_DIR).find((f) => f.endsWith('.txt'));
    return file && readFileSync(join(PAPER_DIR, file), 'utf8');
  } catch {
    return undefined;
  }
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const rows = coverageRows(readme);
const proofs = proofRows(readme);

describe('README coverage table', () => {
  it('has a row for every numbered equation (1.1)-(4.17) of the paper', () => {
    const paper = paperText();
    // Without the paper next to the checkout, fall back on the known numbering of its sections.
    const labels = paper
      ? [...new Set([...paper.matchAll(/\$\$\((\d\.\d+)\) \\quad/g)].map((m) => m[1]))]
      : ['1.1', '1.13', '2.2', '2.13', '3.1', '3.8', '4.1', '4.17'];
    expect(labels.length).toBeGreaterThan(5);
    const missing = labels.filter((l) => !rows.has(l));
    expect(missing).toEqual([]);
  });

  it('names, in its "replayed by" column, only claim ids that a derivation declares', () => {
    const ids = declaredClaimIds();
    expect(ids.has('eq-1.11')).toBe(true); // the scanner itself works
    const named = [...rows.values()].flat();
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('rejects a table that forgets an equation (the check can fail)', () => {
    const broken = coverageRows(readme.replace(/^\| \(3\.6\) .*$/m, ''));
    expect(broken.has('3.6')).toBe(false);
    expect(broken.has('3.7')).toBe(true);
  });
});

describe('README coverage of the proofs', () => {
  it('has a row for every lemma, proposition, theorem and corollary of the paper', () => {
    const paper = paperText();
    const results = paper
      ? [...new Set([...paper.matchAll(/\*\*((?:Lemma|Proposition|Theorem|Corollary) \d\.\d+)\.\*\*/g)].map((m) => m[1]))]
      : ['Lemma 2.1', 'Lemma 2.2', 'Theorem 3.2', 'Proposition 3.4', 'Lemma 4.4', 'Proposition 4.12'];
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((r) => !proofs.has(r))).toEqual([]);
  });

  it('names only declared claim ids, and says why a row without one is analytic', () => {
    const ids = declaredClaimIds();
    const all = [...proofs.values()].flat();
    expect(all.length).toBeGreaterThan(15);
    expect(all.flatMap((r) => r.ids).filter((id) => !ids.has(id))).toEqual([]);
    for (const r of all.filter((x) => x.ids.length === 0)) expect(r.status).toMatch(/analytic: \S.{10,}/);
  });

  it('says for every result which steps are analytic and why, or "analytic: none"', () => {
    for (const [result, rs] of proofs) expect(rs.map((r) => r.status).join(' '), result).toMatch(/analytic: (none|\S.{10,})/);
  });

  it('names, in the row of each result, every claim the dependency graph gives that result', () => {
    for (const node of RESULTS.filter((r) => proofs.has(r.label))) {
      const named = new Set(proofs.get(node.label)!.flatMap((r) => r.ids));
      expect(
        node.claims.filter((id) => !named.has(id)),
        node.label,
      ).toEqual([]);
    }
  });

  it('rejects a table that forgets a result or names an unknown claim (the checks can fail)', () => {
    const broken = proofRows(readme.replace(/^\| Lemma 4\.9 .*$/m, '').replace('`lemma-4.6-constants`', '`no-such-claim`'));
    expect(broken.has('Lemma 4.9')).toBe(false);
    expect([...broken.values()].flat().flatMap((r) => r.ids)).toContain('no-such-claim');
    expect(declaredClaimIds().has('no-such-claim')).toBe(false);
  });
});

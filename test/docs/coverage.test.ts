/**
 * The README's coverage table is a promise about the paper: every numbered equation of the
 * paper's text has a row, and every claim id a row names is a claim some derivation makes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PAPER_DIR = join(ROOT, '..', 'shared', 'paper');

/** Rows of the coverage table: equation label -> the claim ids its row names. */
function coverageRows(readme: string): Map<string, string[]> {
  const start = readme.indexOf('## Coverage of the paper');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| \((\d\.\d+)\) \| ([^|]*) \|/.exec(line);
    if (m) rows.set(m[1], [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1]));
  }
  return rows;
}

/** The claim ids declared in derivations/*.ts (`id: '...'`). */
function declaredClaimIds(): Set<string> {
  const dir = join(ROOT, 'derivations');
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bid: '([A-Za-z0-9.-]+)'/g)) ids.add(m[1]);
  }
  return ids;
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const rows = coverageRows(readme);

describe('README coverage table', () => {
  it('has a row for every numbered equation (1.1)-(4.17) of the paper', () => {
    let paper: string | undefined;
    try {
      const file = readdirSync(PAPER_DIR).find((f) => f.endsWith('.txt'));
      paper = file && readFileSync(join(PAPER_DIR, file), 'utf8');
    } catch {
      paper = undefined;
    }
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

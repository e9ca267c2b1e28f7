/**
 * No shared mutable state (issue 18, item 5): the same verdicts whatever ran before in the process,
 * in several shuffled orders in one process and with one process per case; and a memoised normal
 * form is charged its work again, so a work limit trips the same way warm or cold.
 */
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CASES } from './stateCases.ts';
import { parseExpr, toPoly, setLimits, LimitError, seededRandom } from '../../src/cas/index.ts';

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const rand = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('verdicts do not depend on what ran before', () => {
  it('gives the same summary for every case in four shuffled orders and in a process of its own', { timeout: 300_000 }, async () => {
    const runs = [1, 2, 3, 4].map((seed) => new Map(shuffled(CASES, seed).map(([name, run]) => [name, run()] as const)));
    for (const [name] of CASES) for (const r of runs) expect(r.get(name), name).toBe(runs[0].get(name));
    const script = fileURLToPath(new URL('./stateCases.ts', import.meta.url));
    const alone: string[] = [];
    const run = promisify(execFile);
    for (let k = 0; k < CASES.length; k += 4) {
      const batch = CASES.slice(k, k + 4).map((_, i) => run(process.execPath, ['--import', 'tsx', script, String(k + i)], { encoding: 'utf8' }));
      for (const r of await Promise.all(batch)) alone.push(JSON.parse(r.stdout));
    }
    CASES.forEach(([name], k) => expect(alone[k], name).toBe(runs[0].get(name)));
  });

  it('keeps the verdicts these cases must have', () => {
    const by = new Map(CASES.map(([name, run]) => [name, run()] as const));
    expect(by.get('x^0 vs 1')).toMatch(/^equal /);
    expect(by.get('(1e400)^0 vs 1')).not.toMatch(/^different/);
    expect(by.get('sqrt(x)^2 vs x')).toMatch(/^different /);
    expect(by.get('substituted y^2')).toMatch(/^different .*x >= 0/);
    expect(by.get('0 * sqrt(x) built')).toMatch(/^different /);
    expect(by.get('opaque atom names')).not.toMatch(/^equal/);
    expect(by.get('x/x vs 1')).toMatch(/^equal .*x != 0/);
  });
});

describe('memoised normal forms', () => {
  it('charge their work again when reused, so a work limit trips warm as it does cold', () => {
    const e = parseExpr('(a + b + c + d)^6');
    const prev = setLimits({ maxWork: 1_000_000 });
    try {
      expect(toPoly(e).size).toBeGreaterThan(50); // warm the cache
      setLimits({ maxWork: 50 });
      expect(() => toPoly(e)).toThrow(LimitError);
      expect(() => toPoly(parseExpr('(a + b + c + d)^6'))).toThrow(LimitError); // cold: the same refusal
    } finally {
      setLimits(prev);
    }
  });
});

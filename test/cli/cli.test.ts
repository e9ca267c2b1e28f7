import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'fhn-cli-'));

describe('fhn-derive CLI', () => {
  it('runs a user derivation file through the bin script and writes claims.json', () => {
    const out = tmp();
    const stdout = execFileSync('node', ['bin/fhn-derive.mjs', 'run', 'examples/ou-centre.ts', '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/ou-centred-equation\s+example\s+verified/);
    const json = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8'));
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['ou-ito-vs-chain-rule', 'ou-centred-equation']);
    for (const c of json.claims) {
      expect(c.status).toBe('verified');
      // the engine and the witness agree: nerdamer is not needed for this verdict
      expect(c.checks.map((k: { method: string }) => k.method)).toEqual(['engine-normal-form', 'mathjs-random-points']);
      expect(c.checks.every((k: { result: string }) => k.result === 'equal')).toBe(true);
      expect(c.assumptions).toEqual({});
      expect(typeof c.ms).toBe('number');
    }
  });

  it('exits non-zero when a claim fails, and names it', () => {
    // in the bin's own process (--threads 0): the worker path is the test above's
    const r = spawnSync('node', ['bin/fhn-derive.mjs', 'run', 'test/fixtures/wrong-claim.ts', '--threads', '0', '--out', tmp()], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/square-of-sum\s+test\s+failed/);
    expect(r.stdout).toContain('FAILED square-of-sum');
    // the console shows the printed form, the derived form and their difference
    expect(r.stdout).toMatch(/printed: +a\^2 \+ b\^2/);
    expect(r.stdout).toMatch(/difference: +2\*a\*b/);
    expect(r.stdout).toMatch(/1 claim\(s\) need attention: square-of-sum \(failed\)/);
  });

  it('reports a file that is not a derivation as a failed load, not a crash', async () => {
    const code = await main(['run', 'test/fixtures/no-default.ts', '--out', tmp()]);
    expect(code).toBe(1);
    await expect(main(['run', 'test/fixtures/missing.ts'])).rejects.toThrow(/no such derivation file/);
  });
});

/**
 * The whole paper, numerics included, as `npm run paper` runs it (`npm run test:long`; `.ci/run`
 * runs it after `npm test`): exit 0, every claim in an expected state, every cross-check passing
 * with a finite measured value within its tolerance.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/run.ts';

const OUT = mkdtempSync(join(tmpdir(), 'fhn-paper-long-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

interface ClaimRow {
  id: string;
  status: string;
  unexpected?: string;
}
interface CheckRow {
  id: string;
  value: number;
  tolerance: number;
  pass: boolean;
}

describe('npm run paper, numerics included', () => {
  it('exits 0 with no failed, disputed or unexpected claim and every cross-check within its tolerance', async () => {
    const r = await run(process.cwd(), process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'paper', '--out', OUT]);
    expect(r.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const claims = (JSON.parse(readFileSync(join(OUT, 'claims.json'), 'utf8')) as { claims: ClaimRow[] }).claims;
    expect(claims.length).toBeGreaterThan(80);
    expect(claims.filter((c) => c.status === 'failed' || c.status === 'disputed' || c.unexpected)).toEqual([]);
    const checks = (JSON.parse(readFileSync(join(OUT, 'crosscheck.json'), 'utf8')) as { checks: CheckRow[] }).checks;
    expect(checks.map((c) => c.id)).toEqual(expect.arrayContaining(['theta-ode-vs-closed', 'particles-vs-pde', 'original-vs-rescaled', 'macro-limit-rate']));
    for (const c of checks) {
      expect(Number.isFinite(c.value), c.id).toBe(true);
      expect(c.pass, `${c.id}: ${c.value} against ${c.tolerance}`).toBe(true);
    }
  }, 900_000);
});

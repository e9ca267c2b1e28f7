/**
 * The derivation runner (issue 18, item 15): async bodies are refused, a claim that loops is
 * stopped by the per-claim watchdog with a `timeout` verdict (exit 1) while the file's other claims
 * are still decided, a claim with no parts is an error (exit 1), and a loop between claims fails
 * the file with a message naming where it stopped.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { runFiles, collectClaims, report } from '../../src/cli/run.ts';
import { derivation, decideClaim, AsyncBodyError, parseExpr } from '../../src/index.ts';

const fixture = (name: string) => `test/fixtures/runner/${name}.ts`;
const quiet = { out: () => undefined, err: () => undefined };

/** f() with console.log silenced (the runner prints its table). */
function quietly<T>(f: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return f();
  } finally {
    console.log = log;
  }
}

/** Run the CLI on one file with a short claim timeout; the exit code and claims.json. */
async function runCli(name: string, timeout = '1.5') {
  const out = mkdtempSync(join(tmpdir(), 'fhn-runner-'));
  const log = console.log;
  console.log = () => undefined;
  let code: number;
  try {
    code = await main(['run', fixture(name), '--claim-timeout', timeout, '--out', out], quiet);
  } finally {
    console.log = log;
  }
  const json = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as {
    claims: { id: string; status: string; message?: string; unexpected?: string }[];
  };
  return { code, claims: json.claims };
}

describe('the derivation runner', () => {
  it('stops each looping or blocked claim with a timeout verdict, decides the others, keeps the steps after them, and exits 1', async () => {
    const [run] = await runFiles([fixture('looping')], { claimTimeoutMs: 3000 });
    const claims = run.derivation?.claims ?? [];
    expect(claims.map((c) => [c.id, c.status])).toEqual([
      ['first', 'verified'],
      ['spins', 'timeout'],
      ['third', 'verified'],
      ['blocks', 'timeout'],
    ]);
    const stopped = claims.find((c) => c.id === 'spins')!;
    expect(stopped.message).toMatch(/no verdict within 3 s \(--claim-timeout\)/);
    expect(stopped.unexpected).toBe('timeout');
    expect(run.derivation?.steps.map((s) => s.title)).toEqual(['after the loops']);
    expect(quietly(() => report([run], mkdtempSync(join(tmpdir(), 'fhn-runner-'))))).toBe(1);
  }, 120_000);

  it('a file that runs normally exits 0 (the control)', async () => {
    const { code, claims } = await runCli('fine', '60');
    expect(claims.map((c) => c.id)).toEqual(['log']);
    expect(code).toBe(0);
    expect(claims.map((c) => c.status)).toEqual(['verified']);
  }, 60_000);

  it('refuses an async body and fails a claim with no parts (exit 1 for each)', async () => {
    const runs = await runFiles([fixture('async-body'), fixture('no-parts')], { threads: 1 });
    expect(runs[0].derivation).toBeUndefined();
    expect(runs[0].error).toMatch(/derivation "async body": the body is async \(it returned a promise\)/);
    expect(runs[1].derivation?.claims.map((c) => [c.id, c.status])).toEqual([
      ['empty', 'failed'],
      ['fine', 'verified'],
    ]);
    expect(runs[1].derivation?.claims[0].message).toMatch(/derived no parts/);
    expect(
      collectClaims(runs)
        .filter((c) => c.unexpected)
        .map((c) => c.id),
    ).toEqual([`load:${fixture('async-body')}`, 'empty']);
    expect(quietly(() => report([runs[0]], mkdtempSync(join(tmpdir(), 'fhn-runner-'))))).toBe(1);
    expect(quietly(() => report([runs[1]], mkdtempSync(join(tmpdir(), 'fhn-runner-'))))).toBe(1);
  }, 120_000);

  it('fails a file that loops between claims, naming where it stopped', async () => {
    const [run] = await runFiles([fixture('body-loop')], { claimTimeoutMs: 20_000, bodyTimeoutMs: 3000 });
    expect(run.derivation).toBeUndefined();
    expect(run.error).toMatch(/body-loop\.ts: no progress within 3 s outside any claim, after claim before/);
    expect(collectClaims([run])[0]).toMatchObject({ status: 'failed', unexpected: 'failed' });
  }, 120_000);

  it('--threads 0 runs the files in this process with the same verdicts as on workers; a negative or fractional count is a usage error', async () => {
    const onWorkers = await runCli('fine', '60');
    const out = mkdtempSync(join(tmpdir(), 'fhn-runner-'));
    const code = await quietly(() => main(['run', fixture('fine'), fixture('no-parts'), '--threads', '0', '--out', out], quiet));
    const inProcess = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')).claims as { id: string; status: string }[];
    expect(code).toBe(1); // no-parts has a claim with no parts
    expect(inProcess.map((c) => [c.id, c.status])).toEqual([
      ['log', 'verified'],
      ['empty', 'failed'],
      ['fine', 'verified'],
    ]);
    expect(inProcess[0].status).toBe(onWorkers.claims[0].status);
    for (const bad of ['-1', '1.5', 'two'])
      await expect(main(['run', fixture('fine'), '--threads', bad, '--out', out], quiet), `--threads ${bad}`).rejects.toThrow(/--threads/);
  }, 60_000);

  it('in process: an async body throws AsyncBodyError from run(), an empty claim is failed, a synchronous one runs', () => {
    // as a plain-JavaScript user would write it (the types say the body returns nothing)
    const asyncBody = async () => undefined;
    const asyncOne = derivation('a', 'test', asyncBody as unknown as () => void);
    expect(() => asyncOne.run()).toThrow(AsyncBodyError);
    const empty = decideClaim({ id: 'e', source: 'test', title: 'empty' }, () => []);
    expect(empty.status).toBe('failed');
    expect(empty.unexpected).toBe('failed');
    const sync = derivation('s', 'test', (d) => {
      d.claim({ id: 'ok', source: 'test', title: 'ok' }, () => [{ label: 'p', printed: parseExpr('2*y'), derived: parseExpr('y + y') }]);
    }).run();
    expect(sync.claims.map((c) => c.status)).toEqual(['verified']);
  });

  it('hooks see each claim start and end, and a skipped claim keeps the record given for it', () => {
    const events: string[] = [];
    const stand = { ...decideClaim({ id: 'x', source: 'test', title: 'x' }, () => []), status: 'timeout' as const };
    const d = derivation('h', 'test', (d) => {
      for (const id of ['a', 'b', 'c'])
        d.claim({ id, source: 'test', title: id }, () => [{ label: 'p', printed: parseExpr('2*y'), derived: parseExpr('y + y') }]);
    }).run({ skip: new Map([[1, stand]]), onClaimStart: (n, m) => events.push(`start ${n} ${m.id}`), onClaimEnd: (n) => events.push(`end ${n}`) });
    expect(events).toEqual(['start 0 a', 'end 0', 'start 2 c', 'end 2']);
    expect(d.claims.map((c) => c.status)).toEqual(['verified', 'timeout', 'verified']);
  });
});

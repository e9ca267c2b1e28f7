/**
 * A run killed at any point (while a file is written, before and after the journal, between
 * renames, around the manifest) leaves either the previous complete set or the new one, as the
 * manifest says: `run` (the code path of `paper`, on a tiny derivation) and `simulate` (a tiny
 * spec), each killed by SIGKILL at chosen steps of the output writer (FHN_DERIVE_FAILPOINT).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { readManifest, settleOutputs, verifyOutputs } from '../../src/io/index.ts';

const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    const p = spawn('node', ['bin/fhn-derive.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('close', (code, signal) => done({ code, signal, stderr }));
  });

const hashes = (dir: string) => Object.fromEntries(Object.entries(readManifest(dir).files).map(([n, e]) => [n, e.sha256]));
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

/** Kill the command at each step, then check the folder shows one complete set: the previous one or a new one. */
async function killAt(args: (k: number) => string[], dir: string, steps: readonly number[], expected: readonly string[]) {
  const first = await cli(args(0));
  expect(first.code, first.stderr).not.toBe(2);
  expect(verifyOutputs(dir)).toEqual([]);
  const outcomes: string[] = [];
  for (const step of steps) {
    const before = hashes(dir);
    const r = await cli(args(step), { FHN_DERIVE_FAILPOINT: String(step) });
    expect(r.signal, `step ${step}: ${r.stderr}`).toBe('SIGKILL');
    settleOutputs(dir); // what the next run or a reader does first
    expect(verifyOutputs(dir), `step ${step}`).toEqual([]);
    const after = hashes(dir);
    const same = JSON.stringify(after) === JSON.stringify(before);
    outcomes.push(same ? 'previous' : 'new');
    if (!same) for (const name of expected) expect(after[name], `step ${step}: ${name} is new`).not.toBe(before[name]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // nothing but the set, its manifest and the dead run's lock (taken over by the next run)
    expect(allFiles(dir).filter((f) => !(f in after) && f !== 'fhn-derive.manifest.json' && f !== '.fhn-derive.lock')).toEqual([]);
  }
  return outcomes;
}

describe('a killed run leaves one complete set', () => {
  it('run (the writer of paper) and simulate, killed at many steps, including during writing', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'fhn-kill-run-'));
    const simDir = mkdtempSync(join(tmpdir(), 'fhn-kill-sim-'));
    const sim = (k: number) => [
      'simulate',
      'examples/ou2d.ts',
      '--particles',
      '100',
      '--replicas',
      '2',
      '--t',
      '0.1',
      '--dt',
      '0.05',
      '--samples',
      '2',
      '--tol',
      '100',
      '--atol',
      '100',
      '--seed',
      String(k + 1),
      '--out',
      simDir,
    ];
    const [runOutcomes, simOutcomes] = await Promise.all([
      killAt(() => ['run', 'test/fixtures/tiny-derivation.ts', '--out', runDir], runDir, [1, 40, 67, 70, 100, 138], ['claims.json']),
      killAt(sim, simDir, [1, 7, 10, 13, 18], ['simulation.json', 'simulation.csv']),
    ]);
    // killed before the journal: the previous set; after it: the new one (where the journal falls among the
    // writer's steps depends on how many files the set has, so the order is checked, not the step of the switch)
    expect(runOutcomes.join(' ')).toMatch(/^(previous )+new( new)*$/);
    expect(simOutcomes.join(' ')).toMatch(/^(previous )+new( new)*$/);
  }, 600_000);
});

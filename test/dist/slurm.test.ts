/**
 * A sweep on the one-node Slurm cluster of the suite's setup: the job array (chunks of tasks) and
 * the gather job submitted with --dependency=afterok give a table byte-identical to the
 * one-process run, and the gather starts only after every element ended; when an element fails,
 * the gather never runs and no table is written.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli } from './helpers.ts';
import { waitForFile } from './cluster.ts';

let dir: string;
const env = () => ({ ...process.env, SLURM_CONF: inject('slurmConf') });
const cluster = () => ({ dir: inject('slurmDir'), env: env() });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhn-sweep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Times (s) from `scontrol show job` of a job id: its start and end. */
function jobTimes(id: string): { start: number; end: number }[] {
  const out = spawnSync('scontrol', ['show', 'job', id], { env: env(), encoding: 'utf8' }).stdout;
  return out
    .split(/\n\s*\n/)
    .filter((b) => b.includes('JobId='))
    .map((b) => ({ start: Date.parse(/StartTime=(\S+)/.exec(b)?.[1] ?? ''), end: Date.parse(/EndTime=(\S+)/.exec(b)?.[1] ?? '') }));
}

/** Wait until the queue holds none of these jobs (at most timeoutMs). */
function waitQueueEmpty(ids: string[], timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const q = spawnSync('squeue', ['-h', '-o', '%i'], { env: env(), encoding: 'utf8' }).stdout;
    if (!ids.some((id) => q.split('\n').some((l) => l.trim() === id || l.startsWith(`${id}_`)))) return;
    if (Date.now() > until) throw new Error(`jobs ${ids.join(', ')} still queued: ${q}`);
    spawnSync('sleep', ['0.5']);
  }
}

describe('a sweep as a Slurm job array with a dependent gather', () => {
  it('gathers to the same bytes as the one-process run, after every element ended', () => {
    const [a, b] = [join(dir, 'slurm'), join(dir, 'local')];
    const plan = ['--scan', 'replica=0..5', '--chunk', '2', '--neurons', '400', '--t', '0.02', '--samples', '2'];
    for (const d of [a, b]) expect(cli(['sweep', 'plan', d, ...plan]).status).toBe(0);
    expect(readFileSync(join(a, 'array.sbatch'), 'utf8')).toMatch(/#SBATCH --array=0-2\n/);
    const submitted = cli(['sweep', 'submit', a], env());
    expect(submitted.status, submitted.stderr).toBe(0);
    const [, arrayId, gatherId] = /array as job (\d+) and the gather as job (\d+)/.exec(submitted.stdout) ?? [];
    expect(gatherId).toBeDefined();
    waitForFile(join(a, 'sweep.csv'), cluster(), 180_000);
    expect(cli(['sweep', 'run', b]).status).toBe(0);
    expect(readFileSync(join(a, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(b, 'sweep.csv'), 'utf8'));
    expect(readFileSync(join(a, 'summary.csv'), 'utf8')).toBe(readFileSync(join(b, 'summary.csv'), 'utf8'));
    expect(readdirSync(join(a, 'logs')).filter((f) => f.startsWith('array-')).length).toBe(3);
    const elements = jobTimes(arrayId);
    const [g] = jobTimes(gatherId);
    expect(elements.length).toBe(3);
    expect(g.start).toBeGreaterThanOrEqual(Math.max(...elements.map((e) => e.end)));
  });

  it('a failing element: the gather never runs, no table is written', () => {
    const a = join(dir, 'failing');
    // a value the plan cannot refuse (it checks each scanned value as its option, and dt = 10 is > 0) but the program
    // stops: the step count is fixed by the plan (t/dt = 10), so task 1 takes steps of 10, the run blows up, and its element fails
    expect(cli(['sweep', 'plan', a, '--scan', 'dt=0.001,10,0.002', '--neurons', '400', '--t', '0.01', '--samples', '1']).status).toBe(0);
    const submitted = cli(['sweep', 'submit', a], env());
    expect(submitted.status, submitted.stderr).toBe(0);
    const ids = /array as job (\d+) and the gather as job (\d+)/.exec(submitted.stdout)?.slice(1) ?? [];
    waitQueueEmpty(ids, 180_000);
    expect(existsSync(join(a, 'sweep.csv'))).toBe(false);
    expect(existsSync(join(a, 'tasks', 'task-000000.csv'))).toBe(true);
    expect(readdirSync(join(a, 'logs')).some((f) => readFileSync(join(a, 'logs', f), 'utf8').includes('task 1 (dt=10) failed'))).toBe(true);
  });
});

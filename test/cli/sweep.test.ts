/**
 * The distributed layer without MPI or Slurm (those run in npm run test:dist): scans, task
 * indices, array elements and ranks checked by name; the gather refusing a missing or corrupt task
 * output naming the task and writing nothing; tools missing named with their Debian package; the
 * sweep command end to end on this machine (a C compiler: skipped without one).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  batchScripts,
  chunkTasks,
  elementCount,
  gather,
  haveCompiler,
  launcherRank,
  parseScan,
  rankTasks,
  requireTool,
  taskFile,
  taskIndex,
  writeFileAtomic,
  type Sweep,
} from '../../src/dist/index.ts';
import { cli } from '../../src/cli/main.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhn-sweepunit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sweep = (values: string[], chunk = 1): Sweep => ({
  version: 1,
  title: 't',
  program: 'network',
  fixed: [],
  scan: { name: 'replica', values },
  chunk,
  cli: [],
});
const NAMES = ['replica', 'seed', 'eps'];

describe('scans', () => {
  it('reads ranges and lists', () => {
    expect(parseScan('replica=2..5', NAMES)).toEqual({ name: 'replica', values: ['2', '3', '4', '5'] });
    expect(parseScan('eps=0.02,0.05,1e-1', NAMES).values).toEqual(['0.02', '0.05', '1e-1']);
  });
  it('refuses an unknown name, an empty range, a repeated value, a non-number, a missing =', () => {
    expect(() => parseScan('bogus=1..2', NAMES)).toThrow(/bogus is not an argument of the program \(it takes replica, seed, eps\)/);
    expect(() => parseScan('replica=5..2', NAMES)).toThrow(/range is empty/);
    expect(() => parseScan('eps=0.1,0.1', NAMES)).toThrow(/repeated/);
    expect(() => parseScan('eps=0.1,abc', NAMES)).toThrow(/'abc' is not a number/);
    expect(() => parseScan('replica', NAMES)).toThrow(/NAME=A\.\.B/);
    expect(() => parseScan('replica=0..1000000', NAMES)).toThrow(/at most/);
  });
});

describe('tasks, array elements and ranks', () => {
  const s = sweep(['0', '1', '2', '3', '4'], 2);
  it('task indices in [0, tasks) only', () => {
    expect(taskIndex(s, '4')).toBe(4);
    for (const bad of ['5', '-1', '2.5', '', 'x']) expect(() => taskIndex(s, bad)).toThrow(/task index .* is out of range: the sweep has 5 tasks \(0\.\.4\)/);
  });
  it('chunks: 3 elements of 2, the last one shorter; elements out of range refused', () => {
    expect(elementCount(s)).toBe(3);
    expect([0, 1, 2].map((e) => chunkTasks(s, e))).toEqual([[0, 1], [2, 3], [4]]);
    expect(() => chunkTasks(s, 3)).toThrow(/array element 3 is out of range: the sweep has 3 elements/);
  });
  it('ranks take every task exactly once', () => {
    for (const p of [1, 2, 3, 7]) {
      const all = Array.from({ length: p }, (_, r) => rankTasks(s, r, p)).flat();
      expect(all.sort()).toEqual([0, 1, 2, 3, 4]);
    }
    expect(() => rankTasks(s, 3, 3)).toThrow(/rank 3 of 3 is not a rank/);
  });
  it('the launcher rank from Open MPI, PMI or Slurm; none: rank 0 of 1; nonsense refused', () => {
    expect(launcherRank({ OMPI_COMM_WORLD_RANK: '2', OMPI_COMM_WORLD_SIZE: '4' })).toEqual({ rank: 2, size: 4 });
    expect(launcherRank({ PMI_RANK: '1', PMI_SIZE: '2' })).toEqual({ rank: 1, size: 2 });
    expect(launcherRank({ SLURM_PROCID: '0', SLURM_NTASKS: '3' })).toEqual({ rank: 0, size: 3 });
    expect(launcherRank({})).toEqual({ rank: 0, size: 1 });
    expect(() => launcherRank({ SLURM_PROCID: '3', SLURM_NTASKS: '3' })).toThrow(/not a rank and a size/);
  });
});

/** A well-formed task output with one row. */
const output = (v: number, checksum = '0123456789abcdef') =>
  `# title\n# neurons=4 replica=${v}\nt,point,x,mean(v),var(v)\n0.1,0,0.5,${v},0.25\n# checksum ${checksum}\n`;

describe('gather', () => {
  it('joins the tasks in task order', () => {
    const d = join(dir, 'ok');
    const s = sweep(['0', '1', '2']);
    for (const i of [2, 0, 1]) writeFileAtomic(taskFile(d, i), output(i));
    const text = readFileSync(gather(d, s), 'utf8');
    expect(text.split('\n').filter((l) => /^\d,/.test(l))).toEqual(['0,0.1,0,0.5,0,0.25', '1,0.1,0,0.5,1,0.25', '2,0.1,0,0.5,2,0.25']);
    expect(readdirSync(join(d, 'tasks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('a scan of replicas also writes the mean over them and its standard error; other scans do not', () => {
    const d = join(dir, 'summary');
    const s = sweep(['0', '1', '2']);
    [1, 2, 6].forEach((v, i) => writeFileAtomic(taskFile(d, i), output(v)));
    gather(d, s);
    const lines = readFileSync(join(d, 'summary.csv'), 'utf8').trim().split('\n');
    expect(lines[1]).toBe('t,point,x,mean(v),se mean(v),var(v),se var(v)');
    // mean of 1, 2, 6 is 3; sample variance 7, standard error sqrt(7/3)
    const [, , , m, se, vv, sev] = lines[2].split(',').map(Number);
    expect([m, vv, sev]).toEqual([3, 0.25, 0]);
    expect(se).toBeCloseTo(Math.sqrt(7 / 3), 14);
    const e = join(dir, 'summary-eps');
    const epsScan: Sweep = { ...s, scan: { name: 'eps', values: ['0.1', '0.2'] } };
    [1, 2].forEach((v, i) => writeFileAtomic(taskFile(e, i), output(v)));
    gather(e, epsScan);
    expect(existsSync(join(e, 'summary.csv'))).toBe(false);
  });

  it('replicas whose output times differ are refused naming the task', () => {
    const d = join(dir, 'summary-bad');
    writeFileAtomic(taskFile(d, 0), output(1));
    writeFileAtomic(taskFile(d, 1), output(2).replace('\n0.1,', '\n0.2,'));
    expect(() => gather(d, sweep(['0', '1']))).toThrow(/task 1: its output times or points differ/);
    expect(existsSync(join(d, 'sweep.csv'))).toBe(false);
  });

  it('a missing task output: names the tasks, writes nothing', () => {
    const d = join(dir, 'missing');
    const s = sweep(['0', '1', '2', '3']);
    writeFileAtomic(taskFile(d, 0), output(0));
    writeFileAtomic(taskFile(d, 2), output(2));
    expect(() => gather(d, s)).toThrow(/2 of 4 task outputs are missing \(tasks 1, 3\); nothing written/);
    expect(existsSync(join(d, 'sweep.csv'))).toBe(false);
  });
  for (const [what, text, says] of [
    ['truncated (no checksum)', '# title\n# a=1\nt,point,x,mean(v),var(v)\n0.1,0,0.5,1,0.25\n', /checksum line is missing/],
    ['a non-number', output(1).replace('0.25', 'nan'), /'nan' is not a finite number/],
    ['a short row', output(1).replace(',0.25', ''), /4 fields, 5 expected/],
    ['empty', '', /title line is missing/],
    ['no final line break', output(1).slice(0, -1), /does not end with a line break|checksum/],
  ] as const)
    it(`a corrupt task output (${what}): names the task, leaves the previous table as it was`, () => {
      const d = join(dir, `corrupt-${what.replace(/\W+/g, '-')}`);
      const s = sweep(['0', '1']);
      writeFileAtomic(taskFile(d, 0), output(0));
      writeFileAtomic(taskFile(d, 1), text);
      writeFileSync(join(d, 'sweep.csv'), 'previous\n');
      expect(() => gather(d, s)).toThrow(new RegExp(`task 1 .*${says.source}.*nothing written`));
      expect(readFileSync(join(d, 'sweep.csv'), 'utf8')).toBe('previous\n');
    });
});

describe('batch scripts', () => {
  it('chunks become --array=0-(elements-1); a partition or time that could add lines to the script is refused', () => {
    const s = sweep(['0', '1', '2', '3', '4'], 2);
    const scripts = batchScripts(s, '/tmp/x y', { partition: 'debug', time: '01:00:00' });
    expect(scripts['array.sbatch']).toMatch(/#SBATCH --array=0-2\n/);
    expect(scripts['array.sbatch']).toMatch(/#SBATCH --partition=debug\n#SBATCH --time=01:00:00\n/);
    expect(scripts['array.sbatch']).toContain(`sweep array '/tmp/x y' "$SLURM_ARRAY_TASK_ID"`);
    expect(scripts['gather.sbatch']).toContain(`sweep gather '/tmp/x y'`);
    expect(() => batchScripts(s, '/tmp/x', { partition: 'debug\n#SBATCH --wrap=rm' })).toThrow(/--partition .* is not a Slurm partition/);
    expect(() => batchScripts(s, '/tmp/x', { time: '1 hour' })).toThrow(/--time "1 hour" is not a Slurm time/);
  });
});

describe('tools missing', () => {
  it('names the Debian package of each tool', () => {
    expect(() => requireTool('mpicc', '/nonexistent')).toThrow(/mpicc was not found on PATH: install libopenmpi-dev/);
    expect(() => requireTool('mpirun', '/nonexistent')).toThrow(/mpirun was not found on PATH: install openmpi-bin/);
    expect(() => requireTool('sbatch', '/nonexistent')).toThrow(/install slurm-wlm/);
    expect(() => requireTool('munged', '/nonexistent')).toThrow(/install munge/);
  });
});

describe('scanned values are checked as their options are, before anything is written', () => {
  it.each([
    ['eps=-0.1,0.2', /--scan eps: option --eps must be > 0, got -0\.1/],
    ['dt=0,0.001', /--scan dt: option --dt must be > 0, got 0/],
    ['neurons=1,64', /--scan neurons: option --neurons must be >= 2, got 1/],
    ['seed=1,4294967296', /--scan seed: option --seed must be <= 4294967295/],
    ['replica=-1,2', /--scan replica: .*must be >= 0, got -1/],
    ['steps=1.5,3', /--scan steps: .*"1\.5" is not an integer/],
  ])('--scan %s is refused (exit 2), naming the value', async (scan, says) => {
    const d = join(dir, `refused-${scan.replace(/\W/g, '_')}`);
    const errs: string[] = [];
    expect(await cli(['sweep', 'plan', d, '--scan', scan], { out: () => {}, err: (t: string) => errs.push(t) })).toBe(2);
    expect(errs.join('\n')).toMatch(says);
    expect(existsSync(join(d, 'sweep.json'))).toBe(false);
  });
});

describe.skipIf(!haveCompiler())('the sweep command on this machine', () => {
  it('plans, refuses bad task indices and elements by name (exit 2), runs one task and gathers only when all are there', async () => {
    const d = join(dir, 'cmd');
    const errs: string[] = [];
    const io = { out: () => {}, err: (t: string) => errs.push(t) };
    expect(await cli(['sweep', 'plan', d, '--scan', 'replica=0..2', '--neurons', '64', '--t', '0.01', '--samples', '1'], io)).toBe(0);
    expect(await cli(['sweep', 'task', d, '3'], io)).toBe(2);
    expect(errs.pop()).toMatch(/task index 3 is out of range: the sweep has 3 tasks \(0\.\.2\)/);
    expect(await cli(['sweep', 'array', d, '7'], io)).toBe(2);
    expect(errs.pop()).toMatch(/array element 7 is out of range/);
    expect(await cli(['sweep', 'task', d, '1'], io)).toBe(0);
    expect(await cli(['sweep', 'gather', d], io)).toBe(2);
    expect(errs.pop()).toMatch(/tasks 0, 2\); nothing written/);
    expect(await cli(['sweep', 'plan', d, '--scan', 'replica=0..2'], io)).toBe(2);
    expect(errs.pop()).toMatch(/already holds task outputs/);
    expect(await cli(['sweep', 'gather', join(dir, 'nowhere')], io)).toBe(2);
    expect(errs.pop()).toMatch(/not a sweep directory/);
    expect(await cli(['sweep', 'launch', d], io)).toBe(2);
    expect(errs.pop()).toMatch(/unknown action "launch"/);
  });

  it('simulate --target c writes the program and its build line; a spec file or the grid is refused', async () => {
    const d = join(dir, 'target');
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await cli(['simulate', '--target', 'c', '--neurons', '100', '--out', d], io)).toBe(0);
    expect(readFileSync(join(d, 'network.c'), 'utf8')).toMatch(/fill_normals[\s\S]*exact_allreduce[\s\S]*int main/);
    expect(await cli(['simulate', '--target', 'mpi', '--model', 'grid', '--out', d], io)).toBe(2);
    expect(lines.pop()).toMatch(/grid model runs in process only/);
  });
});

/**
 * The generated C + MPI network with the real Open MPI: byte-identical output for 1, 2, 3 and 4
 * ranks and equal to the one-process program (both schemes, blocks that do not divide evenly);
 * more ranks than neurons refused by name; the sweep's tasks taken by rank under mpirun gather to
 * the same bytes as the one-process run.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { requireTool, mpirunArgs, runProgram } from '../../src/dist/toolchain.ts';
import { parseNetworkOutput } from '../../src/dist/networkOutput.ts';
import { buildBoth, cli, mpirun } from './helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhn-mpi-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { eps: 0.05, cells: 4, neurons: 1001, dt: 1e-3, t: 0.05, seed: 3, samples: 5 };

describe('C + MPI network, 1 to 4 ranks', () => {
  for (const scheme of ['ou-split', 'euler-maruyama'] as const) {
    it(`${scheme}: the same bytes for 1, 2, 3, 4 ranks and one process`, () => {
      const exe = buildBoth(dir, `net-${scheme}`, { ...base, scheme });
      const one = runProgram(exe.single, ['replica=1']).stdout;
      const out = parseNetworkOutput(one, 'one process');
      expect(out.rows.length).toBe(5 * base.cells);
      for (const p of [1, 2, 3, 4]) {
        const r = mpirun(p, exe.mpi, ['replica=1']);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(one);
      }
      // another replica is another run: the equality above is not trivial
      expect(runProgram(exe.single, ['replica=2']).stdout).not.toBe(one);
    });
  }

  it('more ranks than neurons per point: refused naming both (exit 2)', () => {
    const exe = buildBoth(dir, 'net-small', { ...base, scheme: 'ou-split', neurons: 3 });
    const r = mpirun(4, exe.mpi, []);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/4 ranks is more than the 3 neurons per point/);
    expect(r.stdout).not.toMatch(/checksum/);
    const ok = mpirun(3, exe.mpi, []);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(runProgram(exe.single, []).stdout);
  });

  it('neurons that do not fit in memory: every rank stops at once with the sizes (no rank killed mid-run, none left waiting)', () => {
    const exe = buildBoth(dir, 'net-huge', { ...base, scheme: 'ou-split', neurons: 8 });
    const r = mpirun(2, exe.mpi, ['neurons=137438953472']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/137438953472 neurons per point need [\d.e+]+ GB of memory per process, and [\d.e+]+ GB is available/);
    expect(r.stdout).not.toMatch(/checksum/);
  });

  it('dump=1 under several ranks is refused', () => {
    const exe = buildBoth(dir, 'net-dump', { ...base, scheme: 'ou-split', neurons: 8 });
    const r = mpirun(2, exe.mpi, ['dump=1']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/dump=1 .* one process/);
  });
});

describe('a sweep under mpirun: each rank takes tasks by rank', () => {
  it('gathers to the same bytes as the one-process run', () => {
    const [a, b] = [join(dir, 'sweep-mpi'), join(dir, 'sweep-one')];
    const plan = ['--scan', 'replica=0..4', '--neurons', '500', '--t', '0.02', '--samples', '2'];
    for (const d of [a, b]) expect(cli(['sweep', 'plan', d, ...plan]).status).toBe(0);
    const r = spawnSync(
      requireTool('mpirun'),
      [...mpirunArgs(3), process.execPath, join(import.meta.dirname, '..', '..', 'bin', 'fhn-derive.mjs'), 'sweep', 'ranks', a],
      {
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rank 0 of 3: wrote 2 task outputs/);
    expect(r.stdout).toMatch(/rank 2 of 3: wrote 1 task outputs/);
    expect(cli(['sweep', 'gather', a]).status).toBe(0);
    expect(cli(['sweep', 'run', b]).status).toBe(0);
    const [ga, gb] = [readFileSync(join(a, 'sweep.csv'), 'utf8'), readFileSync(join(b, 'sweep.csv'), 'utf8')];
    expect(ga).toBe(gb);
    expect(readFileSync(join(a, 'summary.csv'), 'utf8')).toBe(readFileSync(join(b, 'summary.csv'), 'utf8'));
    expect(ga.split('\n').filter((l) => /^\d/.test(l)).length).toBe(5 * 2 * 4);
  });
});

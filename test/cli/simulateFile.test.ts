/**
 * `fhn-derive simulate FILE.ts` as a new user runs it (issue 20): the paper's options refused with
 * a FILE and a file's without one; options of the other method refused; exit codes 0 / 1 / 2 the
 * same for every method and path; flags and notes printed in the user's names.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../src/cli/main.ts';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'fhn-simulate-file-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const fixture = (name: string) => join('test', 'simulate', 'fixtures', `${name}.ts`);

/** Run the command; the exit code and what it printed (stdout through console.log, and the error line). */
async function run(...args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    const code = await cli(['simulate', ...args, '--out', out], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    return { code, text: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('options that do not apply are refused (exit 2), naming what to use', () => {
  for (const [option, use] of [
    [['--model', 'grid'], '--method picks one of the spec'],
    [['--scheme', 'ou-split'], "the method's scheme field in the file"],
    [['--eps', '0.1'], "the file's parameters"],
    [['--neurons', '100'], '--particles'],
    [['--nv', '10'], '--cells'],
  ] as const)
    it(`${option[0]} with a FILE`, async () => {
      const r = await run(fixture('ouvw'), ...option);
      expect(r.code).toBe(2);
      expect(r.text).toContain(`${option[0]} (${use}`);
      expect(r.text).toMatch(/applies to the paper's network only, not to a FILE/);
    });

  it('--method and --particles without a FILE (the paper)', async () => {
    const r = await run('--method', 'grid', '--particles', '10');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/--method \(--model particles or --model grid\), --particles \(--neurons\) apply to a FILE only/);
  });

  it("--cells or --refine for a file's particle method, --particles for its grid", async () => {
    expect((await run(fixture('ouvw'), '--method', 'particles', '--refine')).text).toMatch(/--refine does not apply to the particles method particles/);
    const r = await run(fixture('ouvw'), '--method', 'grid', '--particles', '100');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/--particles does not apply to the grid method grid/);
  });
});

describe('exit codes: 0 within, 1 flagged, 2 refused, whichever method', () => {
  it('a refusal inside the particle scheme (stability bound) exits 2, naming the term and where dt was set (the file, or --dt)', async () => {
    const r = await run(fixture('stiffou'), '--method', 'em');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(
      /methods\.em\.dt = 0\.1 is above the stability bound 0\.06667 of euler-maruyama, set by the term -k\*x of the drift of x .* or --allow-unstable/,
    );
    const flag = await run(fixture('stiffou'), '--method', 'em', '--dt', '0.2');
    expect(flag.code).toBe(2);
    expect(flag.text).toMatch(/fhn-derive: --dt = 0\.2 is above the stability bound/);
  });

  it('--allow-unstable runs it and exits 1, FLAGGED in the table and in simulation.json', async () => {
    const r = await run(fixture('stiffou'), '--method', 'em', '--allow-unstable');
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/FLAGGED: .*run anyway \(--allow-unstable\)/);
    const json = JSON.parse(readFileSync(join(out, 'simulation.json'), 'utf8'));
    expect(json.withinTolerance).toBe(false);
    expect(json.runFlags[0]).toMatch(/stability bound/);
  });

  it('a diffusion matrix that is not positive semidefinite exits 2 on particles and on the grid alike', async () => {
    const file = join(out, 'nonpsd.ts');
    const source = readFileSync(fixture('stiffou'), 'utf8')
      .replace("from '../../../src/index.ts'", `from '${join(process.cwd(), 'src', 'index.ts')}'`)
      .replace('c: 0 }', 'c: 2 }')
      .replace("scheme: 'euler-maruyama', particles: 300, replicas: 2, dt: 0.1", "scheme: 'euler-maruyama', particles: 300, replicas: 2, dt: 0.01");
    (await import('node:fs')).writeFileSync(file, source);
    const particles = await run(file, '--method', 'em');
    const grid = await run(file, '--method', 'grid');
    expect([particles.code, grid.code]).toEqual([2, 2]);
    expect(particles.text).not.toMatch(/particleStep|kernel/);
    expect(grid.text).toMatch(/not positive semidefinite/);
  });

  it('mass out of the box (x^3) exits 1, the table naming the face and the time', async () => {
    const r = await run(fixture('cubic'));
    expect(r.code).toBe(1);
    expect(r.text).toMatch(
      /FLAGGED: the reported run and the companion run \(2 dt\): mass left through the face x = 3\.00: past the tolerance 0\.00100 at t = [\d.]+/,
    );
  });

  it('a run within everything exits 0 and says so; changed output times are noted', async () => {
    const r = await run(fixture('ouvw'), '--method', 'grid', '--samples', '3', '--t', '0.4', '--dt', '0.1');
    expect(r.text).toMatch(/note: --samples: 3 output time\(s\) asked, 2 written \(t = 0\.2, 0\.4\)/);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/within the tolerance, and the run within its own diagnostics/);
  });
});

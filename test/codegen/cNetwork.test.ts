/**
 * The generated C network (one process) against the TypeScript runner: fed the same
 * counter-based normals, every neuron's final state agrees to 1e-12 relative and the sampled
 * means to 1e-12 (variances to 1e-9: their exact sums resolve 2^-38), for both schemes; with
 * independent streams (C: Philox, TypeScript: xoshiro) the means agree within their standard
 * errors. The program refuses bad arguments by name. Skipped when no C compiler is installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cNetworkProgram, createNetwork, runNetwork, sampleMoments } from '../../src/index.ts';
import { compileNetwork, haveCompiler, runProgram } from '../../src/dist/toolchain.ts';
import { paperNetworkProgram, runPaperNetworkTs, type NetworkProgramOptions } from '../../derivations/lib/networkProgram.ts';
import { defaultCells, fhnStepper, sampleInitialLaw } from '../../derivations/lib/network.ts';
import { defaultKernel } from '../../derivations/lib/fhn.ts';
import { parseNetworkOutput } from '../../src/dist/networkOutput.ts';

const cc = haveCompiler();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fhn-cnet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: NetworkProgramOptions = { eps: 0.05, cells: 3, scheme: 'ou-split', neurons: 50, dt: 1e-3, t: 0.03, seed: 7, samples: 3 };

/** Compile the paper's program for options o (once per options). */
function build(o: NetworkProgramOptions, name: string): string {
  const src = join(dir, `${name}.c`);
  writeFileSync(src, cNetworkProgram(paperNetworkProgram(o), { mpi: false }));
  const exe = join(dir, name);
  compileNetwork(src, exe, false);
  return exe;
}

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe.skipIf(!cc)('the generated C network against the TypeScript runner, same normals', () => {
  for (const scheme of ['ou-split', 'euler-maruyama'] as const) {
    it(`${scheme}: every neuron to 1e-12, means to 1e-12, variances to 1e-9`, () => {
      const o = { ...base, scheme };
      const exe = build(o, `net-${scheme}`);
      const out = parseNetworkOutput(runProgram(exe, ['replica=2', 'dump=1']).stdout, 'the C program');
      const sampleTimes = [10, 20, 30].map((s) => s * o.dt);
      const ts = runPaperNetworkTs(o, 2, sampleTimes);
      expect(out.rows.length).toBe(3 * o.cells);
      let worst = 0;
      out.dump.forEach(([k, i, v, w]) => {
        worst = Math.max(worst, Math.abs(v - ts.net.v[k][i]) / Math.max(1, Math.abs(v)), Math.abs(w - ts.net.w[k][i]) / Math.max(1, Math.abs(w)));
      });
      expect(out.dump.length).toBe(o.cells * o.neurons);
      expect(worst).toBeLessThan(1e-12);
      out.rows.forEach((r, j) => {
        const s = ts.samples[Math.floor(j / o.cells)][r.point];
        expect(close(r.values['mean(v)'], s.v.mean, 1e-12)).toBe(true);
        expect(close(r.values['mean(w)'], s.w.mean, 1e-12)).toBe(true);
        expect(close(r.values['var(v)'], s.v.variance, 1e-9)).toBe(true);
        expect(close(r.values['var(w)'], s.w.variance, 1e-9)).toBe(true);
      });
    });
  }

  it('another replica (another key) moves every point: the comparison can fail', () => {
    const exe = build(base, 'net-replica');
    const a = parseNetworkOutput(runProgram(exe, ['replica=2', 'dump=1']).stdout, 'C');
    const ts = runPaperNetworkTs(base, 3);
    const differing = a.dump.filter(([k, i, v]) => !close(v, ts.net.v[k][i], 1e-6)).length;
    expect(differing).toBeGreaterThan(0.9 * a.dump.length);
    expect(a.checksum).not.toBe(parseNetworkOutput(runProgram(exe, ['replica=3']).stdout, 'C').checksum);
  });

  it('the same arguments give the same bytes; a constant overridden by name changes the run', () => {
    const exe = build(base, 'net-repeat');
    const one = runProgram(exe, ['seed=3']).stdout;
    expect(runProgram(exe, ['seed=3']).stdout).toBe(one);
    expect(runProgram(exe, ['seed=3', 'eps=0.1']).stdout).not.toBe(one);
    expect(one).toContain('eps=0.050000000000000003');
  });

  it('refuses bad arguments by name, with exit 2', () => {
    const exe = build(base, 'net-bad');
    for (const [args, says] of [
      [['neurons=1'], /neurons must be an integer in \[2/],
      [['dt=-1'], /dt must be a number/],
      [['steps=2.5'], /steps must be an integer/],
      [['bogus=1'], /unknown argument 'bogus=1'.*eps/],
      [['samples=100', 'steps=10'], /samples = 100 must be at most steps = 10/],
      [['seed=abc'], /seed must be an integer/],
      [['neurons=137438953472'], /137438953472 neurons per point need [\d.e+]+ GB of memory per process, and [\d.e+]+ GB is available/],
    ] as const) {
      const err = (() => {
        try {
          runProgram(exe, args);
          return undefined;
        } catch (e) {
          return e as { status: number; stderr: string };
        }
      })();
      expect(err?.status).toBe(2);
      expect(err?.stderr).toMatch(says);
    }
  });

  it('a blown-up run stops naming the step and the variable (exit 1), never prints NaN', () => {
    const exe = build({ ...base, scheme: 'ou-split' }, 'net-blowup');
    const r = (() => {
      try {
        return runProgram(exe, ['dt=2', 'steps=20', 'samples=1']);
      } catch (e) {
        return e as { status: number; stderr: string };
      }
    })();
    expect('status' in r && r.status).toBe(1);
    expect('stderr' in r && r.stderr).toMatch(/step \d+: .*(outside the exact-sum range|must be)/);
  });
});

describe.skipIf(!cc)('the generated C network against the TypeScript runner, independent streams', () => {
  it('the means of v and w at every point agree within 4.5 combined standard errors', () => {
    const o: NetworkProgramOptions = { ...base, cells: 4, neurons: 20_000, t: 0.1, samples: 1 };
    const exe = build(o, 'net-stat');
    const c = parseNetworkOutput(runProgram(exe, []).stdout, 'C');
    const cells = defaultCells(o.cells);
    const net = createNetwork({
      cells,
      psi: defaultKernel,
      neuronsPerCell: o.neurons,
      seed: 12345,
      init: (i, v, w, rng) => sampleInitialLaw(cells[i].x, v, w, rng),
    });
    runNetwork(net, { dt: o.dt, tEnd: o.t, step: fhnStepper('ou-split', { eps: o.eps }) });
    let worst = 0;
    for (const r of c.rows) {
      for (const [name, x] of [
        ['v', net.v[r.point]],
        ['w', net.w[r.point]],
      ] as const) {
        const m = sampleMoments(x);
        const se = Math.sqrt(m.variance / o.neurons + r.values[`var(${name})`] / o.neurons);
        worst = Math.max(worst, Math.abs(r.values[`mean(${name})`] - m.mean) / se);
      }
    }
    expect(worst).toBeLessThan(4.5);
    expect(worst).toBeGreaterThan(0); // independent streams: not the same numbers
  });
});

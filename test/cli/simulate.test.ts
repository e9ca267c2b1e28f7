/**
 * `fhn-derive simulate`: the paper's default network as one spec on the generic layer (particles
 * bit-identical to the legacy path, the grid within its own errors of the legacy solver), the
 * inputs issue 13 lists (each refused by name with its bound, or flagged with exit code 1), and
 * the files a run writes.
 */
import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { simulate, runNetwork, runGrid, moments, contentHashHolds, NumericInputError } from '../../src/index.ts';
import { paperSimulation, paperRows, PAPER_DEFAULTS } from '../../derivations/lib/simulate.ts';
import { defaultNetwork, fhnStepper } from '../../derivations/lib/network.ts';
import { rescaledEquation } from '../../derivations/lib/grid-models.ts';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'fhn-simulate-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const run = (...args: string[]) => main(['simulate', ...args, '--out', out]);
const json = () => JSON.parse(readFileSync(join(out, 'simulation.json'), 'utf8'));

describe('the paper default on the generic layer', () => {
  it('particles: one replica reproduces the legacy run (runNetwork + fhnStepper) exactly, for both schemes', () => {
    for (const scheme of ['ou-split', 'euler-maruyama'] as const) {
      const o = { ...PAPER_DEFAULTS, cells: 3, neurons: 2000, replicas: 1, t: 0.05, scheme, samples: 1 };
      const rows = paperRows(simulate(paperSimulation(o)));
      const net = defaultNetwork({ cells: 3, neuronsPerCell: 2000, seed: 1 });
      const [legacy] = runNetwork(net, { dt: o.dt, tEnd: o.t, step: fhnStepper(scheme, { eps: o.eps }) });
      rows.forEach((r, k) => {
        expect(Math.abs(r.V - legacy[k].v.mean), `${scheme} V[${k}]`).toBeLessThan(1e-12);
        expect(Math.abs(r.W - legacy[k].w.mean), `${scheme} W[${k}]`).toBeLessThan(1e-12);
        expect(Math.abs(r.varianceV - legacy[k].v.variance), `${scheme} Var v[${k}]`).toBeLessThan(1e-12);
      });
      // a different seed is a different run: the comparison above can fail
      const other = paperRows(simulate(paperSimulation({ ...o, seed: 2 })));
      expect(Math.abs(other[0].V - legacy[0].v.mean)).toBeGreaterThan(1e-6);
    }
  });

  it("grid (1.10): within the generic run's estimated errors of the legacy solver, whose own grid error is measured by refining it", () => {
    const o = { ...PAPER_DEFAULTS, model: 'grid' as const, cells: 2, nv: 24, nw: 30, t: 0.2 };
    const spec = paperSimulation(o);
    const result = simulate({ ...spec, methods: { grid: { ...spec.methods.grid, refine: true } as typeof spec.methods.grid } });
    const legacy = (nv: number, nw: number) => {
      const model = rescaledEquation({ eps: o.eps, cells: o.cells, nv, nw });
      runGrid(model, { tEnd: o.t, cfl: 0.9, maxDt: o.dt });
      return model.cells.map((_, k) => {
        const m = moments(model.mesh, model.boxes[k]);
        const th = model.theta(k, o.t);
        return { V: model.V[k] + th * m.meanV, W: model.W[k] + m.meanW, varianceV: th * th * m.varianceV };
      });
    };
    const [coarse, fine] = [legacy(o.nv, o.nw), legacy(2 * o.nv, 2 * o.nw)];
    paperRows(result).forEach((r, k) => {
      for (const [key, name] of [
        ['V', 'V'],
        ['W', 'W'],
        ['varianceV', 'Var v'],
      ] as const) {
        const ob = result.observables[`${name}[${k}]`];
        const i = ob.t.length - 1;
        const generic = ob.timeStepError[i] + (ob.gridError?.[i] ?? 0);
        const legacyError = 2 * Math.abs(fine[k][key] - coarse[k][key]);
        expect(Math.abs(r[key] - coarse[k][key]), `${name}[${k}]`).toBeLessThanOrEqual(generic + legacyError);
      }
    });
    expect(result.method.scheme).toMatch(/Scharfetter–Gummel/);
  });
});

describe('the inputs listed in issue 13: refused by name with the bound, or flagged (exit 1)', () => {
  it('--dt 10 --t 10 (explicit parts inaccurate): every observable flagged, exit code 1, in the JSON', async () => {
    expect(await run('--dt', '10', '--t', '10', '--neurons', '1000', '--replicas', '2', '--cells', '2')).toBe(1);
    const j = json();
    expect(j.withinTolerance).toBe(false);
    expect(j.flagged).toContain('Var v[0]');
    expect(j.observables['Var v[0]'].flagged).toMatch(/estimated error .* > tolerance/);
    expect(j.method.timeStepCheck).toMatch(/step halving \(1 step\(s\): a companion run at dt \/ 2 = 5\)/);
  });

  it('--dt 100 --t 100: flagged, exit code 1', async () => {
    expect(await run('--dt', '100', '--t', '100', '--neurons', '1000', '--replicas', '2', '--cells', '2')).toBe(1);
    expect(json().errors.timeStep).toBeGreaterThan(1);
  });

  it('--model grid --eps 1e-100 (NaN rows before): refused, naming the CFL bound, the limit and --eps', async () => {
    await expect(run('--model', 'grid', '--eps', '1e-100', '--t', '0.01', '--cells', '2', '--nv', '12', '--nw', '12')).rejects.toThrow(
      /at t = 0\.001000 the explicit transport of point 0 needs substeps of .* \(CFL bound .*\), so the run would take .* cell-updates, above the limit 2e\+11: the drift is too large for --nv, --nw and --dt \(parameters: .*--eps = 1e-100/,
    );
  });

  it('--model grid --eps 1e-20 (ran for minutes): refused the same way', async () => {
    await expect(run('--model', 'grid', '--eps', '1e-20', '--cells', '2', '--nv', '12', '--nw', '12')).rejects.toThrow(
      /above the limit 2e\+11: .*--eps = 1e-20/,
    );
  });

  it('--nv 1e9 --nw 1e9: refused before allocating, naming both options', async () => {
    await expect(run('--model', 'grid', '--nv', '1e9', '--nw', '1e9')).rejects.toThrow(
      /--nv, --nw: one array would hold 1\.00e\+18 numbers .* above the limit/,
    );
  });

  it("--neurons 1e9: refused before allocating, with the memory it needs and the machine's", async () => {
    await expect(run('--neurons', '1e9')).rejects.toThrow(
      /--neurons: the run needs about .* GB \(4 points x 1000000000 particles .*\), more than 50% of this machine's/,
    );
  });

  it('--dt 1e-300: refused, naming the number of steps and the limit', async () => {
    await expect(run('--dt', '1e-300')).rejects.toThrow(/--dt = 1e-300 makes 1\.00e\+300 steps to --t = 1, above the limit 1e\+7 steps/);
  });

  it('--cells 1e9 and --cells 1e5 (V8 abort, typed-array error before): refused by the limit on points', async () => {
    await expect(run('--cells', '1e9')).rejects.toThrow(/--cells = 1000000000 is above the limit 20000/);
    await expect(run('--cells', '1e5')).rejects.toThrow(/--cells = 100000 is above the limit 20000/);
  });

  it('--cells 1.5 and other fractional counts: refused as not whole', async () => {
    await expect(run('--cells', '1.5')).rejects.toThrow(/option --cells: "1\.5" is not an integer/);
    await expect(run('--neurons', '100.5', '--t', '0.01')).rejects.toThrow(/option --neurons: "100\.5" is not an integer/);
    await expect(run('--model', 'grid', '--nv', '12.5')).rejects.toThrow(/option --nv: "12\.5" is not an integer/);
    // a count the table lets through but the layer refuses: fractional sizes in a spec file
    await expect(run('examples/ou2d.ts', '--t', '0.1', '--dt', '0.05')).resolves.toBeTypeOf('number');
  });

  it('eps <= 0, unknown options, malformed numbers, unknown models and schemes: refused by name', async () => {
    await expect(run('--eps', '0', '--neurons', '100', '--t', '0.01')).rejects.toThrow(/--eps must be > 0, got 0/);
    await expect(run('--eps=-1', '--neurons', '100', '--t', '0.01')).rejects.toThrow(/--eps must be > 0, got -1/);
    await expect(run('--epz', '1')).rejects.toThrow(/simulate: unknown option --epz/);
    await expect(run('--eps', 'abc')).rejects.toThrow(/option --eps: "abc" is not a number/);
    await expect(run('--model', 'pde')).rejects.toThrow(/option --model: "pde" is not one of particles, grid/);
    await expect(run('--scheme', 'rk4')).rejects.toThrow(/option --scheme: "rk4" is not one of ou-split, euler-maruyama/);
    // the layer refuses eps <= 0 by itself too, whatever entry point: the paper's spec declares eps positive
    const { simulate } = await import('../../src/index.ts');
    expect(() => simulate(paperSimulation({ ...PAPER_DEFAULTS, eps: -1, neurons: 10, t: 0.01 }))).toThrow(/--eps must be > 0, got -1/);
  });

  it('Euler–Maruyama beyond its stiff bound is refused by the generated kernel itself, naming the bound, as an input error (exit 2) without internal names', async () => {
    const refusal = run('--scheme', 'euler-maruyama', '--dt', '0.1', '--t', '0.2', '--neurons', '100', '--replicas', '2');
    await expect(refusal).rejects.toThrow(
      /^the particle scheme: the stiff rate times the step, dt\*eps\^\(-1\)\*rho, must be < 2 \(explicit stability bound\), got 2\.56/,
    );
    await expect(refusal).rejects.toBeInstanceOf(NumericInputError);
  });
});

describe('what a run writes', () => {
  it("simulation.json in the issue's shape, a CSV, an SVG, and kernels whose header says how they were made", async () => {
    expect(await run('examples/ou2d.ts', '--particles', '2000', '--replicas', '4', '--dt', '0.05', '--samples', '4', '--tol', '0.2', '--atol', '0.02')).toBe(0);
    const j = json();
    expect(Object.keys(j.observables)).toEqual(['mean x', 'mean y', 'var x', 'var y', 'cov xy']);
    for (const o of Object.values(j.observables) as { t: number[]; value: number[]; stderr: number[] }[]) {
      expect(o.t).toEqual([0.3, 0.6, 0.9, 1].map((x) => expect.closeTo(x, 12)) as unknown as number[]);
      expect(o.value).toHaveLength(4);
      expect(o.stderr.every((s) => s > 0)).toBe(true);
    }
    expect(Object.keys(j.errors).sort()).toEqual(['grid', 'statistical', 'timeStep']);
    expect(j.errors.grid).toBeNull();
    expect(j.method).toMatchObject({ kind: 'particles', scheme: 'heun', particles: 2000, replicas: 4, dt: 0.05 });
    expect(j.seed).toBe(7);
    const csv = readFileSync(join(out, 'simulation.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      't,mean x,mean x stderr,mean x time-step error,mean x grid error,mean y,mean y stderr,mean y time-step error,mean y grid error,var x,var x stderr,var x time-step error,var x grid error,var y,var y stderr,var y time-step error,var y grid error,cov xy,cov xy stderr,cov xy time-step error,cov xy grid error',
    );
    expect(csv).toHaveLength(5);
    const svg = readFileSync(join(out, 'simulation.svg'), 'utf8');
    expect(svg.match(/class="error-band"/g)).toHaveLength(5);
    const ts = readFileSync(join(out, 'kernels.ts'), 'utf8');
    expect(ts).toMatch(
      /^\/\/ Kernels of the simulation "2-D OU with a full diffusion matrix"\n\/\/ GENERATED by fhn-derive: `npx fhn-derive simulate examples\/ou2d\.ts .*` from examples\/ou2d\.ts\./,
    );
    expect(ts).not.toContain('npm run generate');
    expect(ts).not.toContain('a test regenerates');
    for (const f of ['kernels.ts', 'kernels.c', 'driver.c']) expect(contentHashHolds(readFileSync(join(out, f), 'utf8')), f).toBe(true);
  });

  it('the grid method of the example writes its velocity kernels; a run within tolerance exits 0', async () => {
    expect(
      await run('examples/ou2d.ts', '--method', 'grid', '--cells', '16', '--dt', '0.05', '--t', '0.2', '--samples', '2', '--tol', '0.5', '--atol', '0.1'),
    ).toBe(0);
    expect(json().method).toMatchObject({ kind: 'grid', cells: [16, 16], refined: true });
    expect(json().errors.grid).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'kernels.c'), 'utf8')).toMatch(
      /const char \*velocity_x\(long n, double \*restrict value, const double \*restrict x, const double \*restrict y/,
    );
  });

  it('a file without a spec, an unknown method and a missing file are refused by name', async () => {
    await expect(run('test/fixtures/no-default.ts')).rejects.toThrow(/the default export must be a simulation spec/);
    await expect(run('examples/ou2d.ts', '--method', 'spectral')).rejects.toThrow(/no method named spectral in the spec \(it has particles, grid\)/);
    await expect(run('examples/nope.ts')).rejects.toThrow(/no such simulation file: examples\/nope\.ts/);
  });
});

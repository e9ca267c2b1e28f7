/**
 * Checked before work, refused by name with exit 2: an --out that is a file, outputs too large
 * for the options given, output names that collide, claim ids that repeat or share an anchor,
 * names that would become code; a cross-check tolerance that is not a number fails its file
 * before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../../src/cli/main.ts';
import { defineModel, defineSimulation } from '../../src/index.ts';
import { checkOutputNames, checkOutputs } from '../../src/simulate/outputs/names.ts';

const API = resolve('src/index.ts');
const tmp = () => mkdtempSync(join(tmpdir(), 'fhn-refuse-'));

/** Run the CLI in process; returns the exit code and what it wrote on stderr. */
async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const log = console.log;
  console.log = () => {};
  try {
    const code = await cli(argv, { out: () => {}, err: (t) => (err += t) });
    return { code, err };
  } finally {
    console.log = log;
  }
}

/** A derivation file in a temporary folder, importing the API by path. */
function derivationFile(body: string): string {
  const file = join(tmp(), 'd.ts');
  writeFileSync(file, `import { derivation, parseExpr } from ${JSON.stringify(API)};\nexport default derivation('t', 'test', (d) => {\n${body}\n});\n`);
  return file;
}
const claim = (id: string) =>
  `d.claim({ id: ${JSON.stringify(id)}, source: 's', title: 't' }, () => [{ label: 'l', printed: parseExpr('2*a'), derived: parseExpr('a + a') }]);`;

const model = defineModel({ name: 'm', state: ['x'], density: 'p', drift: ['-x'], diffusion: ['1'] });
const spec = (observables: Record<string, unknown>, samples = 2) =>
  defineSimulation({
    name: 's',
    model,
    initial: { gaussian: { mean: [0], covariance: [[1]] } },
    observables: observables as never,
    t: 0.1,
    samples,
    methods: { p: { kind: 'particles', scheme: 'auto', particles: 16, replicas: 2, dt: 0.05 } },
  });

describe('--out checked before any work', () => {
  it('an --out naming an existing file exits 2 with a message, for run, simulate and rates (three cases)', async () => {
    const file = join(tmp(), 'taken');
    writeFileSync(file, 'mine');
    for (const argv of [
      ['run', 'test/fixtures/tiny-derivation.ts', '--out', file],
      ['simulate', 'examples/ou2d.ts', '--out', file],
      ['rates', '--quick', '--out', file],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err).toMatch(/names an existing file, not a folder/);
      expect(readFileSync(file, 'utf8')).toBe('mine');
    }
  });

  it("a user's paper.tex in --out is refused before the derivations run, and kept", async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'paper.tex'), 'my paper');
    const r = await run('run', 'test/fixtures/tiny-derivation.ts', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/paper\.tex exists and was not written by fhn-derive/);
    expect(readdirSync(dir)).toEqual(['paper.tex']);
  });

  it('a spec file named kernels.ts run into its own folder is refused, not overwritten', async () => {
    const dir = tmp();
    const src = readFileSync('examples/ou2d.ts', 'utf8').replace("from 'fhn-derive'", `from ${JSON.stringify(API)}`);
    writeFileSync(join(dir, 'kernels.ts'), src);
    const r = await run('simulate', join(dir, 'kernels.ts'), '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kernels\.ts/);
    expect(readFileSync(join(dir, 'kernels.ts'), 'utf8')).toBe(src);
  });
});

describe('sizes and names of a simulation checked before it runs', () => {
  it('a histogram of 10 000 bins over 2 500 samples is refused at once, naming the options and the estimate', () => {
    expect(() => checkOutputs(spec({ h: { histogram: 'x', range: [-1, 1], bins: 10_000 } }, 2500))).toThrow(
      /10000 output values \(histograms "h"\.bins = 10000\) x 2501 output times \(samples = 2500\) make simulation\.json about \d+ MiB, more than 256 MiB/,
    );
    expect(() => checkOutputs(spec({ h: { histogram: 'x', range: [-1, 1], bins: 100 } }, 100))).not.toThrow();
  });

  it('an observable named like a histogram bin or a population point is refused by name (three cases)', () => {
    expect(() => checkOutputNames(spec({ 'h[0]': 'mean(x)', h: { histogram: 'x', range: [-1, 1], bins: 4 } }), 1)).toThrow(
      /histogram "h" and observable "h\[0\]" both write the output "h\[0\]"/,
    );
    expect(() => checkOutputNames(spec({ 'h[0]': 'var(x)', h: { histogram: 'x', range: [-1, 1], bins: 2 } }), 2)).toThrow(
      /both write the output "h\[0\]\[0\]"/,
    );
    expect(() => checkOutputNames(spec({ 'a[2]': 'mean(x)', a: { histogram: 'x', range: [0, 1], bins: 3 } }), 1)).toThrow(/both write the output "a\[2\]"/);
    expect(() => checkOutputNames(spec({ 'a[3]': 'mean(x)', a: { histogram: 'x', range: [0, 1], bins: 3 } }), 1)).not.toThrow();
  });

  it('a state name that is not an identifier is refused by name, exit 2 (three cases)', async () => {
    for (const state of ['x, y', 'a*/b', 'while']) {
      const dir = tmp();
      const file = join(dir, 's.ts');
      writeFileSync(
        file,
        `import { defineModel, defineSimulation } from ${JSON.stringify(API)};
const model = defineModel({ name: 'm', state: [${JSON.stringify(state)}], density: 'p', drift: ['-1'], diffusion: ['1'] });
export default defineSimulation({ name: 's', model, initial: { gaussian: { mean: [0], covariance: [[1]] } }, observables: { m: 'mean(1)' }, t: 0.1, samples: 2,
  methods: { p: { kind: 'particles', scheme: 'auto', particles: 16, replicas: 2, dt: 0.05 } } });\n`,
      );
      const r = await run('simulate', file, '--out', join(dir, 'out'));
      expect(r.code, `${state}: ${r.err}`).toBe(2);
      expect(r.err).toContain(JSON.stringify(state));
      expect(r.err).toMatch(/names that reach generated code must be plain identifiers|reserved/);
    }
  });
});

describe('the command line: sizes checked before the run, stale files of the previous method removed', () => {
  it('simulate with a histogram of 10 000 bins and --samples 2500 exits 2 at once, naming --samples and the estimate', async () => {
    const dir = tmp();
    const file = join(dir, 'h.ts');
    const src = readFileSync('examples/ou2d.ts', 'utf8')
      .replace("from 'fhn-derive'", `from ${JSON.stringify(API)}`)
      .replace("'cov xy': 'cov(x, y)' },", "'cov xy': 'cov(x, y)', h: { histogram: 'x', range: [-3, 3], bins: 10000 } },");
    writeFileSync(file, src);
    const r = await run('simulate', file, '--samples', '2500', '--out', join(dir, 'out'));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/--samples = 2500\) make simulation\.json about \d+ MiB/);
    expect(existsSync(join(dir, 'out', 'simulation.json'))).toBe(false);
  });

  it('a grid run after a particle run into the same folder removes the old driver.c', async () => {
    const dir = tmp();
    const common = ['--t', '0.1', '--dt', '0.05', '--samples', '2', '--tol', '100', '--atol', '100', '--out', dir];
    expect((await run('simulate', 'examples/ou2d.ts', '--particles', '64', '--replicas', '2', ...common)).code).toBe(0);
    expect(existsSync(join(dir, 'driver.c'))).toBe(true);
    expect((await run('simulate', 'examples/ou2d.ts', '--method', 'grid', '--cells', '32', ...common)).code).toBe(0);
    expect(existsSync(join(dir, 'driver.c'))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'fhn-derive.manifest.json'), 'utf8')).files)).not.toContain('driver.c');
  });
});

describe('claim ids unique, anchors distinct, cross-check tolerances numbers', () => {
  it('a claim id used twice in a derivation fails the file, naming the id', async () => {
    const dir = tmp();
    const r = await run('run', derivationFile(`${claim('same')}\n${claim('same')}`), '--out', dir, '--threads', '0');
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8'));
    expect(json.claims[0].message).toMatch(/claim id "same" is used twice/);
  });

  it('the same id in two files, or ids that differ only in punctuation, are refused before anything is written (three cases)', async () => {
    for (const [a, b, says] of [
      ['eq-1.11', 'eq-1.11', /claim id "eq-1\.11" is used twice/],
      ['eq-1.11', 'eq-1_11', /claim ids "eq-1\.11" and "eq-1_11" get the same anchor #claim-eq-1_11/],
      ['a b', 'a+b', /get the same anchor #claim-a_b/],
    ] as const) {
      const dir = tmp();
      const r = await run('run', derivationFile(claim(a)), derivationFile(claim(b)), '--out', dir, '--threads', '0');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(says);
      expect(existsSync(join(dir, 'claims.json'))).toBe(false);
    }
  });

  it('a cross-check tolerance given as a string fails its file by name; nothing crashes after claims.json', async () => {
    const dir = tmp();
    const r = await run(
      'run',
      derivationFile(`d.crossCheck({ id: 'cc', quantity: 'q', tolerance: '1e-6' as never }, () => 0);`),
      '--out',
      dir,
      '--threads',
      '0',
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8'));
    expect(json.claims[0].message).toMatch(/cross-check "cc": tolerance must be a finite number, got "1e-6" \(string\)/);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });
});

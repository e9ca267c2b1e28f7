/**
 * The command line by the book: each defect a newcomer met is a case here (help on stdout with
 * exit 0, --version, `--opt=value`, prototype names refused, missing values refused before any
 * work, several files and globs for `run`, exit codes 0/1/2, tables that do not run together).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateCommand, formatNumber, SIMULATE_OPTIONS } from '../../src/cli/commands/simulate.ts';
import { COMMANDS, cli, main } from '../../src/cli/main.ts';
import { parseCommandLine, UsageError, type ParsedArgs } from '../../src/cli/options.ts';
import { packageVersion } from '../../src/cli/repository.ts';
import { formatTable } from '../../src/cli/table.ts';
import { PAPER_DEFAULTS } from '../../derivations/lib/simulate.ts';
import { run } from '../support/run.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'fhn-cli-'));

/** main() with its own output captured. */
async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** Spy on every command's run(): the test fails if any work starts. */
function forbidWork() {
  return COMMANDS.map((c) => vi.spyOn(c, 'run').mockRejectedValue(new Error(`${c.name} started work`)));
}

afterEach(() => vi.restoreAllMocks());

describe('help and version', () => {
  it('--help and -h print the overview on stdout and exit 0; a bare call is a usage error on stderr (exit 2)', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await capture([flag]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      for (const c of COMMANDS) expect(r.out).toContain(`  ${c.name}`);
      expect(r.out).toMatch(/exit codes: 0 ok; 1 .*; 2 usage/);
    }
    const bare = await capture([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    expect(bare.err).toMatch(/a command is needed/);
  });

  it('every command has --help/-h (stdout, exit 0, no work started) listing every option with its default', async () => {
    const spies = forbidWork();
    for (const c of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const r = await capture([c.name, flag, ...(c.name === 'run' ? ['x.ts'] : [])]);
        expect(r.code, `${c.name} ${flag}`).toBe(0);
        expect(r.err).toBe('');
        expect(r.out).toMatch(new RegExp(`^usage: fhn-derive ${c.name} `));
        for (const o of c.options) {
          expect(r.out).toContain(`--${o.name}`);
          if (o.default !== undefined) expect(r.out).toContain(`default: ${o.default}`);
          if (o.unit) expect(r.out).toContain(`unit: ${o.unit}`);
        }
        expect(r.out).toContain('-h, --help');
      }
    }
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it('rates --help does not start the study and writes nothing', async () => {
    const out = join(tmp(), 'rates-out');
    const r = await capture(['rates', '--help', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--quick');
    expect(existsSync(out)).toBe(false);
  });

  it('generate --help prints help instead of regenerating', async () => {
    const r = await capture(['generate', '--help']);
    expect(r.out).toMatch(/^usage: fhn-derive generate/);
    expect(r.out).not.toMatch(/up to date|wrote|STALE/);
  });

  it('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
    const r = await capture(['--version']);
    expect(r).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });
});

describe('options', () => {
  const parse = (argv: string[]) => parseCommandLine(simulateCommand, argv) as ParsedArgs;

  it('takes --opt value and --opt=value alike, over the defaults', () => {
    expect(parse(['--eps=0.02']).number('eps')).toBe(0.02);
    expect(parse(['--eps', '0.02']).number('eps')).toBe(0.02);
    expect(parse(['--model=grid', '--cells', '2']).string('model')).toBe('grid');
    expect(parse([]).number('neurons')).toBe(100_000);
    expect(parse(['--neurons', '1e5']).number('neurons')).toBe(100_000);
  });

  it('the table of simulate has the defaults of the simulation itself (the options a spec file also sets have none)', () => {
    const withDefaults = SIMULATE_OPTIONS.filter((o) => o.default !== undefined && o.name !== 'out');
    expect(withDefaults.map((o) => o.name)).toEqual(['model', 'eps', 'neurons', 'scheme', 'nv', 'nw']);
    for (const o of withDefaults) expect(o.default, o.name).toBe(PAPER_DEFAULTS[o.name as keyof typeof PAPER_DEFAULTS]);
  });

  it('refuses unknown options by name, prototype names included, for every command', async () => {
    const spies = forbidWork();
    for (const c of COMMANDS) {
      for (const bad of ['--toString', '--constructor', '--__proto__', '--hasOwnProperty', '--epz']) {
        const r = await capture([c.name, bad, '1']);
        expect(r.code, `${c.name} ${bad}`).toBe(2);
        expect(r.err).toContain(`unknown option ${bad}`);
      }
    }
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it('refuses fractions for integers, malformed numbers, bounds and unknown choices, naming the option and value', () => {
    expect(() => parse(['--cells', '2.5'])).toThrow(/option --cells: "2.5" is not an integer/);
    expect(() => parse(['--neurons=1e5.5'])).toThrow(/option --neurons: "1e5.5" is not a number/);
    expect(() => parse(['--eps', 'abc'])).toThrow(/option --eps: "abc" is not a number/);
    expect(() => parse(['--eps', '0x10'])).toThrow(/option --eps: "0x10" is not a number/);
    expect(() => parse(['--eps', 'Infinity'])).toThrow(/not a number/);
    expect(() => parse(['--eps', '0'])).toThrow(/option --eps must be > 0, got 0/);
    expect(() => parse(['--eps=-0.1'])).toThrow(/option --eps must be > 0, got -0.1/);
    // a negative value after a space is the value, not a missing one
    expect(() => parse(['--eps', '-1'])).toThrow(/option --eps must be > 0, got -1/);
    expect(() => parse(['--cells', '-3'])).toThrow(/option --cells must be >= 1, got -3/);
    expect(() => parse(['--cells', '0'])).toThrow(/option --cells must be >= 1, got 0/);
    expect(() => parse(['--model', 'pde'])).toThrow(/option --model: "pde" is not one of particles, grid/);
    expect(() => parse(['a.ts', 'b.ts'])).toThrow(/simulate takes at most 1 FILE, got 2/);
  });

  it('refuses an option missing its value before any work (paper --out, run X.ts --out, simulate --eps)', async () => {
    const spies = forbidWork();
    for (const argv of [
      ['paper', '--out'],
      ['run', 'examples/ou-centre.ts', '--out'],
      ['simulate', '--eps'],
      ['simulate', '--eps', '--cells', '2'],
      ['rates', '--out'],
    ]) {
      const r = await capture(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/option --(out|eps) needs a value/);
    }
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    await expect(main(['paper', '--out'])).rejects.toThrow(UsageError);
  });
});

describe('run', () => {
  it('runs every file given, and globs, each once, in order', async () => {
    const out = tmp();
    const code = await main(['run', 'examples/ou-centre.ts', 'test/fixtures/wrong-*.ts', 'examples/ou-*.ts', '--out', out]);
    expect(code).toBe(1); // the wrong claim
    const ids = (JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { claims: { id: string }[] }).claims.map((c) => c.id);
    expect(ids).toEqual(['ou-ito-vs-chain-rule', 'ou-centred-equation', 'square-of-sum']);
  });

  it('refuses a missing file or a glob that matches nothing before running anything', async () => {
    const out = tmp();
    const noMatch = await capture(['run', 'examples/ou-centre.ts', 'nothing-here/*.ts', '--out', out]);
    expect(noMatch.code).toBe(2);
    expect(noMatch.err).toContain('no file matches nothing-here/*.ts');
    const missing = await capture(['run', 'examples/ou-centre.ts', 'test/fixtures/missing.ts', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such derivation file: test/fixtures/missing.ts');
    expect(existsSync(join(out, 'claims.json'))).toBe(false); // the good file did not run either
    const none = await capture(['run']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('run needs a FILE');
  });
});

describe('tables', () => {
  const rows = [[0.20537, 1.0002e-6, -0.5, 123456.7, 0]].map((r) => r.map(formatNumber));

  it('numbers keep 5 significant digits and switch to exponents outside [1e-3, 1e5)', () => {
    expect(rows[0]).toEqual(['0.20537', '1.0002e-6', '-0.50000', '1.2346e+5', '0.0000']);
  });

  it('aligned on a terminal: columns never run together, numbers right-aligned', () => {
    const text = formatTable(['x', 'Var v', 'V', 'W', 'rho0'], rows, { aligned: true, rightAligned: [0, 1, 2, 3, 4] });
    const [header, rule, line] = text.split('\n');
    expect(line.trim().split(/\s{2,}/)).toEqual(rows[0]);
    expect(line.length).toBe(header.length);
    expect(rule).toMatch(/^-+( {2}-+){4}$/);
  });

  it('plain in a pipe: one tab between cells, no padding, no rule', () => {
    const text = formatTable(['x', 'Var v'], [['0.20537', '1.0002e-6']], { aligned: false });
    expect(text).toBe('x\tVar v\n0.20537\t1.0002e-6');
  });
});

describe('the bin script', () => {
  it('prints help on stdout (exit 0), errors on stderr (exit 2), and the version', async () => {
    const [help, bare, unknown, version] = await Promise.all([
      run('.', 'node', ['bin/fhn-derive.mjs', '--help']),
      run('.', 'node', ['bin/fhn-derive.mjs']),
      run('.', 'node', ['bin/fhn-derive.mjs', 'simulate', '--__proto__', '1']),
      run('.', 'node', ['bin/fhn-derive.mjs', '--version']),
    ]);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^usage: fhn-derive COMMAND/);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toMatch(/^fhn-derive: a command is needed/);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toBe('fhn-derive: simulate: unknown option --__proto__ (see fhn-derive simulate --help)\n');
    expect(version.stdout.trim()).toBe(packageVersion());
  });
});

describe("users' own tests in the checkout", () => {
  it('npx vitest run mine/x.test.ts finds and runs a test outside test/ with the matchers', async () => {
    const dir = `mine-${process.pid}`;
    mkdirSync(dir);
    try {
      writeFileSync(
        join(dir, 'x.test.ts'),
        `import { expect, it } from 'vitest';
import { fhnMatchers } from 'fhn-derive/vitest';
expect.extend(fhnMatchers);
it('mine', () => {
  expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
  expect('(a+b)^2').not.toBeEquivalentTo('a^2 + b^2');
});
`,
      );
      const r = await run('.', 'npx', ['vitest', 'run', `${dir}/x.test.ts`, '--reporter=dot']);
      expect(r.stdout + r.stderr).not.toMatch(/No test files found/);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

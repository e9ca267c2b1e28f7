/**
 * The package as a user gets it: `npm pack`, the tarball installed into a fresh `npm init -y`
 * project (no "type": "module"), then plain node, strict tsc (nodenext and bundler), vitest with
 * `fhn-derive/vitest`, and `npx fhn-derive` on the user's own .ts files, all in that one project.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/run.ts';
import { installConsumer, pack, type Packed, strictTypeErrors } from './consumer.ts';

const FILES: Record<string, string> = {
  'check.mjs': `import { equivalent, parseExpr, printExpr } from 'fhn-derive';
console.log(JSON.stringify({
  right: equivalent('(a+b)^2', 'a^2 + 2*a*b + b^2').equivalent,
  wrong: equivalent('(a+b)^2', 'a^2 + b^2').equivalent,
  parsed: printExpr(parseExpr('a*(b + c)')),
}));
`,
  'use.ts': `import { equivalent, parseExpr, derivation, type Expr, type DerivationModule } from 'fhn-derive';
import { fhnMatchers } from 'fhn-derive/vitest';
import { expect } from 'vitest';
expect.extend(fhnMatchers);
const e: Expr = parseExpr('a + b');
export const ok: boolean = equivalent(e, 'b + a').equivalent;
export const m: DerivationModule = derivation('t', 's', (d) => d.step('a step', 'why'));
expect('x^2').toBeEquivalentTo('x*x');
`,
  'test/identities.test.ts': `import { expect, it } from 'vitest';
import { fhnMatchers } from 'fhn-derive/vitest';
expect.extend(fhnMatchers);
it('decides identities', () => {
  expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
  expect('exp(a)*exp(b) - exp(a+b)').toBeIdenticallyZero();
  expect('(a+b)^2').not.toBeEquivalentTo('a^2 + b^2');
});
`,
  'vitest.config.mjs': `export default { test: { setupFiles: ['fhn-derive/vitest/setup'] } };
`,
  'test/preset.test.ts': `import { expect, it } from 'vitest';
import type {} from 'fhn-derive/vitest';
it('has the matchers through the setup preset', () => {
  expect('(a-b)*(a+b)').toBeEquivalentTo('a^2 - b^2');
  expect('x*(x+1)').not.toBeEquivalentTo('x^2');
});
`,
  'mine.ts': `import { derivation, parseExpr } from 'fhn-derive';
import { square } from './helper.ts';
export default derivation('a user file', 'mine', (d) => {
  d.claim({ id: 'square', source: 'mine', title: 'a square' }, () => [{ label: '(x+y)^2', printed: parseExpr('x^2 + 2*x*y + y^2'), derived: parseExpr(square('x+y')) }]);
});
`,
  'misuse.ts': `import { printExpr, parseExpr } from 'fhn-derive';
export const n: number = printExpr(parseExpr('a'));
`,
  'helper.ts': `export const square = (e: string): string => \`(\${e})^2\`;
`,
  'wrong.ts': `import { derivation, parseExpr } from 'fhn-derive';
export default derivation('a wrong claim', 'mine', (d) => {
  d.claim({ id: 'wrong-square', source: 'mine', title: 'a wrong square', kind: 'must-hold' }, () => [{ label: '(x+y)^2', printed: parseExpr('x^2 + y^2'), derived: parseExpr('(x+y)^2') }]);
});
`,
};

/** Bare module specifiers imported (statically or dynamically) or required (`require(...)`, `createRequire(...)(...)`, `.resolve(...)`) by the ES modules reachable from an entry file. */
function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|(?:\brequire|\bcreateRequire\([^()]*(?:\([^()]*\))?[^()]*\))(?:\.resolve)?\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec));
      else bare.add(spec);
    }
  }
  return bare;
}

describe('the packed package in a fresh project', () => {
  let packed: Packed;
  let dir: string;

  beforeAll(async () => {
    packed = await pack(mkdtempSync(join(tmpdir(), 'fhn-pack-')));
    dir = await installConsumer(packed, ['vitest', '@types/node']);
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([dir, packed && dirname(packed.tarball)].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
  }, 60_000);

  it('ships the build, the bin scripts, the README and the license only', () => {
    const outside = packed.files.filter((f) => !f.startsWith('dist/'));
    expect(outside.sort()).toEqual(['LICENSE', 'README.md', 'bin/fhn-derive.mjs', 'bin/loaders.mjs', 'package.json']);
    expect(packed.files).toContain('dist/index.js');
    expect(packed.files).toContain('dist/index.d.ts');
    expect(packed.files).toContain('dist/index.js.map');
    expect(packed.files).toContain('dist/verify/matchers.d.ts');
    expect(packed.files.filter((f) => /\.test\.|(^|\/)test\//.test(f))).toEqual([]);
  });

  it('the fresh project is the newcomer\'s: no "type": "module"', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string };
    expect(pkg.type).not.toBe('module');
  });

  it.concurrent('imports from plain node (ESM) and decides identities both ways', async () => {
    const r = await run(dir, 'node', ['check.mjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ right: true, wrong: false, parsed: expect.stringMatching(/^a ?\* ?\(b ?\+ ?c\)$/) });
  });

  it('the library, the matchers and the CLI import only declared dependencies and builtins; the library never a TypeScript loader', () => {
    const pkgDir = join(dir, 'node_modules', 'fhn-derive');
    const declared = new Set(Object.keys(packed.manifest.dependencies));
    for (const entry of ['dist/index.js', 'dist/verify/matchers.js', 'dist/cli/main.js']) {
      const bare = [...bareImports(join(pkgDir, entry))].map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
      const unexpected = bare.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && !declared.has(s));
      expect(unexpected, entry).toEqual([]);
      if (entry !== 'dist/cli/main.js')
        expect(
          bare.filter((s) => s === 'tsx' || s === 'esbuild'),
          entry,
        ).toEqual([]);
      expect(bare, entry).toContain('mathjs'); // the walk reaches the engine
    }
  });

  it.each(['nodenext', 'bundler'] as const)('type-checks a strict consumer with moduleResolution %s; a misuse is refused', (resolution) => {
    const errors = strictTypeErrors(dir, resolution, ['use.ts', 'misuse.ts', 'test/preset.test.ts']);
    expect(errors).toEqual([expect.stringMatching(/^misuse\.ts: TS2322: Type 'string' is not assignable to type 'number'/)]);
  });

  it.concurrent('runs vitest tests with fhn-derive/vitest, imported or through the setup preset', async () => {
    const r = await run(dir, join(dir, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=dot']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 passed/);
  });

  it.concurrent('npx fhn-derive run FILE.ts works, .ts imports included, and writes the reports', async () => {
    const out = join(dir, 'out-mine');
    const r = await run(dir, 'npx', ['--no-install', 'fhn-derive', 'run', 'mine.ts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/square\s+mine\s+verified/);
    expect(existsSync(join(out, 'claims.json'))).toBe(true);
  });

  it.concurrent('the installed bin exits 1 on a failed claim, 2 on usage, and knows its version', async () => {
    const bin = join(dir, 'node_modules', '.bin', 'fhn-derive');
    const [wrong, version, paper] = await Promise.all([
      run(dir, bin, ['run', 'wrong.ts', '--out', join(dir, 'out-wrong')]),
      run(dir, bin, ['--version']),
      run(dir, bin, ['paper']),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/wrong-square\s+mine\s+failed/);
    expect(version.stdout.trim()).toBe(packed.manifest.version);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toMatch(/paper works on the paper's derivations\/, which live in a checkout/);
  });
});

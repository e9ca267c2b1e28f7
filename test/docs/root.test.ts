/**
 * The repository holds only the project's own files: the root has the entries a newcomer expects
 * (no scratch scripts), and no tracked source names a path of somebody's machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The root entries the project is made of; anything else at the root is a stray file. */
const ROOT_ENTRIES = new Set([
  '.ci',
  '.gitignore',
  'LICENSE',
  'README.md',
  'bench',
  'bin',
  'biome.json',
  'derivations',
  'examples',
  'package-lock.json',
  'package.json',
  'src',
  'test',
  'tsconfig.build.json',
  'tsconfig.json',
  'vitest.config.ts',
  'vitest.dist.config.ts',
  'vitest.long.config.ts',
  'web',
]);

/** Every file git tracks, relative to the root. */
const tracked = (): string[] => execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);

/** An absolute path into a developer's or CI's machine (a worktree, a home folder, a temp checkout). */
const MACHINE_PATH = /(?:^|[\s'"`(=])\/(?:work|home|root|Users|tmp\/wt)\/[\w.-]+/;

describe('the repository root', () => {
  it('holds only the project’s own entries', () => {
    const stray = [...new Set(tracked().map((f) => f.split('/')[0]))].filter((e) => !ROOT_ENTRIES.has(e));
    expect(stray).toEqual([]);
  });

  it('the check itself catches a stray root file and a machine path (negative cases)', () => {
    expect(ROOT_ENTRIES.has('st.mts')).toBe(false);
    expect(MACHINE_PATH.test("const dir = '/work/wt-12/derivations';")).toBe(true);
    expect(MACHINE_PATH.test('import x from "./work/y.ts"')).toBe(false);
    expect(MACHINE_PATH.test('see https://example.org/home/page')).toBe(false);
  });

  it('no tracked source names a path of somebody’s machine', () => {
    // this file is left out: its negative cases spell such a path on purpose
    const code = tracked().filter((f) => /\.(ts|mts|mjs|js|json)$/.test(f) && !f.endsWith('package-lock.json') && f !== 'test/docs/root.test.ts');
    const offenders = code.filter((f) => MACHINE_PATH.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

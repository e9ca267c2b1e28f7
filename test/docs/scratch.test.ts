import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import setup, { removeAbandoned } from '../support/scratch.setup.ts';

describe('a test run leaves nothing in the machine temp directory', () => {
  it('runs every test with the temp directory inside the run scratch folder', () => {
    // the global setup has already run: the folders tests make go under it
    expect(basename(tmpdir())).toMatch(/^fhn-test-run-/);
    expect(basename(dirname(mkdtempSync(join(tmpdir(), 'fhn-scratch-probe-'))))).toMatch(/^fhn-test-run-/);
  });

  it('removes the scratch folder with what tests left in it, and restores the variables', () => {
    const outer = tmpdir();
    const teardown = setup();
    const inner = tmpdir();
    expect(inner).not.toBe(outer);
    expect(dirname(inner)).toBe(outer);
    const left = join(mkdtempSync(join(inner, 'left-behind-')), 'file.txt');
    writeFileSync(left, 'x');
    teardown();
    expect(existsSync(inner)).toBe(false);
    expect(tmpdir()).toBe(outer);
    expect(process.env.TMPDIR).toBe(outer);
  });

  it('removes the folders of killed runs (their process is gone) and keeps those of live ones', () => {
    const here = mkdtempSync(join(tmpdir(), 'fhn-abandoned-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    const folder = (name: string, owner?: number) => {
      mkdirSync(join(here, name));
      if (owner !== undefined) writeFileSync(join(here, name, 'owner.pid'), String(owner));
    };
    folder('fhn-test-run-killed', deadPid);
    folder('fhn-test-run-live', process.pid);
    folder('fhn-test-run-unowned');
    folder('other-folder', deadPid);
    expect(removeAbandoned(here)).toEqual(['fhn-test-run-killed']);
    expect(existsSync(join(here, 'fhn-test-run-killed'))).toBe(false);
    for (const kept of ['fhn-test-run-live', 'fhn-test-run-unowned', 'other-folder']) expect(existsSync(join(here, kept))).toBe(true);
  });
});

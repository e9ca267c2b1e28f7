import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import setup from '../support/scratch.setup.ts';

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
});

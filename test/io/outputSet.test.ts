/**
 * Output folders written safely: a set is committed whole, the manifest lists it with hashes, a
 * link is never followed, a file fhn-derive did not write (or that was changed since) is never
 * overwritten, a second run into the folder is refused while one runs, and the files a previous
 * run of the same command made that this run did not are removed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { MANIFEST_NAME, OutputRefused, OutputSet, readManifest, verifyOutputs } from '../../src/io/index.ts';
import { LOCK_NAME } from '../../src/io/lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'fhn-out-'));
const write = (dir: string, producer: string, files: Record<string, string>) => {
  const set = OutputSet.open(dir, producer);
  for (const [n, t] of Object.entries(files)) set.add(n, t);
  return set.commit();
};

describe('a committed set', () => {
  it('is listed in the manifest, written last, with every hash; no temporary file stays', () => {
    const dir = fresh();
    write(dir, 'paper', { 'a.json': '{}\n', 'sub/b.txt': 'b' });
    const m = readManifest(dir);
    expect(Object.keys(m.files).sort()).toEqual(['a.json', 'sub/b.txt']);
    expect(m.files['a.json'].producer).toBe('paper');
    expect(verifyOutputs(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', MANIFEST_NAME, 'sub']);
  });

  it('a later run of the same command removes what it no longer writes (driver.c after a grid run); other commands keep theirs', () => {
    const dir = fresh();
    write(dir, 'simulate', { 'kernels.c': '1', 'driver.c': 'particles' });
    write(dir, 'rates', { 'rates.svg': '<svg/>' });
    write(dir, 'simulate', { 'kernels.c': '2' });
    expect(existsSync(join(dir, 'driver.c'))).toBe(false);
    expect(Object.keys(readManifest(dir).files).sort()).toEqual(['kernels.c', 'rates.svg']);
    expect(verifyOutputs(dir)).toEqual([]);
  });

  it('an error while staging leaves the previous set and no temporary file', () => {
    const dir = fresh();
    write(dir, 'paper', { 'a.txt': 'old' });
    const set = OutputSet.open(dir, 'paper');
    set.add('a.txt', 'new');
    set.abort();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', MANIFEST_NAME]);
  });
});

describe('nothing of the user is overwritten, no link followed', () => {
  it('refuses a link where an output goes, and leaves its target alone (three cases)', () => {
    for (const name of ['claims.json', 'report.html', 'kernels.c']) {
      const dir = fresh();
      const target = join(fresh(), 'precious.txt');
      writeFileSync(target, 'precious');
      symlinkSync(target, join(dir, name));
      expect(() => write(dir, 'paper', { [name]: 'x' })).toThrow(OutputRefused);
      expect(() => write(dir, 'paper', { [name]: 'x' })).toThrow(/symbolic link/);
      expect(readFileSync(target, 'utf8')).toBe('precious');
    }
  });

  it('refuses a folder that is a link, a subfolder that is a link, a lock or manifest that is a link', () => {
    const real = fresh();
    const parent = fresh();
    symlinkSync(real, join(parent, 'out'));
    expect(() => OutputSet.open(join(parent, 'out'), 'paper')).toThrow(/symbolic link/);
    const dir = fresh();
    symlinkSync(fresh(), join(dir, 'katex'));
    expect(() => write(dir, 'paper', { 'katex/katex.min.css': 'x' })).toThrow(/link or a file/);
    const locked = fresh();
    symlinkSync(join(fresh(), 'x'), join(locked, LOCK_NAME));
    expect(() => OutputSet.open(locked, 'paper')).toThrow(/lock/);
    const manifest = fresh();
    symlinkSync(join(fresh(), 'm.json'), join(manifest, MANIFEST_NAME));
    expect(() => OutputSet.open(manifest, 'paper')).toThrow(/symbolic link/);
  });

  it("refuses to replace a user's file with an output's name, or one changed since it was written (three cases)", () => {
    for (const [name, text] of [
      ['paper.tex', '\\documentclass{article} my own paper'],
      ['errata.md', '# my notes'],
      ['kernels.ts', 'export const mine = 1;'],
    ]) {
      const dir = fresh();
      writeFileSync(join(dir, name), text);
      expect(() => write(dir, 'paper', { [name]: 'generated' })).toThrow(/was not written by fhn-derive/);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    }
    const dir = fresh();
    write(dir, 'paper', { 'errata.md': 'ours' });
    writeFileSync(join(dir, 'errata.md'), 'ours, edited by hand');
    expect(() => write(dir, 'paper', { 'errata.md': 'new' })).toThrow(/was changed after fhn-derive wrote it/);
    expect(readFileSync(join(dir, 'errata.md'), 'utf8')).toBe('ours, edited by hand');
  });

  it('refuses an output that is one of the inputs (a spec named kernels.ts in its own folder)', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'kernels.ts'), 'export default {};');
    expect(() => OutputSet.open(dir, 'simulate', { expected: ['kernels.ts'], inputs: [join(dir, 'kernels.ts')] })).toThrow(/is the input/);
    expect(readFileSync(join(dir, 'kernels.ts'), 'utf8')).toBe('export default {};');
  });

  it('adopts files of an older fhn-derive (no manifest yet) only by their mark, and identical bytes', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'errata.md'), '# Errata found by the engine\n\nold\n');
    writeFileSync(join(dir, 'same.txt'), 'same');
    const set = OutputSet.open(dir, 'paper', { legacy: { 'errata.md': /^# Errata found by the engine\n/ } });
    set.add('errata.md', 'new');
    set.add('same.txt', 'same');
    set.commit();
    expect(readFileSync(join(dir, 'errata.md'), 'utf8')).toBe('new');
  });

  it('refuses names that leave the folder', () => {
    for (const bad of ['../x', '/etc/passwd', 'a/../../b', '.hidden', MANIFEST_NAME])
      expect(() => write(fresh(), 'p', { [bad]: 'x' })).toThrow(/not a plain relative file name/);
  });
});

describe('one run per folder', () => {
  it('a second run is refused while the first holds the lock, naming its pid', () => {
    const dir = fresh();
    const first = OutputSet.open(dir, 'paper');
    // the lock names this (running) process: another opener is refused
    expect(() => OutputSet.open(dir, 'paper')).toThrow(new RegExp(`another run \\(pid ${process.pid}\\) is writing`));
    first.abort();
    OutputSet.open(dir, 'paper').abort();
  });

  it('a lock left by a process that no longer runs is taken over', () => {
    const dir = fresh();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, LOCK_NAME), JSON.stringify({ pid: Number(dead.stdout.trim()), host: hostname() }));
    write(dir, 'paper', { 'a.txt': 'a' });
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it('a folder that is a file is refused before any work', () => {
    const file = join(fresh(), 'out');
    writeFileSync(file, 'x');
    expect(() => OutputSet.open(file, 'paper')).toThrow(/names an existing file, not a folder/);
  });
});

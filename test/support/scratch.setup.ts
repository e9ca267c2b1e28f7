/**
 * vitest globalSetup of every suite: one scratch folder per test run, made the temp directory of
 * the run (TMPDIR, TMP and TEMP, which `os.tmpdir()` reads on each call and the test workers and
 * their child processes inherit), and removed with everything in it when the run ends. Test files
 * make their folders with `mkdtempSync(join(tmpdir(), ...))` and need not clean up: a run leaves
 * nothing behind in the machine's temp directory, whichever test made what. A run that was killed
 * cannot remove its folder; the folder names its run's process, and the next run removes the
 * folders of runs whose process is gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variables `os.tmpdir()` and the C compiler read for the temp directory. */
const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;

/** The prefix of a run's scratch folder, and the file in it naming the run's process. */
const PREFIX = 'fhn-test-run-';
const OWNER = 'owner.pid';

/** True when a process with this id exists (a signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, owned by somebody else
  }
}

/** Remove the scratch folders in `dir` left by runs whose process is gone (killed before their teardown); returns their names. */
export function removeAbandoned(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PREFIX)) continue;
    let pid: number;
    try {
      pid = Number(readFileSync(join(dir, name, OWNER), 'utf8'));
    } catch {
      continue; // not a folder of ours, or one being made
    }
    if (Number.isSafeInteger(pid) && pid > 0 && !alive(pid)) {
      try {
        rmSync(join(dir, name), { recursive: true, force: true });
        removed.push(name);
      } catch {
        // not ours to remove (another user's, on a shared machine): it stays
      }
    }
  }
  return removed;
}

/** Make the run's scratch folder the temp directory; the returned function removes it and restores the variables. */
export default function setup(): () => void {
  const before = TEMP_VARIABLES.map((name) => process.env[name]);
  removeAbandoned(tmpdir());
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, OWNER), String(process.pid));
  for (const name of TEMP_VARIABLES) process.env[name] = dir;
  return () => {
    TEMP_VARIABLES.forEach((name, i) => {
      if (before[i] === undefined) delete process.env[name];
      else process.env[name] = before[i];
    });
    rmSync(dir, { recursive: true, force: true });
  };
}

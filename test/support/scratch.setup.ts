/**
 * vitest globalSetup of every suite: one scratch folder per test run, made the temp directory of
 * the run (TMPDIR, TMP and TEMP, which `os.tmpdir()` reads on each call and the test workers and
 * their child processes inherit), and removed with everything in it when the run ends. Test files
 * make their folders with `mkdtempSync(join(tmpdir(), ...))` and need not clean up: a run leaves
 * nothing behind in the machine's temp directory, whichever test made what.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variables `os.tmpdir()` and the C compiler read for the temp directory. */
const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;

/** Make the run's scratch folder the temp directory; the returned function removes it and restores the variables. */
export default function setup(): () => void {
  const before = TEMP_VARIABLES.map((name) => process.env[name]);
  const dir = mkdtempSync(join(tmpdir(), 'fhn-test-run-'));
  for (const name of TEMP_VARIABLES) process.env[name] = dir;
  return () => {
    TEMP_VARIABLES.forEach((name, i) => {
      if (before[i] === undefined) delete process.env[name];
      else process.env[name] = before[i];
    });
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Low-level writing for output folders: a new file created exclusively and never through a link
 * (O_CREAT | O_EXCL | O_NOFOLLOW) under a temporary name in the same folder, and failpoints that
 * tests use to kill a run at a chosen step (FHN_DERIVE_FAILPOINT=n kills the process at the n-th).
 */
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;
let steps = 0;

/** Kill this process at the step given by FHN_DERIVE_FAILPOINT (tests only; a no-op otherwise). */
export function failpoint(_label: string): void {
  steps++;
  const at = process.env.FHN_DERIVE_FAILPOINT;
  if (at !== undefined && Number(at) === steps) process.kill(process.pid, 'SIGKILL');
}

/** Write data to a fresh temporary file next to `name` (relative to dir); returns the temporary name (relative to dir). */
export function writeNew(dir: string, name: string, data: string | Uint8Array): string {
  const tmp = join(dirname(name), `.${basename(name)}.fhn-tmp-${process.pid}-${counter++}`);
  const fd = openSync(join(dir, tmp), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const half = buf.length >> 1;
    writeSync(fd, buf, 0, half);
    failpoint(`writing ${name}`);
    writeSync(fd, buf, half, buf.length - half);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

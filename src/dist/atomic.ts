/**
 * Files the distributed layer writes appear whole or not at all: written to a temporary name in
 * the same directory, then renamed (atomic on POSIX file systems, also on the shared file systems
 * clusters use for job outputs). A reader (the gather job) never sees half a task's output.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** Write text to path through a temporary file and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A string as one shell word (single quotes; a quote inside becomes '\''). */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * One run per output folder: a lock file created exclusively (O_EXCL, never through a link) that
 * holds the pid of its owner. A lock whose owner no longer runs (on this host) is stale and taken over.
 */
import { closeSync, constants, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OutputRefused } from './errors.ts';

/** The lock file's name inside an output folder. */
export const LOCK_NAME = '.fhn-derive.lock';

/** True when a process with this pid runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the folder's lock for this process, or refuse naming the process that holds it; returns the release function. */
export function acquireLock(dir: string): () => void {
  const file = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (lstatSync(file).isSymbolicLink()) throw new OutputRefused(`${file} is a symbolic link: refusing to use it as the lock of ${dir}`);
    let owner: { pid?: number; host?: string } = {};
    try {
      owner = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // a lock cut short by a kill: stale
    }
    if (typeof owner.pid === 'number' && (owner.host !== hostname() || alive(owner.pid)))
      throw new OutputRefused(
        `another run (pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}) is writing into ${dir}; wait for it, or remove ${file} if it is not running`,
      );
    unlinkSync(file);
  }
  throw new OutputRefused(`could not take the lock ${file}`);
}

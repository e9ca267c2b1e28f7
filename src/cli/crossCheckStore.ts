/**
 * The paper command's cross-check cache on disk: one folder per fingerprint of everything a
 * numeric result depends on (every source file of src/ and derivations/, the lock file of the
 * dependencies, the Node version), under node_modules/.cache/fhn-derive/crosschecks, so a fresh
 * clone (or `npm ci`) starts empty and any change to a kernel, a parameter or a solver makes new
 * keys. Only passing checks are stored: a failure is measured again every run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CrossCheckCache, CrossCheckRecord } from '../verify/index.ts';

/** The files below dir (recursively) whose names end in one of the extensions, sorted. */
function filesBelow(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(path, extensions));
    else if (entry.isFile() && extensions.some((e) => entry.name.endsWith(e))) out.push(path);
  }
  return out.sort();
}

/** A hash of the sources under the given folders, the lock file and the Node version (hex, 64 digits). */
export function sourceFingerprint(root: string, folders: readonly string[]): string {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const extra of ['package-lock.json']) {
    const path = join(root, extra);
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) hash.update(`${extra}\n`).update(readFileSync(path));
  }
  for (const folder of folders)
    for (const file of filesBelow(join(root, folder), ['.ts', '.mts', '.js', '.mjs', '.json']))
      hash.update(`\n${relative(root, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * A cross-check cache stored in dir/FINGERPRINT/, one file per check (so files replayed on several
 * worker threads at once never overwrite each other's records); `fresh` ignores what is stored (and
 * overwrites it). Folders of other fingerprints are removed when a record is stored. A record stored
 * by this same run (`run`: another replay of the file, on another worker) comes back marked as not
 * cached: it was measured now, and the report must not call it reused from an earlier run.
 */
export function fileCrossCheckCache(dir: string, fingerprint: string, fresh = false, run?: string): CrossCheckCache & { readonly reused: () => number } {
  const folder = join(dir, fingerprint);
  const fileOf = (key: string) => join(folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  let reused = 0;
  return {
    get(key) {
      if (fresh) return undefined;
      try {
        const stored = JSON.parse(readFileSync(fileOf(key), 'utf8')) as { key: string; record: CrossCheckRecord; run?: string };
        if (stored.key !== key || !stored.record.pass) return undefined;
        if (run !== undefined && stored.run === run) return { ...stored.record, cached: false };
        reused++;
        return stored.record;
      } catch {
        return undefined; // not stored yet, or unreadable: measure it
      }
    },
    set(key, record) {
      if (!record.pass) return;
      mkdirSync(folder, { recursive: true });
      for (const old of readdirSync(dir)) if (old !== fingerprint) rmSync(join(dir, old), { recursive: true, force: true });
      const file = fileOf(key);
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, record, run }));
      renameSync(tmp, file);
    },
    reused: () => reused,
  };
}

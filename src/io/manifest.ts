/**
 * The manifest of an output folder (written last, after every file of a run is in place): each
 * file with its sha256, size and the command that produced it. Readers trust a file only when it
 * is a regular file (not a link) whose hash matches its entry. A run killed after its commit
 * point leaves a journal (`.fhn-derive.pending.json`) that the next writer or reader completes
 * (`settleOutputs`), so a folder always shows one complete set.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../escape/json.ts';
import { OutputRefused } from './errors.ts';
import { failpoint, writeNew } from './write.ts';

/** The manifest's name inside an output folder. */
export const MANIFEST_NAME = 'fhn-derive.manifest.json';
/** The journal of a committed run whose files are being moved into place. */
export const JOURNAL_NAME = '.fhn-derive.pending.json';
const FORMAT = 'fhn-derive outputs 1';

/** One file of the set. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly bytes: number;
  readonly producer: string;
}

/** The manifest: the files of the folder's runs (by relative path). */
export interface Manifest {
  readonly format: string;
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

/** What a run commits: the new manifest, the moves (temporary name, final name), the files to remove. */
export interface Journal {
  readonly manifest: Manifest;
  readonly moves: readonly (readonly [string, string])[];
  readonly remove: readonly string[];
}

/** The sha256 of data, hex. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** An empty manifest. */
export const emptyManifest = (): Manifest => ({ format: FORMAT, files: {} });

/** The folder's manifest, an empty one when there is none; refused when it is a link or not ours. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file) && !isLink(file)) return emptyManifest();
  if (isLink(file)) throw new OutputRefused(`${file} is a symbolic link: refusing to read or replace it`);
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new OutputRefused(`${file} is not a manifest fhn-derive can read: move it away`);
  }
  if (m?.format !== FORMAT || typeof m.files !== 'object')
    throw new OutputRefused(`${file} is not a manifest of fhn-derive (format "${FORMAT}"): move it away`);
  return m;
}

/** True when path exists and is a symbolic link. */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Write the manifest (temporary file, then rename). */
export function writeManifest(dir: string, m: Manifest): void {
  const sorted = Object.fromEntries(Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const tmp = writeNew(dir, MANIFEST_NAME, jsonText({ format: m.format, files: sorted }));
  failpoint('manifest written');
  renameSync(join(dir, tmp), join(dir, MANIFEST_NAME));
}

/** Carry out a journal: move every file into place, remove the stale ones, write the manifest, drop the journal. Idempotent. */
export function applyJournal(dir: string, j: Journal): void {
  for (const [tmp, name] of j.moves) {
    if (existsSync(join(dir, tmp))) renameSync(join(dir, tmp), join(dir, name));
    failpoint(`moved ${name}`);
  }
  for (const name of j.remove) {
    const path = join(dir, name);
    if (existsSync(path) || isLink(path)) unlinkSync(path);
  }
  writeManifest(dir, j.manifest);
  unlinkSync(join(dir, JOURNAL_NAME));
}

/** Complete the journal a killed run left, and remove temporary files of runs that no longer run. */
export function settleOutputs(dir: string): void {
  const journal = join(dir, JOURNAL_NAME);
  if (isLink(journal)) throw new OutputRefused(`${journal} is a symbolic link: refusing to read it`);
  if (existsSync(journal)) applyJournal(dir, JSON.parse(readFileSync(journal, 'utf8')) as Journal);
  removeDeadTemporaries(dir);
}

const TEMP = /^\..+\.fhn-tmp-(\d+)-\d+$/;

function removeDeadTemporaries(dir: string): void {
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      const m = TEMP.exec(e.name);
      if (m && (e.isFile() || e.isSymbolicLink()) && !running(Number(m[1]))) unlinkSync(join(dir, rel));
    }
  };
  if (existsSync(dir)) walk('');
}

function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The text (UTF-8) of a file of the folder's set, read only when it is a regular file (no link) listed in the manifest with the same hash; null otherwise. */
export function readListedOutput(dir: string, name: string): string | null {
  let m: Manifest;
  try {
    m = readManifest(dir);
  } catch {
    return null;
  }
  const entry = m.files[name];
  const path = join(dir, name);
  if (!entry || isLink(path) || !existsSync(path) || !lstatSync(path).isFile()) return null;
  const data = readFileSync(path);
  return sha256(data) === entry.sha256 ? data.toString('utf8') : null;
}

/** Check a folder against its manifest: every listed file present, a regular file, with its hash; returns the problems (none: the set is complete). */
export function verifyOutputs(dir: string): string[] {
  const m = readManifest(dir);
  const problems: string[] = [];
  if (existsSync(join(dir, JOURNAL_NAME))) problems.push('a run was interrupted after its commit point (run settleOutputs or the command again)');
  for (const [name, e] of Object.entries(m.files)) {
    const path = join(dir, name);
    if (isLink(path)) problems.push(`${name} is a symbolic link`);
    else if (!existsSync(path)) problems.push(`${name} is missing`);
    else if (sha256(readFileSync(path)) !== e.sha256) problems.push(`${name} differs from the manifest`);
  }
  return problems;
}

/**
 * Output folders written safely. A command opens its folder before any work (the path is checked,
 * the lock taken, a run killed earlier completed), stages every file under a temporary name in the
 * same folder, and commits: the journal is its commit point, then each file is renamed into place,
 * the files its previous run made that this run did not are removed (driver.c after a grid run),
 * and the manifest is written last. Links are never followed: a link, or a file fhn-derive did not
 * write, where an output goes is refused by name, as is an output that is one of the run's inputs.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../escape/json.ts';
import { quoteName } from '../escape/code.ts';
import { OutputRefused } from './errors.ts';
import { acquireLock, LOCK_NAME } from './lock.ts';
import { JOURNAL_NAME, type Journal, MANIFEST_NAME, type Manifest, applyJournal, isLink, readManifest, settleOutputs, sha256 } from './manifest.ts';
import { failpoint, writeNew } from './write.ts';

/** How a file already in the folder, not in the manifest, is recognised as an earlier fhn-derive output (folders written before manifests). */
export type Legacy = RegExp;

/** Options of a folder opened for a run. */
export interface OpenOptions {
  /** Names the run will write, checked before any work (more may be added). */
  readonly expected?: readonly string[];
  /** Files the run reads (a spec, derivation files): none may be an output. */
  readonly inputs?: readonly string[];
  /** Marks of earlier outputs by name (see Legacy). */
  readonly legacy?: Readonly<Record<string, Legacy>>;
  /** A file that carries its mark may be replaced even when it changed since the manifest (files under version control that say "do not edit"). */
  readonly replaceMarked?: boolean;
}

/** Refuse a folder that is a link or not a folder (before any work). */
export function checkOutputDir(dir: string, option = '--out'): void {
  if (!existsSync(dir) && !isLink(dir)) return;
  const st = lstatSync(dir);
  if (st.isSymbolicLink())
    throw new OutputRefused(`${option} ${dir} is a symbolic link: give the folder it points to, so outputs are never written through a link`);
  if (!st.isDirectory()) throw new OutputRefused(`${option} ${dir} names an existing file, not a folder: outputs go into a folder`);
}

const NAME = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A folder opened for one run: stage files, then commit them as one set. */
export class OutputSet {
  private readonly staged = new Map<string, { tmp: string; sha256: string; bytes: number }>();
  private readonly previous: Manifest;
  private release: (() => void) | null;

  private constructor(
    readonly dir: string,
    readonly producer: string,
    private readonly options: OpenOptions,
  ) {
    mkdirSync(dir, { recursive: true });
    checkOutputDir(dir);
    this.release = acquireLock(dir);
    try {
      settleOutputs(dir);
      this.previous = readManifest(dir);
      for (const name of options.expected ?? []) this.checkTarget(name);
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Open dir for a run of producer (a command name): checks, lock, recovery; refused with OutputRefused. */
  static open(dir: string, producer: string, options: OpenOptions = {}): OutputSet {
    checkOutputDir(dir);
    return new OutputSet(dir, producer, options);
  }

  /** Why a file cannot go to name, or nothing (throws OutputRefused). */
  private checkTarget(name: string, newHash?: string): void {
    if (!NAME.test(name) || name.split('/').includes('..') || [MANIFEST_NAME, JOURNAL_NAME, LOCK_NAME].includes(name))
      throw new OutputRefused(`output name ${quoteName(name)} is not a plain relative file name`);
    const path = join(this.dir, name);
    const parts = name.split('/');
    for (let k = 1; k < parts.length; k++) {
      const sub = join(this.dir, ...parts.slice(0, k));
      if (isLink(sub) || (existsSync(sub) && !lstatSync(sub).isDirectory()))
        throw new OutputRefused(`${sub} is a link or a file where fhn-derive writes the folder ${parts.slice(0, k).join('/')}`);
    }
    for (const input of this.options.inputs ?? [])
      if (existsSync(input) && existsSync(path) && realpathSync(input) === realpathSync(path))
        throw new OutputRefused(`the output ${path} is the input ${input}: choose another --out folder`);
    if (isLink(path)) throw new OutputRefused(`${path} is a symbolic link: fhn-derive never writes through a link; remove it`);
    if (!existsSync(path)) return;
    if (!lstatSync(path).isFile()) throw new OutputRefused(`${path} is not a regular file: remove it or choose another --out folder`);
    const entry = this.previous.files[name];
    const data = readFileSync(path);
    const mark = this.options.legacy?.[name];
    const head = data.subarray(0, 4096).toString('utf8');
    if (entry) {
      if (sha256(data) !== entry.sha256 && !(this.options.replaceMarked && mark?.test(head)))
        throw new OutputRefused(`${path} was changed after fhn-derive wrote it (it no longer matches ${MANIFEST_NAME}): move your version away or delete it`);
      return;
    }
    if ((newHash ?? this.staged.get(name)?.sha256) === sha256(data) || mark?.test(head)) return;
    throw new OutputRefused(`${path} exists and was not written by fhn-derive (it is not in ${MANIFEST_NAME}): move it away or choose another --out folder`);
  }

  /** Stage one file (relative name, '/' for subfolders) under a temporary name; a refusal drops the whole set (and the lock). */
  add(name: string, data: string | Uint8Array): void {
    try {
      this.checkTarget(name, sha256(data));
      const parts = name.split('/');
      for (let k = 1; k < parts.length; k++) mkdirSync(join(this.dir, ...parts.slice(0, k)), { recursive: true });
      const old = this.staged.get(name);
      if (old) unlinkSync(join(this.dir, old.tmp));
      const tmp = writeNew(this.dir, name, data);
      this.staged.set(name, { tmp, sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Commit the staged files as the producer's set; returns their paths. The folder shows the previous set until the journal is written, the new one after. */
  commit(): string[] {
    try {
      for (const name of this.staged.keys()) this.checkTarget(name);
      const files: Record<string, { sha256: string; bytes: number; producer: string }> = {};
      const remove: string[] = [];
      for (const [name, e] of Object.entries(this.previous.files))
        if (e.producer !== this.producer || this.staged.has(name)) files[name] = e;
        else if (existsSync(join(this.dir, name)) && !isLink(join(this.dir, name))) remove.push(name);
      for (const [name, s] of this.staged) files[name] = { sha256: s.sha256, bytes: s.bytes, producer: this.producer };
      const journal: Journal = {
        manifest: { format: this.previous.format, files },
        moves: [...this.staged].map(([name, s]) => [s.tmp, name] as const),
        remove,
      };
      failpoint('before the journal');
      const tmp = writeNew(this.dir, JOURNAL_NAME, jsonText(journal));
      failpoint('journal staged');
      renameSync(join(this.dir, tmp), join(this.dir, JOURNAL_NAME));
      failpoint('journal committed');
      applyJournal(this.dir, journal);
      this.staged.clear();
      return Object.keys(journal.manifest.files)
        .filter((n) => journal.moves.some(([, m]) => m === n))
        .map((n) => join(this.dir, n));
    } finally {
      this.abort();
    }
  }

  /** Drop every staged file and release the lock (after a refusal or an error: the previous set stays). */
  abort(): void {
    for (const s of this.staged.values())
      try {
        unlinkSync(join(this.dir, s.tmp));
      } catch {
        // already moved or gone
      }
    this.staged.clear();
    this.release?.();
    this.release = null;
  }
}

/**
 * Test helper: pack this project with npm and install the tarball into a fresh consumer project
 * (`npm init -y`: no "type": "module"), offline when npm's cache already holds the packages. The
 * consumer's lock is cut from this project's lock (same versions, same integrity hashes), so
 * `npm ci --offline` installs exactly what the project was tested with, without the registry.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { run } from '../support/run.ts';

/** One entry of package-lock.json's "packages". */
interface LockEntry {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/** The lock entries (from this project's lock) of the given packages and everything they need. */
export function lockClosure(projectLock: Record<string, LockEntry>, roots: readonly string[]): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.pop() as string;
    const key = `node_modules/${name}`;
    if (out[key]) continue;
    const entry = projectLock[key];
    if (!entry) throw new Error(`package-lock.json has no ${key}: the consumer cannot be installed from this project's lock`);
    const { dev: _dev, devOptional: _devOptional, ...rest } = entry;
    out[key] = rest;
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
    todo.push(...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers);
  }
  return out;
}

/** What pack() produced. */
export interface Packed {
  readonly tarball: string;
  readonly files: readonly string[];
  readonly manifest: { name: string; version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines?: Record<string, string> };
}

/** `npm pack` this project (its prepare script builds dist/) into dir. */
export async function pack(dir: string): Promise<Packed> {
  const r = await run(resolve('.'), 'npm', ['pack', '--json', '--pack-destination', dir]);
  if (r.code !== 0) throw new Error(`npm pack failed (${r.code}): ${r.stderr}`);
  // npm prints the prepare script's output before the JSON
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Packed['manifest'];
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path), manifest };
}

/**
 * A fresh consumer project (`npm init -y`) with the packed tarball and the given devDependencies
 * (exact versions from this project's package.json) installed by `npm ci`: offline from npm's
 * cache, or from the registry when the cache lacks something.
 */
export async function installConsumer(packed: Packed, devDependencies: readonly string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fhn-consumer-'));
  const init = await run(dir, 'npm', ['init', '-y']);
  if (init.code !== 0) throw new Error(`npm init failed: ${init.stderr}`);
  const project = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
  const projectLock = (JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const tarball = `file:${packed.tarball}`;
  const dependencies: Record<string, string> = { 'fhn-derive': tarball, ...Object.fromEntries(devDependencies.map((d) => [d, project.devDependencies[d]])) };
  const pkg = { ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')), dependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const self: LockEntry = {
    version: packed.manifest.version,
    resolved: tarball,
    integrity: `sha512-${createHash('sha512').update(readFileSync(packed.tarball)).digest('base64')}`,
    dependencies: packed.manifest.dependencies,
    bin: packed.manifest.bin,
  };
  const packages = {
    '': { name: pkg.name, version: pkg.version, dependencies },
    ...lockClosure(projectLock, [...devDependencies, ...Object.keys(packed.manifest.dependencies)]),
    'node_modules/fhn-derive': self,
  };
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  let ci = await run(dir, 'npm', ['ci', '--offline', ...quiet]);
  if (ci.code !== 0 && /ENOTCACHED/.test(ci.stderr)) ci = await run(dir, 'npm', ['ci', '--prefer-offline', ...quiet]);
  if (ci.code !== 0) throw new Error(`npm ci in the consumer failed (${ci.code}): ${ci.stderr}`);
  return dir;
}

/** Parsed files shared between the programs of strictTypeErrors (lib and package .d.ts are parsed once). */
const parsed = new Map<string, ts.SourceFile | undefined>();

/**
 * The errors of a strict TypeScript program over the consumer's files (this project's TypeScript,
 * resolving `fhn-derive` from the consumer's node_modules, libraries checked too: no skipLibCheck),
 * as `file: TSxxxx: message` lines.
 */
export function strictTypeErrors(dir: string, resolution: 'nodenext' | 'bundler', files: readonly string[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: false,
    types: [],
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noPropertyAccessFromIndexSignature: true,
    ...(resolution === 'nodenext'
      ? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
      : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const key = `${name}\0${JSON.stringify(version)}`;
    if (!parsed.has(key)) parsed.set(key, read(name, version, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: files.map((f) => join(dir, f)), options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? relative(dir, d.file.fileName) : '-'}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

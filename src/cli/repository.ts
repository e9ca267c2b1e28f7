/**
 * Where the CLI finds the package it belongs to: its version, and the paper's `derivations/`
 * folder, which exists in a checkout of the repository but not in the installed package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from './options.ts';

/** The package root: two levels above this module (src/cli in a checkout, dist/cli when installed). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The package's version from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A path inside the checkout (`derivations/...`, `src/generated`); a UsageError naming the command when the package is installed without them. */
export function checkoutPath(command: string, ...parts: string[]): string {
  const path = join(PACKAGE_ROOT, ...parts);
  if (!existsSync(join(PACKAGE_ROOT, 'derivations')))
    throw new UsageError(
      `${command} works on the paper's derivations/, which live in a checkout of the fhn-derive repository, not in the installed package (there: npm run ${command})`,
    );
  return path;
}

/** Import a module of the checkout (the caller states the shape it uses: src/ never imports derivations/ statically). */
export async function importCheckoutModule<T>(command: string, ...parts: string[]): Promise<T> {
  return (await import(pathToFileURL(checkoutPath(command, ...parts)).href)) as T;
}

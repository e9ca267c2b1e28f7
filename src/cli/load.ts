/** Find and load derivation files: each default-exports a DerivationModule, and may export its `notation`. */
import { readdirSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DerivationModule } from '../verify/index.ts';
import type { Notation } from '../report/index.ts';

/** The .ts files directly inside dir, sorted by name. */
export function derivationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** A loaded derivation file: its derivation and the notation it declares (none: the plain one). */
export interface LoadedDerivation {
  readonly derivation: DerivationModule;
  readonly notation?: Notation;
}

/** True when x has the shape of a Notation (symbols and functions tables, a list of variables). */
const isNotation = (x: unknown): x is Notation => {
  const n = x as Partial<Notation> | null;
  return typeof n === 'object' && n !== null && typeof n.symbols === 'object' && typeof n.functions === 'object' && Array.isArray(n.variables);
};

/** Import a derivation file and check that it default-exports a derivation (and that its `notation` export, if any, is one). */
export async function loadDerivation(file: string): Promise<LoadedDerivation> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: DerivationModule; notation?: unknown };
  const d = mod.default;
  if (!d || typeof d.run !== 'function' || typeof d.title !== 'string')
    throw new Error(`${file}: the default export must be a derivation (use \`export default derivation(title, section, (d) => ...)\`)`);
  if (mod.notation !== undefined && !isNotation(mod.notation))
    throw new Error(`${file}: the \`notation\` export must be a notation (use \`export const notation = extendNotation(plainNotation, { symbols: {...} })\`)`);
  return { derivation: d, notation: mod.notation };
}

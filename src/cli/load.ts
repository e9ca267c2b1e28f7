/** Find and load derivation files: each default-exports a DerivationModule. */
import { readdirSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DerivationModule } from '../verify/index.ts';

/** The .ts files directly inside dir, sorted by name. */
export function derivationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Import a derivation file and check that it default-exports a derivation. */
export async function loadDerivation(file: string): Promise<DerivationModule> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: DerivationModule };
  const d = mod.default;
  if (!d || typeof d.run !== 'function' || typeof d.title !== 'string')
    throw new Error(`${file}: the default export must be a derivation (use \`export default derivation(title, section, (d) => ...)\`)`);
  return d;
}

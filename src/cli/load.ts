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
  /** How many workers may replay the file at once, sharing its cross-checks (its `crossCheckReplays` export; default 1). */
  readonly replays: number;
}

/** True when x has the shape of a Notation (symbols and functions tables, a list of variables). */
const isNotation = (x: unknown): x is Notation => {
  const n = x as Partial<Notation> | null;
  return typeof n === 'object' && n !== null && typeof n.symbols === 'object' && typeof n.functions === 'object' && Array.isArray(n.variables);
};

/** Import a derivation file and check that it default-exports a derivation (and that its `notation` and `crossCheckReplays` exports, if any, are one and a count). */
export async function loadDerivation(file: string): Promise<LoadedDerivation> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: DerivationModule; notation?: unknown; crossCheckReplays?: unknown };
  const d = mod.default;
  if (!d || typeof d.run !== 'function' || typeof d.title !== 'string')
    throw new Error(`${file}: the default export must be a derivation (use \`export default derivation(title, section, (d) => ...)\`)`);
  if (mod.notation !== undefined && !isNotation(mod.notation))
    throw new Error(`${file}: the \`notation\` export must be a notation (use \`export const notation = extendNotation(plainNotation, { symbols: {...} })\`)`);
  const replays = mod.crossCheckReplays ?? 1;
  if (!Number.isInteger(replays) || (replays as number) < 1)
    throw new Error(`${file}: the \`crossCheckReplays\` export must be a whole number >= 1 (workers that may replay the file at once), got ${String(replays)}`);
  return { derivation: d, notation: mod.notation, replays: replays as number };
}

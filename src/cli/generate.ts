/**
 * `npm run generate`: every derivation file that exports `kernels()` gets a generated module
 * src/generated/<file>.ts. `--check` compares instead of writing (used by the staleness test).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emitModule, Kernel } from '../codegen/index.ts';

/** One generated file: where it goes and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly source: string;
}

/** The generated modules for the given derivation files (in memory). */
export async function generatedFiles(files: readonly string[], outDir: string): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(file)).href)) as { kernels?: () => Kernel[] };
    if (typeof mod.kernels !== 'function') continue;
    const name = basename(file, '.ts');
    const origin = { command: 'npm run generate', source: `derivations/${name}.ts`, checkedBy: 'a test regenerates this file and fails if it is stale' };
    out.push({ path: join(outDir, `${name}.ts`), source: emitModule(`Kernels of derivations/${name}.ts`, mod.kernels(), origin) });
  }
  return out;
}

/** Write the files, or with check=true list the ones whose committed text differs. */
export function writeOrCheck(files: readonly GeneratedFile[], check: boolean): string[] {
  const stale: string[] = [];
  for (const f of files) {
    const current = existsSync(f.path) ? readFileSync(f.path, 'utf8') : null;
    if (current === f.source) continue;
    stale.push(f.path);
    if (!check) {
      mkdirSync(join(f.path, '..'), { recursive: true });
      writeFileSync(f.path, f.source);
    }
  }
  return stale;
}

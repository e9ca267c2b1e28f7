/**
 * The web explorer's build: a relative base (the static build works from any folder), and the
 * virtual module `virtual:paper` whose JSON is computed in Node by web/data/paper-data.ts.
 */
import { defineConfig, Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** `virtual:paper`: the replayed derivations, typeset, as a default-exported object. */
function paperData(): Plugin {
  const id = 'virtual:paper';
  return {
    name: 'fhn-paper-data',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(source) {
      if (source !== `\0${id}`) return null;
      const json = execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'web/data/paper-data.ts')], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      });
      return `export default ${json};`;
    },
  };
}

export default defineConfig({
  root: resolve(ROOT, 'web'),
  base: './',
  plugins: [paperData()],
  build: { outDir: resolve(ROOT, 'out/web'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: [ROOT] } },
});

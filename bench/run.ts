/** `npm run bench`: every benchmark of the project, each with its in-run baseline. */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSymbolicBench, printFigures } from './symbolic.bench.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

if (!only || only === 'symbolic')
  printFigures(
    'symbolic replay (median and fastest of 9 rounds after 10 untimed, CPU time; numeric cross-checks measured once, then reused)',
    await runSymbolicBench(),
  );
for (const [name, file, fn] of [
  ['numerics', 'numerics.bench.ts', 'runNumericsBench'],
  ['network', 'network.bench.ts', 'runNetworkBench'],
] as const) {
  if (only && only !== name) continue;
  if (!existsSync(join(HERE, file))) continue;
  const mod = await import(join(HERE, file));
  if (typeof mod[fn] === 'function') printFigures(name, await mod[fn]());
}

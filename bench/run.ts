/** `npm run bench`: every benchmark of the project, each with its in-run baseline. */
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFigures } from './symbolic.bench.ts';
import { runInWorkers } from '../src/cli/workerPool.ts';
import { DERIVATION_WORKER } from '../src/cli/isolated.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

// the replay runs on a worker thread started as `paper` starts its derivation workers (the same heap): what is timed is what they do
if (!only || only === 'symbolic') {
  const [figures] = await runInWorkers<number, Record<string, number>>([9], {
    module: join(HERE, 'symbolic.bench.ts'),
    exportName: 'runSymbolicBench',
    threads: 1,
    setup: DERIVATION_WORKER,
  });
  printFigures('symbolic replay (median and fastest of 9 rounds after 10 untimed, CPU time; numeric cross-checks measured once, then reused)', figures);
}
for (const [name, file, fn] of [
  ['numerics', 'numerics.bench.ts', 'runNumericsBench'],
  ['network', 'network.bench.ts', 'runNetworkBench'],
] as const) {
  if (only && only !== name) continue;
  if (!existsSync(join(HERE, file))) continue;
  const mod = await import(join(HERE, file));
  if (typeof mod[fn] === 'function') printFigures(name, await mod[fn]());
}

// Worker-thread entry: registers the loaders the CLI registers (tsx, and users' .ts files read as
// ES modules: bin/loaders.mjs), imports the task module named in workerData, and answers each
// { index, task } message with { index, result } or { index, error }.
import { parentPort, workerData } from 'node:worker_threads';

// by URL, so that the package build (tsc) does not take bin/ into its program; workers run from a checkout
const { registerLoaders } = await import(new URL('../../bin/loaders.mjs', import.meta.url).href);
registerLoaders([]); // the export conditions come with the worker's execArgv
const mod = await import(workerData.module);
const handler = mod[workerData.exportName];
if (typeof handler !== 'function') throw new Error(`${workerData.module} has no exported function ${workerData.exportName}`);
parentPort.on('message', async ({ index, task }) => {
  try {
    const result = await handler(task, (fraction) => parentPort.postMessage({ index, progress: fraction }));
    parentPort.postMessage({ index, result });
  } catch (err) {
    parentPort.postMessage({ index, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});

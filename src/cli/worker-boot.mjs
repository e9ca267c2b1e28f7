// Worker-thread entry: registers the TypeScript loader, imports the task module named in
// workerData, and answers each { index, task } message with { index, result } or { index, error }.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
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

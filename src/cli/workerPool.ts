/**
 * Run independent tasks on worker threads (one per core by default): each worker imports a
 * module and calls one of its exported functions `(task, onProgress) => result` per task.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/** Where the task function lives and how to run the pool. */
export interface PoolOptions {
  /** Path of the module (TypeScript is fine) that exports the task function. */
  readonly module: string;
  readonly exportName: string;
  readonly threads?: number;
  /** Overall progress in [0, 1], from the tasks' own progress reports. */
  readonly onProgress?: (fraction: number) => void;
  readonly setup?: WorkerSetup;
}

/** How a worker is started: import conditions added to its own, and the limits of its heap. */
export interface WorkerSetup {
  readonly conditions?: readonly string[];
  readonly resourceLimits?: ResourceLimits;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** A worker thread that imports `module` (TypeScript is fine) and answers { index, task } with its export `exportName`(task, report), started as `setup` says. */
export function taskWorker(module: string, exportName: string, setup: WorkerSetup = {}): Worker {
  const conditions = setup.conditions ?? [];
  const execArgv = conditions.length > 0 ? [...process.execArgv, ...conditions.map((c) => `--conditions=${c}`)] : undefined;
  return new Worker(BOOT, { workerData: { module: pathToFileURL(resolve(module)).href, exportName }, execArgv, resourceLimits: setup.resourceLimits });
}

/** Results in task order; the first task error rejects with the task's index and message. */
export async function runInWorkers<T, R>(tasks: readonly T[], options: PoolOptions): Promise<R[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), tasks.length));
  const results: R[] = new Array(tasks.length);
  const progress = new Array<number>(tasks.length).fill(0);
  const report = () => options.onProgress?.(progress.reduce((a, b) => a + b, 0) / Math.max(1, tasks.length));
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((done, fail) => {
      let finished = 0;
      if (tasks.length === 0) return done();
      const feed = (w: Worker) => {
        if (next < tasks.length) {
          const index = next++;
          w.postMessage({ index, task: tasks[index] });
        }
      };
      for (let k = 0; k < threads; k++) {
        const w = taskWorker(options.module, options.exportName, options.setup);
        workers.push(w);
        w.on('error', (err) => fail(new Error(`worker for ${options.module}: ${err.message}`)));
        w.on('message', (m: { index: number; progress?: number; result?: R; error?: string }) => {
          if (m.error !== undefined) return fail(new Error(`task ${m.index} (${JSON.stringify(tasks[m.index])}) failed: ${m.error}`));
          if (m.progress !== undefined) {
            progress[m.index] = Math.min(1, m.progress);
            return report();
          }
          results[m.index] = m.result as R;
          progress[m.index] = 1;
          report();
          if (++finished === tasks.length) return done();
          feed(w);
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

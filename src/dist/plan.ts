/**
 * Planning a sweep: the directory with the program's source and its build, the description
 * (sweep.json) and the batch scripts. Refuses a directory that already holds a different sweep's
 * task outputs (they would be gathered with the new ones).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';
import { writeFileAtomic } from './atomic.ts';
import { type BatchOptions, batchScripts } from './slurm.ts';
import { type Scan, type Sweep, sweepFile } from './tasks.ts';
import { compileNetwork } from './toolchain.ts';

/** What a sweep is made of. */
export interface SweepPlan {
  readonly title: string;
  /** The program's C source (one process). */
  readonly source: string;
  readonly fixed: readonly string[];
  readonly scan: Scan;
  readonly chunk: number;
  readonly cli: readonly string[];
  readonly batch?: BatchOptions;
}

/** Write the sweep into dir (source, build, sweep.json, scripts); returns the sweep and the files written. */
export function planSweep(dir: string, plan: SweepPlan): { sweep: Sweep; files: string[] } {
  if (!(Number.isInteger(plan.chunk) && plan.chunk >= 1)) throw new NumericInputError(`--chunk must be an integer >= 1, got ${plan.chunk}`);
  const tasksDir = join(dir, 'tasks');
  if (existsSync(tasksDir) && readdirSync(tasksDir).some((f) => f.endsWith('.csv')))
    throw new NumericInputError(`${dir} already holds task outputs of a sweep (${tasksDir}): plan into an empty directory`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const source = join(dir, 'network.c');
  writeFileSync(source, plan.source);
  compileNetwork(source, join(dir, 'network'), false);
  const sweep: Sweep = { version: 1, title: plan.title, program: 'network', fixed: plan.fixed, scan: plan.scan, chunk: plan.chunk, cli: plan.cli };
  writeFileAtomic(sweepFile(dir), `${JSON.stringify(sweep, null, 2)}\n`);
  const files = [source, join(dir, 'network'), sweepFile(dir)];
  for (const [name, text] of Object.entries(batchScripts(sweep, dir, plan.batch))) {
    writeFileSync(join(dir, name), text, { mode: 0o755 });
    files.push(join(dir, name));
  }
  return { sweep, files };
}

/**
 * Gather: every task's output, checked whole, in task order, into one table (DIR/sweep.csv),
 * written atomically (for a scan of replicas also the mean and standard error over them, summary.ts). A missing or corrupt task output is refused naming the task(s), and nothing
 * is written. The table does not depend on where or in which order the tasks ran, so a Slurm
 * array, mpirun ranks and one process give the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';
import { writeFileAtomic } from './atomic.ts';
import { parseNetworkOutput, type NetworkOutput } from './networkOutput.ts';
import { type Sweep, taskCount, taskFile } from './tasks.ts';
import { replicaSummary } from './summary.ts';

/** The gathered table's text from the tasks' outputs (in task order). */
export function sweepTable(s: Sweep, outputs: readonly NetworkOutput[]): string {
  const columns = outputs[0].columns;
  outputs.forEach((o, i) => {
    if (o.columns.join() !== columns.join()) throw new NumericInputError(`task ${i}: its columns ${o.columns.join(',')} differ from task 0's`);
  });
  const lines = [
    `# sweep of ${s.title}`,
    `# ${s.scan.name} over ${s.scan.values.length} values; fixed: ${s.fixed.join(' ') || '(program defaults)'}`,
    [s.scan.name, ...columns].join(','),
  ];
  outputs.forEach((o, i) => {
    for (const r of o.rows) lines.push([s.scan.values[i], r.t, r.point, r.x, ...columns.slice(3).map((c) => r.values[c])].map(String).join(','));
  });
  outputs.forEach((o, i) => lines.push(`# task ${i} ${s.scan.name}=${s.scan.values[i]} checksum ${o.checksum}`));
  return `${lines.join('\n')}\n`;
}

/** Gather the tasks of the sweep in dir into dir/name (and dir/summary.csv for replicas, written first); returns the path. */
export function gather(dir: string, s: Sweep, name = 'sweep.csv'): string {
  const n = taskCount(s);
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !existsSync(taskFile(dir, i)));
  if (missing.length)
    throw new NumericInputError(
      `gather: ${missing.length} of ${n} task outputs are missing (tasks ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}); nothing written`,
    );
  const outputs = Array.from({ length: n }, (_, i) => {
    try {
      return parseNetworkOutput(readFileSync(taskFile(dir, i), 'utf8'), `task ${i} (${taskFile(dir, i)})`);
    } catch (err) {
      throw new NumericInputError(`gather: ${(err as Error).message}; nothing written`);
    }
  });
  const out = join(dir, name);
  const table = sweepTable(s, outputs);
  const summary = replicaSummary(s, outputs);
  if (summary) writeFileAtomic(join(dir, 'summary.csv'), summary);
  writeFileAtomic(out, table);
  return out;
}

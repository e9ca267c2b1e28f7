/**
 * Replicas gathered: when a sweep scans the replica (or the seed), its tasks are independent
 * samples of the same network, and the gather also writes DIR/summary.csv — per output time and
 * point, the mean over the tasks of every observable and its standard error (sample standard
 * deviation / sqrt(tasks)): the statistical error of the in-process runner, from a cluster.
 */
import { NumericInputError } from '../numerics/validate.ts';
import type { NetworkOutput } from './networkOutput.ts';
import type { Sweep } from './tasks.ts';

/** Scans whose tasks are independent replicas of one run. */
export const REPLICA_SCANS: readonly string[] = ['replica', 'seed'];

/** The summary table's text (undefined unless the scan is over replicas and there are at least two tasks). */
export function replicaSummary(s: Sweep, outputs: readonly NetworkOutput[]): string | undefined {
  if (!REPLICA_SCANS.includes(s.scan.name) || outputs.length < 2) return undefined;
  const first = outputs[0];
  const columns = first.columns.slice(3);
  outputs.forEach((o, i) => {
    const same = o.rows.length === first.rows.length && o.rows.every((r, j) => r.t === first.rows[j].t && r.point === first.rows[j].point);
    if (!same) throw new NumericInputError(`task ${i}: its output times or points differ from task 0's (not replicas of one run)`);
  });
  const n = outputs.length;
  const lines = [
    `# ${n} replicas (${s.scan.name} ${s.scan.values[0]} .. ${s.scan.values[n - 1]}) of ${s.title}: mean over the replicas and its standard error`,
    ['t', 'point', 'x', ...columns.flatMap((c) => [c, `se ${c}`])].join(','),
  ];
  first.rows.forEach((row, j) => {
    const cells = columns.flatMap((c) => {
      const xs = outputs.map((o) => o.rows[j].values[c]);
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      return [mean, Math.sqrt(variance / n)];
    });
    lines.push([row.t, row.point, row.x, ...cells].map(String).join(','));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Running tasks: one task runs the sweep's program with its arguments, checks the output is whole
 * (networkOutput.ts) and writes it atomically to DIR/tasks/task-NNNNNN.csv. A failing program is
 * reported naming the task and its arguments.
 */
import { join } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';
import { writeFileAtomic } from './atomic.ts';
import { parseNetworkOutput } from './networkOutput.ts';
import { type Sweep, taskArguments, taskFile } from './tasks.ts';
import { runProgram } from './toolchain.ts';

/** Run task i of the sweep in dir; returns the file written. */
export function runTask(dir: string, s: Sweep, i: number): string {
  const args = taskArguments(s, i);
  let stdout: string;
  try {
    stdout = runProgram(join(dir, s.program), args).stdout;
  } catch (err) {
    throw new NumericInputError(`task ${i} (${args.join(' ')}) failed: ${(err as Error).message}`);
  }
  parseNetworkOutput(stdout, `task ${i}`);
  const file = taskFile(dir, i);
  writeFileAtomic(file, stdout);
  return file;
}

/** Run tasks in turn; returns the files written. */
export function runTasks(dir: string, s: Sweep, tasks: readonly number[]): string[] {
  return tasks.map((i) => runTask(dir, s, i));
}

/** This process's rank and the number of ranks from the launcher's environment (Open MPI, PMI, Slurm); rank 0 of 1 without one. */
export function launcherRank(env: NodeJS.ProcessEnv = process.env): { rank: number; size: number } {
  const pairs: [string, string][] = [
    ['OMPI_COMM_WORLD_RANK', 'OMPI_COMM_WORLD_SIZE'],
    ['PMI_RANK', 'PMI_SIZE'],
    ['PMIX_RANK', 'OMPI_COMM_WORLD_SIZE'],
    ['SLURM_PROCID', 'SLURM_NTASKS'],
  ];
  for (const [r, n] of pairs)
    if (env[r] !== undefined && env[n] !== undefined) {
      const rank = Number(env[r]);
      const size = Number(env[n]);
      if (!(Number.isInteger(rank) && Number.isInteger(size) && rank >= 0 && rank < size))
        throw new NumericInputError(`the launcher's ${r}=${env[r]} and ${n}=${env[n]} are not a rank and a size`);
      return { rank, size };
    }
  return { rank: 0, size: 1 };
}

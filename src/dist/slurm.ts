/**
 * Slurm: the job array of a sweep (one element per chunk of tasks), the gather job that runs after
 * every element succeeded (--dependency=afterok), the submission of both, and the script of the
 * alternative inside one allocation (mpirun over the ranks, each rank taking tasks by rank).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';
import { shellQuote } from './atomic.ts';
import { type Sweep, elementCount } from './tasks.ts';
import { requireTool } from './toolchain.ts';

/** Options of the generated batch scripts. */
export interface BatchOptions {
  readonly partition?: string;
  readonly time?: string;
  /** Ranks of the single-allocation script (mpi.sbatch). */
  readonly ranks?: number;
}

/** A value placed on an #SBATCH line: letters, digits and . : , - _ only (no spaces or line breaks that could add lines to the script). */
function sbatchValue(option: string, value: string): string {
  if (!/^[\w.:,-]+$/.test(value))
    throw new NumericInputError(`--${option} ${JSON.stringify(value)} is not a Slurm ${option} (letters, digits and . : , - _ only)`);
  return value;
}

/** The #SBATCH lines common to every script. */
function common(name: string, o: BatchOptions): string[] {
  if (o.partition !== undefined) sbatchValue('partition', o.partition);
  if (o.time !== undefined) sbatchValue('time', o.time);
  return [`#SBATCH --job-name=${name}`, ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []), ...(o.time ? [`#SBATCH --time=${o.time}`] : [])];
}

/** The fhn-derive command line of a sweep action in dir. */
const cliLine = (s: Sweep, action: string, dir: string, extra = ''): string =>
  [...s.cli.map(shellQuote), 'sweep', action, shellQuote(resolve(dir))].join(' ') + extra;

/** The three scripts of a sweep: the array, the gather job, and the single-allocation mpirun script. */
export function batchScripts(s: Sweep, dir: string, o: BatchOptions = {}): Record<string, string> {
  const logs = shellQuote(join(resolve(dir), 'logs'));
  const head = ['#!/bin/bash'];
  return {
    'array.sbatch': [
      ...head,
      ...common('fhn-sweep', o),
      `#SBATCH --array=0-${elementCount(s) - 1}`,
      '#SBATCH --ntasks=1',
      `#SBATCH --output=${logs}/array-%A_%a.out`,
      `# element e runs tasks e*${s.chunk} .. e*${s.chunk}+${s.chunk - 1} of the sweep (chunks amortise start-up)`,
      'set -euo pipefail',
      `exec ${cliLine(s, 'array', dir, ' "$SLURM_ARRAY_TASK_ID"')}`,
      '',
    ].join('\n'),
    'gather.sbatch': [
      ...head,
      ...common('fhn-gather', o),
      '#SBATCH --ntasks=1',
      `#SBATCH --output=${logs}/gather-%j.out`,
      '# submitted with --dependency=afterok:<array job>: runs once every element succeeded',
      'set -euo pipefail',
      `exec ${cliLine(s, 'gather', dir)}`,
      '',
    ].join('\n'),
    'mpi.sbatch': [
      ...head,
      ...common('fhn-sweep-mpi', o),
      `#SBATCH --ntasks=${o.ranks ?? 4}`,
      `#SBATCH --output=${logs}/mpi-%j.out`,
      '# the same tasks inside one allocation: every rank takes tasks rank, rank + P, ...; then one gather',
      'set -euo pipefail',
      `mpirun ${cliLine(s, 'ranks', dir)}`,
      `exec ${cliLine(s, 'gather', dir)}`,
      '',
    ].join('\n'),
  };
}

/** The job id sbatch --parsable printed (id or id;cluster). */
function jobId(out: string, script: string): string {
  const id = out.trim().split(';')[0];
  if (!/^\d+$/.test(id)) throw new NumericInputError(`sbatch ${script} did not print a job id: '${out.trim()}'`);
  return id;
}

/** Submit the array, then the gather job depending on it (afterok); returns both job ids. */
export function submitSweep(dir: string, env: NodeJS.ProcessEnv = process.env): { array: string; gather: string } {
  const sbatch = requireTool('sbatch', env.PATH);
  const run = (args: string[]) => {
    const r = spawnSync(sbatch, args, { encoding: 'utf8', env, cwd: dir });
    if (r.status !== 0) throw new NumericInputError(`sbatch ${args.join(' ')} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
    return r.stdout;
  };
  const array = jobId(run(['--parsable', 'array.sbatch']), 'array.sbatch');
  const gather = jobId(run(['--parsable', `--dependency=afterok:${array}`, '--kill-on-invalid-dep=yes', 'gather.sbatch']), 'gather.sbatch');
  return { array, gather };
}

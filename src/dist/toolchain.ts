/**
 * The outside programs the distributed layer runs (a C compiler, mpicc, mpirun, Slurm's sbatch):
 * found on PATH or refused with a message naming the Debian package that provides them, and the
 * one way generated network programs are compiled (the flags the printed build lines give).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { NumericInputError } from '../numerics/validate.ts';

/** The Debian packages that provide each tool (what the README's apt line installs). */
export const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  cc: 'gcc (apt-get install -y gcc)',
  mpicc: 'libopenmpi-dev (apt-get install -y openmpi-bin libopenmpi-dev)',
  mpirun: 'openmpi-bin (apt-get install -y openmpi-bin libopenmpi-dev)',
  sbatch: 'slurm-wlm (apt-get install -y slurm-wlm munge)',
  squeue: 'slurm-wlm (apt-get install -y slurm-wlm munge)',
  slurmctld: 'slurm-wlm (apt-get install -y slurm-wlm munge)',
  slurmd: 'slurm-wlm (apt-get install -y slurm-wlm munge)',
  munged: 'munge (apt-get install -y munge)',
};

/** The full path of an executable on PATH (or in the extra directories), or undefined. */
export function findTool(name: string, path = process.env.PATH ?? '', extra: readonly string[] = []): string | undefined {
  for (const dir of [...path.split(delimiter), ...extra]) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The path of a tool, or a refusal naming the package that provides it. */
export function requireTool(name: string, path = process.env.PATH, extra: readonly string[] = []): string {
  const found = findTool(name, path, extra);
  if (found) return found;
  const pkg = TOOL_PACKAGES[name] ?? 'the package that provides it';
  throw new NumericInputError(`${name} was not found on PATH: install ${pkg}`);
}

/** The compiler flags of generated network programs: no contraction into FMAs, so every build computes the same bits. */
export const NETWORK_CFLAGS = ['-O3', '-std=gnu99', '-ffp-contract=off'] as const;

/** Compile a generated network program (mpicc when mpi) into exe; compiler messages in the error when it fails. */
export function compileNetwork(source: string, exe: string, mpi: boolean, extraFlags: readonly string[] = []): void {
  const compiler = requireTool(mpi ? 'mpicc' : 'cc');
  const r = spawnSync(compiler, [...NETWORK_CFLAGS, ...extraFlags, '-o', exe, source, '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${compiler} failed on ${source}:\n${r.stderr}`);
}

/** Arguments mpirun needs here: --oversubscribe (more ranks than cores), and --allow-run-as-root when running as root. */
export function mpirunArgs(ranks: number): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return ['--oversubscribe', ...(root ? ['--allow-run-as-root'] : []), '-np', String(ranks)];
}

/** Run a program and return its stdout; stderr and the exit code in the error when it fails. */
export function runProgram(file: string, args: readonly string[], env?: NodeJS.ProcessEnv): { stdout: string; stderr: string } {
  const r = spawnSync(file, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw Object.assign(new Error(`${file} ${args.join(' ')} exited with ${r.status}: ${r.stderr.trim()}`), { status: r.status, stderr: r.stderr });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** True when a C compiler is on PATH (tests that need one skip otherwise). */
export const haveCompiler = (): boolean => findTool('cc') !== undefined;

/** The version line of a tool (for reports), or undefined. */
export function toolVersion(file: string): string | undefined {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  } catch {
    return undefined;
  }
}

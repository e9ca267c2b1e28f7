/** Helpers of the distributed tests: the CLI as a child process, the paper's network compiled once per options. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cNetworkProgram } from '../../src/index.ts';
import { compileNetwork, mpirunArgs, requireTool } from '../../src/dist/toolchain.ts';
import { paperNetworkProgram, type NetworkProgramOptions } from '../../derivations/lib/networkProgram.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'fhn-derive.mjs');

/** The result of a child process. */
export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `fhn-derive ...args` in a child process. */
export function cli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run a program under mpirun with p ranks. */
export function mpirun(p: number, file: string, args: readonly string[]): Ran {
  const r = spawnSync(requireTool('mpirun'), [...mpirunArgs(p), file, ...args], { encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compile the paper's network for options o into dir/name (and dir/name_mpi with mpicc). */
export function buildBoth(dir: string, name: string, o: NetworkProgramOptions): { single: string; mpi: string } {
  const p = paperNetworkProgram(o);
  const out = { single: join(dir, name), mpi: join(dir, `${name}_mpi`) };
  writeFileSync(`${out.single}.c`, cNetworkProgram(p, { mpi: false }));
  writeFileSync(`${out.mpi}.c`, cNetworkProgram(p, { mpi: true }));
  compileNetwork(`${out.single}.c`, out.single, false);
  compileNetwork(`${out.mpi}.c`, out.mpi, true);
  return out;
}

/**
 * `fhn-derive simulate --target c|mpi`: the paper's whole coupled network as a standalone program
 * (src/codegen/cNetwork.ts) instead of a run in process: writes DIR/network.c (one process) or
 * DIR/network_mpi.c (C + MPI) and prints how to build and run it. Also the program source that
 * `fhn-derive sweep plan` compiles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cNetworkProgram, emitSource, networkBuildLines, type NetworkProgram } from '../codegen/index.ts';
import { NumericInputError } from '../numerics/validate.ts';
import { importCheckoutModule } from './repository.ts';
import { cCommentText } from '../codegen/cComment.ts';
import { findTool, TOOL_PACKAGES } from '../dist/toolchain.ts';

/** The options the paper's network program takes, with the command's defaults. */
export const NETWORK_DEFAULTS = { eps: 0.05, cells: 4, scheme: 'ou-split', neurons: 100_000, dt: 1e-3, t: 1, seed: 1, samples: 10 } as const;

/** What derivations/lib/networkProgram.ts offers. */
interface NetworkModule {
  paperNetworkProgram(o: Record<string, string | number>): NetworkProgram;
}

/** The paper's network program description from the command's values (defaults for those not given). */
export async function paperProgram(values: Readonly<Record<string, unknown>>): Promise<NetworkProgram> {
  const lib = await importCheckoutModule<NetworkModule>('simulate', 'derivations', 'lib', 'networkProgram.ts');
  const o: Record<string, string | number> = { ...NETWORK_DEFAULTS };
  for (const k of Object.keys(NETWORK_DEFAULTS)) {
    const v = values[k];
    if (typeof v === 'number' || typeof v === 'string') o[k] = v;
  }
  if (values.model === 'grid') throw new NumericInputError('--target c and --target mpi write the particle network (1.2); the grid model runs in process only');
  try {
    return lib.paperNetworkProgram(o);
  } catch (err) {
    throw new NumericInputError((err as Error).message);
  }
}

/** The generated source of the program with its provenance header. */
export function programSource(program: NetworkProgram, mpi: boolean, command: string): string {
  return emitSource(cCommentText(`${program.title}: the whole coupled network${mpi ? ', C + MPI' : ''}`), cNetworkProgram(program, { mpi }), {
    command,
    source: 'derivations/lib/networkProgram.ts (the paper network)',
  });
}

/** Write the program into dir and print how to build and run it; resolves to the exit code. */
export async function writeNetworkProgram(values: Readonly<Record<string, unknown>>, command: string, file?: string): Promise<number> {
  if (file) throw new NumericInputError(`--target ${values.target} writes the paper's network program; a spec file (${file}) runs in process (--target ts)`);
  const mpi = values.target === 'mpi';
  const program = await paperProgram(values);
  const dir = (values.out as string | undefined) ?? 'out';
  mkdirSync(dir, { recursive: true });
  const name = mpi ? 'network_mpi.c' : 'network.c';
  writeFileSync(join(dir, name), programSource(program, mpi, command));
  const [build, run] = networkBuildLines(name, mpi);
  console.log(`wrote ${join(dir, name)}\n\nbuild and run (in ${dir}):\n  ${build}\n  ${run}`);
  for (const tool of mpi ? ['mpicc', 'mpirun'] : ['cc']) if (!findTool(tool)) console.log(`note: ${tool} is not on PATH here: install ${TOOL_PACKAGES[tool]}`);
  console.log(
    `\narguments: name=value, any of neurons steps samples dt seed replica dump ${Object.entries(program.bindings)
      .filter(([, b]) => b.kind === 'constant')
      .map(([u]) => u)
      .join(' ')}`,
  );
  console.log(
    mpi
      ? 'each rank steps a block of the neurons of every point; the output is the same, byte for byte, for any number of ranks (mpicc and mpirun: apt-get install -y openmpi-bin libopenmpi-dev)'
      : 'the output is the same, byte for byte, as the MPI program (--target mpi) on any number of ranks',
  );
  return 0;
}

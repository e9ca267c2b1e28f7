/**
 * The actions of `fhn-derive sweep` (commands/sweep.ts): plan writes the paper's network program,
 * its build, the task list and the batch scripts; task, array and ranks run tasks; run runs them
 * all in this process and gathers; gather checks and joins the outputs; submit hands the array and
 * the dependent gather job to Slurm.
 */
import { join, resolve } from 'node:path';
import {
  chunkTasks,
  elementCount,
  gather,
  launcherRank,
  parseScan,
  planSweep,
  rankTasks,
  readSweep,
  runTask,
  runTasks,
  submitSweep,
  taskCount,
  taskIndex,
} from '../dist/index.ts';
import { checkOptionValue, type OptionSpec, UsageError } from './options.ts';
import { paperProgram, programSource } from './network.ts';
import { PACKAGE_ROOT } from './repository.ts';
import { PROGRAM_ARGUMENTS } from '../codegen/cNetworkMain.ts';

/** The program's own arguments as option specs (their bounds are main()'s), for checking scanned values; `dump` is not scanned. */
const RUNTIME_ARGUMENTS: readonly OptionSpec[] = PROGRAM_ARGUMENTS.filter((a) => a.name !== 'dump').map((a) => ({
  name: a.name,
  type: a.integer ? 'integer' : 'number',
  min: Number(a.lo),
  max: Number(a.hi),
  help: `the program's ${a.name}`,
}));

const ACTIONS = ['plan', 'task', 'array', 'ranks', 'run', 'gather', 'submit'] as const;

/** The command prefix batch scripts use to run fhn-derive: this node and the package's entry point. */
const cliPrefix = (): string[] => [process.execPath, join(PACKAGE_ROOT, 'bin', 'fhn-derive.mjs')];

/** Run one action; resolves to the exit code. */
export async function runSweepAction(
  positionals: readonly string[],
  values: Readonly<Record<string, string | number>>,
  options: readonly OptionSpec[] = [],
): Promise<number> {
  const [action, dir, index] = positionals;
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new UsageError(`sweep: unknown action ${JSON.stringify(action)} (actions: ${ACTIONS.join(', ')})`);
  const needsIndex = action === 'task' || action === 'array';
  if (needsIndex !== (index !== undefined)) throw new UsageError(`sweep ${action}: ${needsIndex ? 'give DIR and INDEX' : 'give DIR only'}`);
  if (action === 'plan') return plan(dir, values, options);
  const s = readSweep(dir);
  switch (action) {
    case 'task':
      console.log(`wrote ${runTask(dir, s, taskIndex(s, index))}`);
      return 0;
    case 'array':
      console.log(`wrote ${runTasks(dir, s, chunkTasks(s, index)).join(', ')}`);
      return 0;
    case 'ranks': {
      const { rank, size } = launcherRank();
      const files = runTasks(dir, s, rankTasks(s, rank, size));
      console.log(`rank ${rank} of ${size}: wrote ${files.length} task outputs`);
      return 0;
    }
    case 'run':
      runTasks(
        dir,
        s,
        Array.from({ length: taskCount(s) }, (_, i) => i),
      );
      console.log(`wrote ${gather(dir, s)}`);
      return 0;
    case 'gather':
      console.log(`wrote ${gather(dir, s)}`);
      return 0;
    default: {
      const ids = submitSweep(dir);
      console.log(`submitted the array as job ${ids.array} and the gather as job ${ids.gather} (afterok:${ids.array}); output: ${join(dir, 'sweep.csv')}`);
      return 0;
    }
  }
}

/** sweep plan DIR --scan NAME=...: the program, its build, sweep.json, the scripts; prints what to run next. */
async function plan(dir: string, values: Readonly<Record<string, string | number>>, options: readonly OptionSpec[]): Promise<number> {
  if (values.scan === undefined) throw new UsageError('sweep plan: --scan NAME=A..B or NAME=V1,V2,... is needed (e.g. --scan replica=0..15)');
  const program = await paperProgram(values);
  const constants = Object.entries(program.bindings)
    .filter(([, b]) => b.kind === 'constant')
    .map(([u]) => u);
  const scan = parseScan(values.scan as string, [...RUNTIME_ARGUMENTS.map((a) => a.name), ...constants]);
  // each scanned value is checked as its option would be (--scan eps=-0.1,0.2 is refused here, not by task 0)
  const spec = [...options, ...RUNTIME_ARGUMENTS].find((o) => o.name === scan.name);
  if (spec) for (const v of scan.values) checkOptionValue(spec, v, `--scan ${scan.name}`);
  const command = `npx fhn-derive sweep plan ${dir} --scan ${values.scan}`;
  const { sweep, files } = planSweep(dir, {
    title: program.title,
    source: programSource(program, false, command),
    fixed: [],
    scan,
    chunk: (values.chunk as number | undefined) ?? 1,
    cli: cliPrefix(),
    batch: { partition: values.partition as string | undefined, time: values.time as string | undefined, ranks: values.ranks as number | undefined },
  });
  const d = resolve(dir);
  console.log(
    [
      `wrote ${files.join(', ')}`,
      '',
      `${taskCount(sweep)} tasks (${scan.name} = ${scan.values[0]} .. ${scan.values[scan.values.length - 1]}), ${elementCount(sweep)} array elements of ${sweep.chunk}`,
      'run them:',
      `  on Slurm:          npx fhn-derive sweep submit ${d}      (sbatch array.sbatch, then gather.sbatch with --dependency=afterok)`,
      `  in one allocation: sbatch ${join(d, 'mpi.sbatch')}        (mpirun: each rank takes tasks by rank, then gather)`,
      `  here:              npx fhn-derive sweep run ${d}`,
      `result: ${join(d, 'sweep.csv')}`,
    ].join('\n'),
  );
  return 0;
}

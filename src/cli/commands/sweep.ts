/**
 * `fhn-derive sweep ACTION DIR [INDEX]`: independent runs of the paper's network program (a scan
 * of replicas, seeds, eps, ...) as a task list, a Slurm job array with a dependent gather job, or
 * mpirun ranks taking tasks by rank (src/cli/sweep.ts does the work).
 */
import type { CommandSpec, OptionSpec } from '../options.ts';

/** The options (the network's ones as `simulate --target c`). */
export const SWEEP_OPTIONS: readonly OptionSpec[] = [
  { name: 'scan', type: 'string', placeholder: 'NAME=A..B|NAME=V1,V2', help: 'plan: the scanned argument, e.g. replica=0..15 or eps=0.02,0.05,0.1' },
  { name: 'chunk', type: 'integer', min: 1, default: 1, unit: 'tasks per array element', help: 'plan: tasks one Slurm array element runs in turn' },
  { name: 'partition', type: 'string', help: 'plan: the Slurm partition of the batch scripts' },
  { name: 'time', type: 'string', help: 'plan: the Slurm time limit of the batch scripts (e.g. 01:00:00)' },
  { name: 'ranks', type: 'integer', min: 1, default: 4, help: 'plan: ranks of mpi.sbatch (the single-allocation script)' },
  { name: 'eps', type: 'number', above: 0, default: 0.05, help: 'plan: the scaling parameter eps' },
  { name: 'cells', type: 'integer', min: 1, default: 4, unit: 'points of K', help: 'plan: points of K' },
  { name: 'scheme', type: 'string', choices: ['ou-split', 'euler-maruyama'], default: 'ou-split', help: 'plan: the step scheme' },
  { name: 'neurons', type: 'integer', min: 2, default: 100_000, unit: 'neurons per point', help: 'plan: neurons per point of K' },
  { name: 'dt', type: 'number', above: 0, default: 1e-3, unit: 'time', help: 'plan: time step' },
  { name: 't', type: 'number', above: 0, default: 1, unit: 'time', help: 'plan: final time' },
  { name: 'seed', type: 'integer', min: 0, max: 4294967295, default: 1, help: 'plan: seed of the random numbers' },
  { name: 'samples', type: 'integer', min: 1, default: 10, help: 'plan: output times' },
];

export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary:
    "Independent runs of the paper's network program (replicas, seeds, eps, ...): plan a task list and Slurm scripts, run one task, an array element or an mpirun rank's tasks, submit, gather into DIR/sweep.csv.",
  description: [
    'actions: plan DIR (--scan NAME=A..B) | task DIR I | array DIR E | ranks DIR (under mpirun) | run DIR (every task here) | gather DIR | submit DIR (sbatch the array, then gather with --dependency=afterok).',
    'The gathered table is the same, byte for byte, however the tasks ran.',
  ].join(' '),
  positionals: { name: 'ACTION DIR [INDEX]', help: 'what to do, the sweep directory, the task or array element', min: 2, max: 3 },
  options: SWEEP_OPTIONS,
  async run(args) {
    const { runSweepAction } = await import('../sweep.ts');
    const values = Object.fromEntries(
      SWEEP_OPTIONS.filter((o) => args.has(o.name)).map((o) => [o.name, o.type === 'string' ? args.string(o.name) : args.number(o.name)]),
    );
    return runSweepAction(args.positionals, values, SWEEP_OPTIONS);
  },
};

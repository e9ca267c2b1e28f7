/**
 * `fhn-derive simulate [FILE.ts]`: a simulation spec run on the generic layer with its own error
 * estimates (src/cli/simulate.ts does the work). With FILE, the spec it default-exports; without,
 * the paper's default network (derivations/lib/simulate.ts, a checkout of the repository).
 */
import type { CommandSpec, OptionSpec, ParsedArgs } from '../options.ts';
import { UsageError, outOption } from '../options.ts';

/** The paper's own options, and what a FILE has instead. */
const PAPER_ONLY: Readonly<Record<string, string>> = {
  model: "--method picks one of the spec's methods",
  eps: "the file's parameters set the model's numbers",
  neurons: '--particles',
  scheme: "the method's scheme field in the file",
  nv: '--cells',
  nw: '--cells',
};

/** The options that apply to a FILE only, and what the paper has instead. */
const FILE_ONLY: Readonly<Record<string, string>> = {
  method: '--model particles or --model grid',
  particles: '--neurons',
};

/** Refuse options given for the other kind of run (the paper's with a FILE, a file's without), naming each and what to use. */
export function refuseInapplicable(args: ParsedArgs): void {
  const file = args.positionals[0];
  const table = file ? PAPER_ONLY : FILE_ONLY;
  const wrong = Object.keys(table).filter((name) => args.given(name));
  if (wrong.length === 0) return;
  const list = wrong.map((name) => `--${name} (${table[name]})`).join(', ');
  throw new UsageError(
    file
      ? `simulate ${file}: ${list} ${wrong.length === 1 ? 'applies' : 'apply'} to the paper's network only, not to a FILE`
      : `simulate: ${list} ${wrong.length === 1 ? 'applies' : 'apply'} to a FILE only; without one the paper's network runs`,
  );
}

/**
 * The options. The paper's own ones carry its defaults (a test keeps them equal to
 * derivations/lib/simulate.ts); the ones a spec file sets too have none here, so that a file's
 * values stand unless the option is given.
 */
export const SIMULATE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'model',
    type: 'string',
    choices: ['particles', 'grid'],
    default: 'particles',
    help: 'the paper: particles for (1.2), grid for (1.10) by finite volumes',
  },
  { name: 'eps', type: 'number', above: 0, default: 0.05, help: 'the paper: the scaling parameter eps' },
  { name: 'neurons', type: 'integer', min: 1, default: 100_000, unit: 'neurons per point of K and replica', help: 'the paper, particles: neurons' },
  {
    name: 'scheme',
    type: 'string',
    choices: ['ou-split', 'euler-maruyama'],
    default: 'ou-split',
    help: 'the paper, particles: exact OU flow of the stiff part then Euler, or Euler–Maruyama',
  },
  { name: 'nv', type: 'integer', min: 2, default: 96, unit: 'cells', help: 'the paper, grid: cells in v' },
  { name: 'nw', type: 'integer', min: 2, default: 120, unit: 'cells', help: 'the paper, grid: cells in w' },
  {
    name: 'cells',
    type: 'integer',
    min: 1,
    unit: 'points of K (the paper; default 4), or grid cells per axis (a file)',
    help: 'points of K, or grid cells per axis',
  },
  { name: 'method', type: 'string', help: "a file: which of the spec's methods (default: its first)" },
  { name: 'particles', type: 'integer', min: 1, unit: 'particles per point and replica', help: "a file: the particle method's size" },
  { name: 'replicas', type: 'integer', min: 1, help: 'independent runs for the statistical error (the paper: default 4)' },
  { name: 'dt', type: 'number', above: 0, unit: 'time', help: 'time step (the paper: default 1e-3)' },
  { name: 't', type: 'number', above: 0, unit: 'time', help: 'final time (the paper: default 1)' },
  { name: 'seed', type: 'integer', min: 0, help: 'seed of the random numbers (the paper: default 1)' },
  { name: 'samples', type: 'integer', min: 1, help: 'output times (default 10)' },
  { name: 'tol', type: 'number', min: 0, help: 'relative tolerance on every observable (default 0.05)' },
  { name: 'atol', type: 'number', min: 0, help: 'absolute tolerance on every observable (default 1e-3)' },
  {
    name: 'target',
    type: 'string',
    choices: ['ts', 'c', 'mpi'],
    help: "ts (default): run in process; c, mpi: write the paper's whole network as a C (one process) or C + MPI program and say how to build and run it",
  },
  { name: 'refine', type: 'boolean', help: 'grid: run once more on a mesh refined twice (the grid error)' },
  {
    name: 'allow-unstable',
    type: 'boolean',
    help: 'particles: run an explicit scheme past its stability bound anyway (refused otherwise); the run is flagged (exit 1)',
  },
  outOption,
];

/** A number in a table: 5 significant digits, exponent notation outside [1e-3, 1e5). */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  return a === 0 || (a >= 1e-3 && a < 1e5) ? x.toPrecision(5) : x.toExponential(4);
}

export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary:
    "Run a simulation spec (FILE.ts, or the paper's default network) with its own error estimates and a progress bar; write DIR/simulation.json, .csv, .svg and the generated kernels (TypeScript, C).",
  description:
    'Every observable comes with its time-step error (step doubling), statistical error (replicas) and grid error (--refine). Exit 1 when an error exceeds the tolerance or the run is flagged (mass through the box, a box too small, an unstable step run anyway), 2 when an input is refused.',
  positionals: { name: 'FILE', help: 'a .ts file whose default export is a simulation spec (defineSimulation); none: the paper', min: 0, max: 1 },
  options: SIMULATE_OPTIONS,
  async run(args) {
    refuseInapplicable(args);
    const { runSimulation } = await import('../simulate.ts');
    const values = Object.fromEntries(
      SIMULATE_OPTIONS.filter((o) => o.type === 'boolean' || args.has(o.name)).map((o) => [
        o.name,
        o.type === 'boolean' ? args.flag(o.name) : o.type === 'string' ? args.string(o.name) : args.number(o.name),
      ]),
    );
    // the command as it can be typed again: the file and every option that differs from its default
    const given = SIMULATE_OPTIONS.filter((o) =>
      o.type === 'boolean' ? values[o.name] === true : values[o.name] !== undefined && values[o.name] !== o.default,
    );
    const command = [
      'simulate',
      ...args.positionals,
      ...given.flatMap((o) => (o.type === 'boolean' ? [`--${o.name}`] : [`--${o.name}`, String(values[o.name])])),
    ];
    if (values.target !== undefined && values.target !== 'ts')
      return (await import('../network.ts')).writeNetworkProgram(values, `npx fhn-derive ${command.join(' ')}`, args.positionals[0]);
    return runSimulation({ file: args.positionals[0], values, command });
  },
};

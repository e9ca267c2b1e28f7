/** `fhn-derive simulate`: the default network of (1.2) as particles, or (1.10) on the grid; V, W, Var v per point of K. */
import type { OnProgress } from '../../numerics/index.ts';
import type { CommandSpec, OptionSpec } from '../options.ts';
import { importCheckoutModule } from '../repository.ts';
import { formatTable, stdoutLayout } from '../table.ts';

/** The options; their defaults are those of derivations/lib/simulate.ts (a test keeps the two equal). */
export const SIMULATE_OPTIONS: readonly OptionSpec[] = [
  { name: 'model', type: 'string', choices: ['particles', 'grid'], default: 'particles', help: 'particles for (1.2), grid for (1.10) by finite volumes' },
  { name: 'eps', type: 'number', above: 0, default: 0.05, help: 'the scaling parameter eps' },
  { name: 'cells', type: 'integer', min: 1, default: 4, unit: 'points of K', help: 'how many points of K = [0, 1]' },
  { name: 'neurons', type: 'integer', min: 1, default: 100_000, unit: 'neurons per point of K', help: 'particles: neurons per point of K' },
  { name: 'dt', type: 'number', above: 0, default: 1e-3, unit: 'time', help: 'time step (the grid: its largest step)' },
  { name: 't', type: 'number', above: 0, default: 1, unit: 'time', help: 'final time' },
  {
    name: 'scheme',
    type: 'string',
    choices: ['ou-split', 'euler-maruyama'],
    default: 'ou-split',
    help: 'particles: exact OU flow of the stiff part then Euler, or Euler–Maruyama',
  },
  { name: 'seed', type: 'integer', min: 0, default: 1, help: 'particles: seed of the random numbers' },
  { name: 'nv', type: 'integer', min: 2, default: 96, unit: 'cells', help: 'grid: cells in v' },
  { name: 'nw', type: 'integer', min: 2, default: 120, unit: 'cells', help: 'grid: cells in w' },
];

/** One row of the result (what derivations/lib/simulate.ts returns). */
interface SimulationRow {
  readonly x: number;
  readonly rho0: number;
  readonly V: number;
  readonly W: number;
  readonly varianceV: number;
}

/** What the command uses of derivations/lib/simulate.ts. */
interface SimulateModule {
  simulate(options: Record<string, string | number>, onProgress?: OnProgress): SimulationRow[];
}

/** A number in a table: 5 significant digits, exponent notation outside [1e-3, 1e5). */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  return a === 0 || (a >= 1e-3 && a < 1e5) ? x.toPrecision(5) : x.toExponential(4);
}

export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary:
    'Run the default network of (1.2) as particles, or (1.10) on the grid, with a progress bar; print V, W and Var v at each point of K (a checkout of the repository).',
  options: SIMULATE_OPTIONS,
  async run(args) {
    const options = Object.fromEntries(SIMULATE_OPTIONS.map((o) => [o.name, o.type === 'string' ? args.string(o.name) : args.number(o.name)]));
    const { progressBar } = await import('../../numerics/progress.ts');
    const { simulate } = await importCheckoutModule<SimulateModule>('simulate', 'derivations', 'lib', 'simulate.ts');
    const rows = simulate(options, progressBar(`simulate ${options.model}, eps = ${options.eps}`));
    const cells = rows.map((r) => [r.x, r.rho0, r.V, r.W, r.varianceV].map(formatNumber));
    console.log(formatTable(['x', 'rho0', 'V', 'W', 'Var v'], cells, stdoutLayout([0, 1, 2, 3, 4])));
    return 0;
  },
};

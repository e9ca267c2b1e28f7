/**
 * `fhn-derive simulate [FILE.ts] [options] [--out DIR]`: a simulation spec (the default export of
 * FILE, or the paper's default network when no file is given) run on the generic layer, with a
 * progress bar. Writes DIR/simulation.json (every observable with t, value, stderr and its other
 * errors; the error summary; the method; the seed), DIR/simulation.csv, DIR/simulation.svg and
 * the generated kernels (kernels.ts, kernels.c, and driver.c for particles) with their
 * provenance. Prints a table at the last output time; exits 1 when an observable is beyond the
 * tolerance, 2 on a refusal.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { simulate, solverFiles, SimulationResult } from '../codegen/index.ts';
import { progressBar, NumericInputError, SimulationSpec, MethodSpec } from '../numerics/index.ts';
import { seriesSvg } from '../report/series.ts';
import { simulationCsv, simulationJson, simulationTable } from './simulationOutput.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Options of a user's spec file: each overrides the spec's own value. */
const FILE_OPTIONS = {
  out: { type: 'string' }, method: { type: 'string' }, dt: { type: 'string' }, t: { type: 'string' }, particles: { type: 'string' },
  replicas: { type: 'string' }, cells: { type: 'string' }, seed: { type: 'string' }, samples: { type: 'string' }, tol: { type: 'string' },
  atol: { type: 'string' }, refine: { type: 'boolean' },
} as const;

/** Options of the paper's default network (no file). */
const PAPER_OPTIONS = {
  out: { type: 'string' }, model: { type: 'string' }, eps: { type: 'string' }, cells: { type: 'string' }, neurons: { type: 'string' },
  replicas: { type: 'string' }, dt: { type: 'string' }, t: { type: 'string' }, scheme: { type: 'string' }, seed: { type: 'string' },
  nv: { type: 'string' }, nw: { type: 'string' }, samples: { type: 'string' }, tol: { type: 'string' }, atol: { type: 'string' }, refine: { type: 'boolean' },
} as const;

/** The usage lines of the command. */
export const SIMULATE_USAGE = `  fhn-derive simulate FILE.ts [--method NAME] [--dt X] [--t X] [--particles N] [--replicas N] [--cells N]
                      [--seed N] [--samples N] [--tol X] [--atol X] [--refine] [--out DIR]
                                     run the simulation spec FILE default-exports (see README), write DIR/simulation.{json,csv,svg}
                                     and the generated kernels; exit 1 when an error estimate exceeds the tolerance
  fhn-derive simulate [--model particles|grid] [--eps 0.05] [--cells 4] [--neurons 1e5] [--replicas 4] [--dt 1e-3] [--t 1]
                      [--scheme ou-split|euler-maruyama] [--seed 1] [--nv 96] [--nw 120] [--tol 0.05] [--atol 1e-3] [--refine] [--out DIR]
                                     the paper's default network: (1.2) as particles or (1.10) on the grid`;

/** A numeric option's value, refused by name when it is not a number. */
function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x)) throw new NumericInputError(`option --${name}: "${raw}" is not a number`);
  return x;
}

/** Parse argv with a table of options, refusing unknown ones by name (a negative number after an option is its value). */
function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: readonly string[], options: T) {
  const joined: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const name = args[k].startsWith('--') ? args[k].slice(2) : '';
    if (options[name]?.type === 'string' && /^-\d|^-\.\d|^-Infinity$/.test(args[k + 1] ?? '')) joined.push(`${args[k]}=${args[++k]}`);
    else joined.push(args[k]);
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new NumericInputError(`${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (known: ${Object.keys(options).map((o) => `--${o}`).join(', ')})`);
  }
}

/** The spec of a user's file with the command-line overrides applied to the chosen method. */
async function fileSpec(file: string, values: Record<string, string | boolean | undefined>): Promise<{ spec: SimulationSpec; method?: string }> {
  if (!existsSync(file)) throw new NumericInputError(`no such simulation file: ${file}`);
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: SimulationSpec };
  const spec = mod.default;
  if (!spec || typeof spec !== 'object' || !('model' in spec) || !('methods' in spec))
    throw new NumericInputError(`${file}: the default export must be a simulation spec (use \`export default defineSimulation({ model, initial, observables, methods, t })\`)`);
  const n = (k: string) => numberOption(k, values[k] as string | undefined);
  const method = values.method as string | undefined;
  const name = method ?? Object.keys(spec.methods)[0];
  const m = spec.methods[name] as MethodSpec | undefined;
  const overrides: Record<string, unknown> = {};
  if (m?.kind === 'particles') Object.assign(overrides, { particles: n('particles') ?? m.particles, replicas: n('replicas') ?? m.replicas });
  if (m?.kind === 'grid') Object.assign(overrides, { cells: n('cells') ?? m.cells, refine: values.refine ?? m.refine });
  const labels = Object.fromEntries(
    [['t', '--t'], ['seed', '--seed'], ['samples', '--samples'], [`methods.${name}.dt`, '--dt'], [`methods.${name}.particles`, '--particles'], [`methods.${name}.replicas`, '--replicas'], [`methods.${name}.cells`, '--cells'], ['tolerance.relative', '--tol'], ['tolerance.absolute', '--atol']]
      .filter(([, flag]) => values[flag.slice(2)] !== undefined),
  );
  return {
    method,
    spec: {
      ...spec,
      t: n('t') ?? spec.t, seed: n('seed') ?? spec.seed, samples: n('samples') ?? spec.samples,
      tolerance: { ...spec.tolerance, ...(values.tol !== undefined ? { relative: n('tol') } : {}), ...(values.atol !== undefined ? { absolute: n('atol') } : {}) },
      methods: m ? { ...spec.methods, [name]: { ...m, dt: n('dt') ?? m.dt, ...overrides } as MethodSpec } : spec.methods,
      labels: { ...spec.labels, ...labels },
    },
  };
}

/** The paper's spec from its options. */
async function paperSpec(values: Record<string, string | boolean | undefined>): Promise<SimulationSpec> {
  const lib = (await import(join(ROOT, 'derivations', 'lib', 'simulate.ts'))) as typeof import('../../derivations/lib/simulate.ts');
  const o: Record<string, unknown> = { ...lib.PAPER_DEFAULTS };
  for (const k of ['eps', 'cells', 'neurons', 'replicas', 'dt', 't', 'seed', 'nv', 'nw', 'samples']) if (values[k] !== undefined) o[k] = numberOption(k, values[k] as string);
  if (values.model !== undefined) o.model = values.model;
  if (values.scheme !== undefined) o.scheme = values.scheme;
  if (o.model !== 'particles' && o.model !== 'grid') throw new NumericInputError(`option --model: "${o.model}" is neither particles nor grid`);
  if (o.scheme !== 'ou-split' && o.scheme !== 'euler-maruyama') throw new NumericInputError(`option --scheme: "${o.scheme}" is neither ou-split nor euler-maruyama`);
  const spec = lib.paperSimulation(o as unknown as Parameters<typeof lib.paperSimulation>[0]);
  const tolerance = { ...(values.tol !== undefined ? { relative: numberOption('tol', values.tol as string) } : {}), ...(values.atol !== undefined ? { absolute: numberOption('atol', values.atol as string) } : {}) };
  const grid = spec.methods.grid;
  return { ...spec, tolerance, methods: grid && values.refine ? { grid: { ...grid, refine: true } as MethodSpec } : spec.methods };
}

/** Write the outputs of a run into dir; returns the paths written. */
export function writeSimulation(result: SimulationResult, spec: SimulationSpec, dir: string, origin: { command: string; source: string }, method?: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [
    { name: 'simulation.json', text: `${JSON.stringify(simulationJson(result, origin), null, 2)}\n` },
    { name: 'simulation.csv', text: simulationCsv(result) },
    { name: 'simulation.svg', text: simulationSvg(result) },
    ...solverFiles(spec, origin, method),
  ];
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  return files.map((f) => join(dir, f.name));
}

/** The plot: one panel per scalar observable (at most 24), value with a band of its total estimated error. */
export function simulationSvg(result: SimulationResult): string {
  const panels = Object.entries(result.observables)
    .filter(([name]) => !result.histogramBins.includes(name))
    .slice(0, 24)
    .map(([name, o]) => ({
      label: name, t: o.t, value: o.value,
      error: o.value.map((_, i) => o.timeStepError[i] + (o.gridError?.[i] ?? 0) + 2 * (o.stderr[i] ?? 0)),
      flagged: !!o.flag,
    }));
  return seriesSvg(`${result.name} (${result.method.kind}, ${result.method.scheme.split(':')[0]})`, panels, { note: 'shaded: value +- (time-step + grid + 2 standard errors)' });
}

/** Run the command with argv after `simulate`; resolves to the exit code. */
export async function runSimulateCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(`usage:\n${SIMULATE_USAGE}`);
    return 0;
  }
  const file = argv[0] && !argv[0].startsWith('--') ? argv[0] : undefined;
  const { values } = parse(file ? argv.slice(1) : argv, file ? FILE_OPTIONS : PAPER_OPTIONS) as { values: Record<string, string | boolean | undefined> };
  const { spec, method } = file ? await fileSpec(file, values) : { spec: await paperSpec(values), method: undefined };
  const label = file ? `simulate ${file}` : `simulate the paper's network (${spec.methods.grid ? 'grid' : 'particles'})`;
  const result = simulate(spec, { method, onProgress: progressBar(label) });
  const command = `npx fhn-derive simulate ${argv.join(' ')}`.trim();
  const source = file ? relative(process.cwd(), resolve(file)) : 'derivations/lib/simulate.ts (the paper\'s default network)';
  console.log(simulationTable(result));
  const written = writeSimulation(result, spec, (values.out as string | undefined) ?? 'out', { command, source }, method);
  console.log(`\nwrote ${written.join(', ')}`);
  return result.withinTolerance ? 0 : 1;
}

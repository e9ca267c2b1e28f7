/**
 * `fhn-derive simulate [FILE.ts] [options] [--out DIR]`: a simulation spec (the default export of
 * FILE, or the paper's default network when no file is given) run on the generic layer, with a
 * progress bar. Writes DIR/simulation.json (every observable with t, value, stderr and its other
 * errors; the error summary; the method; the seed), DIR/simulation.csv, DIR/simulation.svg and
 * the generated kernels (kernels.ts, kernels.c, and driver.c for particles) with their
 * provenance. Prints a table at the last output time (with the run's flags and notes); exits 1
 * when an observable is beyond the tolerance or the run is flagged, 2 on a refusal.
 */
import { existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { progressBar, NumericInputError } from '../numerics/index.ts';
import { simulate, solverFiles, SimulationResult, SimulationSpec, MethodSpec, asInputError } from '../simulate/index.ts';
import { seriesSvg } from '../report/series.ts';
import { importCheckoutModule } from './repository.ts';
import { simulationCsv, simulationJson, simulationTable } from '../simulate/outputs/summary.ts';
import { checkOutputs } from '../simulate/outputs/names.ts';
import { checkOutputDir, OutputSet } from '../io/index.ts';
import { jsonText } from '../escape/json.ts';
import { escapeTerminal } from '../escape/terminal.ts';

/** The parsed options of the command (numbers converted and checked by the option table). */
export type SimulateValues = Readonly<Record<string, string | number | boolean | undefined>>;

/** What the paper's spec module offers (derivations/lib/simulate.ts). */
interface PaperModule {
  readonly PAPER_DEFAULTS: Readonly<Record<string, string | number>>;
  paperSimulation(options: Record<string, string | number>): SimulationSpec;
}

/** The spec of a user's file with the command-line overrides applied to the chosen method. */
async function fileSpec(file: string, values: SimulateValues): Promise<{ spec: SimulationSpec; method?: string }> {
  if (!existsSync(file)) throw new NumericInputError(`no such simulation file: ${file}`);
  const mod = (await import(pathToFileURL(resolve(file)).href).catch((err: unknown) => {
    const input = asInputError(err);
    throw input instanceof NumericInputError
      ? input
      : new NumericInputError(`${file} could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  })) as { default?: SimulationSpec };
  const spec = mod.default;
  if (!spec || typeof spec !== 'object' || !('model' in spec) || !('methods' in spec))
    throw new NumericInputError(
      `${file}: the default export must be a simulation spec (use \`export default defineSimulation({ model, initial, observables, methods, t })\`)`,
    );
  const n = (k: string) => values[k] as number | undefined;
  const method = values.method as string | undefined;
  const name = method ?? Object.keys(spec.methods)[0];
  const m = spec.methods[name] as MethodSpec | undefined;
  const overrides: Record<string, unknown> = {};
  const inapplicable = (m?.kind === 'grid' ? ['particles', 'replicas'] : ['cells', 'refine']).filter((k) => values[k] !== undefined && values[k] !== false);
  if (m && inapplicable.length)
    throw new NumericInputError(
      `${inapplicable.map((k) => `--${k}`).join(', ')} ${inapplicable.length === 1 ? 'does' : 'do'} not apply to the ${m.kind} method ${name} of ${file}${m.kind === 'grid' ? ' (it has cells, not particles)' : ' (it has particles, not cells)'}`,
    );
  if (m?.kind === 'particles') Object.assign(overrides, { particles: n('particles') ?? m.particles, replicas: n('replicas') ?? m.replicas });
  if (m?.kind === 'grid') Object.assign(overrides, { cells: n('cells') ?? m.cells, refine: values.refine === true || m.refine });
  const labels = Object.fromEntries(
    [
      ['t', '--t'],
      ['seed', '--seed'],
      ['samples', '--samples'],
      [`methods.${name}.dt`, '--dt'],
      [`methods.${name}.particles`, '--particles'],
      [`methods.${name}.replicas`, '--replicas'],
      [`methods.${name}.cells`, '--cells'],
      ['tolerance.relative', '--tol'],
      ['tolerance.absolute', '--atol'],
    ].filter(([, flag]) => values[flag.slice(2)] !== undefined),
  );
  return {
    method,
    spec: {
      ...spec,
      t: n('t') ?? spec.t,
      seed: n('seed') ?? spec.seed,
      samples: n('samples') ?? spec.samples,
      tolerance: {
        ...spec.tolerance,
        ...(values.tol !== undefined ? { relative: n('tol') } : {}),
        ...(values.atol !== undefined ? { absolute: n('atol') } : {}),
      },
      methods: m ? { ...spec.methods, [name]: { ...m, dt: n('dt') ?? m.dt, ...overrides } as MethodSpec } : spec.methods,
      labels: { ...spec.labels, ...labels, allowUnstable: '--allow-unstable' },
      allowUnstable: values['allow-unstable'] === true || spec.allowUnstable,
    },
  };
}

/** The paper's spec from its options (the command's defaults, then the paper's for the shared options). */
async function paperSpec(values: SimulateValues): Promise<SimulationSpec> {
  const lib = await importCheckoutModule<PaperModule>('simulate', 'derivations', 'lib', 'simulate.ts');
  const o: Record<string, string | number> = { ...lib.PAPER_DEFAULTS };
  for (const k of Object.keys(lib.PAPER_DEFAULTS)) if (values[k] !== undefined && typeof values[k] !== 'boolean') o[k] = values[k] as string | number;
  const spec = lib.paperSimulation(o);
  const tolerance = {
    ...(values.tol !== undefined ? { relative: values.tol as number } : {}),
    ...(values.atol !== undefined ? { absolute: values.atol as number } : {}),
  };
  const grid = spec.methods.grid;
  return {
    ...spec,
    tolerance,
    allowUnstable: values['allow-unstable'] === true,
    labels: { ...spec.labels, allowUnstable: '--allow-unstable' },
    methods: grid && values.refine ? { grid: { ...grid, refine: true } as MethodSpec } : spec.methods,
  };
}

/** The files every simulation writes (kernels.ts and kernels.c too; driver.c for particles). */
export const SIMULATION_FILES = ['simulation.json', 'simulation.csv', 'simulation.svg', 'kernels.ts', 'kernels.c'] as const;

const GENERATED = /^\/\/ [^\n]*\n\/\/ GENERATED by fhn-derive/;

/** Open dir for a simulation before any work: path, lock, links, foreign files (and the spec file itself) checked. */
export function openSimulationOutputs(dir: string, inputs: readonly string[] = []): OutputSet {
  return OutputSet.open(dir, 'simulate', {
    expected: SIMULATION_FILES,
    inputs,
    legacy: {
      'simulation.json': /^\{\n {2}"observables": /,
      'simulation.csv': /^t,/,
      'simulation.svg': /^<svg xmlns=/,
      'kernels.ts': GENERATED,
      'kernels.c': GENERATED,
      'driver.c': GENERATED,
    },
  });
}

/** Write the outputs of a run into an output set (a folder path: opened here) as one set; returns the paths written. */
export function writeSimulation(
  result: SimulationResult,
  spec: SimulationSpec,
  out: string | OutputSet,
  origin: { command: string; source: string },
  method?: string,
): string[] {
  const set = typeof out === 'string' ? openSimulationOutputs(out) : out;
  try {
    const files = [
      { name: 'simulation.json', text: jsonText(simulationJson(result, origin)) },
      { name: 'simulation.csv', text: simulationCsv(result) },
      { name: 'simulation.svg', text: simulationSvg(result) },
      ...solverFiles(spec, origin, method),
    ];
    for (const f of files) set.add(f.name, f.text);
    set.commit();
    return files.map((f) => join(set.dir, f.name));
  } finally {
    set.abort();
  }
}

/** The plot: one panel per scalar observable (at most 24), value with a band of its total estimated error. */
export function simulationSvg(result: SimulationResult): string {
  const panels = Object.entries(result.observables)
    .filter(([name]) => !result.histogramBins.includes(name))
    .slice(0, 24)
    .map(([name, o]) => ({
      label: name,
      t: o.t,
      value: o.value,
      error: o.value.map((_, i) => o.timeStepError[i] + (o.gridError?.[i] ?? 0) + 2 * (o.stderr[i] ?? 0)),
      flagged: !!o.flag,
    }));
  return seriesSvg(`${result.name} (${result.method.kind}, ${result.method.scheme.split(':')[0]})`, panels, {
    note: 'shaded: value +- (time-step + grid + 2 standard errors)',
  });
}

/** What the command was given: the file (none: the paper), the options, the command line as typed (for the files' headers). */
export interface SimulateInput {
  readonly file?: string;
  readonly values: SimulateValues;
  readonly command: readonly string[];
}

/** Run the command: the spec, the run with a progress bar, the table, the files; resolves to the exit code (1 when flagged). */
export async function runSimulation(input: SimulateInput): Promise<number> {
  const { file, values } = input;
  const dir = (values.out as string | undefined) ?? 'out';
  checkOutputDir(dir);
  const { spec, method } = file ? await fileSpec(file, values) : { spec: await paperSpec(values), method: undefined };
  const command = `npx fhn-derive ${input.command.join(' ')}`.trim();
  const source = file ? relative(process.cwd(), resolve(file)) : "derivations/lib/simulate.ts (the paper's default network)";
  // before any work: the folder (locked), the output names and sizes, the generated kernels (their names)
  const out = openSimulationOutputs(dir, file ? [file] : []);
  try {
    checkOutputs(spec);
    solverFiles(spec, { command, source }, method);
    const label = file ? `simulate ${escapeTerminal(file)}` : `simulate the paper's network (${spec.methods.grid ? 'grid' : 'particles'})`;
    const result = simulate(spec, { method, onProgress: progressBar(label) });
    console.log(simulationTable(result));
    const written = writeSimulation(result, spec, out, { command, source }, method);
    console.log(`\nwrote ${written.join(', ')}`);
    return result.withinTolerance ? 0 : 1;
  } finally {
    out.abort();
  }
}

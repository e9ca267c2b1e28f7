/**
 * Declarative command-line options: one table per command gives the parsing (`node:util`
 * parseArgs: `--opt value`, `--opt=value`, unknown options refused by name), the checks (numbers,
 * integers, choices, bounds) and the `--help` text (every option with its default and unit).
 */
import { parseArgs } from 'node:util';

/** A command line that cannot be run as written (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An option's value type; `integer` refuses fractions, `number` takes any finite decimal. */
export type OptionType = 'string' | 'number' | 'integer' | 'boolean';

/** One option of a command's table. */
export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  readonly short?: string;
  readonly type: OptionType;
  readonly help: string;
  /** The value used when the option is absent (booleans default to false). */
  readonly default?: string | number;
  /** What the number counts or measures, shown in --help (e.g. `time units`, `neurons per point of K`). */
  readonly unit?: string;
  /** The placeholder in --help (`DIR`, `X`, `N`); choices are shown instead when given. */
  readonly placeholder?: string;
  readonly choices?: readonly string[];
  /** Inclusive lower bound of a number. */
  readonly min?: number;
  /** Exclusive lower bound of a number (`0` for a positive one). */
  readonly above?: number;
  /** Inclusive upper bound of a number. */
  readonly max?: number;
}

/** What a command accepts besides options. */
export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
  readonly min: number;
  /** At most this many (unbounded when absent). */
  readonly max?: number;
}

/** A command: its option table and what it does with the parsed arguments (resolves to the exit code). */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly positionals?: PositionalSpec;
  readonly options: readonly OptionSpec[];
  run(args: ParsedArgs): Promise<number>;
}

/** Parsed and checked arguments, with typed accessors (defaults filled in). */
export class ParsedArgs {
  constructor(
    private readonly values: ReadonlyMap<string, string | number | boolean>,
    readonly positionals: readonly string[],
    private readonly typed: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether the option was on the command line (not filled in by its default). */
  given(name: string): boolean {
    return this.typed.has(name);
  }

  /** A string option's value. */
  string(name: string): string {
    return this.get(name, 'string') as string;
  }

  /** A number (or integer) option's value. */
  number(name: string): number {
    return this.get(name, 'number') as number;
  }

  /** A boolean option: true when given. */
  flag(name: string): boolean {
    return this.get(name, 'boolean') as boolean;
  }

  /** Whether an option without a default was given (its accessor throws otherwise). */
  has(name: string): boolean {
    return this.values.has(name);
  }

  private get(name: string, type: 'string' | 'number' | 'boolean'): unknown {
    const v = this.values.get(name);
    if (typeof v !== type) throw new Error(`internal: option --${name} is not a ${type} option with a value`);
    return v;
  }
}

const HELP: OptionSpec = { name: 'help', short: 'h', type: 'boolean', help: 'show this help and exit' };

/** The table with --help/-h added. */
const withHelp = (options: readonly OptionSpec[]): readonly OptionSpec[] => [...options, HELP];

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Convert and check one raw value against its spec; the error names the option and the value. */
function convert(spec: OptionSpec, raw: string): string | number {
  const where = `option --${spec.name}`;
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(raw)) throw new UsageError(`${where}: "${raw}" is not one of ${spec.choices.join(', ')}`);
    if (raw === '') throw new UsageError(`${where} needs a non-empty value`);
    return raw;
  }
  const x = DECIMAL.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(x)) throw new UsageError(`${where}: "${raw}" is not a number`);
  if (spec.type === 'integer' && !Number.isSafeInteger(x)) throw new UsageError(`${where}: "${raw}" is not an integer`);
  if (spec.min !== undefined && x < spec.min) throw new UsageError(`${where} must be >= ${spec.min}, got ${raw}`);
  if (spec.above !== undefined && x <= spec.above) throw new UsageError(`${where} must be > ${spec.above}, got ${raw}`);
  if (spec.max !== undefined && x > spec.max) throw new UsageError(`${where} must be <= ${spec.max}, got ${raw}`);
  return x;
}

/** Check a value given other than on the command line (a value of `sweep --scan`) as the option itself would be: a UsageError naming both. */
export function checkOptionValue(spec: OptionSpec, raw: string, where: string): string | number {
  try {
    return convert(spec, raw);
  } catch (err) {
    throw new UsageError(`${where}: ${(err as Error).message}`);
  }
}

/** The message of parseArgs' own errors, reworded to name the command and stay on one line. */
function parseArgsError(command: string, err: Error & { code?: string }): UsageError {
  const unknown = /^Unknown option '([^']+)'/.exec(err.message);
  if (unknown) return new UsageError(`${command}: unknown option ${unknown[1]} (see fhn-derive ${command} --help)`);
  const missing = /^Option '(-\w, )?(--[\w-]+)[^']*' argument (missing|is ambiguous)/.exec(err.message);
  if (missing) return new UsageError(`${command}: option ${missing[2]} needs a value`);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`${command}: ${err.message.split('\n')[0]}`);
  return new UsageError(`${command}: ${err.message.split('\n')[0]}`);
}

/**
 * `--eps -1` as `--eps=-1` for numeric options: parseArgs reads a value starting with a dash as a
 * missing value, and the user would be told the value is missing instead of that it is out of range.
 */
function joinNegativeValues(table: readonly OptionSpec[], argv: readonly string[]): string[] {
  const numeric = new Set(table.filter((o) => o.type === 'number' || o.type === 'integer').map((o) => `--${o.name}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (numeric.has(argv[i]) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/**
 * Parse argv against the command's table: `'help'` when --help/-h is given (nothing else is
 * checked then), otherwise the checked values. Unknown options, missing values, malformed numbers,
 * fractions for integers and a wrong number of positionals are UsageErrors naming the culprit.
 */
export function parseCommandLine(command: CommandSpec, argv: readonly string[]): ParsedArgs | 'help' {
  const table = withHelp(command.options);
  const config = Object.fromEntries(
    table.map((o) => [o.name, { type: o.type === 'boolean' ? ('boolean' as const) : ('string' as const), ...(o.short ? { short: o.short } : {}) }]),
  );
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return 'help';
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(table, argv), options: config, allowPositionals: true, strict: true });
  } catch (err) {
    throw parseArgsError(command.name, err as Error);
  }
  const values = new Map<string, string | number | boolean>();
  for (const spec of command.options) {
    const raw = Object.hasOwn(parsed.values, spec.name) ? parsed.values[spec.name] : undefined;
    if (spec.type === 'boolean') values.set(spec.name, raw === true);
    else if (typeof raw === 'string') values.set(spec.name, convert(spec, raw));
    else if (spec.default !== undefined) values.set(spec.name, spec.default);
  }
  const p = command.positionals;
  const n = parsed.positionals.length;
  if (!p && n > 0) throw new UsageError(`${command.name}: unexpected argument "${parsed.positionals[0]}" (see fhn-derive ${command.name} --help)`);
  if (p && n < p.min)
    throw new UsageError(`${command.name} needs ${p.min === 1 ? 'a' : `at least ${p.min}`} ${p.name} (see fhn-derive ${command.name} --help)`);
  if (p?.max !== undefined && n > p.max) throw new UsageError(`${command.name} takes at most ${p.max} ${p.name}, got ${n}`);
  return new ParsedArgs(values, parsed.positionals, new Set(Object.keys(parsed.values)));
}

/** `--name VALUE` as shown in help. */
function optionSynopsis(o: OptionSpec): string {
  const names = `${o.short ? `-${o.short}, ` : '    '}--${o.name}`;
  if (o.type === 'boolean') return names;
  const placeholder = o.choices ? o.choices.join('|') : (o.placeholder ?? (o.type === 'string' ? 'VALUE' : o.type === 'integer' ? 'N' : 'X'));
  return `${names} ${placeholder}`;
}

/** One option's description with its constraint, unit and default. */
function optionDescription(o: OptionSpec): string {
  const bounds = [
    o.type === 'integer' ? 'an integer' : '',
    o.above !== undefined ? `> ${o.above}` : '',
    o.min !== undefined ? `>= ${o.min}` : '',
    o.max !== undefined ? `<= ${o.max}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const extra = [
    bounds,
    o.unit ? `unit: ${o.unit}` : '',
    o.default !== undefined ? `default: ${o.default}` : o.type === 'boolean' || o.name === 'help' ? '' : 'no default',
  ]
    .filter(Boolean)
    .join('; ');
  return extra ? `${o.help} (${extra})` : o.help;
}

/** The --help text of a command: synopsis, description, positionals, every option with its default and unit. */
export function commandHelp(command: CommandSpec): string {
  const p = command.positionals;
  const positional = p ? ` ${p.min === 0 ? `[${p.name}...]` : p.max === 1 ? p.name : `${p.name}...`}` : '';
  const rows = withHelp(command.options).map((o) => [optionSynopsis(o), optionDescription(o)] as const);
  const width = Math.max(...rows.map(([s]) => s.length));
  return [
    `usage: fhn-derive ${command.name} [options]${positional}`,
    '',
    command.summary,
    ...(command.description ? ['', command.description] : []),
    ...(p ? ['', `arguments:`, `  ${p.name.padEnd(width)}  ${p.help}`] : []),
    '',
    'options:',
    ...rows.map(([s, d]) => `  ${s.padEnd(width)}  ${d}`),
  ].join('\n');
}

/** `--claim-timeout S`, shared by the commands that run derivation files. */
export const claimTimeoutOption: OptionSpec = {
  name: 'claim-timeout',
  type: 'number',
  above: 0,
  default: 60,
  unit: 'seconds',
  help: 'the time one claim may take; a claim that overruns it is stopped and gets a timeout verdict (exit code 1)',
};

/** `--threads N`, shared by the commands that run derivation files (absent: one per core). */
export const threadsOption: OptionSpec = {
  name: 'threads',
  type: 'integer',
  min: 0,
  max: 64,
  unit: 'worker threads',
  help: 'files run at once (absent: one per core), each on its own worker thread with the claim watchdog; 0 runs them in this process one after another, without the watchdog (a debugger stops at breakpoints in derivation files)',
};

/** The run options of `--claim-timeout` and `--threads`. */
export const runnerOptions = (args: ParsedArgs): { claimTimeoutMs: number; threads?: number } => ({
  claimTimeoutMs: 1000 * args.number('claim-timeout'),
  ...(args.has('threads') ? { threads: args.number('threads') } : {}),
});

/** `--out DIR`, shared by the commands that write files. */
export const outOption: OptionSpec = {
  name: 'out',
  type: 'string',
  placeholder: 'DIR',
  default: 'out',
  unit: 'directory',
  help: 'where the output files are written (created if missing)',
};

/**
 * The fhn-derive command line: a dispatcher over the commands of ./commands/ (each declares its
 * options in one table, which gives parsing, checks and --help). Exit codes: 0 ok, 1 a claim or
 * check did not hold, 2 the command line (or its input) is wrong.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NumericInputError } from '../numerics/validate.ts';
import { OutputRefused } from '../io/errors.ts';
import { NameError } from '../escape/code.ts';
import { generateCommand } from './commands/generate.ts';
import { paperCommand } from './commands/paper.ts';
import { ratesCommand } from './commands/rates.ts';
import { runCommand } from './commands/run.ts';
import { simulateCommand } from './commands/simulate.ts';
import { sweepCommand } from './commands/sweep.ts';
import { type CommandSpec, commandHelp, parseCommandLine, UsageError } from './options.ts';
import { packageVersion } from './repository.ts';

/** Every command, in the order of the overview. */
export const COMMANDS: readonly CommandSpec[] = [paperCommand, runCommand, generateCommand, ratesCommand, simulateCommand, sweepCommand];

/** Where the CLI writes its own text (help, version, errors); commands print their results on stdout. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: CliOutput = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** The overview printed by `fhn-derive --help`. */
export function overviewHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: fhn-derive COMMAND [options] [arguments]',
    '       fhn-derive COMMAND --help    options of one command, with defaults and units',
    '       fhn-derive --version',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 ok; 1 a claim failed or is disputed, an unexpected erratum, a failed check; 2 usage (bad option, value or file)',
  ].join('\n');
}

/** Parse argv and run the command; resolves to the exit code. Usage errors are thrown (UsageError). */
export async function main(argv: readonly string[], io: CliOutput = processOutput): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    io.out(overviewHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(packageVersion());
    return 0;
  }
  if (first === undefined) throw new UsageError(`a command is needed\n\n${overviewHelp()}`);
  const name = first === 'help' ? rest[0] : first;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)} (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see fhn-derive --help)`);
  const args = first === 'help' ? 'help' : parseCommandLine(command, rest);
  if (args === 'help') {
    io.out(commandHelp(command));
    return 0;
  }
  return command.run(args);
}

/** Is this error about the input (exit 2) rather than a claim (exit 1)? */
const isInputError = (err: unknown): boolean =>
  err instanceof UsageError || err instanceof NumericInputError || err instanceof OutputRefused || err instanceof NameError;

/** main() with errors turned into a message on stderr and an exit code (2 for input errors, 1 otherwise). */
export async function cli(argv: readonly string[], io: CliOutput = processOutput): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    io.err(`fhn-derive: ${err instanceof Error ? err.message : String(err)}`);
    return isInputError(err) ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}

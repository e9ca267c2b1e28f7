/** `fhn-derive run FILE...`: run derivation files written against the public API (globs expanded). */
import { existsSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { type CommandSpec, claimTimeoutOption, outOption, runnerOptions, threadsOption, UsageError } from '../options.ts';
import { runThenReport } from '../runFiles.ts';

/** The files named by the arguments, in order, each once; a glob that matches nothing or a missing file is a UsageError. */
export async function expandFiles(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = (await glob(pattern, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) throw new UsageError(`run: no file matches ${pattern}`);
      files.push(...matches);
    } else {
      if (!existsSync(pattern)) throw new UsageError(`no such derivation file: ${pattern}`);
      files.push(pattern);
    }
  }
  return [...new Set(files)];
}

export const runCommand: CommandSpec = {
  name: 'run',
  summary:
    'Run derivation files written against the public API (each default-exports derivation(...)); print the claims table, write claims.json and the reports.',
  positionals: { name: 'FILE', help: 'derivation files (.ts or .js) or globs such as "mine/*.ts"', min: 1 },
  options: [outOption, claimTimeoutOption, threadsOption],
  async run(args) {
    const files = await expandFiles(args.positionals);
    const { openReportOutputs } = await import('../outputs.ts');
    const out = openReportOutputs(args.string('out'), 'run', files); // checked and locked before any work
    try {
      const { report, runs } = await runThenReport(files, runnerOptions(args));
      return report(runs, out);
    } finally {
      out.abort();
    }
  },
};

/** `fhn-derive paper`: replay every derivation of the paper, print the claims, write the reports. */
import { join } from 'node:path';
import { derivationFiles } from '../load.ts';
import { type CommandSpec, claimTimeoutOption, outOption, runnerOptions, threadsOption } from '../options.ts';
import { checkoutPath, PACKAGE_ROOT } from '../repository.ts';
import { runThenReport } from '../runFiles.ts';

export const paperCommand: CommandSpec = {
  name: 'paper',
  summary:
    'Replay every derivation in derivations/ (a checkout of the repository): print the claims table, write claims.json, crosscheck.json and the reports. Numeric cross-checks that passed are reused while no source file, kernel or locked dependency changed (--fresh measures them again).',
  options: [
    outOption,
    claimTimeoutOption,
    threadsOption,
    { name: 'fresh', type: 'boolean', help: 'measure every numeric cross-check again instead of reusing the ones cached for these exact sources' },
  ],
  async run(args) {
    const files = derivationFiles(checkoutPath('paper', 'derivations'));
    const { openReportOutputs } = await import('../outputs.ts');
    const { sourceFingerprint } = await import('../crossCheckStore.ts');
    const out = openReportOutputs(args.string('out'), 'paper', files); // checked and locked before any work
    try {
      const crossChecks = {
        dir: join(PACKAGE_ROOT, 'node_modules', '.cache', 'fhn-derive', 'crosschecks'),
        fingerprint: sourceFingerprint(PACKAGE_ROOT, ['src', 'derivations']),
        fresh: args.flag('fresh'),
        run: `${process.pid}.${Date.now()}`,
      };
      const { report, runs } = await runThenReport(files, { ...runnerOptions(args), crossChecks });
      const code = report(runs, out);
      const reused = runs.flatMap((r) => r.derivation?.crossChecks ?? []).filter((c) => c.cached).length;
      if (reused > 0) console.log(`${reused} numeric cross-check(s) reused from the cache for these exact sources (--fresh measures them again)`);
      return code;
    } finally {
      out.abort();
    }
  },
};

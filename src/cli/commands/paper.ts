/** `fhn-derive paper`: replay every derivation of the paper, print the claims, write the reports. */
import { join } from 'node:path';
import { derivationFiles } from '../load.ts';
import { type CommandSpec, outOption } from '../options.ts';
import { checkoutPath, PACKAGE_ROOT } from '../repository.ts';

export const paperCommand: CommandSpec = {
  name: 'paper',
  summary:
    'Replay every derivation in derivations/ (a checkout of the repository): print the claims table, write claims.json, crosscheck.json and the reports. Numeric cross-checks that passed are reused while no source file, kernel or locked dependency changed (--fresh measures them again).',
  options: [
    outOption,
    { name: 'fresh', type: 'boolean', help: 'measure every numeric cross-check again instead of reusing the ones cached for these exact sources' },
  ],
  async run(args) {
    const files = derivationFiles(checkoutPath('paper', 'derivations'));
    const { openReportOutputs, report, runFiles } = await import('../run.ts'); // the engine, loaded only when there is work
    const { fileCrossCheckCache, sourceFingerprint } = await import('../crossCheckStore.ts');
    const out = openReportOutputs(args.string('out'), 'paper', files); // checked and locked before any work
    try {
      const cache = fileCrossCheckCache(
        join(PACKAGE_ROOT, 'node_modules', '.cache', 'fhn-derive', 'crosschecks'),
        sourceFingerprint(PACKAGE_ROOT, ['src', 'derivations']),
        args.flag('fresh'),
      );
      const code = report(await runFiles(files, cache), out);
      if (cache.reused() > 0)
        console.log(`${cache.reused()} numeric cross-check(s) reused from the cache for these exact sources (--fresh measures them again)`);
      return code;
    } finally {
      out.abort();
    }
  },
};

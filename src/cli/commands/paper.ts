/** `fhn-derive paper`: replay every derivation of the paper, print the claims, write the reports. */
import { derivationFiles } from '../load.ts';
import { type CommandSpec, outOption } from '../options.ts';
import { checkoutPath } from '../repository.ts';

export const paperCommand: CommandSpec = {
  name: 'paper',
  summary:
    'Replay every derivation in derivations/ (a checkout of the repository): print the claims table, write claims.json, crosscheck.json and the reports.',
  options: [outOption],
  async run(args) {
    const { openReportOutputs, report, runFiles } = await import('../run.ts'); // the engine, loaded only when there is work
    const files = derivationFiles(checkoutPath('paper', 'derivations'));
    const out = openReportOutputs(args.string('out'), 'paper', files); // checked and locked before any work
    try {
      return report(await runFiles(files), out);
    } finally {
      out.abort();
    }
  },
};

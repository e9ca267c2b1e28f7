/** `fhn-derive paper`: replay every derivation of the paper, print the claims, write the reports. */
import { derivationFiles } from '../load.ts';
import { type CommandSpec, claimTimeoutOption, outOption } from '../options.ts';
import { checkoutPath } from '../repository.ts';

export const paperCommand: CommandSpec = {
  name: 'paper',
  summary:
    'Replay every derivation in derivations/ (a checkout of the repository): print the claims table, write claims.json, crosscheck.json and the reports.',
  options: [outOption, claimTimeoutOption],
  async run(args) {
    const { report, runFiles } = await import('../run.ts'); // the engine, loaded only when there is work
    return report(
      await runFiles(derivationFiles(checkoutPath('paper', 'derivations')), { claimTimeoutMs: 1000 * args.number('claim-timeout') }),
      args.string('out'),
    );
  },
};

/** `fhn-derive rates`: the convergence-rate study as eps -> 0 and the layers in time (worker threads), written to DIR/rates.{json,md,svg} and DIR/rates-time.svg. */
import type { OnProgress } from '../../numerics/index.ts';
import { type CommandSpec, outOption } from '../options.ts';
import type { RateStudyResult } from '../rates.ts';
import { importCheckoutModule } from '../repository.ts';

/** What the command uses of derivations/lib/rates.ts. */
interface RateStudyModule {
  runRateStudy(options: { quick?: boolean; onProgress?: OnProgress }): Promise<RateStudyResult>;
}

export const ratesCommand: CommandSpec = {
  name: 'rates',
  summary:
    'Measure the convergence rates as eps -> 0 and the exponents of the initial layers in time (a checkout of the repository); write DIR/rates.json, rates.md, rates.svg, rates-time.svg.',
  description:
    'The default run takes about 210 s of CPU (about 2 minutes on 2 free cores); --quick about 7 s of CPU. Exit 1 when the particles disagree with the grid.',
  options: [{ name: 'quick', type: 'boolean', help: 'a coarse sweep (what the tests run)' }, outOption],
  async run(args) {
    const quick = args.flag('quick');
    const { progressBar } = await import('../../numerics/progress.ts');
    const { openRatesOutputs, ratesMarkdown, writeRates } = await import('../rates.ts');
    const out = openRatesOutputs(args.string('out')); // checked and locked before any work
    try {
      const { runRateStudy } = await importCheckoutModule<RateStudyModule>('rates', 'derivations', 'lib', 'rates.ts');
      const result = await runRateStudy({ quick, onProgress: progressBar(quick ? 'rates (quick)' : 'rates') });
      console.log(ratesMarkdown(result));
      console.log(`wrote ${writeRates(result, out).join(', ')}`);
      return result.particles.every((p) => p.score <= 1) ? 0 : 1;
    } finally {
      out.abort();
    }
  },
};

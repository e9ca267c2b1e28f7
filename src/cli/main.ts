/** The fhn-derive command line: `paper` replays every derivation, `run FILE.ts` runs one. */
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { derivationFiles } from './load.ts';
import { runFiles, report } from './run.ts';
import { generatedFiles, writeOrCheck } from './generate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = `usage:
  fhn-derive paper [--out DIR]       replay every derivation in derivations/, write DIR/claims.json (default out/)
  fhn-derive run FILE.ts [--out DIR] run one derivation file written against the public API
  fhn-derive generate [--check]      regenerate src/generated/ from the derivations' kernels (--check: only compare)
  fhn-derive rates [--quick] [--out DIR]  measure the convergence rates as eps -> 0 (worker threads), write DIR/rates.{json,md,svg}
  fhn-derive simulate [FILE.ts] [options] [--out DIR]
                                     run a simulation spec (or the paper's default network) with its own error estimates;
                                     \`fhn-derive simulate --help\` lists the options`;

/** Parse argv and run; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? args.splice(outAt, 2)[1] : 'out';
  const [command, file] = args;
  if (command === 'paper') return report(await runFiles(derivationFiles(join(ROOT, 'derivations'))), outDir);
  if (command === 'run') {
    if (!file) throw new Error(`run needs a file\n${USAGE}`);
    if (!existsSync(file)) throw new Error(`no such derivation file: ${file}`);
    return report(await runFiles([file]), outDir);
  }
  if (command === 'generate') {
    const check = args.includes('--check');
    const files = await generatedFiles(derivationFiles(join(ROOT, 'derivations')), join(ROOT, 'src', 'generated'));
    const changed = writeOrCheck(files, check);
    for (const f of files) console.log(`${changed.includes(f.path) ? (check ? 'STALE' : 'wrote') : 'up to date'}  ${f.path}`);
    return check && changed.length > 0 ? 1 : 0;
  }
  if (command === 'simulate') return (await import('./simulate.ts')).runSimulateCommand(argv.slice(argv.indexOf('simulate') + 1));
  if (command === 'rates') {
    const { runRateStudy } = (await import(join(ROOT, 'derivations', 'lib', 'rates.ts'))) as typeof import('../../derivations/lib/rates.ts');
    const { progressBar } = await import('../numerics/index.ts');
    const { writeRates, ratesMarkdown } = await import('./rates.ts');
    const result = await runRateStudy({ quick: args.includes('--quick'), onProgress: progressBar(args.includes('--quick') ? 'rates (quick)' : 'rates') });
    console.log(ratesMarkdown(result));
    console.log(`wrote ${writeRates(result, outDir).join(', ')}`);
    return result.particles.every((p) => p.score <= 1) ? 0 : 1;
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`fhn-derive: ${err.message}`);
      process.exit(2);
    },
  );
}

/**
 * Build-time data of the web explorer (run in Node by the Vite plugin): the derivations replayed
 * through the public API and typeset by the report layer, plus the cross-checks and the rates
 * study when `npm run paper` / `npm run rates` have written them to out/ (only files its manifest
 * lists with their hash: never a link, never a file fhn-derive did not write).
 */
import { join, resolve, basename } from 'node:path';
import { derivationFiles } from '../../src/cli/load.ts';
import { runFiles } from '../../src/cli/run.ts';
import { buildDocument } from '../../src/report/index.ts';
import { readListedOutput } from '../../src/io/manifest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Derivations whose steps are numeric runs (tens of seconds): their results come from out/crosscheck.json. */
const NUMERIC_FILES = new Set(['numerics.ts']);

const readIf = (name: string) => readListedOutput(join(ROOT, 'out'), name);

/** The JSON the page imports as `virtual:paper`. */
export async function paperData() {
  const files = derivationFiles(join(ROOT, 'derivations')).filter((f) => !NUMERIC_FILES.has(basename(f)));
  const doc = buildDocument(await runFiles(files));
  const crossChecks = readIf('crosscheck.json');
  return {
    title: 'Blaustein (2022), Large coupling in a FitzHugh–Nagumo neural network',
    counts: doc.counts,
    claims: doc.claims,
    derivations: doc.derivations.map((d) => ({ file: d.file, title: d.title, section: d.section, steps: d.steps })),
    errata: doc.errata,
    citations: doc.citations,
    crossChecks: crossChecks ? JSON.parse(crossChecks).checks : null,
    ratesSvg: readIf('rates.svg'),
    ratesTimeSvg: readIf('rates-time.svg'),
    ratesMd: readIf('rates.md'),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.stdout.write(JSON.stringify(await paperData()));
}

/** The output folder of `paper` and `run`: the files they write, opened and locked before any work (no engine loaded). */
import { OutputSet } from '../io/index.ts';
import { REPORT_LEGACY } from '../report/legacy.ts';

/** The files `paper` and `run` write into their folder. */
export const REPORT_FILES = ['claims.json', 'crosscheck.json', 'report.html', 'paper.tex', 'errata.md'] as const;

/** Open the output folder of `paper` / `run` before any work: path, lock, links and foreign files checked; the derivation files are inputs. */
export function openReportOutputs(outDir: string, producer: string, inputs: readonly string[]): OutputSet {
  return OutputSet.open(outDir, producer, {
    expected: REPORT_FILES,
    inputs,
    legacy: { ...REPORT_LEGACY, 'claims.json': /^\{\n {2}"claims": \[/, 'crosscheck.json': /^\{\n {2}"checks": \[/ },
  });
}

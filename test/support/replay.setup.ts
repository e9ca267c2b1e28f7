/**
 * vitest globalSetup: the paper's symbolic replay (every derivation file but numerics.ts, whose
 * simulations are `npm run test:long`'s business), run once per test run and shared by every test
 * file that reads the report. It writes the report files into a fresh folder and a replay.json
 * (html, tex, errata, equations, claim ids) beside them; test files get the folder with
 * `inject('paperReplay')` (see replay.ts). Running it here, before any test file starts, keeps it
 * out of every test's and hook's timeout, so a busy machine makes the run slower, never red.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { derivationFiles } from '../../src/cli/load.ts';
import { runFiles } from '../../src/cli/run.ts';
import { writeReport } from '../../src/report/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    paperReplay: string;
  }
}

/** The derivation files of the symbolic replay: every file of derivations/ except the numerics. */
export const symbolicReplayFiles = (): string[] => derivationFiles(resolve('derivations')).filter((f) => !f.endsWith('numerics.ts'));

/** True when a test file this run selected reads the replay (so `vitest run test/cas` does not pay for it). */
async function replayNeeded(project: TestProject): Promise<boolean> {
  // the files named on the command line (`vitest run test/cas/x.test.ts`): vitest keeps them as filenamePattern
  // (set before any global setup runs); without them every test file of the project would be read
  const named = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? project.vitest.config.filters;
  const { testFiles } = await project.globTestFiles(named);
  return testFiles.some((f) => readFileSync(f, 'utf8').includes('paperReplay('));
}

/** Replay once (when a selected test file needs it), write the outputs, provide their folder; remove it when the run ends. */
export default async function setup(project: TestProject): Promise<() => void> {
  if (!(await replayNeeded(project))) {
    project.provide('paperReplay', '');
    return () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'fhn-replay-'));
  const runs = await runFiles(symbolicReplayFiles());
  const failed = runs.filter((r) => r.error);
  if (failed.length) throw new Error(`the paper's replay did not load: ${failed.map((r) => `${r.file}: ${r.error}`).join('; ')}`);
  const built = writeReport(runs, dir);
  const claims = built.document.claims.map((c) => ({ id: c.id, status: c.status }));
  writeFileSync(join(dir, 'replay.json'), JSON.stringify({ html: built.html, tex: built.tex, errata: built.errata, equations: built.equations, claims }));
  project.provide('paperReplay', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The shared replay of the paper written by replay.setup.ts, read by the test files that need it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** What the replay built: the report's texts, the emitted formulas and every claim's id and status. */
export interface PaperReplay {
  readonly dir: string;
  readonly html: string;
  readonly tex: string;
  readonly errata: string;
  readonly equations: readonly string[];
  readonly claims: readonly { readonly id: string; readonly status: string }[];
}

/** The replay of this test run (the folder holds report.html, paper.tex, errata.md and katex/). */
export function paperReplay(): PaperReplay {
  const dir = inject('paperReplay');
  if (!dir) throw new Error('the paper replay was not run: call paperReplay() in the test file itself (the global setup looks for it)');
  return { dir, ...(JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8')) as Omit<PaperReplay, 'dir'>) };
}

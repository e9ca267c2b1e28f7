import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { defaultServerConditions } from 'vite';

export default defineConfig({
  // `fhn-derive` imported from inside the checkout (examples/, users' files, test fixtures) means the sources, not dist/
  ssr: { resolve: { conditions: ['fhn-derive-source', ...defaultServerConditions] } },
  test: {
    // the project's tests, and users' own test files anywhere in the checkout (`npx vitest run mine/x.test.ts`)
    include: ['**/*.test.ts'],
    // test/long and *.long.test.ts: npm run test:long (the whole paper, kill tests); test/dist: npm run test:dist (MPI, Slurm)
    exclude: ['**/node_modules/**', 'dist/**', 'out/**', '.git/**', 'test/long/**', '**/*.long.test.ts', 'test/dist/**'],
    testTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on a 2-core machine the whole suite ran in one
    // process. Many files wait on child processes and worker threads, so one worker per core keeps both busy
    maxWorkers: availableParallelism(),
    // test files share a worker's module cache (the sources are imported once per worker, not once per file: half the
    // suite's CPU); verdicts must not depend on what ran before in the process, and this runs them that way
    isolate: false,
    // one scratch temp folder per run, removed at its end; then the paper's symbolic replay, once per run, for the
    // test files that read the report
    globalSetup: ['test/support/scratch.setup.ts', 'test/support/replay.setup.ts'],
  },
});

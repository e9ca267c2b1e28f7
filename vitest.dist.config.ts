import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

/** `npm run test:dist`: the tests that start real MPI and Slurm (openmpi-bin libopenmpi-dev slurm-wlm munge); not part of `npm test`. */
export default defineConfig({
  ssr: { resolve: { conditions: ['fhn-derive-source', ...defaultServerConditions] } },
  test: {
    include: ['test/dist/**/*.test.ts'],
    globalSetup: ['test/support/scratch.setup.ts', 'test/dist/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // one test file at a time: they share the one-node cluster and the machine's two cores
    fileParallelism: false,
  },
});

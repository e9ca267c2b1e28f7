import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** `npm run test:long`: the runs too long for `npm test` (the whole paper with its numerics, processes killed at many points): test/long/ and every *.long.test.ts. */
export default defineConfig({
  ssr: { resolve: { conditions: ['fhn-derive-source', ...defaultServerConditions] } },
  test: { include: ['test/long/**/*.test.ts', 'test/**/*.long.test.ts'], testTimeout: 900_000, pool: 'forks', globalSetup: ['test/support/scratch.setup.ts'] },
});

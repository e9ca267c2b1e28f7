import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

export default defineConfig({
  // `fhn-derive` imported from inside the checkout (examples/, users' files, test fixtures) means the sources, not dist/
  ssr: { resolve: { conditions: ['fhn-derive-source', ...defaultServerConditions] } },
  test: {
    // the project's tests, and users' own test files anywhere in the checkout (`npx vitest run mine/x.test.ts`)
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'out/**', '.git/**', 'test/dist/**'], // test/dist: npm run test:dist (MPI, Slurm)
    testTimeout: 60_000,
    pool: 'forks',
  },
});

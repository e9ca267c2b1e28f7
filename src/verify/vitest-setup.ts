/**
 * A vitest setup file that gives every test file the matchers of `fhn-derive/vitest`:
 * `test: { setupFiles: ['fhn-derive/vitest/setup'] }` in vitest.config (types: import
 * `fhn-derive/vitest` once, or list it in tsconfig's `types`).
 */
import { expect } from 'vitest';
import { fhnMatchers } from './matchers.ts';

expect.extend(fhnMatchers);

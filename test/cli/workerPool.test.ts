/** The worker pool: results in task order from several threads, progress reaches 1, errors name the task. */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { runInWorkers } from '../../src/cli/workerPool.ts';
import { DERIVATION_WORKER } from '../../src/cli/isolated.ts';

const MODULE = join(import.meta.dirname, '..', 'fixtures', 'pool-task.ts');

describe('runInWorkers', () => {
  it('returns results in task order and uses more than one thread', async () => {
    const seen: number[] = [];
    const out = await runInWorkers<number, { square: number; thread: number }>([1, 2, 3, 4, 5, 6], {
      module: MODULE,
      exportName: 'square',
      threads: 2,
      onProgress: (f) => seen.push(f),
    });
    expect(out.map((r) => r.square)).toEqual([1, 4, 9, 16, 25, 36]);
    expect(new Set(out.map((r) => r.thread)).size).toBe(2);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });

  it('rejects with the failing task and its message', async () => {
    await expect(runInWorkers([1, -2], { module: MODULE, exportName: 'square', threads: 2 })).rejects.toThrow(/task 1 \(-2\) failed: Error: negative input -2/);
  });

  it('rejects when the module lacks the function', async () => {
    await expect(runInWorkers([1], { module: MODULE, exportName: 'missing', threads: 1 })).rejects.toThrow(/has no exported function missing/);
  });

  it('starts derivation workers with the young generation it declares, other workers with the default heap', async () => {
    const [derivation] = await runInWorkers<number, ResourceLimits>([0], { module: MODULE, exportName: 'heapLimits', threads: 1, setup: DERIVATION_WORKER });
    const [plain] = await runInWorkers<number, ResourceLimits>([0], { module: MODULE, exportName: 'heapLimits', threads: 1 });
    expect(DERIVATION_WORKER.resourceLimits?.maxYoungGenerationSizeMb).toBe(192);
    expect(derivation.maxYoungGenerationSizeMb).toBe(192);
    expect(plain.maxYoungGenerationSizeMb).not.toBe(192);
  });
});

import { describe, it, expect } from 'vitest';
import { runCrossCheck, derivation } from '../../src/verify/index.ts';
import { crossCheckJson } from '../../src/cli/run.ts';

describe('numeric cross-checks', () => {
  it('passes within tolerance and fails beyond it', () => {
    expect(runCrossCheck({ id: 'a', quantity: 'err', tolerance: 1e-9 }, () => 3e-10).pass).toBe(true);
    expect(runCrossCheck({ id: 'a', quantity: 'err', tolerance: 1e-9 }, () => 3e-9).pass).toBe(false);
    expect(runCrossCheck({ id: 'a', quantity: 'order', tolerance: 0.8, sense: 'at-least' }, () => 0.95).pass).toBe(true);
    expect(runCrossCheck({ id: 'a', quantity: 'order', tolerance: 0.8, sense: 'at-least' }, () => 0.5).pass).toBe(false);
  });

  it('never passes on NaN or on an error, and says why', () => {
    const nan = runCrossCheck({ id: 'n', quantity: 'err', tolerance: 1 }, () => Number.NaN);
    expect(nan.pass).toBe(false);
    expect(nan.detail).toMatch(/not finite/);
    const boom = runCrossCheck({ id: 'b', quantity: 'err', tolerance: 1 }, () => {
      throw new RangeError('dt too large');
    });
    expect(boom.pass).toBe(false);
    expect(boom.detail).toBe('RangeError: dt too large');
  });

  it('ends up in crosscheck.json with the requested fields', () => {
    const d = derivation('t', 's', (x) => {
      x.crossCheck({ id: 'c1', quantity: 'max rel err', tolerance: 1e-9 }, () => 1e-12);
    }).run();
    const json = crossCheckJson([{ file: 'f', derivation: d, ms: 1 }]);
    expect(json.checks).toHaveLength(1);
    expect(json.checks[0]).toMatchObject({ id: 'c1', quantity: 'max rel err', value: 1e-12, tolerance: 1e-9, pass: true });
  });
});

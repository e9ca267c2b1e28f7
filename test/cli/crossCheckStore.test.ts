/** The paper command's cross-check cache: reused only for the exact same sources, never for a failure, bypassed by --fresh. */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCrossCheckCache, sourceFingerprint } from '../../src/cli/crossCheckStore.ts';
import { derivation, withCrossCheckCache } from '../../src/verify/index.ts';

/** A derivation with one passing and one failing cross-check; counts how often each is measured. */
function counted() {
  const calls = { pass: 0, fail: 0 };
  const d = derivation('cache fixture', 'test', (page) => {
    page.crossCheck({ id: 'ok', quantity: 'a small error', tolerance: 1e-6 }, () => (calls.pass++, 1e-9));
    page.crossCheck({ id: 'bad', quantity: 'a large error', tolerance: 1e-6 }, () => (calls.fail++, 1));
  });
  return { d, calls };
}

describe('the cross-check cache', () => {
  it('reuses a passing check for the same fingerprint and measures a failing one every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-cc-'));
    const { d, calls } = counted();
    const first = withCrossCheckCache(fileCrossCheckCache(dir, 'f1'), () => d.run());
    const cache = fileCrossCheckCache(dir, 'f1');
    const second = withCrossCheckCache(cache, () => d.run());
    expect(calls).toEqual({ pass: 1, fail: 2 });
    expect(cache.reused()).toBe(1);
    expect(second.crossChecks.map((c) => [c.id, c.pass, c.cached ?? false])).toEqual([
      ['ok', true, true],
      ['bad', false, false],
    ]);
    expect(second.crossChecks[0].value).toBe(first.crossChecks[0].value);
  });

  it('a record another replay stored in this same run is measured, not reused: it is not marked cached', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-cc-'));
    const { d, calls } = counted();
    withCrossCheckCache(fileCrossCheckCache(dir, 'f1', false, 'run-1'), () => d.run()); // the other replay, this run
    const sameRun = fileCrossCheckCache(dir, 'f1', false, 'run-1');
    const shared = withCrossCheckCache(sameRun, () => d.run());
    expect(calls.pass).toBe(1); // not measured twice
    expect(shared.crossChecks[0].cached ?? false).toBe(false);
    expect(sameRun.reused()).toBe(0);
    const laterRun = fileCrossCheckCache(dir, 'f1', false, 'run-2');
    const later = withCrossCheckCache(laterRun, () => d.run());
    expect(later.crossChecks[0].cached).toBe(true); // an earlier run's record is reused, and says so
    expect(laterRun.reused()).toBe(1);
  });

  it('measures again under another fingerprint, with --fresh, and without a cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-cc-'));
    const { d, calls } = counted();
    withCrossCheckCache(fileCrossCheckCache(dir, 'f1'), () => d.run());
    withCrossCheckCache(fileCrossCheckCache(dir, 'f2'), () => d.run());
    withCrossCheckCache(fileCrossCheckCache(dir, 'f2', true), () => d.run());
    d.run();
    expect(calls.pass).toBe(4);
    expect(readdirSync(dir)).toEqual(['f2']); // the old fingerprint's records are pruned
  });

  it('the fingerprint changes with any source file and with the lock file, not with other folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'fhn-fp-'));
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'src', 'deep', 'kernel.ts'), 'export const k = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const a = sourceFingerprint(root, ['src']);
    writeFileSync(join(root, 'out', 'claims.json'), '{}');
    expect(sourceFingerprint(root, ['src'])).toBe(a);
    writeFileSync(join(root, 'src', 'deep', 'kernel.ts'), 'export const k = 2;');
    const b = sourceFingerprint(root, ['src']);
    expect(b).not.toBe(a);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(sourceFingerprint(root, ['src'])).not.toBe(b);
  });
});

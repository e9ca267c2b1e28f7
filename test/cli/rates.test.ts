/** `npm run rates -- --quick`: the study runs on worker threads, fits each quantity, writes json/md/svg. */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRateStudy, RATE_QUANTITIES } from '../../derivations/lib/rates.ts';
import { writeRates, rateVerdict, RateStudyResult, RateRow } from '../../src/cli/rates.ts';

describe('rates study (quick)', () => {
  let result: RateStudyResult;
  const progress: number[] = [];
  beforeAll(async () => {
    result = await runRateStudy({ quick: true, threads: 2, onProgress: (f) => progress.push(f) });
  }, 120_000);

  it('measures every quantity at every eps, with a finite fit and a verdict', () => {
    expect(result.rows.map((r) => r.id)).toEqual(RATE_QUANTITIES.map((q) => q.id));
    for (const row of result.rows) {
      expect(row.values.length).toBe(row.eps.length);
      expect(row.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
      expect(rateVerdict(row)).not.toBe('');
    }
    expect(progress.at(-1)).toBe(1);
  });

  it('finds the O(eps) rate of the macroscopic quantities (Theorem 2.7 (1)) and a bounded D2 ratio', () => {
    const macro = result.rows.find((r) => r.id === 'macro')!;
    expect(macro.fit!.slope).toBeGreaterThan(0.75);
    expect(macro.fit!.slope).toBeLessThan(1.25);
    expect(macro.reliable.at(-1)).toBe(true);
    const bound = result.rows.find((r) => r.id === 'D2bound')!;
    expect(Math.abs(bound.fit!.slope)).toBeLessThan(0.05);
  });

  it('has particles agreeing with the grid at two eps', () => {
    expect(result.particles.map((p) => p.eps)).toHaveLength(2);
    for (const p of result.particles) expect(p.score).toBeLessThanOrEqual(1);
  });

  it('writes rates.json, rates.md and a log-log rates.svg', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-rates-'));
    const files = writeRates(result, dir);
    const json = JSON.parse(readFileSync(files[0], 'utf8'));
    expect(json.rows[0].verdict).toBe(rateVerdict(result.rows[0]));
    expect(readFileSync(files[1], 'utf8')).toContain('| `macro`: sup_t ||U^eps - U||_inf | Theorem 2.7 (1) | O(eps) |');
    const svg = readFileSync(files[2], 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/class="reference"/g) ?? []).length).toBe(result.rows.filter((r) => r.provenSlope !== null).length);
  });
});

describe('rate verdicts', () => {
  const row = (slope: number, slope95: number, extra: Partial<RateRow> = {}): RateRow => ({
    id: 'q', label: 'q', theorem: 't', proven: 'O(eps)', provenSlope: 1, eps: [0.1, 0.05, 0.025], values: [1, 0.5, 0.25], refined: [null, null, 0.25], reliable: [null, null, true],
    fit: { slope, slope95, slopeStdError: slope95 / 4, prefactor: 1, r2: 1, points: 3 }, fitPoints: 3, trustworthy: true, ...extra,
  });
  it('says better, consistent, worse, or unreliable', () => {
    expect(rateVerdict(row(1.5, 0.1))).toBe('better than proven');
    expect(rateVerdict(row(1.05, 0.1))).toBe('consistent with the proven rate');
    expect(rateVerdict(row(0.95, 0.02))).toBe('consistent with the proven rate'); // within 0.1: pre-asymptotic
    expect(rateVerdict(row(0.85, 0.02))).toBe('worse than proven (check)');
    expect(rateVerdict(row(0.5, 0.1))).toBe('worse than proven (check)');
    expect(rateVerdict(row(1, 0.1, { trustworthy: false }))).toMatch(/^unreliable/);
  });
});

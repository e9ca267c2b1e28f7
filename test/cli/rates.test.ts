/** `npm run rates -- --quick`: the study runs on worker threads, fits each quantity and the time exponents, writes json/md/svg. */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRateStudy, RATE_QUANTITIES } from '../../derivations/lib/rates.ts';
import { judgeAlpha, judgeExact, judgePrinted, layerWindow, ALPHA_MAX } from '../../derivations/lib/rates-exponents.ts';
import { twoTermFit } from '../../derivations/lib/rates-fits.ts';
import { writeRates, rateVerdict, logFactorVerdict, RateStudyResult, RateRow } from '../../src/cli/rates.ts';
import type { PowerLawFit } from '../../src/numerics/index.ts';

describe('rates study (quick)', () => {
  let result: RateStudyResult;
  const progress: number[] = [];
  beforeAll(async () => {
    result = await runRateStudy({ quick: true, threads: 2, onProgress: (f) => progress.push(f) });
  }, 120_000);

  it('measures every quantity at every eps with its Richardson and grid checks, a fit and a verdict', () => {
    expect(result.rows.map((r) => r.id)).toEqual(RATE_QUANTITIES.map((q) => q.id));
    for (const row of result.rows) {
      for (const p of row.points) {
        expect(p.levels).toHaveLength(3);
        expect(p.levels.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
        expect(p.value).toBeCloseTo(2 * p.levels[2] - p.levels[1], 12);
      }
      expect(row.points.at(-1)!.spaceChange).not.toBeNull(); // the smallest eps is rerun on a finer grid
      expect(rateVerdict(row)).not.toBe('');
    }
    expect(progress.at(-1)).toBe(1);
  });

  it('finds O(eps) for the macroscopic quantities (Theorem 2.7 (1)), a bounded D2 ratio, and O(eps) for the marginal (Theorem 4.1 (3))', () => {
    const row = (id: string) => result.rows.find((r) => r.id === id)!;
    expect(row('macro').fit!.slope).toBeGreaterThan(0.9);
    expect(row('macro').fit!.slope).toBeLessThan(1.1);
    expect(Math.abs(row('D2bound').fit!.slope)).toBeLessThan(0.05);
    const marginal = row('marginalL2');
    expect(marginal.trustworthy).toBe(true);
    expect(marginal.points.every((p) => p.timeChange < 0.05)).toBe(true);
    expect(marginal.fit!.slope).toBeGreaterThan(0.85);
    expect(marginal.fit!.slope).toBeLessThan(1.15);
    // dividing by |ln eps|^(1/2) raises the fitted power (the factor grows as eps -> 0)
    expect(marginal.logFit!.slope).toBeGreaterThan(marginal.fit!.slope);
    // (1.9) by the scheme is its exact solution up to the quadrature of nubar0 (coarse in v here: 24 cells)
    expect(result.limitGap).toBeGreaterThan(0);
    expect(result.limitGap).toBeLessThan(0.05);
  });

  it('validates the exponent measurement on the Ornstein–Uhlenbeck relaxation, then finds Theorem 2.7 (3)-(4) sharp at rho0 = m*', () => {
    const ou = result.exponentSummary.filter((x) => x.kind === 'OU validation' && x.rate !== null);
    expect(ou.length).toBeGreaterThanOrEqual(9);
    for (const x of ou) expect(x.verdict).toMatch(/^validated/);
    for (const q of ['D2', 'E']) {
      const atMin = result.exponentSummary.find((x) => x.kind === '(1.10)' && x.quantity === q && x.rho0 === 0.4)!;
      expect(atMin.verdict).toMatch(/^sharp/);
      expect(Math.abs(atMin.rate! - 0.8)).toBeLessThan(0.02);
      const above = result.exponentSummary.find((x) => x.kind === '(1.10)' && x.quantity === q && x.rho0 > 1.5)!;
      expect(above.verdict).toMatch(/^consistent/);
    }
  });

  it('has particles agreeing with the grid at two eps', () => {
    expect(result.particles.map((p) => p.eps)).toHaveLength(2);
    for (const p of result.particles) expect(p.score).toBeLessThanOrEqual(1);
  });

  it('writes rates.json, rates.md, a log-log rates.svg and a semi-log rates-time.svg', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-rates-'));
    const files = writeRates(result, dir);
    const json = JSON.parse(readFileSync(files[0], 'utf8'));
    expect(json.rows[0].verdict).toBe(rateVerdict(result.rows[0]));
    expect(json.exponentSummary.length).toBe(result.exponentSummary.length);
    const md = readFileSync(files[1], 'utf8');
    expect(md).toContain('| `macro`: sup_t ||U^eps - U||_inf | Theorem 2.7 (1) | O(eps) |');
    expect(md).toContain('## Exponents in time');
    const svg = readFileSync(files[2], 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/class="reference"/g) ?? []).length).toBe(result.rows.filter((r) => r.provenSlope !== null).length);
    const time = readFileSync(files[3], 'utf8');
    expect(time).toContain('t / eps');
    expect((time.match(/class="reference"/g) ?? []).length).toBe(result.layerPlot.references.length);
    expect(result.layerPlot.references.length).toBeGreaterThanOrEqual(2);
  });
});

describe('rate verdicts', () => {
  const powerFit = (slope: number, slope95: number): PowerLawFit => ({ slope, slope95, slopeStdError: slope95 / 4, prefactor: 1, r2: 1, points: 4 });
  const row = (slope: number, slope95: number, extra: Partial<RateRow> = {}): RateRow => ({
    id: 'q',
    label: 'q',
    theorem: 't',
    proven: 'O(eps)',
    provenSlope: 1,
    points: [],
    fitEps: [0.1, 0.05, 0.025, 0.0125],
    fit: powerFit(slope, slope95),
    logFit: null,
    tailFit: null,
    structure: null,
    localSlopes: [],
    trustworthy: true,
    ...extra,
  });
  it('says better, consistent, worse, or unreliable', () => {
    expect(rateVerdict(row(1.5, 0.1))).toBe('better than proven');
    expect(rateVerdict(row(1.05, 0.1))).toBe('consistent with the proven rate');
    expect(rateVerdict(row(0.95, 0.02))).toBe('consistent with the proven rate'); // within 0.1: pre-asymptotic
    expect(rateVerdict(row(0.85, 0.02))).toBe('worse than proven (check)');
    expect(rateVerdict(row(1, 0.1, { trustworthy: false }))).toMatch(/^unreliable/);
  });

  it('judges on the smallest eps when the local slopes drift, and reports a two-term structure', () => {
    // a full-range slope of 0.62 would be "better than sqrt(eps)"; the 4 smallest eps say 0.56: consistent
    const drifting = row(0.62, 0.01, { provenSlope: 0.5, tailFit: powerFit(0.56, 0.01) });
    expect(rateVerdict(drifting)).toMatch(/^consistent with the proven rate \(local slopes drifting: judged on the 4 smallest eps, p = 0.560 ± 0.010\)/);
    expect(rateVerdict(row(0.62, 0.01, { provenSlope: 0.5, tailFit: powerFit(0.615, 0.01) }))).toBe('better than proven');
    const s = rateVerdict(
      row(0.5, 0.01, { provenSlope: 0.5, structure: { formula: 'A sqrt(eps) + B eps |ln eps|', A: 0.2, B: 1.5, maxRelativeResidual: 0.004 } }),
    );
    expect(s).toContain('A sqrt(eps) + B eps |ln eps| with A = 0.200, B = 1.50 fits within 0.4%');
  });

  it('recovers a two-term model exactly and shows a wrong one by its residual', () => {
    const eps = [1e-3, 5e-4, 2.5e-4, 1.25e-4, 6e-5];
    const terms = [(e: number) => Math.sqrt(e), (e: number) => e * Math.abs(Math.log(e))] as const;
    const exact = twoTermFit(
      eps,
      eps.map((e) => 0.3 * Math.sqrt(e) + 2 * e * Math.abs(Math.log(e))),
      terms,
    );
    expect(exact.A).toBeCloseTo(0.3, 10);
    expect(exact.B).toBeCloseTo(2, 8);
    expect(exact.maxRelativeResidual).toBeLessThan(1e-10);
    expect(
      twoTermFit(
        eps,
        eps.map((e) => e ** 0.8),
        terms,
      ).maxRelativeResidual,
    ).toBeGreaterThan(1e-3);
  });

  it('tells eps from eps |ln eps|^(1/2) by which fit has the proven power', () => {
    expect(logFactorVerdict(powerFit(1.0, 0.01), powerFit(1.06, 0.01), 1)).toMatch(/^eps\^1 fits, the \|ln eps\|\^\(1\/2\) factor is not seen/);
    expect(logFactorVerdict(powerFit(0.94, 0.01), powerFit(1.0, 0.01), 1)).toMatch(/^eps\^1 \|ln eps\|\^\(1\/2\) fits/);
    expect(logFactorVerdict(powerFit(0.98, 0.1), powerFit(1.03, 0.1), 1)).toMatch(/^both fit/);
    expect(logFactorVerdict(powerFit(0.5, 0.01), powerFit(0.6, 0.01), 1)).toMatch(/^neither fits/);
  });
});

describe('exponent verdicts and windows', () => {
  it('judges a measured exponent against the exact one, the printed one, and the admissible alpha*', () => {
    expect(judgeExact(0.8)(0.801, 0.002)).toMatch(/^validated/);
    expect(judgeExact(0.8)(0.9, 0.002)).toMatch(/^FAILED: measured 0.900, exact 0.800/);
    expect(judgePrinted(0.8)(0.8, 0.004)).toMatch(/^sharp/);
    expect(judgePrinted(0.8)(3.2, 0.02)).toMatch(/^consistent/);
    expect(judgePrinted(0.8)(0.6, 0.02)).toMatch(/^contradicts the printed statement: decays at 0.600 < printed 0.800/);
    expect(judgeAlpha(0.4, 0.002)).toMatch(new RegExp(`^contradicts the printed statement for alpha\\* in \\(0.400, ${ALPHA_MAX.toFixed(4)}\\)`));
    expect(judgeAlpha(1.0, 0.005)).toMatch(/^sharp/);
    expect(judgeAlpha(1.6, 0.01)).toMatch(/^consistent/);
  });

  it('opens the nu_perp window after the layer end and closes every window above the floor', () => {
    const s = Array.from({ length: 400 }, (_, i) => 0.1 * i);
    const eps = 1e-6;
    const T = Math.abs(Math.log(eps)) / (2 * 0.4);
    const perp = s.map((x) => (x < T ? 1 : Math.exp(-0.4 * (x - T))) + 1e-3);
    const w = layerWindow('perp', s, perp, eps, 0.4)!;
    expect(w[0]).toBeCloseTo(T + 2.5 / 0.4, 6);
    expect(Math.exp(-0.4 * (w[1] - T))).toBeGreaterThan(9 * 1e-3); // stops at 10 x the floor
    // a quantity already at its floor never opens a window
    expect(
      layerWindow(
        'perp',
        s,
        s.map(() => 1e-3),
        eps,
        0.4,
      ),
    ).toBeNull();
  });
});

/**
 * The seeded fuzz campaign that runs with the suite: generated pairs whose truth is known by
 * construction must never be called `equal` when false. `npm run fuzz -- --cases 100000` runs the
 * long one.
 */
import { describe, it, expect } from 'vitest';
import { runCampaign, describeOutcome } from './campaign.ts';
import { cases } from './cases.ts';
import fc from 'fast-check';

describe('fuzz campaign', () => {
  it('never calls a false identity equal (800 seeded cases), nor a true one different, and never throws', () => {
    const r = runCampaign(20261130, 800);
    const show = (os: typeof r.falseEqual) => os.map((o) => describeOutcome(r.seed, o)).join('\n');
    expect(r.falseEqual, show(r.falseEqual)).toEqual([]);
    expect(r.falseDifferent, show(r.falseDifferent)).toEqual([]);
    expect(r.errors, show(r.errors)).toEqual([]);
    // disputed verdicts (floats that cannot resolve huge or deeply nested inputs) stay rare
    expect(r.disputed.length).toBeLessThan(0.05 * r.cases);
    // the campaign covers both kinds and many families
    expect(r.byFamily.size).toBeGreaterThan(40);
  }, 120_000);

  it('would catch a checker that says equal too easily: both truths occur and the planted checker is caught', () => {
    const truths = new Set(fc.sample(cases, { seed: 7, numRuns: 200 }).map((c) => c.truth));
    expect(truths).toEqual(new Set(['equal', 'different']));
    const planted = runCampaign(7, 200, undefined, (c, index) => ({ index, c, status: 'equal', detail: 'planted: always equal' }));
    expect(planted.falseEqual.length).toBeGreaterThan(20);
    const contrary = runCampaign(7, 200, undefined, (c, index) => ({ index, c, status: 'different', detail: 'planted: always different' }));
    expect(contrary.falseDifferent.length).toBeGreaterThan(20);
  });
});

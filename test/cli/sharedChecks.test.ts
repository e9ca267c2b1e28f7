/**
 * Cross-checks shared between replays of one file (src/cli/sharedChecks.ts): a replay measures only
 * the units it claims and defers the rest, the runner fills the deferred records from the other
 * replay, and a check nobody measured is a failure, never a pass; the report is that of one replay.
 */
import { describe, it, expect } from 'vitest';
import { derivation, type CrossCheckRecord } from '../../src/index.ts';
import { runFiles } from '../../src/cli/run.ts';
import { mergeReplays, newShareUnits, ReplayQueue, unitClaimer } from '../../src/cli/sharedChecks.ts';

/** A page with three steps; the checks of step 2 share state. */
const page = derivation('page', 'test', (d) => {
  d.crossCheck({ id: 'before-any-step', quantity: 'q0', tolerance: 1 }, () => 0.5);
  d.step('one', '');
  d.crossCheck({ id: 'a', quantity: 'q1', tolerance: 10 }, () => 1);
  d.step('two', '');
  let state = 0;
  d.crossCheck({ id: 'b', quantity: 'q2', tolerance: 10 }, () => (state = 2));
  d.crossCheck({ id: 'c', quantity: 'q3', tolerance: 100 }, () => 10 * state);
});

describe('units of cross-checks', () => {
  it('a replay measures the units it claims first and defers the others; the claims are shared', () => {
    const units = newShareUnits();
    const [first, second] = [unitClaimer({ units, replay: 1 }), unitClaimer({ units, replay: 2 })];
    expect([second(2), first(2), first(1), second(1), first(2)]).toEqual([true, false, true, false, false]);
    expect(second(2)).toBe(true); // the owner measures its unit again (a replay after a claim timeout)
  });

  it('Derivation.crossCheck defers the checks of units it does not measure (unit n: after the n-th step), all checks of a unit together', () => {
    const run = page.run({ measures: (unit) => unit === 2 });
    expect(run.crossChecks.map((c) => [c.id, c.deferred ?? false, c.value])).toEqual([
      ['before-any-step', true, Number.NaN],
      ['a', true, Number.NaN],
      ['b', false, 2],
      ['c', false, 20],
    ]);
    expect(run.crossChecks.filter((c) => c.deferred).every((c) => !c.pass)).toBe(true);
  });

  it('mergeReplays takes each deferred check from the replay that measured it: the same records as one replay', () => {
    const whole = page.run();
    const mine = page.run({ measures: (unit) => unit !== 1 });
    const theirs = page.run({ measures: (unit) => unit === 1 });
    const merged = mergeReplays(mine, [{ derivation: theirs }]);
    const strip = (cs: readonly CrossCheckRecord[]) => cs.map(({ ms: _, ...rest }) => rest);
    expect(strip(merged.crossChecks)).toEqual(strip(whole.crossChecks));
  });

  it('a deferred check no replay measured fails, naming why', () => {
    const mine = page.run({ measures: (unit) => unit !== 1 });
    const [a] = mergeReplays(mine, [{ error: 'the worker running it failed: boom' }]).crossChecks.filter((c) => c.id === 'a');
    expect(a.pass).toBe(false);
    expect(a.deferred).toBeUndefined();
    expect(a.detail).toMatch(/deferred to another replay of this file, which did not measure it \(the worker running it failed: boom\)/);
    expect(mergeReplays(mine, []).crossChecks[1].detail).toMatch(/no other replay ran/);
  });
});

describe('ReplayQueue', () => {
  it('gives every first replay in order; a loaded file that allows two replays puts its second at the front, sharing the claim table', async () => {
    const queue = new ReplayQueue(2, 2);
    const a = await queue.next();
    const b = await queue.next();
    expect([a?.k, a?.share.replay, b?.k, b?.share.replay]).toEqual([0, 1, 1, 1]);
    a?.onLoaded(2);
    a?.onLoaded(2); // loaded again after a claim timeout: company is asked once
    const c = await queue.next();
    expect([c?.k, c?.share.replay, c?.share.units === a?.share.units]).toEqual([0, 2, true]);
    b?.done();
    c?.done();
    a?.done();
    expect(await queue.next()).toBeUndefined();
  });

  it('an idle worker waits while a first replay loads, and joins it; company is dropped once the first replay ended; one thread asks none', async () => {
    const queue = new ReplayQueue(1, 2);
    const first = await queue.next();
    const waiting = queue.next();
    first?.onLoaded(2);
    expect((await waiting)?.share.replay).toBe(2);
    const late = new ReplayQueue(1, 2);
    const alone = await late.next();
    alone?.onLoaded(2);
    alone?.done();
    expect(await late.next()).toBeUndefined();
    const single = new ReplayQueue(1, 1);
    (await single.next())?.onLoaded(2);
    expect(await single.next()).toBeUndefined();
  });
});

describe('the runner shares a file that allows two replays', () => {
  it('on two workers the report is the same as on one: every check measured once, in order, none deferred', async () => {
    const file = 'test/fixtures/runner/shared-checks.ts';
    const [[two], [one]] = [await runFiles([file], { threads: 2 }), await runFiles([file], { threads: 1 })];
    const view = (r: typeof two) => r.derivation?.crossChecks.map((c) => [c.id, c.value, c.pass, c.deferred ?? false]);
    expect(view(two)).toEqual(
      [1, 2, 3, 4].flatMap((s) => [
        [`first-${s}`, s, true, false],
        [`second-${s}`, 10 * s, true, false],
      ]),
    );
    expect(view(two)).toEqual(view(one));
  }, 120_000);

  it('refuses a crossCheckReplays export that is not a whole number >= 1, naming it', async () => {
    const [run] = await runFiles(['test/fixtures/runner/bad-replays.ts'], { threads: 1 });
    expect(run.error).toMatch(/the `crossCheckReplays` export must be a whole number >= 1 .* got 0.5/);
  }, 120_000);
});

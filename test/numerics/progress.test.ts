/** The progress bar: drawn in place on a terminal (throttled), one final line otherwise; slices of a parent's progress. */
import { describe, it, expect } from 'vitest';
import { progressBar, progressSlice, formatProgress, noProgress } from '../../src/numerics/progress.ts';

/** A fake stream recording what is written, and a clock the test moves by hand. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  return { written, stream: { isTTY, write: (s: string) => written.push(s) }, clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('progress bar', () => {
  it('formats label [#####.....] 42%', () => {
    expect(formatProgress('run', 0.42)).toBe(`run [${'#'.repeat(13)}${'.'.repeat(17)}]  42%`);
    expect(formatProgress('run', 1)).toBe(`run [${'#'.repeat(30)}] 100%`);
  });

  it('on a terminal redraws in place, at most once per interval, and ends with one line', () => {
    const f = fakeStream(true);
    const bar = progressBar('sim', { stream: f.stream, clock: f.clock, minIntervalMs: 100 });
    bar(0.1);
    bar(0.2); // same instant: throttled
    f.advance(150);
    bar(0.5);
    f.advance(1850);
    bar(1);
    bar(1); // after the end: nothing
    expect(f.written).toEqual([`\r${formatProgress('sim', 0.1)}`, `\r${formatProgress('sim', 0.5)}`, `\r${formatProgress('sim', 1)} (2.0 s)\n`]);
  });

  it('off a terminal writes only the final line', () => {
    const f = fakeStream(false);
    const bar = progressBar('rates', { stream: f.stream, clock: f.clock });
    for (let i = 0; i <= 10; i++) {
      f.advance(500);
      bar(i / 10);
    }
    expect(f.written).toEqual([`${formatProgress('rates', 1)} (5.5 s)\n`]);
  });

  it('refuses a non-finite fraction, naming the bar', () => {
    const f = fakeStream(true);
    expect(() => progressBar('grid', { stream: f.stream })(Number.NaN)).toThrow(/progress fraction of "grid" must be a finite number, got NaN/);
    expect(() => noProgress(0.5)).not.toThrow();
  });

  it('maps a slice of the work onto the parent range', () => {
    const seen: number[] = [];
    const slice = progressSlice((x) => seen.push(x), 0.25, 0.75);
    [0, 0.5, 1, 2].forEach(slice);
    expect(seen).toEqual([0.25, 0.5, 0.75, 0.75]);
    expect(() => progressSlice(noProgress, 0.5, 0.2)).toThrow(/progress slice \[0.5, 0.2\] must lie within \[0, 1\]/);
  });
});

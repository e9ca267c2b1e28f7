/** Log-log SVG plots: points land where the log scale puts them; reference slopes are straight; bad data refused. */
import { describe, it, expect } from 'vitest';
import { logLogSvg } from '../../src/report/plot.ts';

const plot = {
  title: 'rates', xLabel: 'eps', yLabel: 'error',
  series: [{ label: 'L1', x: [0.1, 0.01, 0.001], y: [1e-1, 1e-2, 1e-3] }],
  references: [{ label: 'slope 1/2', slope: 0.5, x0: 0.001, y0: 1e-3 }],
};

describe('logLogSvg', () => {
  it('places points of a power law on a straight line (equal steps per decade)', () => {
    const svg = logLogSvg(plot);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(circles).toHaveLength(3);
    const dx = [circles[1][0] - circles[0][0], circles[2][0] - circles[1][0]];
    const dy = [circles[1][1] - circles[0][1], circles[2][1] - circles[1][1]];
    expect(Math.abs(dx[0] - dx[1])).toBeLessThan(0.2);
    expect(Math.abs(dy[0] - dy[1])).toBeLessThan(0.2);
    expect(dx[0]).toBeLessThan(0); // smaller eps to the left
    expect(dy[0]).toBeGreaterThan(0); // smaller error lower down (SVG y grows downwards)
    expect(svg).toContain('class="reference"');
    expect(svg).toContain('slope 1/2');
  });

  it('escapes labels and refuses data that log axes cannot show', () => {
    expect(logLogSvg({ ...plot, title: 'a < b & c' })).toContain('a &lt; b &amp; c');
    expect(() => logLogSvg({ ...plot, series: [{ label: 'bad', x: [0.1, 0.01], y: [1, 0] }] })).toThrow(/\(0.01, 0\) cannot be drawn on log axes/);
    expect(() => logLogSvg({ ...plot, series: [] })).toThrow(/no data/);
  });
});

/** Log-log SVG plots: points land where the log scale puts them; reference slopes are straight; bad data refused. */
import { describe, it, expect } from 'vitest';
import { logLogSvg } from '../../src/report/plot.ts';

const plot = {
  title: 'rates',
  xLabel: 'eps',
  yLabel: 'error',
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

  it('draws a semi-log plot (linear x): an exponential is a straight line and so is its reference', () => {
    const svg = logLogSvg({
      title: 'layer',
      xLabel: 't/eps',
      yLabel: 'q',
      xScale: 'linear',
      series: [{ label: 'D2', x: [0, 1, 2, 3], y: [1, Math.exp(-0.8), Math.exp(-1.6), Math.exp(-2.4)] }],
      references: [{ label: 'printed 0.8', slope: -0.8, x0: 0, y0: 1, series: 0 }],
    });
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const dx = circles.slice(1).map((c, i) => c[0] - circles[i][0]);
    const dy = circles.slice(1).map((c, i) => c[1] - circles[i][1]);
    expect(Math.max(...dx) - Math.min(...dx)).toBeLessThan(0.2); // equal steps in x on a linear axis
    expect(Math.max(...dy) - Math.min(...dy)).toBeLessThan(0.2); // and in ln y
    // the reference through (0, 1) with slope -0.8 passes through the markers: its end points lie on the same line
    const ref = /class="reference"/.test(svg) && /<path d="M([\d.-]+),([\d.-]+) L([\d.-]+),([\d.-]+)" [^>]*class="reference"/.exec(svg);
    expect(ref).toBeTruthy();
    const [x0, y0, x1, y1] = (ref as RegExpExecArray).slice(1).map(Number);
    const slopeRef = (y1 - y0) / (x1 - x0);
    expect(slopeRef).toBeCloseTo(dy[0] / dx[0], 2); // markers are rounded to 0.1 px
    // a log-x plot of the same data is not straight
    const logx = logLogSvg({
      title: 'x',
      xLabel: 'x',
      yLabel: 'y',
      series: [{ label: 'D2', x: [1, 2, 3, 4], y: [1, Math.exp(-0.8), Math.exp(-1.6), Math.exp(-2.4)] }],
    });
    const cx = [...logx.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.abs(cx[1] - cx[0] - (cx[3] - cx[2]))).toBeGreaterThan(5);
  });

  it('still refuses x <= 0 on a log axis but draws it on a linear one', () => {
    const series = [{ label: 's', x: [0, 1], y: [1, 2] }];
    expect(() => logLogSvg({ ...plot, series })).toThrow(/\(0, 1\) cannot be drawn on log axes/);
    expect(logLogSvg({ ...plot, series, references: [], xScale: 'linear' })).toContain('<circle');
  });
});

/**
 * Log-log plots as standalone SVG: measured series (markers joined by lines, open markers for
 * untrusted points) and reference slopes (dashed, in their series' colour), decade ticks, a legend.
 * With xScale 'linear' the same plot is semi-logarithmic (log y against linear x): a reference
 * is then y0 exp(slope (x - x0)), a straight line of slope `slope` in ln y.
 */
import { escapeXml } from '../escape/xml.ts';

/** One measured series: points (x, y) with y > 0. */
export interface PlotSeries {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Points drawn as open circles (e.g. not trusted), by index. */
  readonly open?: readonly boolean[];
}

/** A reference slope drawn through the point (x0, y0): d ln y / d ln x (log x) or d ln y / dx (linear x). */
export interface ReferenceSlope {
  readonly label: string;
  readonly slope: number;
  readonly x0: number;
  readonly y0: number;
  /** Index of the series it belongs to: drawn in that series' colour. */
  readonly series?: number;
}

/** What a log-log plot shows. */
export interface LogLogPlot {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly PlotSeries[];
  readonly references?: readonly ReferenceSlope[];
  /** 'log' (default) or 'linear' x axis. */
  readonly xScale?: 'log' | 'linear';
  readonly width?: number;
  readonly height?: number;
}

const COLOURS = ['#1f4e9c', '#b8420f', '#2a7f3a', '#7a3b9a', '#8a6d00', '#00707a'];

/** Decades 10^k covering [lo, hi]. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) out.push(10 ** k);
  return out;
}

/** Tick label of a power of ten: 10^k in SVG with a superscript. */
const decadeLabel = (v: number) => {
  const k = Math.round(Math.log10(v));
  return k === 0 ? '1' : k === 1 ? '10' : `10<tspan dy="-6" font-size="9">${k}</tspan>`;
};

/** About 6 round ticks covering [lo, hi] on a linear axis. */
function linearTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The SVG source of a log-log (or semi-log) plot; refuses empty data and what the axes cannot show. */
export function logLogSvg(plot: LogLogPlot): string {
  const W = plot.width ?? 780;
  const H = plot.height ?? 420;
  const m = { left: 70, right: 260, top: 36, bottom: 50 };
  const pts = plot.series.flatMap((s) => s.x.map((x, i) => [x, s.y[i]] as const));
  if (pts.length === 0) throw new Error(`plot "${plot.title}": no data`);
  const linearX = plot.xScale === 'linear';
  for (const [x, y] of pts)
    if (!((linearX || x > 0) && y > 0) || !Number.isFinite(x) || !Number.isFinite(y))
      throw new Error(`plot "${plot.title}": point (${x}, ${y}) cannot be drawn on log axes`);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const span = Math.max(...xs) - Math.min(...xs) || 1;
  const [x0, x1] = linearX ? [Math.min(...xs) - 0.03 * span, Math.max(...xs) + 0.03 * span] : [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3];
  const [y0, y1] = [Math.min(...ys) / 2, Math.max(...ys) * 2];
  const fx = (x: number) => (linearX ? (x - x0) / (x1 - x0) : (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0)));
  const px = (x: number) => m.left + fx(x) * (W - m.left - m.right);
  const py = (y: number) => H - m.bottom - ((Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (H - m.top - m.bottom);
  const inX = (v: number) => v >= x0 && v <= x1;
  const inY = (v: number) => v >= y0 && v <= y1;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="serif" font-size="12">`,
    `<title>${escapeXml(plot.title)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.left}" y="20" font-size="14">${escapeXml(plot.title)}</text>`,
    `<rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}" fill="none" stroke="#333"/>`,
  ];
  for (const d of (linearX ? linearTicks(x0, x1) : decades(x0, x1)).filter(inX))
    out.push(
      `<line x1="${px(d)}" x2="${px(d)}" y1="${m.top}" y2="${H - m.bottom}" stroke="#ddd"/>`,
      `<text x="${px(d)}" y="${H - m.bottom + 18}" text-anchor="middle">${linearX ? String(d) : decadeLabel(d)}</text>`,
    );
  for (const d of decades(y0, y1).filter(inY))
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${py(d)}" y2="${py(d)}" stroke="#ddd"/>`,
      `<text x="${m.left - 8}" y="${py(d) + 4}" text-anchor="end">${decadeLabel(d)}</text>`,
    );
  out.push(
    `<text x="${(m.left + W - m.right) / 2}" y="${H - 10}" text-anchor="middle">${escapeXml(plot.xLabel)}</text>`,
    `<text transform="translate(16 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(plot.yLabel)}</text>`,
    `<clipPath id="plot-area"><rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}"/></clipPath>`,
  );
  const legend: string[] = [];
  plot.series.forEach((s, k) => {
    const c = COLOURS[k % COLOURS.length];
    const path = s.x.map((x, i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(s.y[i]).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${c}" stroke-width="1.6" class="series"/>`);
    s.x.forEach((x, i) =>
      out.push(
        `<circle cx="${px(x).toFixed(1)}" cy="${py(s.y[i]).toFixed(1)}" r="3.2" ${s.open?.[i] ? `fill="white" stroke="${c}" stroke-width="1.4"` : `fill="${c}"`}/>`,
      ),
    );
    legend.push(
      `<line x1="0" x2="22" y1="${k * 18}" y2="${k * 18}" stroke="${c}" stroke-width="1.6"/><text x="28" y="${k * 18 + 4}">${escapeXml(s.label)}</text>`,
    );
  });
  (plot.references ?? []).forEach((r, k) => {
    const y = (x: number) => (linearX ? r.y0 * Math.exp(r.slope * (x - r.x0)) : r.y0 * (x / r.x0) ** r.slope);
    const c = r.series === undefined ? '#555' : COLOURS[r.series % COLOURS.length];
    out.push(
      `<path d="M${px(x0)},${py(y(x0))} L${px(x1)},${py(y(x1))}" stroke="${c}" stroke-opacity="0.7" stroke-dasharray="5 4" fill="none" clip-path="url(#plot-area)" class="reference"/>`,
    );
    const row = plot.series.length + k;
    legend.push(
      `<line x1="0" x2="22" y1="${row * 18}" y2="${row * 18}" stroke="${c}" stroke-dasharray="5 4"/><text x="28" y="${row * 18 + 4}">${escapeXml(r.label)}</text>`,
    );
  });
  out.push(`<g transform="translate(${W - m.right + 14} ${m.top + 8})">${legend.join('')}</g>`, '</svg>');
  return out.join('\n');
}

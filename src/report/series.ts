/**
 * Time series as standalone SVG small multiples: one panel per observable, its value over time
 * joined by a line, a shaded band of +- its estimated error, and a red marker on a panel whose
 * observable is beyond the tolerance. Linear axes with a few round ticks.
 */
import { escapeXml } from '../escape/xml.ts';

/** One panel: a named series with its error band. */
export interface SeriesPanel {
  readonly label: string;
  readonly t: readonly number[];
  readonly value: readonly number[];
  /** Half-width of the band at each time (the estimated error). */
  readonly error: readonly number[];
  readonly flagged?: boolean;
}

/** Round tick values covering [lo, hi] (about five). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.abs(v) < 1e-12 * step ? 0 : v);
  return out;
}

const tickLabel = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(4))));

/** One panel at (x, y) of size w x h. */
function panel(p: SeriesPanel, x: number, y: number, w: number, h: number): string[] {
  const m = { left: 56, right: 10, top: 22, bottom: 28 };
  const lo = Math.min(...p.value.map((v, i) => v - p.error[i]));
  const hi = Math.max(...p.value.map((v, i) => v + p.error[i]));
  const pad = hi > lo ? 0.08 * (hi - lo) : Math.max(1e-12, Math.abs(hi) * 0.1 || 1);
  const [y0, y1] = [lo - pad, hi + pad];
  const [t0, t1] = [Math.min(0, ...p.t), Math.max(...p.t)];
  const px = (t: number) => x + m.left + ((t - t0) / (t1 - t0 || 1)) * (w - m.left - m.right);
  const py = (v: number) => y + h - m.bottom - ((v - y0) / (y1 - y0)) * (h - m.top - m.bottom);
  const band = [
    ...p.t.map((t, i) => `${px(t).toFixed(1)},${py(p.value[i] + p.error[i]).toFixed(1)}`),
    ...[...p.t].reverse().map((t, j) => {
      const i = p.t.length - 1 - j;
      return `${px(t).toFixed(1)},${py(p.value[i] - p.error[i]).toFixed(1)}`;
    }),
  ].join(' ');
  const line = p.t.map((t, i) => `${i ? 'L' : 'M'}${px(t).toFixed(1)},${py(p.value[i]).toFixed(1)}`).join(' ');
  const out = [
    `<rect x="${x + m.left}" y="${y + m.top}" width="${w - m.left - m.right}" height="${h - m.top - m.bottom}" fill="none" stroke="#333"/>`,
    `<text x="${x + m.left}" y="${y + 15}" font-size="13"${p.flagged ? ' fill="#b00"' : ''}>${escapeXml(p.label)}${p.flagged ? ' (beyond tolerance)' : ''}</text>`,
  ];
  for (const v of niceTicks(y0, y1, 4))
    out.push(
      `<line x1="${x + m.left - 4}" x2="${x + m.left}" y1="${py(v)}" y2="${py(v)}" stroke="#333"/>`,
      `<text x="${x + m.left - 6}" y="${py(v) + 4}" text-anchor="end" font-size="10">${tickLabel(v)}</text>`,
    );
  for (const v of niceTicks(t0, t1, 4)) out.push(`<text x="${px(v)}" y="${y + h - m.bottom + 14}" text-anchor="middle" font-size="10">${tickLabel(v)}</text>`);
  out.push(
    `<polygon points="${band}" fill="#1f4e9c" fill-opacity="0.18" stroke="none" class="error-band"/>`,
    `<path d="${line}" fill="none" stroke="#1f4e9c" stroke-width="1.6" class="series"/>`,
  );
  p.t.forEach((t, i) => out.push(`<circle cx="${px(t).toFixed(1)}" cy="${py(p.value[i]).toFixed(1)}" r="2.2" fill="#1f4e9c"/>`));
  return out;
}

/** The SVG of panels in rows of `columns`, a title and a note on the band; refuses empty or non-finite data. */
export function seriesSvg(title: string, panels: readonly SeriesPanel[], options: { columns?: number; note?: string } = {}): string {
  if (panels.length === 0) throw new Error(`plot "${title}": no series`);
  for (const p of panels)
    if (p.t.length === 0 || p.t.length !== p.value.length || p.error.length !== p.t.length || [...p.t, ...p.value, ...p.error].some((v) => !Number.isFinite(v)))
      throw new Error(`plot "${title}": series ${p.label} has missing or non-finite points`);
  const columns = Math.min(options.columns ?? 3, panels.length);
  const [w, h] = [300, 200];
  const rows = Math.ceil(panels.length / columns);
  const W = columns * w;
  const H = rows * h + 50;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`,
    `<text x="10" y="20" font-size="14">${escapeXml(title)}</text>`,
    `<text x="10" y="38" font-size="11" fill="#555">${escapeXml(options.note ?? 'shaded: value +- estimated error')}</text>`,
  ];
  panels.forEach((p, k) => out.push(...panel(p, (k % columns) * w, 44 + Math.floor(k / columns) * h, w, h)));
  out.push('</svg>');
  return out.join('\n');
}

/** A small SVG line plot on linear axes, redrawn in place: curves as <path class="curve">, ticks, labels. */

const NS = 'http://www.w3.org/2000/svg';

/** A curve to draw. */
export interface Curve {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly colour: string;
  readonly dashed?: boolean;
}

/** Nice tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const step = 10 ** Math.floor(Math.log10(span / n));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= n) ?? step * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / unit) * unit; v <= hi + 1e-12; v += unit) out.push(Number(v.toPrecision(6)));
  return out;
}

const node = (tag: string, attrs: Record<string, string | number>, text?: string) => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Draw the curves into the svg (cleared first), with axis labels; yRange fixed or from the data. */
export function drawLines(svg: SVGSVGElement, curves: readonly Curve[], axes: { xLabel: string; yLabel: string; yRange?: [number, number] }): void {
  const W = 560,
    H = 300,
    m = { l: 56, r: 16, t: 12, b: 42 };
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const xs = curves.flatMap((c) => Array.from(c.x));
  const ys = curves.flatMap((c) => Array.from(c.y)).filter(Number.isFinite);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = axes.yRange ?? [Math.min(0, ...ys), Math.max(...ys) * 1.05];
  const px = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - ((y - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  svg.append(node('rect', { x: m.l, y: m.t, width: W - m.l - m.r, height: H - m.t - m.b, fill: 'none', stroke: '#444' }));
  for (const t of ticks(x0, x1))
    svg.append(
      node('line', { x1: px(t), x2: px(t), y1: H - m.b, y2: H - m.b + 5, stroke: '#444' }),
      node('text', { x: px(t), y: H - m.b + 18, 'text-anchor': 'middle' }, String(t)),
    );
  for (const t of ticks(y0, y1))
    svg.append(
      node('line', { x1: m.l - 5, x2: m.l, y1: py(t), y2: py(t), stroke: '#444' }),
      node('text', { x: m.l - 8, y: py(t) + 4, 'text-anchor': 'end' }, String(t)),
    );
  svg.append(node('text', { x: (m.l + W - m.r) / 2, y: H - 6, 'text-anchor': 'middle', 'font-style': 'italic' }, axes.xLabel));
  svg.append(
    node(
      'text',
      { x: 14, y: (m.t + H - m.b) / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${(m.t + H - m.b) / 2})`, 'font-style': 'italic' },
      axes.yLabel,
    ),
  );
  curves.forEach((c, k) => {
    let d = '';
    for (let i = 0; i < c.x.length; i++)
      if (Number.isFinite(c.y[i])) d += `${d ? 'L' : 'M'}${px(c.x[i]).toFixed(1)},${py(Math.min(Math.max(c.y[i], y0), y1)).toFixed(1)}`;
    svg.append(
      node('path', {
        d,
        fill: 'none',
        stroke: c.colour,
        'stroke-width': 2,
        class: 'curve',
        'data-label': c.label,
        ...(c.dashed ? { 'stroke-dasharray': '6 4' } : {}),
      }),
    );
    svg.append(
      node('line', {
        x1: W - m.r - 170,
        x2: W - m.r - 148,
        y1: m.t + 14 + 16 * k,
        y2: m.t + 14 + 16 * k,
        stroke: c.colour,
        'stroke-width': 2,
        ...(c.dashed ? { 'stroke-dasharray': '6 4' } : {}),
      }),
    );
    svg.append(node('text', { x: W - m.r - 142, y: m.t + 18 + 16 * k }, c.label));
  });
}

/** A fresh <svg> element with an accessible name. */
export function plotElement(id: string, title: string): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg') as SVGSVGElement;
  svg.setAttribute('id', id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.classList.add('plot');
  return svg;
}

/** The rates study (out/rates.svg, out/rates-time.svg and out/rates.md from `npm run rates`), when present at build time. */
import { markdownTableToHtml } from '../../src/report/markdown.ts';
import { el } from './dom.ts';

/** The log-log plot, the plot of the layers in time (when present) and the tables, or how to produce them. */
export function ratesView(svg: string | null, md: string | null, timeSvg: string | null = null): HTMLElement {
  if (!svg || !md) return el('p', { id: 'rates-missing' }, 'Not computed yet — run npm run rates, then rebuild the page.');
  // each plot as an image of a data URI: no script in an SVG can run in the page
  const image = (text: string, alt: string) => el('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, alt, class: 'plot' });
  const box = el('div', { id: 'rates-plot' }, image(svg, 'convergence rates'), timeSvg ? image(timeSvg, 'initial layers in time') : null);
  const lines = md.split('\n');
  const tables: string[][] = [];
  lines.forEach((l, i) => {
    if (l.startsWith('|') && !lines[i - 1]?.startsWith('|')) tables.push([]);
    if (l.startsWith('|')) tables[tables.length - 1].push(l);
  });
  const tablesBox = el('div', {});
  tablesBox.innerHTML = tables.map(markdownTableToHtml).join('');
  return el('div', {}, box, tablesBox);
}

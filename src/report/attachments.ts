/**
 * Results produced by other commands and shown in the report when present: the rates study
 * (out/rates.svg, out/rates-time.svg and out/rates.md, written by `npm run rates`). Only files the
 * folder's manifest lists, with their hash, are read (never a link, never a stranger's file), and
 * a plot is embedded as an <img> of a data URI, where no script of it can run.
 */
import { readListedOutput } from '../io/manifest.ts';
import { escapeHtml } from './html.ts';
import { markdownTableToHtml } from './markdown.ts';

/** The HTML section of the rates study found in outDir, or '' when it has not been run. */
export function ratesSection(outDir: string): string {
  const svgData = readListedOutput(outDir, 'rates.svg');
  const mdData = readListedOutput(outDir, 'rates.md');
  if (!svgData || !mdData) return '<section id="rates"><h2>Convergence rates</h2><p>Not computed yet: run <code>npm run rates</code>.</p></section>';
  const md = mdData.split('\n');
  const tables: string[][] = [];
  md.forEach((l, i) => {
    if (l.startsWith('|') && !md[i - 1]?.startsWith('|')) tables.push([]);
    if (l.startsWith('|')) tables[tables.length - 1].push(l);
  });
  const prose = md.filter((l) => l && !l.startsWith('|') && !l.startsWith('#')).map((l) => `<p>${escapeHtml(l.replace(/^- /, ''))}</p>`);
  const img = (svg: string | null, alt: string) =>
    svg ? `<img class="plot" alt="${alt}" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}">` : '';
  return `<section id="rates"><h2>Convergence rates</h2>${prose[0] ?? ''}${img(svgData, 'convergence rates')}${img(readListedOutput(outDir, 'rates-time.svg'), 'initial layers in time')}${tables.map(markdownTableToHtml).join('')}${prose.slice(1).join('')}</section>`;
}

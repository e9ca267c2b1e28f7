/**
 * Results produced by other commands and shown in the report when present: the rates study
 * (out/rates.svg, out/rates-time.svg and out/rates.md, written by `npm run rates`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from './html.ts';
import { markdownTableToHtml } from './markdown.ts';

/** The HTML section of the rates study found in outDir, or '' when it has not been run. */
export function ratesSection(outDir: string): string {
  const svgFile = join(outDir, 'rates.svg');
  const mdFile = join(outDir, 'rates.md');
  if (!existsSync(svgFile) || !existsSync(mdFile))
    return '<section id="rates"><h2>Convergence rates</h2><p>Not computed yet: run <code>npm run rates</code>.</p></section>';
  const md = readFileSync(mdFile, 'utf8').split('\n');
  const tables: string[][] = [];
  md.forEach((l, i) => {
    if (l.startsWith('|') && !md[i - 1]?.startsWith('|')) tables.push([]);
    if (l.startsWith('|')) tables[tables.length - 1].push(l);
  });
  const prose = md.filter((l) => l && !l.startsWith('|') && !l.startsWith('#')).map((l) => `<p>${escapeHtml(l.replace(/^- /, ''))}</p>`);
  const svg = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').replace(/^<\?xml[^>]*>/, '') : '');
  return `<section id="rates"><h2>Convergence rates</h2>${prose[0] ?? ''}${svg(svgFile)}${svg(join(outDir, 'rates-time.svg'))}${tables.map(markdownTableToHtml).join('')}${prose.slice(1).join('')}</section>`;
}

/** The report shows the rates study when out/ holds it, and says how to get it otherwise. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratesSection } from '../../src/report/attachments.ts';
import { markdownTableToHtml } from '../../src/report/markdown.ts';

describe('rates in the report', () => {
  it('says "not computed yet" without the files', () => {
    expect(ratesSection(mkdtempSync(join(tmpdir(), 'fhn-att-')))).toContain('run <code>npm run rates</code>');
  });

  it('embeds the plot and turns the Markdown tables into HTML tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeFileSync(join(dir, 'rates.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>p</title></svg>');
    writeFileSync(join(dir, 'rates.md'), '# T\n\nsetup line.\n\n| a | b |\n| --- | --- |\n| `x` | 1 < 2 |\n\n| c |\n| --- |\n| 3 |\n');
    const html = ratesSection(dir);
    expect(html).toContain('<svg');
    expect(html).toContain('<p>setup line.</p>');
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('<td><code>x</code></td><td>1 &lt; 2</td>');
    expect(html.match(/<svg/g)).toHaveLength(1);
    writeFileSync(join(dir, 'rates-time.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>layers</title></svg>');
    const both = ratesSection(dir);
    expect(both.match(/<svg/g)).toHaveLength(2);
    expect(both.indexOf('<title>p</title>')).toBeLessThan(both.indexOf('<title>layers</title>'));
  });

  it('keeps the cells of a row apart', () => {
    expect(markdownTableToHtml(['| h1 | h2 |', '| --- | --- |', '| a | b |'])).toBe(
      '<table class="claims"><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
    );
  });
});

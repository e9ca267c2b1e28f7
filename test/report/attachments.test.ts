/** The report shows the rates study when out/ holds it, and says how to get it otherwise. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratesSection } from '../../src/report/attachments.ts';
import { OutputSet } from '../../src/io/index.ts';
import { markdownTableToHtml } from '../../src/report/markdown.ts';

describe('rates in the report', () => {
  it('says "not computed yet" without the files', () => {
    expect(ratesSection(mkdtempSync(join(tmpdir(), 'fhn-att-')))).toContain('run <code>npm run rates</code>');
  });

  /** Write files as the rates command does: one output set, listed in the manifest. */
  const writeSet = (dir: string, files: Record<string, string>) => {
    const set = OutputSet.open(dir, 'rates');
    for (const [name, text] of Object.entries(files)) set.add(name, text);
    set.commit();
  };
  const plots = (html: string) => [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));

  it('embeds the plot as an image and turns the Markdown tables into HTML tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeSet(dir, {
      'rates.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>p</title></svg>',
      'rates.md': '# T\n\nsetup line.\n\n| a | b |\n| --- | --- |\n| `x` | 1 < 2 |\n\n| c |\n| --- |\n| 3 |\n',
    });
    const md = '# T\n\nsetup line.\n\n| a | b |\n| --- | --- |\n| `x` | 1 < 2 |\n\n| c |\n| --- |\n| 3 |\n';
    const html = ratesSection(dir);
    expect(html).not.toContain('<svg');
    expect(plots(html)).toEqual(['<svg xmlns="http://www.w3.org/2000/svg"><title>p</title></svg>']);
    expect(html).toContain('<p>setup line.</p>');
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('<td><code>x</code></td><td>1 &lt; 2</td>');
    writeSet(dir, {
      'rates.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>p</title></svg>',
      'rates.md': md,
      'rates-time.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>layers</title></svg>',
    });
    const both = plots(ratesSection(dir));
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('<title>p</title>');
    expect(both[1]).toContain('<title>layers</title>');
  });

  it('never inlines a plot: a script in it cannot run in the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeSet(dir, { 'rates.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'rates.md': "# T\n\nline $& and $' end\n" });
    const html = ratesSection(dir);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<p>line $&amp; and $' end</p>");
  });

  it('reads only files the manifest lists with their hash: not a file it did not write, not a link, not a file changed afterwards', () => {
    const md = '# T\n\nsetup.\n';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>p</title></svg>';
    const stranger = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeFileSync(join(stranger, 'rates.svg'), svg);
    writeFileSync(join(stranger, 'rates.md'), md);
    expect(ratesSection(stranger)).toContain('Not computed yet');
    const linked = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeSet(linked, { 'rates.svg': svg, 'rates.md': md });
    const secret = join(mkdtempSync(join(tmpdir(), 'fhn-secret-')), 'private.svg');
    writeFileSync(secret, '<svg xmlns="http://www.w3.org/2000/svg"><title>PRIVATE</title></svg>');
    unlinkSync(join(linked, 'rates.svg'));
    symlinkSync(secret, join(linked, 'rates.svg'));
    expect(ratesSection(linked)).not.toContain(Buffer.from('PRIVATE').toString('base64').slice(0, 8));
    expect(ratesSection(linked)).toContain('Not computed yet');
    const changed = mkdtempSync(join(tmpdir(), 'fhn-att-'));
    writeSet(changed, { 'rates.svg': svg, 'rates.md': md });
    writeFileSync(join(changed, 'rates.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>edited</title></svg>');
    expect(ratesSection(changed)).toContain('Not computed yet');
  });

  it('keeps the cells of a row apart', () => {
    expect(markdownTableToHtml(['| h1 | h2 |', '| --- | --- |', '| a | b |'])).toBe(
      '<table class="claims"><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
    );
  });
});

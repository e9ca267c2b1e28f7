/**
 * The HTML report in a real browser (Chromium from npm (@sparticuz/chromium) through playwright-core): the page is
 * generated from the paper's derivations, opened from disk, and every formula must have
 * rendered (no .katex-error, one .katex per emitted formula) with KaTeX's own fonts loaded.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { paperReplay } from '../support/replay.ts';

const OUT = resolve('out');

describe('out/report.html in chromium', () => {
  let browser: BrowserContext;
  let close: () => Promise<void>;
  let emitted: number;
  let dir: string;

  beforeAll(async () => {
    const replay = paperReplay(); // the symbolic replay, run once per test run (test/support/replay.setup.ts)
    dir = replay.dir;
    emitted = replay.equations.length;
    ({ browser, close } = await launchChromium({ width: 1280, height: 2000 }));
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  it('renders every emitted formula with KaTeX fonts, from file:// with no network', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.evaluate(() => document.fonts.ready);
    const declared = Number(await page.locator('body').getAttribute('data-equations'));
    expect(declared).toBe(emitted);
    expect(emitted).toBeGreaterThan(10);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('.katex').count()).toBe(declared);
    // KaTeX's CSS applied (a rendered formula has height) and its fonts came from the copied files
    const loadedKatexFonts = await page.evaluate(() => {
      const loaded: string[] = [];
      document.fonts.forEach((f) => {
        if (f.family.includes('KaTeX') && f.status === 'loaded') loaded.push(f.family);
      });
      return loaded;
    });
    expect(loadedKatexFonts).toContain('KaTeX_Main');
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    const firstHeight = await page
      .locator('.katex-display')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(firstHeight).toBeGreaterThan(10);
    mkdirSync(OUT, { recursive: true });
    const shot = join(OUT, 'report.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});

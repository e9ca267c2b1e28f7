/**
 * The web explorer in headless Chromium (from npm): the static build served over http, no console errors,
 * every formula rendered, the eps slider moves the theta curve, the simulation advances when
 * played, the controls have labels and are reachable by keyboard. Screenshots go to out/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, normalize } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

const OUT = resolve('out');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

/** A plain static file server on an ephemeral port. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

describe('web explorer in chromium', () => {
  let close: () => Promise<void>;
  let server: Server;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'fhn-web-'));
    await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
    const served = await serve(dist);
    server = served.server;
    const launched = await launchChromium({ width: 1280, height: 1600 });
    close = launched.close;
    page = await launched.browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await close?.();
    server?.close();
  });

  it('loads with no console errors and renders every formula of the data', async () => {
    const declared = Number(await page.locator('body').getAttribute('data-equations'));
    expect(declared).toBeGreaterThan(50);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('.katex').count()).toBe(declared);
    expect(await page.locator('table.claims tbody tr').count()).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUT, 'web-claims.png') });
    expect(statSync(join(OUT, 'web-claims.png')).size).toBeGreaterThan(10_000);
  });

  it('filters the claims by verdict', async () => {
    await page.selectOption('#claim-status', 'erratum');
    const visible = await page.locator('table.claims tbody tr:not([hidden])').count();
    expect(visible).toBeGreaterThan(0);
    expect(await page.locator('table.claims tbody tr:not([hidden]) .badge:not(.erratum)').count()).toBe(0);
    await page.selectOption('#claim-status', '');
  });

  it('lists every erratum with its location, smallest change and evidence', async () => {
    const errata = page.locator('article.erratum');
    const n = await errata.count();
    expect(n).toBeGreaterThan(10);
    expect(await page.locator('article.erratum dl.erratum-location').count()).toBe(n);
    const texts = await page.locator('article.erratum dl.erratum-location').allInnerTexts();
    const formulaOne = texts.find((t) => /Location\s+in the formula/.test(t));
    expect(formulaOne).toBeDefined();
    expect(formulaOne).toMatch(/Smallest change\s+\S.*->/);
    expect(await page.locator('article.erratum dd:has-text("not recorded")').count()).toBe(0);
    expect(await page.locator('article.erratum dl.erratum-location ul li').count()).toBeGreaterThanOrEqual(n);
    // every erratum says which results it affects, and the kinds reference and gap are there
    expect(await page.locator('article.erratum dd.affects li').count()).toBeGreaterThanOrEqual(n);
    const kinds = await page.locator('article.erratum dd.kind').allTextContents();
    for (const k of ['formula', 'reference', 'gap', 'extraction']) expect(kinds).toContain(k);
  });

  it('lists the citations of the proofs and filters the wrong ones', async () => {
    const rows = page.locator('table.citations tbody tr');
    const all = await rows.count();
    expect(all).toBeGreaterThan(50);
    await page.check('#citations-wrong');
    const shown = await page.locator('table.citations tbody tr:visible').count();
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(all);
    expect(await page.locator('table.citations tbody tr.wrong:visible').count()).toBe(shown);
    await page.uncheck('#citations-wrong');
  });

  it('moves the theta curve when the eps slider moves (by keyboard)', async () => {
    const curve = page.locator('#theta-plot path.curve').first();
    const before = await curve.getAttribute('d');
    await page.focus('#eps');
    for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowRight');
    const after = await curve.getAttribute('d');
    expect(after).not.toBe(before);
    await page.locator('#theta').screenshot({ path: join(OUT, 'web-theta.png') });
  });

  it('advances the simulation when played, and pauses', async () => {
    const time = page.locator('#sim-time');
    const hist = page.locator('#sim-plot path.curve').first();
    const [t0, h0] = [await time.textContent(), await hist.getAttribute('d')];
    await page.click('#sim-play');
    expect(await page.getAttribute('#sim-play', 'aria-pressed')).toBe('true');
    await page.waitForFunction((t) => document.querySelector('#sim-time')?.textContent !== t, t0, { timeout: 10_000 });
    await page.waitForTimeout(1500);
    await page.click('#sim-play');
    expect(await page.getAttribute('#sim-play', 'aria-pressed')).toBe('false');
    expect(await hist.getAttribute('d')).not.toBe(h0);
    const t = Number(/t = ([\d.]+)/.exec((await time.textContent()) ?? '')?.[1]);
    expect(t).toBeGreaterThan(0);
    await page.locator('#simulation').screenshot({ path: join(OUT, 'web-simulation.png') });
    expect(errors).toEqual([]);
  });

  it('labels every control', async () => {
    const unlabeled = await page.evaluate(
      () =>
        [...document.querySelectorAll('input, select, button')].filter((e) => {
          const id = e.getAttribute('id');
          const byLabel = id ? document.querySelector(`label[for="${id}"]`) : null;
          return !byLabel && !(e.textContent ?? '').trim() && !e.getAttribute('aria-label');
        }).length,
    );
    expect(unlabeled).toBe(0);
  });
});

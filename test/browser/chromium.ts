/** Test helper: Debian's chromium through playwright-core, as DESIGN.md prescribes (no browser download). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, BrowserContext } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** A headless chromium with a fresh profile; close() also removes the profile. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  const profile = mkdtempSync(join(tmpdir(), 'fhn-chromium-'));
  // a fresh profile directory: playwright passes it to chromium as --user-data-dir
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

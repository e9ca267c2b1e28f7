/**
 * Test helper: a headless Chromium that arrives with `npm ci` (the binary shipped inside the
 * `@sparticuz/chromium` package, driven by playwright-core): no system browser, no apt, no download.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const PACKAGE = '@sparticuz/chromium';

/** The package's directory and version (the extraction is keyed by it, so an upgrade re-extracts). */
function packageInfo(): { dir: string; version: string } {
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  const dir = join(dirname(entry), '..', '..');
  return { dir, version: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version };
}

/**
 * The Chromium binary, decompressed once per package version into `node_modules/.cache` (where
 * tools keep what they build from their packages: it goes with `node_modules`, and a test run's
 * temp folder, removed at the run's end, does not hold it). The package's own `executablePath()`
 * inflates into `os.tmpdir()`; it runs in a child process whose TMPDIR is a private directory
 * beside the cache, which is then renamed into place, so concurrent test files (or runs) never
 * see a half-written binary.
 */
export function chromiumExecutable(): string {
  const { dir, version } = packageInfo();
  const cache = join(dir, '..', '..', '.cache');
  const home = join(cache, `fhn-derive-chromium-${version}`);
  const binary = join(home, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  const partial = mkdtempSync(join(cache, 'fhn-derive-chromium-partial-'));
  try {
    const script = `const m = await import(${JSON.stringify(PACKAGE)}); process.stdout.write(await m.default.executablePath());`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: partial }, stdio: ['ignore', 'pipe', 'inherit'] });
    renameSync(partial, home);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    // another process renamed its complete copy into place first
    if (!existsSync(binary)) throw err;
  }
  return binary;
}

/** A headless chromium with a fresh profile; close() also removes the profile. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const executablePath = chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'fhn-chromium-'));
  // the package's fonts (with their fonts.conf) when the machine has no fontconfig of its own
  const fonts = join(dirname(executablePath), 'fonts');
  const env = existsSync('/etc/fonts/fonts.conf') ? undefined : ({ ...process.env, FONTCONFIG_PATH: fonts } as Record<string, string>);
  // a fresh profile directory: playwright passes it to chromium as --user-data-dir
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    env,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium through playwright-core with the flags that work on these machines. */
import { resolve as resolvePath } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Each launch gets a fresh, empty profile (playwright makes a temporary user-data-dir). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Where an end-to-end test writes a screenshot the docs show (`docs/<name>`): into the docs only when
 * `UPDATE_DOCS_SCREENSHOTS=1` (so a plain `npm test` leaves the working tree clean), else beside the
 * other test artifacts, `.test-artifacts/screenshots/<name>`, to look at.
 */
export function docsScreenshotPath(name: string): string {
  return process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? resolvePath('docs', name) : resolvePath('.test-artifacts/screenshots', name);
}

/** Launches Debian's Chromium through playwright-core with the flags that work on these machines. */
import { resolve as resolvePath } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo.js';

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

export interface SignInOptions {
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
  /** Grant camera and microphone (the fake devices). */
  media?: boolean;
}

/**
 * A new browser context (its own cookies: one person) signed in as a demo person through the login page,
 * on the lobby. The context goes into `contexts` for the test to close; page errors are printed.
 */
export async function signInAs(browser: Browser, baseUrl: string, contexts: BrowserContext[], email: string, opts: SignInOptions = {}): Promise<Page> {
  const { locale = 'en-US', timezoneId = 'Asia/Shanghai', viewport = { width: 1366, height: 860 }, media = false } = opts;
  const context = await browser.newContext({ locale, timezoneId, viewport, ...(media ? { permissions: ['camera', 'microphone'] } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${email}] pageerror:`, err));
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('lobby-title').waitFor();
  return page;
}

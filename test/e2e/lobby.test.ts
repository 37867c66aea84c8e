/**
 * End to end in Debian's Chromium: a founder and an investor sign in in two browser contexts, see each
 * other online in the lobby, one signs out and disappears from the other's lobby, and the Chinese UI renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../server/demo.js';

const clientDist = resolve('dist/client');
const shots = resolve('.test-artifacts/screenshots');

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('Build the client first: npx vite build');
  mkdirSync(shots, { recursive: true });
  srv = await startServer({ clientDist, presenceGraceMs: 500 });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

async function signIn(email: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${srv.url}/`);
  // Not signed in: the app sends us to the login page.
  await page.getByTestId('login-email').waitFor();
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('lobby-title').waitFor();
  return page;
}

const onlineEntry = (page: Page, userId: string) => page.locator(`[data-testid="online-user"][data-user-id="${userId}"]`);

describe('lobby in the browser', () => {
  it('a wrong password shows an error on the login page', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${srv.url}/login`);
    await page.getByTestId('login-email').fill('chen@hatchery.demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('founder and investor see each other online, then the investor signs out and disappears', async () => {
    const chenId = (await srv.hatchery.store.users.byEmail('chen@hatchery.demo'))!.id;
    const hannahId = (await srv.hatchery.store.users.byEmail('hannah@hatchery.demo'))!.id;

    const founder = await signIn('chen@hatchery.demo');
    const investor = await signIn('hannah@hatchery.demo');

    await onlineEntry(founder, hannahId).waitFor({ timeout: 15_000 });
    await onlineEntry(investor, chenId).waitFor({ timeout: 15_000 });
    expect(await onlineEntry(founder, hannahId).innerText()).toContain('Hannah Kim');
    expect(await onlineEntry(investor, chenId).innerText()).toContain('Chen Yu');
    // What is next: the seeded roadshows are listed.
    expect(await founder.getByTestId('next-list').getByTestId('roadshow-card').count()).toBeGreaterThan(0);
    await expect.poll(() => founder.getByTestId('connection-banner').getAttribute('data-state').catch(() => 'connected')).not.toBe('reconnecting');
    await founder.screenshot({ path: `${shots}/lobby-founder-en.png`, fullPage: true });

    // The investor signs out: back to the login page, and gone from the founder's lobby.
    await investor.getByTestId('user-menu').click();
    await investor.getByTestId('logout').click();
    await investor.getByTestId('login-email').waitFor();
    await onlineEntry(founder, hannahId).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await onlineEntry(founder, chenId).count()).toBe(1);
  });

  it('the Chinese UI renders after switching language', async () => {
    const page = await signIn('lina@hatchery.demo');
    const english = await page.getByTestId('lobby-title').innerText();
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    await expect.poll(() => page.getByTestId('lobby-title').innerText()).not.toBe(english);
    expect(await page.getByTestId('lobby-title').innerText()).toMatch(/[\u4e00-\u9fff]/);
    // Navigation is translated too, and the choice survives a reload.
    await page.reload();
    await page.getByTestId('lobby-title').waitFor();
    expect(await page.getByTestId('lobby-title').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('online-user').first().waitFor();
    await page.getByTestId('roadshow-card').first().waitFor();
    await page.screenshot({ path: `${shots}/lobby-zh.png`, fullPage: true });
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('lobby-title').innerText()).toBe(english);
  });
});

/**
 * A roadshow end to end in Debian's Chromium, through the real server and SFU: the host opens backstage,
 * the presenting founder publishes while the investor sees only "starting soon" and gets no media; the
 * host goes live and the investor sees the presenter's video; the investor asks, a second viewer upvotes,
 * the host marks it answered and every page shows it; the host moves to the next item, the timer restarts
 * and the stage passes to the next startup. Screenshots of the live room in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, startServer, type TestServer } from '../helpers/server.js';
import { launchChromium, signInAs, type SignInOptions } from '../helpers/browser.js';

const clientDist = resolve('dist/client');
const shots = resolve('.test-artifacts/screenshots');

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let roadshowId: string;
let firstItemId: string;
let secondItemId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('Build the client first: npx vite build');
  mkdirSync(shots, { recursive: true });
  srv = await startServer({ clientDist, presenceGraceMs: 500 });
  browser = await launchChromium();
  for (const who of ['ops', 'chen', 'sofia', 'lina', 'hannah', 'zhao']) ids[who] = (await srv.hatchery.store.users.byEmail(`${who}@hatchery.demo`))!.id;
  const startups = await srv.hatchery.store.startups.list();
  const tide = startups.find((s) => s.name === 'Tidewater Robotics')!.id;
  const agri = startups.find((s) => s.name.includes('AgriSense'))!.id;
  const ops = await login(srv.url, 'ops@hatchery.demo');
  const created = await ops.post('/api/roadshows', {
    title: 'Spring Demo Day',
    description: 'Two startups, five minutes each.',
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    agenda: [
      { kind: 'pitch', title: 'Tidewater Robotics', startupId: tide, pitchMinutes: 5, qaMinutes: 3 },
      { kind: 'pitch', title: '青禾 AgriSense', startupId: agri, pitchMinutes: 5, qaMinutes: 3 },
    ],
  });
  expect(created.status).toBe(201);
  roadshowId = created.json.roadshow.id;
  [firstItemId, secondItemId] = created.json.roadshow.agenda.map((i: { id: string }) => i.id);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

const signIn = (email: string, opts: SignInOptions = {}) => signInAs(browser, srv.url, contexts, email, { media: true, ...opts });

const liveUrl = () => `${srv.url}/roadshows/${roadshowId}/live`;
const room = (page: Page) => page.getByTestId('roadshow-room');
const status = (page: Page) => room(page).getAttribute('data-status');
const mediaRoom = () => srv.hatchery.media.existingRoom(`roadshow:${roadshowId}`);
const mediaPeer = (userId: string) => mediaRoom()?.peers().find((p) => p.userId === userId);
/** Width of the decoded video in this page's tile of `userId`'s camera (0 while nothing is decoded). */
const cameraWidth = (page: Page, userId: string) =>
  page
    .locator(`[data-testid="roadshow-stage"] [data-testid="video-tile"][data-user-id="${userId}"][data-source="camera"] video`)
    .evaluateAll((vs: HTMLVideoElement[]) => Math.max(0, ...vs.map((v) => v.videoWidth)));

describe('a roadshow in the browser', () => {
  it('backstage → live → Q&A → next item, seen by host, presenter and two investors', async () => {
    const host = await signIn('ops@hatchery.demo');
    const presenter = await signIn('chen@hatchery.demo');
    const investor = await signIn('hannah@hatchery.demo', { timezoneId: 'America/Los_Angeles' });
    const viewer = await signIn('zhao@hatchery.demo', { locale: 'zh-CN', timezoneId: 'Asia/Hong_Kong' });
    const everyone = [host, presenter, investor, viewer];

    // The host opens the room and goes backstage.
    await host.goto(liveUrl());
    await expect.poll(() => status(host), { timeout: 15_000 }).toBe('scheduled');
    await host.getByTestId('roadshow-go-backstage').click();
    await expect.poll(() => status(host), { timeout: 10_000 }).toBe('backstage');

    // The presenter rehearses: in the media room, publishing a camera.
    await presenter.goto(liveUrl());
    await presenter.getByTestId('roadshow-backstage-banner').waitFor({ timeout: 15_000 });
    expect(await room(presenter).getAttribute('data-stage-role')).toBe('presenter');
    await expect.poll(() => [...(mediaPeer(ids.chen!)?.producers.values() ?? [])].some((p) => p.source === 'camera'), { timeout: 20_000 }).toBe(true);

    // The investor sees "starting soon" and none of it: no tiles, not in the media room.
    await investor.goto(liveUrl());
    await investor.getByTestId('roadshow-starting-soon').waitFor({ timeout: 15_000 });
    expect(await room(investor).getAttribute('data-stage-role')).toBe('audience');
    await viewer.goto(liveUrl());
    await viewer.getByTestId('roadshow-starting-soon').waitFor({ timeout: 15_000 });
    expect(await investor.locator('[data-testid="video-tile"]').count()).toBe(0);
    expect(mediaPeer(ids.hannah!)).toBeUndefined();

    // Live: the investor is switched to the stage at once and sees the presenter's video.
    await host.getByTestId('roadshow-go-live').click();
    for (const page of everyone) await expect.poll(() => status(page), { timeout: 10_000 }).toBe('live');
    await expect.poll(() => cameraWidth(investor, ids.chen!), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(mediaPeer(ids.hannah!)?.canPublish).toBe(false);
    for (const page of everyone) await expect.poll(() => page.getByTestId('roadshow-current-item').getAttribute('data-item-id')).toBe(firstItemId);
    await expect.poll(() => investor.getByTestId('roadshow-timer').getAttribute('data-running')).toBe('true');

    // The investor asks; it appears everywhere without a reload.
    const text = 'How do the robots handle barnacles on aluminium hulls?';
    await investor.getByTestId('qa-tab').click();
    await investor.getByTestId('qa-input').fill(text);
    await investor.getByTestId('qa-submit').click();
    const question = (page: Page) => page.getByTestId('question').filter({ hasText: text });
    for (const page of [host, presenter, viewer]) {
      await page.getByTestId('qa-tab').click();
      await question(page).waitFor({ timeout: 10_000 });
    }

    // A second viewer upvotes it; the count reaches the asker.
    await question(viewer).getByTestId('question-upvote').click();
    await expect.poll(() => question(viewer).getByTestId('question-upvote').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => question(investor).getByTestId('question-votes').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await question(investor).getByTestId('question-answer').count()).toBe(0); // the audience has no moderation buttons

    // The host marks it answered; every page shows it.
    await question(host).getByTestId('question-answer').click();
    for (const page of everyone) await expect.poll(() => question(page).getAttribute('data-answered'), { timeout: 10_000 }).toBe('true');

    await investor.screenshot({ path: `${shots}/roadshow-live-investor.png` });
    await viewer.screenshot({ path: `${shots}/roadshow-live-viewer-zh.png` });
    await host.screenshot({ path: `${shots}/roadshow-live-host.png` });

    // Next item: the timer restarts and the stage passes to the next startup's founders.
    await host.getByTestId('roadshow-next-item').click();
    for (const page of everyone) await expect.poll(() => page.getByTestId('roadshow-current-item').getAttribute('data-item-id'), { timeout: 10_000 }).toBe(secondItemId);
    await expect.poll(async () => (await investor.getByTestId('roadshow-timer').innerText()).trim()).toMatch(/^00:0\d$/);
    await expect.poll(() => room(presenter).getAttribute('data-stage-role')).toBe('audience');
    await expect.poll(() => mediaPeer(ids.chen!)?.canPublish, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => mediaPeer(ids.chen!)?.producers.size ?? 0, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => investor.locator(`[data-testid="video-tile"][data-user-id="${ids.chen}"]`).count(), { timeout: 10_000 }).toBe(0);
  });
});

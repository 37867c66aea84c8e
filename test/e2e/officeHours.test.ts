/**
 * Office hours end to end in Debian's Chromium, through the real server, SFU and document server: the
 * Shanghai mentor Wang Lei (in Chinese) publishes a weekly window with the grid; the founder Chen, whose
 * profile and browser are in New York, sees that slot at the right New York time and books it (the
 * mentor's bell rings live), then moves it to another slot; then a drop-in — the mentor opens the door,
 * Chen queues and sees his place, the mentor admits him — takes both into the private room, where each
 * decodes the other's video and both write in the shared notes and action items; the mentor extends the
 * room; Chen rates the session and the mentor sees it; Chen cancels the booked slot and the mentor is
 * told; another founder who opens the room's address is refused. Screenshots of the booking page (EN)
 * and the room (ZH) for the docs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, startServer, type TestServer } from '../helpers/server.js';
import { docsScreenshotPath, launchChromium, signInAs, type SignInOptions } from '../helpers/browser.js';

/** The slice of the page's RoomClient (exposed as `window.__hatcheryRoom` under automation) the test uses. */
interface RoomHook {
  inboundStats(): Promise<{ peerId: string; kind: string; source: string; stats: Record<string, unknown> | null }[]>;
}
type HookedWindow = Window & { __hatcheryRoom?: RoomHook };

const clientDist = resolve('dist/client');
const shots = resolve('.test-artifacts/screenshots');
const docsEn = docsScreenshotPath('screenshot-office-hours-en.png');
const docsRoomZh = docsScreenshotPath('screenshot-office-hours-room-zh.png');
const MENTOR_ZONE = 'Asia/Shanghai';
const FOUNDER_ZONE = 'America/New_York';

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ids: Record<string, string> = {};
let mentor: Page;
let chen: Page;
/** The weekly window the mentor adds: a weekday three days ahead (Shanghai), 08:00–09:00. */
let target: { weekday: number; date: string; slotStartsAt: string };
let bookingId = '';
let dropInId = '';

beforeAll(async () => {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('Build the client first: npx vite build');
  mkdirSync(shots, { recursive: true });
  srv = await startServer({ clientDist, presenceGraceMs: 500 });
  browser = await launchChromium();
  for (const who of ['wanglei', 'chen', 'lina']) ids[who] = (await srv.hatchery.store.users.byEmail(`${who}@hatchery.demo`))!.id;
  // Chen lives in New York now: his profile says so (the app shows times in the profile's zone).
  const chenApi = await login(srv.url, 'chen@hatchery.demo');
  expect((await chenApi.patch('/api/users/me', { timeZone: FOUNDER_ZONE })).status).toBe(200);
  const day = DateTime.now().setZone(MENTOR_ZONE).plus({ days: 3 }).startOf('day');
  target = {
    weekday: day.weekday,
    date: day.toISODate()!,
    slotStartsAt: day.set({ hour: 8 }).toUTC().toJSDate().toISOString(),
  };
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

const signIn = (email: string, opts: SignInOptions = {}) => signInAs(browser, srv.url, contexts, email, { timezoneId: MENTOR_ZONE, media: true, ...opts });

const cell = (page: Page, weekday: number, time: string) => page.locator(`[data-testid="oh-grid-cell"][data-weekday="${weekday}"][data-time="${time}"]`);
const roomState = (page: Page) => page.getByTestId('oh-session-room').getAttribute('data-state');
const unread = async (page: Page) => Number(await page.getByTestId('notifications-bell').getAttribute('data-unread'));
const notesProse = (page: Page) => page.getByTestId('oh-notes').locator('.ProseMirror');
/** The decoded width of `userId`'s camera in this page's room (0 until frames are decoded). */
const cameraWidth = (page: Page, userId: string) =>
  page
    .locator(`[data-testid="video-tile"][data-user-id="${userId}"][data-source="camera"][data-local="false"] video`)
    .evaluateAll((vs: HTMLVideoElement[]) => Math.max(0, ...vs.map((v) => v.videoWidth)));
/** Frames of `peerId`'s camera decoded on this page, from the RoomClient test hook. */
const framesDecoded = (page: Page, peerId: string) =>
  page.evaluate(async (peerId) => {
    const room = (window as HookedWindow).__hatcheryRoom;
    const all = room ? await room.inboundStats() : [];
    return Number(all.find((s) => s.peerId === peerId && s.kind === 'video' && s.source === 'camera')?.stats?.framesDecoded ?? 0);
  }, peerId);

/** On the session page: waits for the pre-join preview, joins, and waits until in the room. */
async function enterRoom(page: Page): Promise<void> {
  await expect.poll(() => roomState(page), { timeout: 20_000 }).toBe('prejoin');
  await expect.poll(() => page.getByTestId('prejoin-preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByTestId('prejoin-join').click();
  await expect.poll(() => roomState(page), { timeout: 20_000 }).toBe('joined');
}

/** Types a new paragraph at the end of the notes. */
async function typeInNotes(page: Page, text: string): Promise<void> {
  const empty = (await notesProse(page).innerText()).trim() === '';
  await notesProse(page).click();
  await page.keyboard.press('Control+End');
  if (!empty) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

describe('office hours in the browser', () => {
  it('the mentor publishes a weekly window with the grid (drag) and saves it', async () => {
    mentor = await signIn('wanglei@hatchery.demo', { locale: 'zh-CN', timezoneId: MENTOR_ZONE });
    await mentor.goto(`${srv.url}/office-hours/availability`);
    await mentor.getByTestId('oh-availability-grid').waitFor({ timeout: 15_000 });
    // The demo's Mon–Fri 14:00–17:00 shows in the grid, in the mentor's own zone.
    expect(await cell(mentor, 1, '14:00').getAttribute('aria-pressed')).toBe('true');
    expect(await mentor.getByTestId('oh-timezone').inputValue()).toBe(MENTOR_ZONE);

    // Drag from 08:00 to 08:30 on the chosen weekday: both half hours switch on.
    const from = cell(mentor, target.weekday, '08:00');
    const to = cell(mentor, target.weekday, '08:30');
    await from.scrollIntoViewIfNeeded();
    expect(await from.getAttribute('aria-pressed')).toBe('false');
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await mentor.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mentor.mouse.down();
    await mentor.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await mentor.mouse.up();
    await expect.poll(() => to.getAttribute('aria-pressed')).toBe('true');
    expect(await from.getAttribute('aria-pressed')).toBe('true');
    // The keyboard works too: Space toggles the focused cell (and again, back).
    await to.focus();
    await mentor.keyboard.press('ArrowDown');
    await mentor.keyboard.press('Space');
    await expect.poll(() => cell(mentor, target.weekday, '09:00').getAttribute('aria-pressed')).toBe('true');
    await mentor.keyboard.press('Space');
    await expect.poll(() => cell(mentor, target.weekday, '09:00').getAttribute('aria-pressed')).toBe('false');

    await mentor.getByTestId('oh-slot-minutes').selectOption('30');
    await mentor.getByTestId('oh-capacity').selectOption('1');
    await mentor.getByTestId('oh-availability-save').click();
    await mentor.getByTestId('oh-availability-saved').waitFor({ timeout: 10_000 });
    await mentor.screenshot({ path: `${shots}/office-hours-availability-zh.png`, fullPage: true });
    const saved = await srv.hatchery.store.officeHours.availability(ids.wanglei!);
    expect(saved?.weekly).toContainEqual({ weekday: target.weekday, start: '08:00', end: '09:00' });
    expect(saved).toMatchObject({ slotMinutes: 30, capacity: 1, timeZone: MENTOR_ZONE });
  });

  it('a founder in New York sees the slot at New York time, books it (the mentor’s bell rings) and reschedules it', async () => {
    chen = await signIn('chen@hatchery.demo', { timezoneId: FOUNDER_ZONE });
    await chen.getByRole('link', { name: 'Office hours' }).click();
    const card = chen.locator(`[data-testid="oh-mentor-card"][data-mentor-id="${ids.wanglei}"]`);
    await card.waitFor({ timeout: 15_000 });
    await card.getByTestId('oh-mentor-book').click();

    const slot = chen.locator(`[data-testid="oh-slot"][data-starts-at="${target.slotStartsAt}"]`);
    await slot.waitFor({ timeout: 15_000 });
    expect(await slot.getAttribute('data-state')).toBe('free');
    // 08:00 in Shanghai, shown as New York wall time (computed here with Intl from the slot's UTC start).
    const expected = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: FOUNDER_ZONE }).format(
      new Date((await slot.getAttribute('data-starts-at'))!),
    );
    expect(expected).not.toBe('08:00');
    expect((await slot.getByTestId('oh-slot-time').innerText()).trim()).toBe(expected);
    expect(await slot.innerText()).toContain('08:00'); // the mentor's own time beside it

    const before = await unread(mentor);
    await slot.click();
    await chen.getByTestId('oh-book-startup').waitFor();
    expect(await chen.getByTestId('oh-book-startup').innerText()).toContain('Tidewater Robotics');
    await chen.getByTestId('oh-book-agenda').fill('Sourcing stainless parts for the hull robot in Shenzhen');
    await chen.getByTestId('oh-book-submit').click();
    const booked = chen.getByTestId('oh-booked');
    await booked.waitFor({ timeout: 10_000 });
    bookingId = (await booked.getAttribute('data-booking-id'))!;
    expect(bookingId).toBeTruthy();
    await expect.poll(() => slot.getAttribute('data-state'), { timeout: 10_000 }).toBe('mine');
    await chen.screenshot({ path: `${shots}/office-hours-booking-en.png` });
    copyFileSync(`${shots}/office-hours-booking-en.png`, docsEn);

    // The mentor's bell counts it live and reads "… booked …".
    await expect.poll(() => unread(mentor), { timeout: 10_000 }).toBe(before + 1);
    await mentor.getByTestId('notifications-bell').click();
    const item = mentor.getByTestId('notification').filter({ hasText: '陈宇 Chen Yu' }).first();
    await item.waitFor({ timeout: 5_000 });
    expect(await item.getAttribute('data-kind')).toBe('booking.booked');
    await mentor.getByTestId('notifications-read-all').click();
    await expect.poll(() => unread(mentor)).toBe(0);
    await mentor.getByTestId('notifications-bell').click();

    // Chen's sessions list it with its calendar file; the room is not open yet and cancelling is allowed.
    await chen.goto(`${srv.url}/office-hours/sessions`);
    const session = chen.locator(`[data-testid="oh-session"][data-booking-id="${bookingId}"]`);
    await session.waitFor({ timeout: 10_000 });
    expect(await session.getAttribute('data-status')).toBe('confirmed');
    expect(await session.getByTestId('oh-session-join').isDisabled()).toBe(true);
    expect(await session.getByTestId('oh-session-cancel').isEnabled()).toBe(true);
    const ics = await chen.request.get(`${srv.url}${await session.getByTestId('oh-session-ics').getAttribute('href')}`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');

    // Rescheduling picks another of the mentor's slots (at least two hours ahead, so it can be cancelled later).
    await session.getByTestId('oh-session-reschedule').click();
    await chen.getByTestId('oh-reschedule').waitFor({ timeout: 10_000 });
    const starts = await chen.locator('[data-testid="oh-slot"][data-state="free"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-starts-at')!));
    const to = starts.find((iso) => Date.parse(iso) > Date.now() + 2 * 3600_000 && iso !== target.slotStartsAt)!;
    expect(to).toBeTruthy();
    await chen.locator(`[data-testid="oh-slot"][data-starts-at="${to}"]`).click();
    await chen.getByTestId('oh-reschedule-submit').click();
    await chen.getByTestId('oh-booked').waitFor({ timeout: 10_000 });
    expect(await chen.getByTestId('oh-booked').getAttribute('data-booking-id')).toBe(bookingId);
    expect((await srv.hatchery.store.officeHours.booking(bookingId))?.startsAt).toBe(to);
    await expect.poll(() => chen.locator(`[data-testid="oh-slot"][data-starts-at="${target.slotStartsAt}"]`).getAttribute('data-state')).toBe('free');
  });

  it('drop-in: the mentor opens the door, admits Chen, and both meet in the private room with shared notes', async () => {
    await mentor.goto(`${srv.url}/office-hours/sessions`);
    const door = mentor.getByTestId('oh-door-toggle');
    await expect.poll(() => door.isEnabled(), { timeout: 10_000 }).toBe(true);
    await door.click();
    await expect.poll(() => door.getAttribute('aria-pressed')).toBe('true');

    await chen.goto(`${srv.url}/office-hours`);
    const card = chen.locator(`[data-testid="oh-mentor-card"][data-mentor-id="${ids.wanglei}"]`);
    await card.getByTestId('oh-queue-join').click();
    const position = card.getByTestId('oh-queue-position');
    await position.waitFor({ timeout: 10_000 });
    expect(await position.innerText()).toBe('You are number 1 of 1');
    await chen.screenshot({ path: `${shots}/office-hours-directory-en.png`, fullPage: true });

    const entry = mentor.locator(`[data-testid="oh-queue-entry"][data-user-id="${ids.chen}"]`);
    await entry.waitFor({ timeout: 10_000 });
    await mentor.screenshot({ path: `${shots}/office-hours-sessions-zh.png` });
    await entry.getByTestId('oh-queue-admit').click();

    // Both are taken to the same session page.
    await chen.waitForURL(/\/office-hours\/sessions\/[^/]+$/, { timeout: 10_000 });
    await mentor.waitForURL(/\/office-hours\/sessions\/[^/]+$/, { timeout: 10_000 });
    dropInId = new URL(chen.url()).pathname.split('/').pop()!;
    expect(new URL(mentor.url()).pathname.split('/').pop()).toBe(dropInId);
    expect(dropInId).not.toBe(bookingId);

    await enterRoom(mentor);
    await enterRoom(chen);
    // Each decodes the other's camera.
    await expect.poll(() => cameraWidth(chen, ids.wanglei!), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => cameraWidth(mentor, ids.chen!), { timeout: 30_000 }).toBeGreaterThan(0);
    const chenPeer = (await mentor.locator(`[data-testid="video-tile"][data-user-id="${ids.chen}"][data-source="camera"]`).getAttribute('data-peer-id'))!;
    const mentorPeer = (await chen.locator(`[data-testid="video-tile"][data-user-id="${ids.wanglei}"][data-source="camera"]`).getAttribute('data-peer-id'))!;
    await expect.poll(() => framesDecoded(mentor, chenPeer), { timeout: 20_000 }).toBeGreaterThan(10);
    await expect.poll(() => framesDecoded(chen, mentorPeer), { timeout: 20_000 }).toBeGreaterThan(10);

    // The shared notes: each types, each sees the other's text.
    for (const page of [mentor, chen]) await expect.poll(() => page.getByTestId('doc-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    await typeInNotes(mentor, '王磊：先联系深圳的两家供应商');
    await expect.poll(() => notesProse(chen).innerText(), { timeout: 10_000 }).toContain('王磊：先联系深圳的两家供应商');
    await typeInNotes(chen, 'Chen: send the hull drawings by Friday');
    await expect.poll(() => notesProse(mentor).innerText(), { timeout: 10_000 }).toContain('Chen: send the hull drawings by Friday');
    expect(await notesProse(chen).innerText()).toContain('王磊：先联系深圳的两家供应商');
    // An action item added by Chen reaches the mentor.
    await chen.getByTestId('oh-action-input').fill('Send hull drawings to Wang Lei');
    await chen.getByTestId('oh-action-add').click();
    await mentor.getByTestId('oh-action').filter({ hasText: 'Send hull drawings to Wang Lei' }).waitFor({ timeout: 10_000 });

    // The mentor extends the room by five minutes.
    const closesAt = async () => Date.parse((await mentor.getByTestId('oh-time-left').getAttribute('data-closes-at'))!);
    const before = await closesAt();
    await mentor.getByTestId('oh-extend').click();
    await expect.poll(closesAt, { timeout: 10_000 }).toBe(before + 5 * 60_000);

    await mentor.screenshot({ path: `${shots}/office-hours-room-zh.png` });
    copyFileSync(`${shots}/office-hours-room-zh.png`, docsRoomZh);
    await chen.screenshot({ path: `${shots}/office-hours-room-en.png` });
  });

  it('after the start, Chen rates the mentor and the mentor sees it; Chen cancels the booked slot and the mentor is told', async () => {
    await chen.goto(`${srv.url}/office-hours/sessions`);
    const dropIn = chen.locator(`[data-testid="oh-session"][data-booking-id="${dropInId}"]`);
    await dropIn.waitFor({ timeout: 10_000 });
    await dropIn.getByTestId('oh-feedback-rating').locator('label').nth(4).click();
    expect(await dropIn.getByTestId('oh-feedback-rating').getAttribute('data-value')).toBe('5');
    await dropIn.getByTestId('oh-feedback-comment').fill('Concrete supplier names, thank you!');
    await dropIn.getByTestId('oh-feedback-submit').click();
    await expect.poll(() => dropIn.getByTestId('oh-feedback-done').innerText(), { timeout: 10_000 }).toContain('Thanks');

    const before = await unread(mentor);
    const booked = chen.locator(`[data-testid="oh-session"][data-booking-id="${bookingId}"]`);
    await booked.getByTestId('oh-session-cancel').click();
    await booked.getByTestId('oh-session-cancel-confirm').click();
    await expect.poll(() => booked.getAttribute('data-status'), { timeout: 10_000 }).toBe('cancelled');
    await expect.poll(() => unread(mentor), { timeout: 10_000 }).toBe(before + 1);
    await chen.screenshot({ path: `${shots}/office-hours-sessions-en.png`, fullPage: true });

    await mentor.goto(`${srv.url}/office-hours/sessions`);
    await expect.poll(() => mentor.getByTestId('oh-average').innerText(), { timeout: 10_000 }).toContain('5.00');
    await mentor.getByTestId('oh-received-feedback').getByText('Concrete supplier names, thank you!').waitFor();
    await mentor.getByTestId('notifications-bell').click();
    expect(await mentor.getByTestId('notification').first().getAttribute('data-kind')).toBe('booking.cancelled');
    await mentor.screenshot({ path: `${shots}/office-hours-bell-zh.png` });
  });

  it('another founder opening the session’s address is refused', async () => {
    const lina = await signIn('lina@hatchery.demo');
    await lina.goto(`${srv.url}/office-hours/sessions/${dropInId}`);
    await expect.poll(() => roomState(lina), { timeout: 10_000 }).toBe('refused');
    expect(await lina.getByTestId('oh-notes').count()).toBe(0);
    expect(await lina.getByTestId('prejoin-join').count()).toBe(0);
    expect(
      srv.hatchery.media
        .existingRoom(`booking:${dropInId}`)
        ?.peers()
        .some((p) => p.userId === ids.lina),
    ).toBeFalsy();
  });
});

/**
 * End to end in Debian's Chromium with fake camera and microphone, through the real SFU: two founders of
 * Tidewater Robotics meet in their team room. Chen publishes camera + mic and Sofia receives them (frames
 * decoded keep rising, audio level above zero, the simulcast layer follows her tile's size); Chen shares a
 * screen and Sofia gets a second tile; an investor is told the room is not for them; leaving frees
 * everything on the server. Also: a refusal only the server knows, recovery after a media worker dies and
 * after a socket drop, blocked camera/mic on the pre-join screen, and the docs screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, startServer, type TestServer } from '../helpers/server.js';
import { launchChromium } from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../../server/demo.js';

/** The slice of the page's RoomClient (exposed as `window.__hatcheryRoom` under automation) the test uses. */
interface RoomHook {
  inboundStats(): Promise<{ consumerId: string; peerId: string; kind: string; source: string; stats: Record<string, unknown> | null }[]>;
  producers: { appData: Record<string, unknown> }[];
}
type HookedWindow = Window & { __hatcheryRoom?: RoomHook };

const clientDist = resolve('dist/client');
const shots = resolve('.test-artifacts/screenshots');
// Copy this one to docs/screenshot-room.png by hand when the room's look changes.
const docsShot = resolve('.test-artifacts/screenshots/media-room-docs.png');

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let tidewaterId: string;

beforeAll(async () => {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('Build the client first: npx vite build');
  mkdirSync(shots, { recursive: true });
  srv = await startServer({ clientDist, presenceGraceMs: 500 });
  browser = await launchChromium();
  const startups = await srv.hatchery.store.startups.list();
  tidewaterId = startups.find((s) => s.name === 'Tidewater Robotics')!.id;
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

async function signIn(email: string, { denyMedia = false } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    permissions: ['camera', 'microphone'],
  });
  contexts.push(context);
  const page = await context.newPage();
  if (denyMedia) {
    // As if the person had blocked camera and microphone for this site.
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
  }
  page.on('pageerror', (err) => console.error(`[${email}] pageerror:`, err));
  await page.goto(`${srv.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('lobby-title').waitFor();
  return page;
}

const roomUrl = () => `${srv.url}/rooms/startup/${tidewaterId}`;
const roomState = (page: Page) => page.getByTestId('media-room').getAttribute('data-state');
const tiles = (page: Page, sel = '') => page.locator(`[data-testid="video-tile"]${sel}`);

/** Opens the room, waits for the camera preview (or switches camera / mic off first), joins. */
async function joinRoom(page: Page, { camera = true, mic = true } = {}): Promise<void> {
  await page.goto(roomUrl());
  await page.getByTestId('prejoin-join').waitFor();
  // The fake camera shows in the preview before joining.
  await expect.poll(() => page.getByTestId('prejoin-preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  if (!camera) await page.getByTestId('prejoin-camera-toggle').click();
  if (!mic) await page.getByTestId('prejoin-mic-toggle').click();
  await page.getByTestId('prejoin-join').click();
  await expect.poll(() => roomState(page), { timeout: 20_000 }).toBe('joined');
}

/** Inbound RTP stats of what this page receives from `peerId`, read through the RoomClient test hook. */
function inbound(page: Page, peerId: string, kind: 'audio' | 'video', source: string) {
  return page.evaluate(
    async ({ peerId, kind, source }) => {
      const room = (window as HookedWindow).__hatcheryRoom;
      if (!room) return null;
      const all = await room.inboundStats();
      return all.find((s) => s.peerId === peerId && s.kind === kind && s.source === source)?.stats ?? null;
    },
    { peerId, kind, source },
  );
}

describe('team room in the browser', () => {
  it('a publishes camera + mic, b receives them, a shares a screen, an investor is refused, leaving frees everything', async () => {
    const chenId = (await srv.hatchery.store.users.byEmail('chen@hatchery.demo'))!.id;
    const sofiaId = (await srv.hatchery.store.users.byEmail('sofia@hatchery.demo'))!.id;

    // The startup page offers the team room to its founders.
    const a = await signIn('chen@hatchery.demo');
    await a.goto(`${srv.url}/startups/${tidewaterId}`);
    await a.getByTestId('join-team-room').waitFor();
    await a.getByTestId('join-team-room').click();
    await a.getByTestId('prejoin-join').waitFor();
    expect(new URL(a.url()).pathname).toBe(`/rooms/startup/${tidewaterId}`);
    await expect.poll(() => a.getByTestId('prejoin-preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    // With access granted, the pickers list the (fake) devices by name.
    await expect.poll(() => a.getByTestId('camera-select').locator('option').allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/fake/i));
    expect(await a.getByTestId('mic-select').locator('option').count()).toBeGreaterThan(0);
    // The level meter moves with the (beeping) fake microphone.
    await expect.poll(async () => Number(await a.getByRole('meter').getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
    await a.screenshot({ path: `${shots}/media-prejoin.png` });
    await joinRoom(a);

    // Sofia only watches and listens: she joins with camera and microphone off.
    const b = await signIn('sofia@hatchery.demo');
    await joinRoom(b, { camera: false, mic: false });

    // Each sees the other's camera tile; Chen's on Sofia's page, with his user id.
    const chenTile = tiles(b, `[data-user-id="${chenId}"][data-source="camera"][data-local="false"]`);
    await chenTile.waitFor({ timeout: 15_000 });
    await tiles(a, `[data-user-id="${sofiaId}"][data-source="camera"]`).waitFor({ timeout: 15_000 });
    expect(await tiles(b, '[data-local="true"]').count()).toBe(1);
    const chenPeerId = (await chenTile.getAttribute('data-peer-id'))!;
    expect(chenPeerId).toBeTruthy();

    // Chen's video is decoded on Sofia's side, and keeps coming.
    await expect.poll(async () => Number((await inbound(b, chenPeerId, 'video', 'camera'))?.framesDecoded ?? 0), { timeout: 20_000 }).toBeGreaterThan(10);
    const before = Number((await inbound(b, chenPeerId, 'video', 'camera'))?.framesDecoded ?? 0);
    await expect.poll(async () => Number((await inbound(b, chenPeerId, 'video', 'camera'))?.framesDecoded ?? 0), { timeout: 10_000 }).toBeGreaterThan(before + 10);
    // The tile really plays it.
    await expect.poll(() => chenTile.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    // His microphone (the fake device beeps) arrives with sound in it.
    await expect.poll(async () => Number((await inbound(b, chenPeerId, 'audio', 'microphone'))?.audioLevel ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
    // He is the only one talking: the server's active-speaker detection rings his tile on her page.
    await expect.poll(() => chenTile.getAttribute('data-active-speaker'), { timeout: 20_000 }).toBe('true');
    await b.screenshot({ path: `${shots}/media-room-two.png` });
    // Simulcast follows the tile: a ~600 px tile gets the middle layer (640×360 of Chen's 1280×720).
    const frameWidth = async () => Number((await inbound(b, chenPeerId, 'video', 'camera'))?.frameWidth ?? 0);
    await expect.poll(frameWidth, { timeout: 20_000 }).toBe(640);

    const stats = await srv.hatchery.media.stats();
    expect(stats.peers).toBe(2);
    expect(stats.producers).toBe(2); // Chen's camera + mic
    expect(stats.consumers).toBe(2); // on Sofia's side
    // Sofia's own tile shows her initials, not a video.
    expect(await tiles(b, '[data-local="true"]').locator('.tile-placeholder').count()).toBe(1);
    expect(stats.transports).toBe(4); // a send and a receive transport each (Sofia may publish any time)

    // Mute shows on the other side.
    await a.getByTestId('toggle-mic').click();
    await expect.poll(() => chenTile.getByTestId('tile-muted').count(), { timeout: 10_000 }).toBe(1);
    await a.getByTestId('toggle-mic').click();
    await expect.poll(() => chenTile.getByTestId('tile-muted').count(), { timeout: 10_000 }).toBe(0);

    // Chen shares his screen (headless Chromium's fake capture answers getDisplayMedia): Sofia gets a second tile of his, a screen.
    await a.getByTestId('toggle-screen').click();
    await expect.poll(() => a.evaluate(() => !!(window as HookedWindow).__hatcheryRoom?.producers.some((p) => p.appData.source === 'screen')), { timeout: 10_000 }).toBe(true);
    expect(await a.getByTestId('toggle-screen').getAttribute('aria-label')).toBe('Stop sharing');
    const screenTile = tiles(b, `[data-user-id="${chenId}"][data-source="screen"]`);
    await screenTile.waitFor({ timeout: 15_000 });
    await expect.poll(() => screenTile.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await b.getByTestId('video-grid').getAttribute('data-layout')).toBe('stage');
    // His camera moved to the narrow strip beside the screen: the lowest layer is enough there.
    await expect.poll(frameWidth, { timeout: 20_000 }).toBe(320);
    await b.screenshot({ path: `${shots}/media-room-screen.png` });
    await a.screenshot({ path: `${shots}/media-room-screen-sharer.png` });

    // An investor opening the same room is told it is not for them, and never joins.
    const investor = await signIn('hannah@hatchery.demo');
    await investor.goto(roomUrl());
    await investor.getByTestId('room-forbidden').waitFor({ timeout: 15_000 });
    expect(await investor.getByTestId('prejoin-join').count()).toBe(0);
    await investor.screenshot({ path: `${shots}/media-forbidden.png` });
    expect((await srv.hatchery.media.stats()).peers).toBe(2);

    // Chen leaves: his tiles go from Sofia's page, and the server holds nothing of his.
    await a.getByTestId('leave-room').click();
    await expect.poll(() => roomState(a), { timeout: 10_000 }).toBe('left');
    await expect.poll(() => tiles(b, `[data-user-id="${chenId}"]`).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await srv.hatchery.media.stats()).producers, { timeout: 10_000 }).toBe(0);
    const afterA = await srv.hatchery.media.stats();
    expect(afterA.peers).toBe(1);
    expect(afterA.consumers).toBe(0);
    expect(afterA.transports).toBe(2); // Sofia's
    expect(await tiles(b).count()).toBe(1); // Sofia's own
    // Chen's camera and microphone are off.
    expect(await a.evaluate(() => (window as HookedWindow).__hatcheryRoom?.producers.length ?? 0)).toBe(0);

    // Sofia leaves too: nothing is left on the server.
    await b.getByTestId('leave-room').click();
    await expect.poll(() => roomState(b), { timeout: 10_000 }).toBe('left');
    await expect
      .poll(async () => {
        const s = await srv.hatchery.media.stats();
        return [s.rooms, s.routers, s.peers, s.transports, s.producers, s.consumers];
      }, { timeout: 10_000 })
      .toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a refusal from the server at join (access changed after the pre-join check) shows the not-allowed state and holds nothing', async () => {
    // The roadshow is live when the investor opens the pre-join screen (the access check says yes)…
    const roadshow = (await srv.hatchery.store.roadshows.list()).find((r) => r.status === 'scheduled')!;
    const ops = await login(srv.url, 'ops@hatchery.demo');
    for (const status of ['backstage', 'live']) expect((await ops.patch(`/api/roadshows/${roadshow.id}/status`, { status })).status).toBe(200);
    const investor = await signIn('hannah@hatchery.demo');
    await investor.goto(`${srv.url}/rooms/roadshow/${roadshow.id}`);
    await investor.getByTestId('prejoin-join').waitFor();
    // …and has ended by the time they click Join: the server's policy now says no.
    expect((await ops.patch(`/api/roadshows/${roadshow.id}/status`, { status: 'ended' })).status).toBe(200);
    await investor.getByTestId('prejoin-join').click();
    await investor.getByTestId('room-forbidden').waitFor({ timeout: 15_000 });
    expect(await roomState(investor)).toBe('failed');
    // Opening it again, the pre-join check itself refuses: no camera set-up for nothing.
    await investor.reload();
    await investor.getByTestId('room-forbidden').waitFor({ timeout: 15_000 });
    expect(await investor.getByTestId('prejoin-join').count()).toBe(0);
    const s = await srv.hatchery.media.stats();
    expect([s.peers, s.transports, s.producers]).toEqual([0, 0, 0]);
  });

  it('recovers by itself: after the media worker dies, and after the socket drops, media flows again', async () => {
    const chenId = (await srv.hatchery.store.users.byEmail('chen@hatchery.demo'))!.id;
    const a = await signIn('chen@hatchery.demo');
    await joinRoom(a);
    const b = await signIn('sofia@hatchery.demo');
    await joinRoom(b, { camera: false, mic: false });
    const chenTile = () => tiles(b, `[data-user-id="${chenId}"][data-source="camera"]`);
    /** Frames of Chen's camera decoded on Sofia's page, in the current session (peer ids change on rejoin). */
    const framesFromChen = async () => {
      const peerId = await chenTile().getAttribute('data-peer-id', { timeout: 1_000 }).catch(() => null);
      return peerId ? Number((await inbound(b, peerId, 'video', 'camera'))?.framesDecoded ?? 0) : 0;
    };
    await expect.poll(framesFromChen, { timeout: 20_000 }).toBeGreaterThan(10);
    const firstPeerId = await chenTile().getAttribute('data-peer-id');

    // The mediasoup worker dies: the server closes the room asking everyone to rejoin; both clients do,
    // and Chen republishes his camera and microphone without anyone clicking anything.
    const worker = srv.hatchery.media.pool.workers[0]!;
    process.kill(worker.pid, 'SIGKILL');
    await expect.poll(async () => (await chenTile().getAttribute('data-peer-id').catch(() => null)) ?? firstPeerId, { timeout: 30_000 }).not.toBe(firstPeerId);
    await expect.poll(framesFromChen, { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => roomState(a), { timeout: 10_000 }).toBe('joined');
    await expect.poll(() => roomState(b), { timeout: 10_000 }).toBe('joined');
    expect((await srv.hatchery.media.stats()).producers).toBe(2);

    // Chen's socket drops (the server closes it): his peer is gone on the server; his client reconnects,
    // opens a new session and republishes; Sofia sees him again.
    const secondPeerId = await chenTile().getAttribute('data-peer-id');
    for (const socket of await srv.hatchery.gateway.io.fetchSockets()) if (socket.data.userId === chenId) socket.disconnect(true);
    await expect.poll(async () => (await chenTile().getAttribute('data-peer-id').catch(() => null)) ?? secondPeerId, { timeout: 30_000 }).not.toBe(secondPeerId);
    await expect.poll(framesFromChen, { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => roomState(a), { timeout: 10_000 }).toBe('joined');
    await expect.poll(async () => (await srv.hatchery.media.stats()).producers, { timeout: 10_000 }).toBe(2);
    expect((await srv.hatchery.media.stats()).peers).toBe(2);

    for (const p of [a, b]) await p.getByTestId('leave-room').click();
    await expect.poll(async () => (await srv.hatchery.media.stats()).peers, { timeout: 10_000 }).toBe(0);
  });

  it('with camera and microphone blocked, the pre-join says so and one can still join to watch and listen', async () => {
    const page = await signIn('sofia@hatchery.demo', { denyMedia: true });
    await page.goto(roomUrl());
    await page.getByTestId('prejoin-join').waitFor();
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 10_000 }).toBe(0); // warnings, not errors
    await expect.poll(() => page.locator('.alert--warning').allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringMatching(/camera is blocked/i),
      expect.stringMatching(/microphone is blocked/i),
    ]);
    await page.screenshot({ path: `${shots}/media-prejoin-denied.png` });
    await page.getByTestId('prejoin-join').click();
    await expect.poll(() => roomState(page), { timeout: 20_000 }).toBe('joined');
    const mine = tiles(page, '[data-local="true"]');
    expect(await mine.locator('.tile-placeholder').count()).toBe(1);
    expect(await mine.getByTestId('tile-muted').count()).toBe(1);
    expect((await srv.hatchery.media.stats()).producers).toBe(0);
    await page.getByTestId('leave-room').click();
    await expect.poll(async () => (await srv.hatchery.media.stats()).peers, { timeout: 10_000 }).toBe(0);
  });

  it('three people in the room (the docs screenshot): cameras, a muted mic, a camera off', async () => {
    const page = await signIn('chen@hatchery.demo');
    await joinRoom(page);
    const sofia = await signIn('sofia@hatchery.demo');
    await joinRoom(sofia);
    const daniel = await signIn('daniel@hatchery.demo');
    await joinRoom(daniel, { camera: false });
    await expect.poll(() => tiles(page).count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId('video-grid').getAttribute('data-layout')).toBe('four');
    // Both cameras play before the picture is taken.
    await expect
      .poll(() => page.locator('[data-testid="video-tile"] video').evaluateAll((vs: HTMLVideoElement[]) => vs.filter((v) => v.videoWidth > 0).length), { timeout: 20_000 })
      .toBe(2);
    await sofia.getByTestId('toggle-mic').click();
    await expect.poll(() => page.getByTestId('tile-muted').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: `${shots}/media-room-three.png` });
    await page.screenshot({ path: docsShot });
    // Daniel navigates away inside the app (no page load): unmounting the room leaves it.
    await daniel.locator('nav a[href="/startups"]').click();
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await srv.hatchery.media.stats()).peers, { timeout: 10_000 }).toBe(2);
    for (const p of [page, sofia]) await p.getByTestId('leave-room').click();
    await expect.poll(async () => (await srv.hatchery.media.stats()).peers, { timeout: 10_000 }).toBe(0);
  });
});

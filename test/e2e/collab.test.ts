/**
 * Collaboration end to end in Debian's Chromium, through the real document server: two founders of
 * Tidewater Robotics co-write the pitch doc and see each other's text and named carets; a mentor (comment
 * access) selects text and comments; the founders see the thread, one resolves it and the mentor sees it
 * resolved; an investor it was not shared with is refused. On the board, a note dragged by one founder
 * moves for the other (and keyboard moves, colours and votes reach the other too). Screenshots of both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { launchChromium, signInAs, type SignInOptions } from '../helpers/browser.js';

const clientDist = resolve('dist/client');
const shots = resolve('.test-artifacts/screenshots');
// Copy these two to docs/screenshot-pitch-doc.png and docs/screenshot-board.png by hand when the look changes.
const pitchShot = `${shots}/collab-pitch-doc.png`;
const boardShot = `${shots}/collab-board.png`;

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let tideId: string;

beforeAll(async () => {
  if (!existsSync(`${clientDist}/index.html`)) throw new Error('Build the client first: npx vite build');
  mkdirSync(shots, { recursive: true });
  srv = await startServer({ clientDist, presenceGraceMs: 500 });
  browser = await launchChromium();
  tideId = (await srv.hatchery.store.startups.list()).find((s) => s.name === 'Tidewater Robotics')!.id;
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

const signIn = (email: string, opts: SignInOptions = {}) => signInAs(browser, srv.url, contexts, email, opts);

const docState = (page: Page) => page.getByTestId('doc-status').getAttribute('data-state');
const prose = (page: Page) => page.getByTestId('doc-editor').locator('.ProseMirror');
const caretLabel = (page: Page, name: string) => page.locator('.collaboration-carets__caret .collaboration-carets__label', { hasText: name });
const thread = (page: Page) => page.getByTestId('comment-thread');

/**
 * Puts the caret at the end of a block and checks it is there (retrying the click): right after a
 * toolbar button, TipTap re-focuses the editor a frame later and may restore its own selection.
 */
async function caretAtEnd(page: Page, block: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await block.click();
        await page.keyboard.press('End');
        return block.evaluate((el) => {
          const sel = window.getSelection();
          return !!sel && sel.isCollapsed && el.contains(sel.anchorNode);
        });
      },
      { timeout: 5_000 },
    )
    .toBe(true);
}

/** Opens a document page and waits until it is synced with the server. */
async function openDoc(page: Page, kind: 'pitch' | 'board'): Promise<void> {
  await page.goto(`${srv.url}/startups/${tideId}/${kind}`);
  await expect.poll(() => docState(page), { timeout: 15_000 }).toBe('synced');
}

/** The note's place as the page shows it. */
const placeOf = async (note: Locator) => ({
  columnId: await note.getAttribute('data-column-id'),
  x: await note.getAttribute('data-x'),
  y: await note.getAttribute('data-y'),
});

describe('collaboration in the browser', () => {
  it('pitch doc: two founders co-write with carets, a mentor comments, a founder resolves, an investor is refused', async () => {
    const chen = await signIn('chen@hatchery.demo');
    const sofia = await signIn('sofia@hatchery.demo', { timezoneId: 'Europe/Berlin' });
    const priya = await signIn('priya@hatchery.demo', { timezoneId: 'Europe/London' });
    const hannah = await signIn('hannah@hatchery.demo', { locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });

    // The founders reach the doc from the startup page and may edit it.
    await chen.goto(`${srv.url}/startups/${tideId}`);
    await chen.getByTestId('startup-pitch-doc').click();
    await expect.poll(() => docState(chen), { timeout: 15_000 }).toBe('synced');
    expect(await chen.getByTestId('doc-page').getAttribute('data-access')).toBe('edit');
    await openDoc(sofia, 'pitch');
    await expect.poll(() => sofia.getByTestId('doc-presence').getAttribute('data-count'), { timeout: 10_000 }).toBe('2');

    // Chen inserts the template; it reaches Sofia.
    await prose(chen).click();
    await chen.getByTestId('doc-template').click();
    await expect.poll(() => prose(sofia).locator('h2').allInnerTexts(), { timeout: 10_000 }).toEqual(['Problem', 'Solution', 'Market', 'Traction', 'Team', 'Ask']);

    // Both type in different sections; each sees the other's words and the other's named caret.
    const chenText = 'Hull cleaning is manual, slow and dangerous for divers.';
    const sofiaText = 'Autonomous crawlers clean a hull in four hours.';
    await caretAtEnd(chen, prose(chen).locator('h2', { hasText: 'Problem' }));
    await chen.keyboard.press('Enter');
    await chen.keyboard.type(chenText);
    await caretAtEnd(sofia, prose(sofia).locator('h2', { hasText: 'Solution' }));
    await sofia.keyboard.press('Enter');
    await sofia.keyboard.type(sofiaText);
    await expect.poll(() => prose(chen).innerText(), { timeout: 10_000 }).toContain(sofiaText);
    await expect.poll(() => prose(sofia).innerText(), { timeout: 10_000 }).toContain(chenText);
    // Each line landed where it was typed, for both.
    for (const page of [chen, sofia]) {
      const blocks = await prose(page).locator(':scope > *').allInnerTexts();
      const at = (text: string) => blocks.findIndex((b) => b.startsWith(text)); // a caret label may follow the text
      expect(at(chenText)).toBe(at('Problem') + 1);
      expect(at(sofiaText)).toBe(at('Solution') + 1);
    }
    await expect.poll(() => caretLabel(chen, 'Sofia Rossi').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => caretLabel(sofia, 'Chen Yu').count(), { timeout: 10_000 }).toBe(1);

    // The mentor reads and comments: the editor is not editable, but she can select text and comment.
    await openDoc(priya, 'pitch');
    expect(await priya.getByTestId('doc-page').getAttribute('data-access')).toBe('comment');
    expect(await prose(priya).getAttribute('contenteditable')).toBe('false');
    expect(await priya.getByTestId('doc-template').count()).toBe(0);
    await expect.poll(() => prose(priya).innerText(), { timeout: 10_000 }).toContain(chenText);
    await expect.poll(() => caretLabel(priya, 'Sofia Rossi').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => caretLabel(priya, 'Chen Yu').count(), { timeout: 10_000 }).toBe(1);
    await prose(priya).locator('p', { hasText: chenText }).click({ clickCount: 3 });
    await expect.poll(() => priya.getByTestId('comment-add').isEnabled(), { timeout: 5_000 }).toBe(true);
    await priya.getByTestId('comment-add').click();
    const comment = 'Quantify it: how many hours and what does a diver cost per hull?';
    await priya.getByTestId('comment-input').fill(comment);
    await priya.getByTestId('comment-submit').click();
    await expect.poll(() => thread(priya).count()).toBe(1);
    // Priya's change was accepted (a comment-only change), so the founders get the thread and its highlight.
    for (const page of [chen, sofia]) {
      await expect.poll(() => thread(page).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => thread(page).innerText()).toContain(comment);
      await expect.poll(() => page.locator('.comment-mark').count()).toBeGreaterThan(0);
    }
    expect(await thread(priya).getAttribute('data-resolved')).toBe('false');
    expect(await thread(priya).getByTestId('comment-resolve').count()).toBe(0); // only founders resolve
    expect(await priya.getByTestId('doc-change-rejected').count()).toBe(0);

    // Chen replies; everyone sees the reply.
    await thread(chen).getByTestId('comment-reply-input').fill('About 40 diver-hours per hull; adding numbers.');
    await thread(chen).getByTestId('comment-reply-submit').click();
    await expect.poll(() => thread(priya).innerText(), { timeout: 10_000 }).toContain('40 diver-hours');

    // The mentor's view: two founders' carets and her comment.
    await caretAtEnd(chen, prose(chen).locator('p', { hasText: chenText }));
    await expect.poll(() => caretLabel(priya, 'Chen Yu').count(), { timeout: 10_000 }).toBe(1);
    // Two people present never share a caret colour.
    const labelColor = (name: string) => caretLabel(priya, name).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await labelColor('Chen Yu')).not.toBe(await labelColor('Sofia Rossi'));
    await priya.screenshot({ path: pitchShot });
    await chen.screenshot({ path: `${shots}/collab-pitch-founder.png` });

    // Sofia resolves the thread; the mentor sees it resolved (and collapsed).
    await thread(sofia).getByTestId('comment-resolve').click();
    await expect.poll(() => thread(priya).getAttribute('data-resolved'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => thread(chen).getAttribute('data-resolved'), { timeout: 10_000 }).toBe('true');
    expect(await thread(priya).getByTestId('comment-reply-input').count()).toBe(0);

    // An investor the doc was not shared with is refused.
    await hannah.goto(`${srv.url}/startups/${tideId}/pitch`);
    await expect.poll(() => hannah.getByTestId('doc-page').getAttribute('data-access'), { timeout: 10_000 }).toBe('none');
    await hannah.getByTestId('doc-no-access').waitFor();
    expect(await hannah.getByTestId('doc-editor').count()).toBe(0);
    await hannah.screenshot({ path: `${shots}/collab-no-access-zh.png` });
  });

  it('board: a note dragged by one founder moves for the other; keyboard moves, colours and votes sync', async () => {
    const chen = await signIn('chen@hatchery.demo');
    const sofia = await signIn('sofia@hatchery.demo', { timezoneId: 'Europe/Berlin' });
    await openDoc(chen, 'board');
    await openDoc(sofia, 'board');
    expect(await chen.getByTestId('board-page').count()).toBe(1);

    // The first editor on an empty board creates the default columns, once, for everyone.
    for (const page of [chen, sofia]) await expect.poll(() => page.getByTestId('board-column').count(), { timeout: 10_000 }).toBe(3);
    const columnIds = await chen.getByTestId('board-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-id')));
    expect(await sofia.getByTestId('board-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-id')))).toEqual(columnIds);
    const column = (page: Page, i: number) => page.locator(`[data-testid="board-column"][data-column-id="${columnIds[i]}"]`);

    // Chen adds notes to "Ideas"; Sofia sees them.
    const texts = ['Pilot with Ningbo port', 'Hire a field engineer', 'Certify for class societies'];
    for (const text of texts) {
      await column(chen, 0).getByTestId('board-add-note').click();
      await chen.getByTestId('board-note-text').and(chen.locator('textarea')).fill(text);
      await chen.keyboard.press('Enter');
    }
    const note = (page: Page, text: string) => page.getByTestId('board-note').filter({ hasText: text });
    for (const text of texts) await note(sofia, text).waitFor({ timeout: 10_000 });
    const pilotId = await note(chen, texts[0]!).getAttribute('data-note-id');
    const pilot = (page: Page) => page.locator(`[data-testid="board-note"][data-note-id="${pilotId}"]`);

    // Chen drags the pilot note into "Doing" with the mouse; Sofia sees it land in the same place.
    const from = (await pilot(chen).boundingBox())!;
    const target = (await column(chen, 1).locator('.board-column-body').boundingBox())!;
    await chen.mouse.move(from.x + 30, from.y + 14);
    await chen.mouse.down();
    await chen.mouse.move(target.x + 60, target.y + 80, { steps: 12 });
    await chen.mouse.move(target.x + 50, target.y + 140, { steps: 8 });
    await chen.mouse.up();
    const dropped = await placeOf(pilot(chen));
    expect(dropped.columnId).toBe(columnIds[1]);
    expect(Number(dropped.y)).toBeGreaterThan(60);
    await expect.poll(() => placeOf(pilot(sofia)), { timeout: 10_000 }).toEqual(dropped);

    // Keyboard: Alt+→ moves the focused note to "Done"; ↓ nudges it; Sofia sees both.
    await pilot(chen).focus();
    await chen.keyboard.press('Alt+ArrowRight');
    await chen.keyboard.press('ArrowDown');
    await expect.poll(() => pilot(chen).getAttribute('data-column-id')).toBe(columnIds[2]);
    const moved = await placeOf(pilot(chen));
    expect(Number(moved.y)).toBe(Number(dropped.y) + 16);
    await expect.poll(() => placeOf(pilot(sofia)), { timeout: 10_000 }).toEqual(moved);

    // Colours and votes reach the other founder.
    await note(chen, texts[1]!).getByTestId('board-note-color').click();
    await chen.locator('[data-testid="board-note-color-option"][data-color="pink"]').click();
    await expect.poll(() => note(sofia, texts[1]!).getAttribute('data-color'), { timeout: 10_000 }).toBe('pink');
    await note(chen, texts[2]!).getByTestId('board-note-color').click();
    await chen.locator('[data-testid="board-note-color-option"][data-color="blue"]').click();
    await pilot(sofia).getByTestId('board-note-vote').click();
    await expect.poll(() => pilot(chen).getByTestId('board-note-votes').innerText(), { timeout: 10_000 }).toBe('1');
    await note(chen, texts[1]!).getByTestId('board-note-vote').click();
    await note(sofia, texts[1]!).getByTestId('board-note-vote').click();
    await expect.poll(() => note(chen, texts[1]!).getAttribute('data-votes'), { timeout: 10_000 }).toBe('2');

    // A few more notes for the picture.
    for (const [i, text, color] of [
      [1, 'Crawler v2 firmware: magnetic tracks', 'green'],
      [1, 'Seed round: $2M, 18 months runway', 'purple'],
      [2, 'Sea trial in Zhoushan', 'yellow'],
    ] as const) {
      await column(sofia, i).getByTestId('board-add-note').click();
      await sofia.getByTestId('board-note-text').and(sofia.locator('textarea')).fill(text);
      await sofia.keyboard.press('Enter');
      if (color !== 'yellow') {
        await note(sofia, text).getByTestId('board-note-color').click();
        await sofia.locator(`[data-testid="board-note-color-option"][data-color="${color}"]`).click();
      }
      await note(chen, text).waitFor({ timeout: 10_000 });
    }
    await note(chen, texts[1]!).focus();
    for (let i = 0; i < 8; i++) await chen.keyboard.press('ArrowUp');
    await expect.poll(() => note(sofia, texts[1]!).getAttribute('data-y'), { timeout: 10_000 }).toBe('0');

    await expect.poll(() => sofia.getByTestId('doc-presence').getAttribute('data-count')).toBe('2');
    // Remote moves glide (a short CSS transition): wait until the note sits at the top like its neighbour.
    const topOf = async (l: Locator) => Math.round((await l.boundingBox())?.y ?? -1);
    await expect.poll(async () => (await topOf(note(sofia, texts[1]!))) - (await topOf(note(sofia, 'Crawler v2')))).toBe(0);
    await sofia.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sofia.mouse.move(5, 5);
    await sofia.screenshot({ path: boardShot });

    // A mentor sees the same board, read-only (in Chinese here).
    const priya = await signIn('priya@hatchery.demo', { locale: 'zh-CN', timezoneId: 'Europe/London' });
    await openDoc(priya, 'board');
    expect(await priya.getByTestId('doc-page').getAttribute('data-access')).toBe('read');
    await expect.poll(() => placeOf(pilot(priya)), { timeout: 10_000 }).toEqual(await placeOf(pilot(chen)));
    expect(await priya.getByTestId('board-add-note').count()).toBe(0);
    expect(await pilot(priya).getByTestId('board-note-vote').isDisabled()).toBe(true);
    expect(await priya.getByTestId('doc-share').count()).toBe(0);
    await expect.poll(() => chen.getByTestId('doc-presence').getAttribute('data-count'), { timeout: 10_000 }).toBe('3');
    await priya.screenshot({ path: `${shots}/collab-board-mentor-zh.png` });
  });

  it('versions and sharing: save, preview and restore a version for everyone; share the doc with an investor', async () => {
    const chen = await signIn('chen@hatchery.demo');
    const sofia = await signIn('sofia@hatchery.demo', { timezoneId: 'Europe/Berlin' });
    const hannah = await signIn('hannah@hatchery.demo', { timezoneId: 'America/Los_Angeles' });
    await openDoc(chen, 'pitch');
    await openDoc(sofia, 'pitch');
    await expect.poll(() => prose(chen).innerText(), { timeout: 10_000 }).toContain('Hull cleaning');
    await expect.poll(() => thread(chen).getAttribute('data-anchor'), { timeout: 10_000 }).toBe('text');

    // Chen saves a version, then adds a line that Sofia sees.
    await chen.getByTestId('versions-open').click();
    await chen.getByTestId('version-save-name').fill('Before the numbers');
    await chen.getByTestId('version-save').click();
    await expect.poll(() => chen.getByTestId('version').count(), { timeout: 10_000 }).toBe(1);
    await chen.screenshot({ path: `${shots}/collab-versions.png` });
    const scratch = 'A line we will take back.';
    await caretAtEnd(chen, prose(chen).locator('h2', { hasText: 'Ask' }));
    await chen.keyboard.press('Enter');
    await chen.keyboard.type(scratch);
    await expect.poll(() => prose(sofia).innerText(), { timeout: 10_000 }).toContain(scratch);

    // Sofia previews the saved version: read-only, without the new line.
    await sofia.getByTestId('versions-open').click();
    await sofia.getByTestId('version').first().getByTestId('version-preview').click();
    const preview = sofia.getByTestId('version-preview-content');
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('Hull cleaning');
    expect(await preview.innerText()).not.toContain(scratch);
    expect(await preview.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await sofia.screenshot({ path: `${shots}/collab-version-preview.png` });
    await sofia.getByTestId('version-preview-close').click();

    // Chen restores it: the line disappears for both; the comment thread still finds its text.
    chen.once('dialog', (d) => void d.accept());
    await chen.getByTestId('version').first().getByTestId('version-restore').click();
    for (const page of [chen, sofia]) {
      await expect.poll(() => prose(page).innerText(), { timeout: 10_000 }).not.toContain(scratch);
      expect(await prose(page).innerText()).toContain('Hull cleaning');
      await page.getByTestId('versions-open').click(); // closes the panel: the comments come back
      await expect.poll(() => thread(page).getAttribute('data-anchor'), { timeout: 10_000 }).not.toBe('lost');
    }

    // Chen shares the doc with Hannah, who can then read it (and only read it).
    await chen.getByTestId('doc-share').click();
    const hannahId = (await srv.hatchery.store.users.byEmail('hannah@hatchery.demo'))!.id;
    await chen.locator(`[data-testid="share-option"][data-user-id="${hannahId}"]`).check();
    await chen.screenshot({ path: `${shots}/collab-share.png` });
    await chen.getByTestId('share-save').click();
    await expect.poll(() => chen.getByTestId('share-save').isDisabled(), { timeout: 10_000 }).toBe(true);
    await openDoc(hannah, 'pitch');
    expect(await hannah.getByTestId('doc-page').getAttribute('data-access')).toBe('read');
    await expect.poll(() => prose(hannah).innerText(), { timeout: 10_000 }).toContain('Hull cleaning');
    expect(await prose(hannah).getAttribute('contenteditable')).toBe('false');
    expect(await hannah.getByTestId('comment-add').count()).toBe(0);
    expect(await hannah.getByTestId('comment-reply-input').count()).toBe(0);
    // Her presence reaches the founders (a read-only connection's awareness is relayed).
    await expect.poll(() => chen.locator(`[data-testid="doc-presence-person"][data-user-id="${hannahId}"]`).count(), { timeout: 10_000 }).toBe(1);
  });

  it('offline: edits are kept and marked, then sync when the connection is back', async () => {
    const chen = await signIn('chen@hatchery.demo');
    const sofia = await signIn('sofia@hatchery.demo', { timezoneId: 'Europe/Berlin' });
    await openDoc(chen, 'pitch');
    await openDoc(sofia, 'pitch');

    await sofia.context().setOffline(true);
    await expect.poll(() => docState(sofia), { timeout: 15_000 }).toBe('offline');
    await sofia.getByTestId('doc-offline').waitFor();
    const line = 'Written on the ferry without a signal.';
    await caretAtEnd(sofia, prose(sofia).locator('h2', { hasText: 'Team' }));
    await sofia.keyboard.press('Enter');
    await sofia.keyboard.type(line);
    await sofia.screenshot({ path: `${shots}/collab-offline.png` });
    expect(await prose(chen).innerText()).not.toContain(line);

    await sofia.context().setOffline(false);
    await expect.poll(() => docState(sofia), { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => prose(chen).innerText(), { timeout: 10_000 }).toContain(line);
    expect(await sofia.getByTestId('doc-offline').count()).toBe(0);

    // A reload shows the same text again (from this device, then the server).
    await sofia.reload();
    await expect.poll(() => docState(sofia), { timeout: 15_000 }).toBe('synced');
    expect(await prose(sofia).innerText()).toContain(line);
  });
});

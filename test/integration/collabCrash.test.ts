/**
 * SIGKILL: the server process dies without storing what is pending. The restarted server holds
 * everything stored before the kill; the clients' providers reconnect on their own, send what the
 * server lost (sync step 2), and everyone — including a fresh client — converges with nothing lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/waitFor.js';
import { ClientNetwork, CollabKit, addParagraph, addThread, paragraphs, readStoredRows, storedParagraphs, token, waitConverged } from '../helpers/collab.js';
import { ServerProcess, freePort, killAndReap } from '../helpers/serverProcess.js';
import { availability, book, listSlots, setAvailability } from '../helpers/officeHours.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hatchery-collab-crash-'));
const seedDir = mkdtempSync(join(tmpdir(), 'hatchery-collab-seed-'));
const procs: ServerProcess[] = [];
/** Children of a SIGKILLed server (its mediasoup worker): none may be left behind. */
const orphans: number[] = [];
let kit: CollabKit | undefined;

afterAll(async () => {
  kit?.closeAll();
  await killAndReap(procs, orphans);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(seedDir, { recursive: true, force: true });
});

// Debounce long enough that the kill lands inside it; the process is one node (tsx as a loader).
const env = { HATCHERY_COLLAB_DEBOUNCE_MS: '400', HATCHERY_COLLAB_MAX_DEBOUNCE_MS: '5000' };

describe('collab crash', () => {
  it('after kill -9 and a restart, the stored state is served and reconnecting clients restore the rest', async () => {
    const port = await freePort();
    const first = await ServerProcess.start({ dataDir, port, env });
    procs.push(first);
    kit = await CollabKit.create(first.url);
    const name = kit.pitch;
    const net = new ClientNetwork();
    const a = await kit.synced('chen', name, { net });
    const b = await kit.synced('sofia', name, { net });
    const d = await kit.synced('daniel', name, { net });
    const daniel = await kit.person('daniel');

    // Phase 1: edits (and a comment) that get stored.
    const stored: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ta = token(`stored-chen${i}`);
      const tb = token(`stored-sofia${i}`);
      addParagraph(a.doc, ta);
      addParagraph(b.doc, tb);
      stored.push(ta, tb);
    }
    const storedThread = token('stored-thread');
    addThread(d.doc, storedThread, 'stored comment', daniel);
    await waitConverged([a, b, d], 'phase 1 converged');
    await waitFor(
      () => {
        const rows = readStoredRows(dataDir, name);
        const p = storedParagraphs(rows);
        return stored.every((t) => p.includes(t));
      },
      { what: 'phase 1 in the database', timeoutMs: 10_000 },
    );

    // Phase 2: more edits that the server receives and relays, but has not stored yet.
    const unstored: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ta = token(`lost-chen${i}`);
      const tb = token(`lost-sofia${i}`);
      addParagraph(a.doc, ta);
      addParagraph(b.doc, tb);
      unstored.push(ta, tb);
    }
    const lateThread = token('late-thread');
    addThread(d.doc, lateThread, 'comment inside the debounce window', daniel);
    await waitConverged([a, b, d], 'phase 2 converged (the server relayed it)');

    // The clients go offline (they keep retrying) and the server is killed without a chance to store.
    net.online = false;
    orphans.push(...first.childPids());
    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = storedParagraphs(readStoredRows(dataDir, name));
    expect(stored.every((t) => afterKill.includes(t))).toBe(true);
    // Precondition of this test: some edits were really lost with the process.
    expect(unstored.some((t) => !afterKill.includes(t)), 'the kill landed inside the debounce window').toBe(true);
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected && !d.provider.wsconnected, { what: 'clients saw the drop' });

    // Restart on the same port and data dir. Before the old clients are back, a fresh client sees
    // exactly what was stored.
    const second = await ServerProcess.start({ dataDir, port, env });
    procs.push(second);
    const beforeReconnect = await kit.view('ops', name);
    for (const t of stored) expect(beforeReconnect.paragraphs).toContain(t);
    expect(Object.keys(beforeReconnect.view.comments as object)).toContain(storedThread);

    // The network comes back: providers reconnect by themselves and resend what the server lacks.
    const connectsBefore = [a.connects, b.connects, d.connects];
    net.online = true;
    await waitFor(() => a.connects > connectsBefore[0]! && b.connects > connectsBefore[1]! && d.connects > connectsBefore[2]!, {
      what: 'providers reconnected on their own',
      timeoutMs: 10_000,
    });
    await waitFor(() => a.synced && b.synced && d.synced, { what: 'providers synced again' });

    const fresh = await kit.synced('sofia', name);
    const view = await waitConverged([a, b, d, fresh], 'everyone converged after the restart', 10_000);
    for (const t of [...stored, ...unstored]) expect(String(view.content)).toContain(t);
    expect(Object.keys(view.comments as object).sort()).toEqual([lateThread, storedThread].sort());
    expect(paragraphs(fresh.doc)).toHaveLength(stored.length + unstored.length);

    // Editing goes on as normal, and what was resent ends up in the database.
    const after = token('after-restart');
    addParagraph(b.doc, after);
    await waitFor(() => paragraphs(a.doc).includes(after), { what: 'edits flow after the restart' });
    await waitFor(
      () => {
        const p = storedParagraphs(readStoredRows(dataDir, name));
        return [...stored, ...unstored, after].every((t) => p.includes(t));
      },
      { what: 'everything stored after the restart', timeoutMs: 10_000 },
    );

    kit.closeAll();
    const exit = await second.kill('SIGTERM');
    expect(exit.code).toBe(0);
  }, 90_000);

  it('a seeded document (booking notes with the agenda) holds its seed once, even when the server dies before storing it', async () => {
    const port = await freePort();
    // A long debounce: nothing but the seed itself is stored when the process is killed.
    const slow = { HATCHERY_COLLAB_DEBOUNCE_MS: '30000', HATCHERY_COLLAB_MAX_DEBOUNCE_MS: '60000' };
    const first = await ServerProcess.start({ dataDir: seedDir, port, env: slow });
    procs.push(first);
    const seedKit = await CollabKit.create(first.url);
    kit = seedKit;
    const chen = await seedKit.person('chen');
    const daniel = await seedKit.person('daniel');
    await setAvailability({ ...daniel, email: 'daniel@hatchery.demo' }, availability());
    const slots = await listSlots(chen.session, daniel.id);
    const agenda = token('agenda');
    const booking = await book(chen.session, { mentorId: daniel.id, startsAt: slots[0]!.startsAt, startupId: seedKit.tideId, agenda });
    const name = `notes:${booking.id}`;

    const net = new ClientNetwork();
    const c = await seedKit.synced('chen', name, { net });
    expect(paragraphs(c.doc)).toEqual([agenda]);
    // The seed is stored before anyone sees it (the long debounce does not apply to it)…
    expect(readStoredRows(seedDir, name)).toHaveLength(1);

    net.online = false;
    orphans.push(...first.childPids());
    await first.kill('SIGKILL');
    const second = await ServerProcess.start({ dataDir: seedDir, port, env: slow });
    procs.push(second);
    net.online = true;
    await waitFor(() => c.connects >= 2 && c.synced, { what: 'chen reconnected', timeoutMs: 10_000 });
    const fresh = await seedKit.synced('daniel', name);
    await waitConverged([c, fresh], 'notes converged after the restart');
    // …so the agenda appears once — never once from the first server's seed and once from a second seed.
    expect(paragraphs(fresh.doc)).toEqual([agenda]);
    expect(paragraphs(c.doc)).toEqual([agenda]);
    seedKit.closeAll();
  }, 90_000);
});

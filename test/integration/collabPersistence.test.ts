/**
 * Documents are stored (debounced, merged, compacted), survive a graceful restart on the same data
 * directory, are unloaded from memory when nobody uses them, and a document whose stored log is
 * corrupt is never served and never overwritten (docs/collab.md "Persistence and memory").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { CollabKit, addNote, addParagraph, addThread, paragraphs, storedParagraphs, token, type StoredRow } from '../helpers/collab.js';
import type { CollabConfig } from '../../server/config.js';
import { CollabClose } from '../../shared/collabConstants.js';

let dataDir: string;
let srv: TestServer | undefined;
let kit: CollabKit;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hatchery-collab-'));
});
afterEach(async () => {
  kit?.closeAll();
  await srv?.close();
  srv = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** (Re)starts the server on this test's data dir; sessions are signed in again. */
async function start(collab: Partial<CollabConfig> = {}): Promise<TestServer> {
  kit?.closeAll();
  srv = await startServer({ dataDir, collab });
  kit = await CollabKit.create(srv.url);
  return srv;
}

/** Graceful stop (stores what is pending). */
async function stop(): Promise<void> {
  kit.closeAll();
  await srv!.close();
  srv = undefined;
}

const rows = (name: string): Promise<StoredRow[]> => srv!.hatchery.store.docs.loadUpdates(name);

/** Rows straight from the SQLite file, while the server is stopped. */
function fileRows(name: string): { id: number; data: Buffer }[] {
  const db = new Database(join(dataDir, 'hatchery.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id').all(name) as { id: number; data: Buffer }[];
  } finally {
    db.close();
  }
}

describe('collab persistence', () => {
  it('edits are stored after the debounce as one merged update, and survive a restart', async () => {
    await start({ debounceMs: 100, maxDebounceMs: 2000 });
    const a = await kit.synced('chen', kit.pitch);
    const b = await kit.synced('sofia', kit.pitch);
    const d = await kit.synced('daniel', kit.pitch);

    // A burst of 20 changes (20 transactions) in one go…
    const burst = Array.from({ length: 20 }, (_, i) => token(`burst${i}`));
    for (const t of burst) addParagraph(a.doc, t);
    await a.roundTrip();
    // …is stored as one log entry once the document is quiet.
    await waitFor(async () => storedParagraphs(await rows(kit.pitch)).length === burst.length, { what: 'burst stored' });
    expect(await rows(kit.pitch)).toHaveLength(1);

    const more = token('sofia');
    addParagraph(b.doc, more);
    const threadId = token('thread');
    addThread(d.doc, threadId, 'stored comment', await kit.person('daniel'));
    const board = await kit.synced('chen', kit.board);
    addNote(board.doc, 'n1', 'stored note');
    await waitFor(async () => storedParagraphs(await rows(kit.pitch)).includes(more), { what: 'second edit stored' });

    // Restart on the same data dir: a fresh client sees everything.
    await stop();
    await start();
    const fresh = await kit.view('ops', kit.pitch);
    expect(fresh.paragraphs).toEqual([...burst, more]);
    expect(Object.keys(fresh.view.comments as object)).toEqual([threadId]);
    expect(((await kit.view('ops', kit.board)).view.notes as Record<string, { text: string }>).n1?.text).toBe('stored note');
  });

  it('keeps storing during continuous typing: at most maxDebounceMs after the first unsaved change', async () => {
    await start({ debounceMs: 400, maxDebounceMs: 600 });
    const a = await kit.synced('chen', kit.pitch);
    let stored = false;
    // Type a change every 50 ms (never quiet for 400 ms): only the max wait can store it.
    for (let i = 0; i < 60 && !stored; i++) {
      addParagraph(a.doc, token(`typing${i}`));
      await new Promise((r) => setTimeout(r, 50));
      stored = (await rows(kit.pitch)).length > 0;
    }
    expect(stored, 'stored while the user kept typing (within 60 changes, 50 ms apart)').toBe(true);
  });

  it('a graceful shutdown stores what is still pending and tells clients 4503', async () => {
    await start({ debounceMs: 60_000, maxDebounceMs: 120_000 });
    const a = await kit.synced('chen', kit.pitch);
    const pending = token('pending');
    addParagraph(a.doc, pending);
    await a.roundTrip();
    expect(storedParagraphs(await rows(kit.pitch))).not.toContain(pending); // still within the debounce
    const closing = srv!.close();
    await waitFor(() => a.closes[0], { what: 'client told the server is going away' });
    expect(a.closes[0]!.code).toBe(CollabClose.ServerShutdown);
    await closing;
    srv = undefined;
    await start();
    expect((await kit.view('sofia', kit.pitch)).paragraphs).toContain(pending);
  });

  it('compacts the log past the threshold without losing anything', async () => {
    await start({ debounceMs: 20, maxDebounceMs: 100, compactAfter: 5 });
    const a = await kit.synced('chen', kit.pitch);
    const counts: number[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 13; i++) {
      const t = token(`entry${i}`);
      tokens.push(t);
      addParagraph(a.doc, t);
      // Each change is stored on its own (one log entry per debounce window).
      await waitFor(async () => storedParagraphs(await rows(kit.pitch)).includes(t), { what: `entry ${i} stored` });
      counts.push((await rows(kit.pitch)).length);
    }
    // The log never grows past the threshold + 1, and shrank back to a snapshot at least once.
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(counts.some((n, i) => i > 0 && n < counts[i - 1]!)).toBe(true);
    expect(storedParagraphs(await rows(kit.pitch))).toEqual(tokens);

    await stop();
    await start({ compactAfter: 5 });
    expect((await kit.view('chen', kit.pitch)).paragraphs).toEqual(tokens);
  });

  it('unloads a document after the grace period once nobody is connected, and reloads it intact', async () => {
    const server = await start({ debounceMs: 50, maxDebounceMs: 200, unloadGraceMs: 300 });
    const collab = server.hatchery.collab;
    const a = await kit.synced('chen', kit.pitch);
    const b = await kit.synced('sofia', kit.pitch);
    const t = token('before-unload');
    addParagraph(a.doc, t);
    await waitFor(() => paragraphs(b.doc).includes(t));
    expect(collab.isLoaded(kit.pitch)).toBe(true);

    // One client left, one still there: well past the grace period the document stays loaded.
    a.destroy();
    await new Promise((r) => setTimeout(r, 800));
    expect(collab.isLoaded(kit.pitch)).toBe(true);

    b.dropConnection();
    await waitFor(() => !collab.isLoaded(kit.pitch), { what: 'document unloaded', timeoutMs: 3000 });
    expect(collab.loadedCount).toBe(0);
    expect(storedParagraphs(await rows(kit.pitch))).toContain(t);

    const again = await kit.synced('daniel', kit.pitch);
    expect(paragraphs(again.doc)).toContain(t);
    expect(collab.isLoaded(kit.pitch)).toBe(true);
  });

  it('does not unload (and lose) a document with a pending store: it stores first', async () => {
    const server = await start({ debounceMs: 5000, maxDebounceMs: 10_000, unloadGraceMs: 50 });
    const a = await kit.synced('chen', kit.pitch);
    const t = token('pending-at-unload');
    addParagraph(a.doc, t);
    await a.roundTrip();
    a.destroy();
    await waitFor(() => !server.hatchery.collab.isLoaded(kit.pitch), { what: 'document unloaded', timeoutMs: 3000 });
    // By the time it left memory, the change was in the store.
    expect(storedParagraphs(await rows(kit.pitch))).toContain(t);
    expect((await kit.view('sofia', kit.pitch)).paragraphs).toContain(t);
  });

  it('two people opening a document at once load it once and share one copy', async () => {
    const server = await start({ debounceMs: 20, maxDebounceMs: 100 });
    const docs = server.hatchery.store.docs;
    const loadUpdates = docs.loadUpdates;
    let loads = 0;
    // A slow store, so both connections are waiting for the load at the same time.
    docs.loadUpdates = async (doc) => {
      loads++;
      await new Promise((r) => setTimeout(r, 300));
      return loadUpdates.call(docs, doc);
    };
    try {
      const name = `pitch:${kit.agriId}`;
      const [lina, ops] = await Promise.all([kit.client('lina', name), kit.client('ops', name)]);
      await Promise.all([lina.waitSynced(), ops.waitSynced()]);
      expect(loads).toBe(1);
      const t = token('one-copy');
      addParagraph(lina.doc, t);
      await waitFor(() => paragraphs(ops.doc).includes(t), { what: 'both on the same document' });
      expect(server.hatchery.collab.loadedCount).toBe(1);
    } finally {
      docs.loadUpdates = loadUpdates;
    }
  });

  it('a failing store is retried, and the document stays in memory until it is stored', async () => {
    const server = await start({ debounceMs: 20, maxDebounceMs: 100, unloadGraceMs: 50 });
    const docs = server.hatchery.store.docs;
    const appendUpdate = docs.appendUpdate;
    let failures = 0;
    docs.appendUpdate = async (doc, data, now) => {
      if (failures < 2) {
        failures++;
        throw new Error('disk full (test)');
      }
      return appendUpdate.call(docs, doc, data, now);
    };
    try {
      const a = await kit.synced('chen', kit.pitch);
      const t = token('retried');
      addParagraph(a.doc, t);
      await a.roundTrip();
      a.destroy();
      await waitFor(() => failures >= 1, { what: 'first store failed' });
      // Nobody is connected and the grace period is over, but the change is not stored: still loaded.
      expect(server.hatchery.collab.isLoaded(kit.pitch)).toBe(true);
      await waitFor(async () => storedParagraphs(await rows(kit.pitch)).includes(t), { what: 'stored on a retry', timeoutMs: 10_000 });
      expect(failures).toBe(2);
      await waitFor(() => !server.hatchery.collab.isLoaded(kit.pitch), { what: 'unloaded once stored', timeoutMs: 3000 });
      expect((await kit.view('sofia', kit.pitch)).paragraphs).toContain(t);
    } finally {
      docs.appendUpdate = appendUpdate;
    }
  });

  describe('a document whose stored log is corrupt', () => {
    /** Stores some content, stops the server, then damages the log with `damage`. */
    async function corrupt(damage: (db: Database.Database, name: string) => void) {
      await start({ debounceMs: 20, maxDebounceMs: 100 });
      const a = await kit.synced('chen', kit.pitch);
      for (const label of ['first', 'second']) {
        const t = token(label);
        addParagraph(a.doc, t);
        await waitFor(async () => storedParagraphs(await rows(kit.pitch)).includes(t), { what: `${label} stored` });
      }
      expect((await rows(kit.pitch)).length).toBeGreaterThanOrEqual(2);
      const name = kit.pitch;
      await stop();
      const db = new Database(join(dataDir, 'hatchery.sqlite'));
      try {
        damage(db, name);
      } finally {
        db.close();
      }
      return { name, before: fileRows(name) };
    }

    async function expectNeverServedNorOverwritten(name: string, before: { id: number; data: Buffer }[]) {
      await start({ debounceMs: 20, maxDebounceMs: 100 });
      // A founder connects and immediately sends changes: 4500, with a reason; nothing of the doc is sent.
      const raw = await kit.raw('chen', name);
      raw.ws.on('open', () => {
        raw.sendStep1();
        const scratch = new Y.Doc();
        addParagraph(scratch, 'written onto a broken document');
        raw.sendUpdate(Y.encodeStateAsUpdate(scratch));
      });
      const close = await raw.waitClose();
      expect(close.code).toBe(CollabClose.LoadFailed);
      expect(close.reason.length).toBeGreaterThan(0);
      expect(raw.messageTypes()).not.toContain(0);

      // A real provider is refused the same way (and keeps being refused as it retries).
      const provider = await kit.client('sofia', name);
      await waitFor(() => provider.closes.length >= 2, { what: 'provider refused twice' });
      expect(provider.closes.every((c) => c.code === CollabClose.LoadFailed)).toBe(true);
      expect(provider.synced).toBe(false);
      expect(srv!.hatchery.collab.isLoaded(name)).toBe(false);

      // Versions cannot be saved or restored from it either.
      const chen = (await kit.person('chen')).session;
      const save = await chen.post(`/api/docs/${name}/versions`, { name: 'from a broken doc' });
      expect(save.status).toBeGreaterThanOrEqual(400);

      // After a graceful stop (which stores anything pending), the log is byte for byte what it was.
      await stop();
      const after = fileRows(name);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(after.map((r) => Buffer.from(r.data).toString('hex'))).toEqual(before.map((r) => Buffer.from(r.data).toString('hex')));
    }

    it('garbage bytes in the log: connections close with 4500 and the rows are not touched', async () => {
      const { name, before } = await corrupt((db, doc) => {
        db.prepare('UPDATE doc_updates SET data = ? WHERE doc = ?').run(Buffer.from('this is not a Yjs update \u0000\u00ff garbage'), doc);
      });
      expect(before.length).toBeGreaterThanOrEqual(2);
      await expectNeverServedNorOverwritten(name, before);
    });

    it('a log with a missing entry (later updates depend on it): 4500, rows not touched', async () => {
      const { name, before } = await corrupt((db, doc) => {
        const first = db.prepare('SELECT min(id) AS id FROM doc_updates WHERE doc = ?').get(doc) as { id: number };
        db.prepare('DELETE FROM doc_updates WHERE id = ?').run(first.id);
      });
      expect(before.length).toBeGreaterThanOrEqual(1);
      await expectNeverServedNorOverwritten(name, before);
    });
  });
});

/** Collaboration documents in SQLite (see migration 4). */
import type Database from 'better-sqlite3';
import type { Prepare, Row } from './sqliteShared.js';
import type { DocRepo } from './docTypes.js';


const bytes = (b: unknown) => new Uint8Array(b as Buffer);

export function sqliteDocs(db: Database.Database, prepare: Prepare): DocRepo {
  const atomically = <T>(fn: () => T): T => (db.inTransaction ? fn() : db.transaction(fn)());
  return {
    loadUpdates: async (doc) =>
      (prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id').all(doc) as Row[]).map((r) => ({ id: r.id as number, data: bytes(r.data) })),
    appendUpdate: async (doc, data, now) =>
      Number(prepare('INSERT INTO doc_updates (doc, data, created_at) VALUES (?,?,?)').run(doc, Buffer.from(data), now).lastInsertRowid),
    compact: async (doc, snapshot, upToId, now) =>
      atomically(() => {
        prepare('DELETE FROM doc_updates WHERE doc = ? AND id <= ?').run(doc, upToId);
        prepare('INSERT INTO doc_updates (doc, data, created_at) VALUES (?,?,?)').run(doc, Buffer.from(snapshot), now);
      }),
    addVersion: async (v, data) => {
      prepare('INSERT INTO doc_versions (id, doc, name, data, created_by, created_at) VALUES (?,?,?,?,?,?)').run(
        v.id, v.doc, v.name, Buffer.from(data), v.createdBy, v.createdAt,
      );
    },
    versions: async (doc) =>
      (prepare('SELECT id, doc, name, created_by, created_at, length(data) AS size FROM doc_versions WHERE doc = ? ORDER BY created_at DESC, rowid DESC').all(doc) as Row[]).map(
        (r) => ({ id: r.id as string, doc: r.doc as string, name: r.name as string, createdBy: r.created_by as string, createdAt: r.created_at as string, size: r.size as number }),
      ),
    versionData: async (doc, id) => {
      const r = prepare('SELECT data FROM doc_versions WHERE doc = ? AND id = ?').get(doc, id) as Row | undefined;
      return r && bytes(r.data);
    },
    shareIds: async (doc) => prepare('SELECT user_id FROM doc_shares WHERE doc = ? ORDER BY created_at').pluck().all(doc) as string[],
    setShares: async (doc, userIds, by, now) =>
      atomically(() => {
        prepare('DELETE FROM doc_shares WHERE doc = ?').run(doc);
        for (const u of new Set(userIds)) prepare('INSERT INTO doc_shares (doc, user_id, shared_by, created_at) VALUES (?,?,?,?)').run(doc, u, by, now);
      }),
  };
}

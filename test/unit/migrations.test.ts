import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../server/store/sqlite.js';
import { MIGRATIONS } from '../../server/store/migrations.js';

describe('SQLite migrations', () => {
  it('apply in order once and record the schema version', () => {
    const db = new Database(':memory:');
    expect(SqliteStore.migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(SqliteStore.migrate(db)).toBe(0);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'invites', 'startups', 'startup_members', 'roadshows']));
    db.close();
  });

  it('versions are strictly increasing', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });
});

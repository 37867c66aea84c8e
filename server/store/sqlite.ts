/** The embedded default store: SQLite in WAL mode through better-sqlite3, with versioned migrations. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';
import type { Row } from './sqliteShared.js';
import { sqliteRoadshows } from './sqliteRoadshows.js';
import { sqliteDocs } from './sqliteDocs.js';
import { sqliteOfficeHours } from './sqliteOfficeHours.js';
import { sqliteRecordings } from './sqliteRecordings.js';
import type {
  InviteRecord,
  NewUser,
  SessionRecord,
  StartupPatch,
  StartupRecord,
  Store,
  UserPatch,
  UserRecord,
} from './types.js';
import type { Role } from '../../shared/schemas.js';


const userFromRow = (r: Row): UserRecord => ({
  id: r.id as string,
  email: r.email as string,
  passwordHash: r.password_hash as string,
  role: r.role as Role,
  name: r.name as string,
  headline: r.headline as string,
  bio: r.bio as string,
  languages: JSON.parse(r.languages as string),
  timeZone: r.time_zone as string,
  tags: JSON.parse(r.tags as string),
  createdAt: r.created_at as string,
});
const startupFromRow = (r: Row): StartupRecord => ({
  id: r.id as string,
  name: r.name as string,
  oneLiner: r.one_liner as string,
  industry: r.industry as string,
  stage: r.stage as StartupRecord['stage'],
  website: r.website as string,
  createdAt: r.created_at as string,
});
const sessionFromRow = (r: Row): SessionRecord => ({
  tokenHash: r.token_hash as string,
  userId: r.user_id as string,
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
  lastSeenAt: r.last_seen_at as string,
  userAgent: r.user_agent as string,
  ip: r.ip as string,
});
const inviteFromRow = (r: Row): InviteRecord => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  role: r.role as Role,
  email: (r.email as string | null) ?? null,
  startupId: (r.startup_id as string | null) ?? null,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
  usedAt: (r.used_at as string | null) ?? null,
  usedBy: (r.used_by as string | null) ?? null,
  revokedAt: (r.revoked_at as string | null) ?? null,
});
/** Column names for patchable user/startup fields. */
const USER_COLUMNS: Record<keyof UserPatch, string> = {
  role: 'role',
  name: 'name',
  headline: 'headline',
  bio: 'bio',
  languages: 'languages',
  timeZone: 'time_zone',
  tags: 'tags',
};
const STARTUP_COLUMNS: Record<keyof StartupPatch, string> = {
  name: 'name',
  oneLiner: 'one_liner',
  industry: 'industry',
  stage: 'stage',
  website: 'website',
};

function toSqlValue(v: unknown): unknown {
  return Array.isArray(v) ? JSON.stringify(v) : v;
}

export class SqliteStore implements Store {
  readonly #db: Database.Database;
  #closed = false;
  /** Tail of the queue of transactions waiting to run. */
  #txQueue: Promise<void> = Promise.resolve();

  readonly roadshows: Store['roadshows'];
  readonly docs: Store['docs'];
  readonly officeHours: Store['officeHours'];
  readonly recordings: Store['recordings'];

  private constructor(db: Database.Database) {
    this.#db = db;
    this.roadshows = sqliteRoadshows(db, (sql) => this.#prepare(sql));
    this.docs = sqliteDocs(db, (sql) => this.#prepare(sql));
    this.officeHours = sqliteOfficeHours(db, (sql) => this.#prepare(sql));
    this.recordings = sqliteRecordings(db, (sql) => this.#prepare(sql));
  }

  /** Opens (creating if needed) the database file and runs pending migrations. `:memory:` for tests. */
  static async create(path: string): Promise<SqliteStore> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    SqliteStore.migrate(db);
    return new SqliteStore(db);
  }

  /** Applies migrations newer than `PRAGMA user_version`, each in its own transaction. */
  static migrate(db: Database.Database): number {
    const current = db.pragma('user_version', { simple: true }) as number;
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
      applied++;
    }
    return applied;
  }

  /** Prepared statements by SQL text, so hot paths (session checks) do not re-prepare every call. */
  readonly #statements = new Map<string, Database.Statement>();
  #prepare(sql: string): Database.Statement {
    let st = this.#statements.get(sql);
    if (!st) {
      st = this.#db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  /** Schema version, for tests and the health endpoint. */
  schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('store closed');
    this.#prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    // NOTE: transactions are queued one after another (#txQueue) so two callers never nest BEGINs;
    // callbacks must only await store calls (which resolve synchronously), never other I/O.
    const run = this.#txQueue.then(() => this.#runTransaction(fn));
    this.#txQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #runTransaction<T>(fn: () => Promise<T>): Promise<T> {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.#db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw err;
    }
  }

  users: Store['users'] = {
    create: async (u: NewUser) => {
      const createdAt = new Date().toISOString();
      this.#db
        .prepare(
          `INSERT INTO users (id,email,password_hash,role,name,headline,bio,languages,time_zone,tags,created_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(u.id, u.email, u.passwordHash, u.role, u.name, u.headline, u.bio, JSON.stringify(u.languages), u.timeZone, JSON.stringify(u.tags), createdAt);
      return { ...u, createdAt };
    },
    byId: async (id) => {
      const r = this.#prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
      return r && userFromRow(r);
    },
    byEmail: async (email) => {
      const r = this.#prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined;
      return r && userFromRow(r);
    },
    list: async (filter) => {
      const rows = filter?.role
        ? this.#prepare('SELECT * FROM users WHERE role = ? ORDER BY name').all(filter.role)
        : this.#prepare('SELECT * FROM users ORDER BY name').all();
      return (rows as Row[]).map(userFromRow);
    },
    update: async (id, patch) => {
      const keys = Object.keys(patch).filter((k) => (patch as Row)[k] !== undefined) as (keyof UserPatch)[];
      if (keys.length > 0) {
        const sets = keys.map((k) => `${USER_COLUMNS[k]} = ?`).join(', ');
        this.#prepare(`UPDATE users SET ${sets} WHERE id = ?`).run(...keys.map((k) => toSqlValue(patch[k])), id);
      }
      return this.users.byId(id);
    },
    count: async () => (this.#prepare('SELECT COUNT(*) n FROM users').get() as { n: number }).n,
  };

  startups: Store['startups'] = {
    create: async (s) => {
      const createdAt = new Date().toISOString();
      this.#db
        .prepare('INSERT INTO startups (id,name,one_liner,industry,stage,website,created_at) VALUES (?,?,?,?,?,?,?)')
        .run(s.id, s.name, s.oneLiner, s.industry, s.stage, s.website, createdAt);
      return { ...s, createdAt };
    },
    byId: async (id) => {
      const r = this.#prepare('SELECT * FROM startups WHERE id = ?').get(id) as Row | undefined;
      return r && startupFromRow(r);
    },
    list: async () => (this.#prepare('SELECT * FROM startups ORDER BY name').all() as Row[]).map(startupFromRow),
    update: async (id, patch) => {
      const keys = Object.keys(patch).filter((k) => (patch as Row)[k] !== undefined) as (keyof StartupPatch)[];
      if (keys.length > 0) {
        const sets = keys.map((k) => `${STARTUP_COLUMNS[k]} = ?`).join(', ');
        this.#prepare(`UPDATE startups SET ${sets} WHERE id = ?`).run(...keys.map((k) => patch[k]), id);
      }
      return this.startups.byId(id);
    },
    addMember: async (startupId, userId) => {
      this.#db
        .prepare('INSERT OR IGNORE INTO startup_members (startup_id,user_id,joined_at) VALUES (?,?,?)')
        .run(startupId, userId, new Date().toISOString());
    },
    removeMember: async (startupId, userId) => {
      this.#prepare('DELETE FROM startup_members WHERE startup_id = ? AND user_id = ?').run(startupId, userId);
    },
    memberIds: async (startupId) =>
      (this.#prepare('SELECT user_id FROM startup_members WHERE startup_id = ? ORDER BY joined_at').all(startupId) as Row[]).map(
        (r) => r.user_id as string,
      ),
    idsForUser: async (userId) =>
      (this.#prepare('SELECT startup_id FROM startup_members WHERE user_id = ? ORDER BY joined_at').all(userId) as Row[]).map(
        (r) => r.startup_id as string,
      ),
  };

  sessions: Store['sessions'] = {
    create: async (s) => {
      this.#db
        .prepare('INSERT INTO sessions (token_hash,user_id,created_at,expires_at,last_seen_at,user_agent,ip) VALUES (?,?,?,?,?,?,?)')
        .run(s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.lastSeenAt, s.userAgent, s.ip);
    },
    byTokenHash: async (h) => {
      const r = this.#prepare('SELECT * FROM sessions WHERE token_hash = ?').get(h) as Row | undefined;
      return r && sessionFromRow(r);
    },
    touch: async (h, lastSeenAt, expiresAt) => {
      this.#prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(lastSeenAt, expiresAt, h);
    },
    delete: async (h) => {
      this.#prepare('DELETE FROM sessions WHERE token_hash = ?').run(h);
    },
    deleteExpired: async (now) => this.#prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes,
  };

  invites: Store['invites'] = {
    create: async (i) => {
      this.#db
        .prepare(
          `INSERT INTO invites (id,token_hash,role,email,startup_id,created_by,created_at,expires_at,used_at,used_by,revoked_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(i.id, i.tokenHash, i.role, i.email, i.startupId, i.createdBy, i.createdAt, i.expiresAt, i.usedAt, i.usedBy, i.revokedAt);
    },
    byTokenHash: async (h) => {
      const r = this.#prepare('SELECT * FROM invites WHERE token_hash = ?').get(h) as Row | undefined;
      return r && inviteFromRow(r);
    },
    byId: async (id) => {
      const r = this.#prepare('SELECT * FROM invites WHERE id = ?').get(id) as Row | undefined;
      return r && inviteFromRow(r);
    },
    list: async () => (this.#prepare('SELECT * FROM invites ORDER BY created_at DESC').all() as Row[]).map(inviteFromRow),
    consume: async (id, userId, now) =>
      this.#db
        .prepare(
          `UPDATE invites SET used_at = ?, used_by = ?
           WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?`,
        )
        .run(now, userId, id, now).changes === 1,
    revoke: async (id, now) =>
      this.#prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL').run(now, id)
        .changes === 1,
  };

}

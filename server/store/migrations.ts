/** Versioned schema migrations for the SQLite store. Append only; never edit a shipped migration. */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'identity',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('founder','mentor','investor','operator')),
        name TEXT NOT NULL,
        headline TEXT NOT NULL DEFAULT '',
        bio TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '["en"]',
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        tags TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      CREATE TABLE startups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        one_liner TEXT NOT NULL DEFAULT '',
        industry TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT 'idea',
        website TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE TABLE startup_members (
        startup_id TEXT NOT NULL REFERENCES startups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (startup_id, user_id)
      );
      CREATE INDEX startup_members_user ON startup_members(user_id);
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        user_agent TEXT NOT NULL DEFAULT '',
        ip TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        email TEXT,
        startup_id TEXT REFERENCES startups(id) ON DELETE SET NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT REFERENCES users(id),
        revoked_at TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'roadshows',
    sql: `
      CREATE TABLE roadshows (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        time_zone TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','backstage','live','ended')),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX roadshows_starts ON roadshows(starts_at);
    `,
  },
];

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
  {
    version: 3,
    name: 'roadshow events: hosts, agenda, registration, live state, Q&A, polls, chat, interest',
    sql: `
      ALTER TABLE roadshows ADD COLUMN waiting_room INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE roadshows ADD COLUMN moderated_questions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE roadshows ADD COLUMN current_item_id TEXT;
      -- The pitch timer as of timer_at: {running, elapsedMs}; survives a restart.
      ALTER TABLE roadshows ADD COLUMN timer_running INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE roadshows ADD COLUMN timer_elapsed_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE roadshows ADD COLUMN timer_at TEXT;
      CREATE TABLE roadshow_hosts (
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (roadshow_id, user_id)
      );
      CREATE TABLE roadshow_agenda (
        id TEXT PRIMARY KEY,
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('pitch','break','talk')),
        title TEXT NOT NULL,
        startup_id TEXT REFERENCES startups(id),
        pitch_minutes INTEGER NOT NULL,
        qa_minutes INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX roadshow_agenda_event ON roadshow_agenda(roadshow_id, position);
      CREATE TABLE roadshow_registrations (
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (roadshow_id, user_id)
      );
      CREATE TABLE roadshow_schedulers (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        granted_by TEXT NOT NULL REFERENCES users(id),
        granted_at TEXT NOT NULL
      );
      CREATE TABLE roadshow_questions (
        id TEXT PRIMARY KEY,
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        item_id TEXT,
        author_id TEXT NOT NULL REFERENCES users(id),
        text TEXT NOT NULL,
        anonymous INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('pending','approved','hidden')),
        answered_at TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        votes INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX roadshow_questions_event ON roadshow_questions(roadshow_id, created_at);
      CREATE TABLE roadshow_question_votes (
        question_id TEXT NOT NULL REFERENCES roadshow_questions(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (question_id, user_id)
      );
      CREATE TABLE roadshow_polls (
        id TEXT PRIMARY KEY,
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        item_id TEXT,
        question TEXT NOT NULL,
        options TEXT NOT NULL,
        multiple INTEGER NOT NULL,
        anonymous INTEGER NOT NULL,
        closed_at TEXT,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE roadshow_poll_votes (
        poll_id TEXT NOT NULL REFERENCES roadshow_polls(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        option_ids TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (poll_id, user_id)
      );
      CREATE TABLE roadshow_chat (
        id TEXT PRIMARY KEY,
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users(id),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_by TEXT
      );
      CREATE INDEX roadshow_chat_event ON roadshow_chat(roadshow_id, created_at);
      CREATE TABLE roadshow_mutes (
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        muted_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (roadshow_id, user_id)
      );
      CREATE TABLE roadshow_interests (
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
        startup_id TEXT NOT NULL REFERENCES startups(id),
        investor_id TEXT NOT NULL REFERENCES users(id),
        item_id TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (roadshow_id, startup_id, investor_id)
      );
    `,
  },
  {
    version: 4,
    name: 'collaboration documents: update log, named versions, shares',
    sql: `
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX doc_updates_doc ON doc_updates(doc, id);
      CREATE TABLE doc_versions (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL,
        name TEXT NOT NULL,
        data BLOB NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX doc_versions_doc ON doc_versions(doc, created_at);
      CREATE TABLE doc_shares (
        doc TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        shared_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (doc, user_id)
      );
    `,
  },
  {
    version: 5,
    name: 'office hours: availability, bookings with seats, feedback, notifications',
    sql: `
      CREATE TABLE mentor_availability (
        mentor_id TEXT PRIMARY KEY REFERENCES users(id),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        mentor_id TEXT NOT NULL REFERENCES users(id),
        startup_id TEXT NOT NULL REFERENCES startups(id),
        booked_by TEXT NOT NULL REFERENCES users(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        room_closes_at TEXT NOT NULL,
        topic TEXT,
        agenda TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('confirmed','cancelled')),
        drop_in INTEGER NOT NULL DEFAULT 0,
        sequence INTEGER NOT NULL DEFAULT 0,
        cancelled_by TEXT,
        cancelled_at TEXT,
        reminded_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX bookings_mentor ON bookings(mentor_id, starts_at);
      CREATE INDEX bookings_startup ON bookings(startup_id, starts_at);
      -- One row per taken seat of a slot. The primary key and the CHECK make over-booking impossible,
      -- whatever the concurrency; cancelling deletes the seat.
      CREATE TABLE booking_seats (
        mentor_id TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        seat INTEGER NOT NULL,
        capacity INTEGER NOT NULL,
        startup_id TEXT NOT NULL,
        booking_id TEXT NOT NULL UNIQUE REFERENCES bookings(id),
        PRIMARY KEY (mentor_id, starts_at, seat),
        UNIQUE (mentor_id, starts_at, startup_id),
        CHECK (seat >= 0 AND seat < capacity)
      );
      -- A mentor is never in two overlapping sessions: a seat at another start that overlaps is refused.
      CREATE TRIGGER booking_seats_no_overlap BEFORE INSERT ON booking_seats
      WHEN EXISTS (
        SELECT 1 FROM booking_seats s
        WHERE s.mentor_id = NEW.mentor_id AND s.starts_at <> NEW.starts_at
          AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at
      )
      BEGIN SELECT RAISE(ABORT, 'booking_overlap'); END;
      CREATE TABLE booking_feedback (
        booking_id TEXT NOT NULL REFERENCES bookings(id),
        from_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('mentor','founder')),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (booking_id, from_id)
      );
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        booking_id TEXT,
        actor_name TEXT NOT NULL,
        starts_at TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX notifications_user ON notifications(user_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'recordings: files, segments, chapters, markers, access, watch reports',
    sql: `
      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        roadshow_id TEXT NOT NULL REFERENCES roadshows(id),
        status TEXT NOT NULL CHECK (status IN ('recording','processing','ready','incomplete','failed')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        file TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        restricted INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL REFERENCES users(id)
      );
      CREATE INDEX recordings_roadshow ON recordings(roadshow_id);
      CREATE TABLE recording_segments (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        seq INTEGER NOT NULL,
        file TEXT NOT NULL,
        started_at TEXT NOT NULL,
        PRIMARY KEY (recording_id, seq)
      );
      CREATE TABLE recording_chapters (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        idx INTEGER NOT NULL,
        title TEXT NOT NULL,
        item_id TEXT,
        startup_id TEXT,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER,
        thumbnail TEXT,
        PRIMARY KEY (recording_id, idx)
      );
      CREATE TABLE recording_markers (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        kind TEXT NOT NULL CHECK (kind IN ('asked','answered')),
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX recording_markers_rec ON recording_markers(recording_id, at_ms);
      CREATE TABLE recording_access (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (recording_id, user_id)
      );
      CREATE TABLE recording_watch (
        recording_id TEXT NOT NULL REFERENCES recordings(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX recording_watch_rec ON recording_watch(recording_id, user_id);
    `,
  },
  {
    version: 7,
    name: 'intro requests from replays (interest with a message and the recording); notifications with a subject and a link',
    sql: `
      ALTER TABLE roadshow_interests ADD COLUMN recording_id TEXT;
      ALTER TABLE roadshow_interests ADD COLUMN message TEXT;
      ALTER TABLE notifications ADD COLUMN subject TEXT;
      ALTER TABLE notifications ADD COLUMN link TEXT;
    `,
  },
];

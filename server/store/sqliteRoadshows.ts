/** The roadshows domain's tables in SQLite (see migration 3). */
import type Database from 'better-sqlite3';
import type { Prepare, Row } from './sqliteShared.js';
import type {
  AgendaItemRecord,
  ChatRecord,
  InterestRecord,
  PollRecord,
  QuestionRecord,
  RoadshowPatch,
  RoadshowRecord,
  RoadshowRepo,
} from './roadshowTypes.js';
import type { RoadshowStatus } from '../../shared/schemas.js';


const roadshowFromRow = (r: Row): RoadshowRecord => ({
  id: r.id as string,
  title: r.title as string,
  description: r.description as string,
  startsAt: r.starts_at as string,
  durationMinutes: r.duration_minutes as number,
  timeZone: r.time_zone as string,
  language: r.language as RoadshowRecord['language'],
  status: r.status as RoadshowStatus,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
  waitingRoom: r.waiting_room === 1,
  moderatedQuestions: r.moderated_questions === 1,
  currentItemId: (r.current_item_id as string | null) ?? null,
  timerRunning: r.timer_running === 1,
  timerElapsedMs: r.timer_elapsed_ms as number,
  timerAt: (r.timer_at as string | null) ?? null,
});
const agendaFromRow = (r: Row): AgendaItemRecord => ({
  id: r.id as string,
  roadshowId: r.roadshow_id as string,
  position: r.position as number,
  kind: r.kind as AgendaItemRecord['kind'],
  title: r.title as string,
  startupId: (r.startup_id as string | null) ?? null,
  pitchMinutes: r.pitch_minutes as number,
  qaMinutes: r.qa_minutes as number,
});
const questionFromRow = (r: Row): QuestionRecord => ({
  id: r.id as string,
  roadshowId: r.roadshow_id as string,
  itemId: (r.item_id as string | null) ?? null,
  authorId: r.author_id as string,
  text: r.text as string,
  anonymous: r.anonymous === 1,
  status: r.status as QuestionRecord['status'],
  answeredAt: (r.answered_at as string | null) ?? null,
  pinned: r.pinned === 1,
  votes: r.votes as number,
  createdAt: r.created_at as string,
});
const pollFromRow = (r: Row): PollRecord => ({
  id: r.id as string,
  roadshowId: r.roadshow_id as string,
  itemId: (r.item_id as string | null) ?? null,
  question: r.question as string,
  options: JSON.parse(r.options as string),
  multiple: r.multiple === 1,
  anonymous: r.anonymous === 1,
  closedAt: (r.closed_at as string | null) ?? null,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
});
const chatFromRow = (r: Row): ChatRecord => ({
  id: r.id as string,
  roadshowId: r.roadshow_id as string,
  authorId: r.author_id as string,
  text: r.text as string,
  createdAt: r.created_at as string,
});

const PATCH_COLUMNS: Record<keyof RoadshowPatch, string> = {
  title: 'title',
  description: 'description',
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  timeZone: 'time_zone',
  language: 'language',
  waitingRoom: 'waiting_room',
  moderatedQuestions: 'moderated_questions',
};
const bool = (b: boolean) => (b ? 1 : 0);
const sqlValue = (v: unknown) => (typeof v === 'boolean' ? bool(v) : v);

/** Builds the repo over one connection; `prepare` caches statements. */
export function sqliteRoadshows(db: Database.Database, prepare: Prepare): RoadshowRepo {
  /** Runs `fn` atomically unless a store transaction is already open (then it is part of that one). */
  const atomically = <T>(fn: () => T): T => (db.inTransaction ? fn() : db.transaction(fn)());
  return {
    create: async (r) => {
      prepare(
        `INSERT INTO roadshows (id,title,description,starts_at,duration_minutes,time_zone,language,status,created_by,created_at,
           waiting_room,moderated_questions,current_item_id,timer_running,timer_elapsed_ms,timer_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(
        r.id, r.title, r.description, r.startsAt, r.durationMinutes, r.timeZone, r.language, r.status, r.createdBy, r.createdAt,
        bool(r.waitingRoom), bool(r.moderatedQuestions), r.currentItemId, bool(r.timerRunning), r.timerElapsedMs, r.timerAt,
      );
    },
    byId: async (id) => {
      const r = prepare('SELECT * FROM roadshows WHERE id = ?').get(id) as Row | undefined;
      return r && roadshowFromRow(r);
    },
    list: async () => (prepare('SELECT * FROM roadshows ORDER BY starts_at').all() as Row[]).map(roadshowFromRow),
    update: async (id, patch) => {
      const keys = Object.keys(patch) as (keyof RoadshowPatch)[];
      if (keys.length === 0) return;
      const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
      db.prepare(`UPDATE roadshows SET ${sets} WHERE id = ?`).run(...keys.map((k) => sqlValue(patch[k])), id);
    },
    saveLive: async (id, l) => {
      prepare('UPDATE roadshows SET status = ?, current_item_id = ?, timer_running = ?, timer_elapsed_ms = ?, timer_at = ? WHERE id = ?').run(
        l.status, l.currentItemId, bool(l.timerRunning), l.timerElapsedMs, l.timerAt, id,
      );
    },

    hostIds: async (id) => (prepare('SELECT user_id FROM roadshow_hosts WHERE roadshow_id = ?').pluck().all(id) as string[]),
    setHosts: async (id, userIds) =>
      atomically(() => {
        prepare('DELETE FROM roadshow_hosts WHERE roadshow_id = ?').run(id);
        for (const u of new Set(userIds)) prepare('INSERT INTO roadshow_hosts (roadshow_id, user_id) VALUES (?,?)').run(id, u);
      }),
    agenda: async (id) => (prepare('SELECT * FROM roadshow_agenda WHERE roadshow_id = ? ORDER BY position').all(id) as Row[]).map(agendaFromRow),
    setAgenda: async (id, items) =>
      atomically(() => {
        prepare('DELETE FROM roadshow_agenda WHERE roadshow_id = ?').run(id);
        for (const i of items) {
          prepare(
            'INSERT INTO roadshow_agenda (id,roadshow_id,position,kind,title,startup_id,pitch_minutes,qa_minutes) VALUES (?,?,?,?,?,?,?,?)',
          ).run(i.id, id, i.position, i.kind, i.title, i.startupId, i.pitchMinutes, i.qaMinutes);
        }
      }),

    register: async (id, userId, now) =>
      prepare('INSERT OR IGNORE INTO roadshow_registrations (roadshow_id, user_id, created_at) VALUES (?,?,?)').run(id, userId, now).changes === 1,
    unregister: async (id, userId) =>
      prepare('DELETE FROM roadshow_registrations WHERE roadshow_id = ? AND user_id = ?').run(id, userId).changes === 1,
    isRegistered: async (id, userId) =>
      prepare('SELECT 1 FROM roadshow_registrations WHERE roadshow_id = ? AND user_id = ?').get(id, userId) !== undefined,
    registrationCounts: async () => {
      const rows = prepare('SELECT roadshow_id, COUNT(*) AS n FROM roadshow_registrations GROUP BY roadshow_id').all() as Row[];
      return new Map(rows.map((r) => [r.roadshow_id as string, r.n as number]));
    },

    schedulerIds: async () => prepare('SELECT user_id FROM roadshow_schedulers ORDER BY granted_at').pluck().all() as string[],
    setScheduler: async (userId, allowed, by, now) => {
      if (allowed) prepare('INSERT OR IGNORE INTO roadshow_schedulers (user_id, granted_by, granted_at) VALUES (?,?,?)').run(userId, by, now);
      else prepare('DELETE FROM roadshow_schedulers WHERE user_id = ?').run(userId);
    },

    addQuestion: async (q) => {
      prepare(
        `INSERT INTO roadshow_questions (id,roadshow_id,item_id,author_id,text,anonymous,status,answered_at,pinned,votes,created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(q.id, q.roadshowId, q.itemId, q.authorId, q.text, bool(q.anonymous), q.status, q.answeredAt, bool(q.pinned), q.votes, q.createdAt);
    },
    question: async (id) => {
      const r = prepare('SELECT * FROM roadshow_questions WHERE id = ?').get(id) as Row | undefined;
      return r && questionFromRow(r);
    },
    questions: async (roadshowId) =>
      (prepare('SELECT * FROM roadshow_questions WHERE roadshow_id = ? ORDER BY created_at, id').all(roadshowId) as Row[]).map(questionFromRow),
    updateQuestion: async (id, patch) => {
      if (patch.status !== undefined) prepare('UPDATE roadshow_questions SET status = ? WHERE id = ?').run(patch.status, id);
      if (patch.answeredAt !== undefined) prepare('UPDATE roadshow_questions SET answered_at = ? WHERE id = ?').run(patch.answeredAt, id);
      if (patch.pinned !== undefined) prepare('UPDATE roadshow_questions SET pinned = ? WHERE id = ?').run(bool(patch.pinned), id);
    },
    unpinAll: async (roadshowId) => {
      prepare('UPDATE roadshow_questions SET pinned = 0 WHERE roadshow_id = ? AND pinned = 1').run(roadshowId);
    },
    vote: async (questionId, userId, up) =>
      atomically(() => {
        // NOTE: the vote row is the truth; the counter moves only when a row was really added or removed.
        const changed = up
          ? prepare('INSERT OR IGNORE INTO roadshow_question_votes (question_id, user_id) VALUES (?,?)').run(questionId, userId).changes
          : prepare('DELETE FROM roadshow_question_votes WHERE question_id = ? AND user_id = ?').run(questionId, userId).changes;
        if (changed === 1) prepare('UPDATE roadshow_questions SET votes = votes + ? WHERE id = ?').run(up ? 1 : -1, questionId);
        return prepare('SELECT votes FROM roadshow_questions WHERE id = ?').pluck().get(questionId) as number;
      }),
    votesBy: async (roadshowId, userId) =>
      prepare(
        `SELECT v.question_id FROM roadshow_question_votes v JOIN roadshow_questions q ON q.id = v.question_id
         WHERE q.roadshow_id = ? AND v.user_id = ?`,
      )
        .pluck()
        .all(roadshowId, userId) as string[],

    addPoll: async (p) => {
      prepare(
        `INSERT INTO roadshow_polls (id,roadshow_id,item_id,question,options,multiple,anonymous,closed_at,created_by,created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?)`,
      ).run(p.id, p.roadshowId, p.itemId, p.question, JSON.stringify(p.options), bool(p.multiple), bool(p.anonymous), p.closedAt, p.createdBy, p.createdAt);
    },
    poll: async (id) => {
      const r = prepare('SELECT * FROM roadshow_polls WHERE id = ?').get(id) as Row | undefined;
      return r && pollFromRow(r);
    },
    polls: async (roadshowId) =>
      (prepare('SELECT * FROM roadshow_polls WHERE roadshow_id = ? ORDER BY created_at, id').all(roadshowId) as Row[]).map(pollFromRow),
    closePoll: async (id, now) => {
      prepare('UPDATE roadshow_polls SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(now, id);
    },
    votePoll: async (pollId, userId, optionIds, now) =>
      prepare('INSERT OR IGNORE INTO roadshow_poll_votes (poll_id, user_id, option_ids, created_at) VALUES (?,?,?,?)').run(
        pollId, userId, JSON.stringify(optionIds), now,
      ).changes === 1,
    pollVotes: async (pollId) =>
      (prepare('SELECT user_id, option_ids FROM roadshow_poll_votes WHERE poll_id = ? ORDER BY created_at').all(pollId) as Row[]).map((r) => ({
        pollId,
        userId: r.user_id as string,
        optionIds: JSON.parse(r.option_ids as string) as string[],
      })),

    addChat: async (m) => {
      prepare('INSERT INTO roadshow_chat (id,roadshow_id,author_id,text,created_at) VALUES (?,?,?,?,?)').run(m.id, m.roadshowId, m.authorId, m.text, m.createdAt);
    },
    chatMessage: async (id) => {
      const r = prepare('SELECT * FROM roadshow_chat WHERE id = ?').get(id) as Row | undefined;
      return r && { ...chatFromRow(r), deleted: r.deleted_at !== null };
    },
    recentChat: async (roadshowId, limit) =>
      (
        prepare(
          `SELECT * FROM (SELECT rowid AS seq, * FROM roadshow_chat WHERE roadshow_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, seq DESC LIMIT ?)
           ORDER BY created_at, seq`,
        ).all(roadshowId, limit) as Row[]
      ).map(chatFromRow),
    deleteChat: async (id, by, now) => {
      prepare('UPDATE roadshow_chat SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(now, by, id);
    },
    setMuted: async (roadshowId, userId, muted, by, now) => {
      if (muted) prepare('INSERT OR IGNORE INTO roadshow_mutes (roadshow_id, user_id, muted_by, created_at) VALUES (?,?,?,?)').run(roadshowId, userId, by, now);
      else prepare('DELETE FROM roadshow_mutes WHERE roadshow_id = ? AND user_id = ?').run(roadshowId, userId);
    },
    mutedIds: async (roadshowId) => prepare('SELECT user_id FROM roadshow_mutes WHERE roadshow_id = ?').pluck().all(roadshowId) as string[],

    setInterest: async (rec: InterestRecord, interested) => {
      if (interested) {
        // NOTE: marking again keeps the first time; a new note replaces the old one (a changed row counts).
        return (
          prepare(
            `INSERT INTO roadshow_interests (roadshow_id, startup_id, investor_id, item_id, recording_id, message, created_at) VALUES (?,?,?,?,?,?,?)
             ON CONFLICT (roadshow_id, startup_id, investor_id) DO UPDATE SET message = excluded.message, recording_id = COALESCE(excluded.recording_id, recording_id)
             WHERE excluded.message IS NOT NULL AND excluded.message IS NOT message`,
          ).run(rec.roadshowId, rec.startupId, rec.investorId, rec.itemId, rec.recordingId ?? null, rec.message ?? null, rec.createdAt).changes > 0
        );
      }
      return prepare('DELETE FROM roadshow_interests WHERE roadshow_id = ? AND startup_id = ? AND investor_id = ?').run(rec.roadshowId, rec.startupId, rec.investorId).changes > 0;
    },
    interests: async (roadshowId) =>
      (prepare('SELECT * FROM roadshow_interests WHERE roadshow_id = ? ORDER BY created_at').all(roadshowId) as Row[]).map((r) => ({
        roadshowId: r.roadshow_id as string,
        startupId: r.startup_id as string,
        investorId: r.investor_id as string,
        itemId: (r.item_id as string | null) ?? null,
        recordingId: (r.recording_id as string | null) ?? null,
        message: (r.message as string | null) ?? null,
        createdAt: r.created_at as string,
      })),
  };
}

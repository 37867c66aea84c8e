/** Recordings in SQLite (see migration 6). */
import type Database from 'better-sqlite3';
import type { Prepare, Row } from './sqliteShared.js';
import type { ChapterRecord, MarkerRecord, RecordingRecord, RecordingRepo } from './recordingTypes.js';


const recordingFromRow = (r: Row): RecordingRecord => ({
  id: r.id as string,
  roadshowId: r.roadshow_id as string,
  status: r.status as RecordingRecord['status'],
  startedAt: r.started_at as string,
  endedAt: (r.ended_at as string | null) ?? null,
  durationMs: r.duration_ms as number,
  file: (r.file as string | null) ?? null,
  size: r.size as number,
  error: (r.error as string | null) ?? null,
  restricted: r.restricted === 1,
  createdBy: r.created_by as string,
});
const COLUMNS: Record<string, string> = {
  status: 'status',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  durationMs: 'duration_ms',
  file: 'file',
  size: 'size',
  error: 'error',
  restricted: 'restricted',
};

export function sqliteRecordings(db: Database.Database, prepare: Prepare): RecordingRepo {
  return {
    create: async (r) => {
      prepare(
        'INSERT INTO recordings (id, roadshow_id, status, started_at, ended_at, duration_ms, file, size, error, restricted, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      ).run(r.id, r.roadshowId, r.status, r.startedAt, r.endedAt, r.durationMs, r.file, r.size, r.error, r.restricted ? 1 : 0, r.createdBy);
    },
    byId: async (id) => {
      const r = prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Row | undefined;
      return r && recordingFromRow(r);
    },
    list: async () => (prepare('SELECT * FROM recordings ORDER BY started_at DESC').all() as Row[]).map(recordingFromRow),
    unfinished: async () => (prepare("SELECT * FROM recordings WHERE status IN ('recording','processing')").all() as Row[]).map(recordingFromRow),
    update: async (id, patch) => {
      const keys = Object.keys(patch).filter((k) => k in COLUMNS);
      if (keys.length === 0) return;
      const values = keys.map((k) => {
        const v = (patch as Record<string, unknown>)[k];
        return typeof v === 'boolean' ? (v ? 1 : 0) : v;
      });
      db.prepare(`UPDATE recordings SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
    },
    addSegment: async (recordingId, seq, file, startedAt) => {
      prepare('INSERT INTO recording_segments (recording_id, seq, file, started_at) VALUES (?,?,?,?)').run(recordingId, seq, file, startedAt);
    },
    segments: async (recordingId) =>
      (prepare('SELECT seq, file, started_at FROM recording_segments WHERE recording_id = ? ORDER BY seq').all(recordingId) as Row[]).map((r) => ({
        seq: r.seq as number,
        file: r.file as string,
        startedAt: r.started_at as string,
      })),
    setChapters: async (recordingId, chapters) =>
      db.transaction(() => {
        prepare('DELETE FROM recording_chapters WHERE recording_id = ?').run(recordingId);
        for (const c of chapters) {
          prepare('INSERT INTO recording_chapters (recording_id, idx, title, item_id, startup_id, start_ms, end_ms, thumbnail) VALUES (?,?,?,?,?,?,?,?)').run(
            recordingId, c.index, c.title, c.itemId, c.startupId, c.startMs, c.endMs, c.thumbnail,
          );
        }
      })(),
    chapters: async (recordingId) =>
      (prepare('SELECT * FROM recording_chapters WHERE recording_id = ? ORDER BY idx').all(recordingId) as Row[]).map(
        (r): ChapterRecord => ({
          recordingId,
          index: r.idx as number,
          title: r.title as string,
          itemId: (r.item_id as string | null) ?? null,
          startupId: (r.startup_id as string | null) ?? null,
          startMs: r.start_ms as number,
          endMs: (r.end_ms as number | null) ?? null,
          thumbnail: (r.thumbnail as string | null) ?? null,
        }),
      ),
    addMarker: async (m) => {
      prepare('INSERT INTO recording_markers (recording_id, kind, question_id, text, at_ms) VALUES (?,?,?,?,?)').run(m.recordingId, m.kind, m.questionId, m.text, m.atMs);
    },
    markers: async (recordingId) =>
      (prepare('SELECT * FROM recording_markers WHERE recording_id = ? ORDER BY at_ms, rowid').all(recordingId) as Row[]).map(
        (r): MarkerRecord => ({ recordingId, kind: r.kind as MarkerRecord['kind'], questionId: r.question_id as string, text: r.text as string, atMs: r.at_ms as number }),
      ),
    replaceMarkers: async (recordingId, markers) =>
      db.transaction(() => {
        prepare('DELETE FROM recording_markers WHERE recording_id = ?').run(recordingId);
        for (const m of markers) {
          prepare('INSERT INTO recording_markers (recording_id, kind, question_id, text, at_ms) VALUES (?,?,?,?,?)').run(recordingId, m.kind, m.questionId, m.text, m.atMs);
        }
      })(),
    accessIds: async (recordingId) => prepare('SELECT user_id FROM recording_access WHERE recording_id = ?').pluck().all(recordingId) as string[],
    setAccess: async (recordingId, userIds) =>
      db.transaction(() => {
        prepare('DELETE FROM recording_access WHERE recording_id = ?').run(recordingId);
        for (const u of new Set(userIds ?? [])) prepare('INSERT INTO recording_access (recording_id, user_id) VALUES (?,?)').run(recordingId, u);
        prepare('UPDATE recordings SET restricted = ? WHERE id = ?').run(userIds === null ? 0 : 1, recordingId);
      })(),
    addWatch: async (recordingId, userId, segments, at) =>
      db.transaction(() => {
        for (const [s, e] of segments) prepare('INSERT INTO recording_watch (recording_id, user_id, start_ms, end_ms, at) VALUES (?,?,?,?,?)').run(recordingId, userId, s, e, at);
      })(),
    watch: async (recordingId) =>
      (prepare('SELECT user_id, start_ms, end_ms, at FROM recording_watch WHERE recording_id = ? ORDER BY at, rowid').all(recordingId) as Row[]).map((r) => ({
        userId: r.user_id as string,
        startMs: r.start_ms as number,
        endMs: r.end_ms as number,
        at: r.at as string,
      })),
    viewerCounts: async () =>
      new Map(
        (prepare('SELECT recording_id, COUNT(DISTINCT user_id) AS n FROM recording_watch GROUP BY recording_id').all() as Row[]).map((r) => [r.recording_id as string, r.n as number]),
      ),
  };
}

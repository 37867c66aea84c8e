/**
 * Recordings: starting and stopping a roadshow's recording (a RoomRecorder per live recording), its
 * chapters (from the agenda) and markers (from the Q&A), finishing the file afterwards — also for
 * recordings the server was killed in the middle of — and the library: who may watch, search and
 * filters, files with Range, restrictions, watch reports and analytics.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Conflict, Forbidden, HttpError, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { MediaRoom } from '../media/mediaRoom.js';
import type { ChapterRecord, RecordingRecord } from '../store/recordingTypes.js';
import type { Store } from '../store/types.js';
import { ErrorReason } from '../../shared/protocol.js';
import { RecordingProblem, recordingProblemOf, type RecordingStatePush } from '../../shared/recordings.js';
import { isUsableSegment, joinSegments, prepareSegment, probeDurationMs, thumbnail } from './postprocess.js';
import { RoomRecorder, type StageSource } from './recorder.js';

export interface RecordingsConfig {
  /** Where recordings are written. */
  dir: string;
  ffmpegPath: string;
  ffprobePath: string;
}

interface ActiveRecording {
  id: string;
  recorder: RoomRecorder;
  chapters: ChapterRecord[];
}

/** A chapter starts where an agenda item starts (while recording). */
export interface ChapterSource {
  id: string;
  title: string;
  startupId: string | null;
}

export type RecordingEvent = RecordingStatePush;

export class RecordingService extends EventEmitter<{ state: [RecordingEvent] }> {
  readonly #active = new Map<string, ActiveRecording>();
  /** Finishing jobs in flight (tests and shutdown wait for them). */
  readonly #finishing = new Set<Promise<void>>();
  /** How far post-processing got (0..1), per recording being finished. */
  readonly #progress = new Map<string, number>();

  constructor(
    private readonly store: Store,
    readonly config: RecordingsConfig,
    private readonly log: Logger,
  ) {
    super();
    mkdirSync(config.dir, { recursive: true });
  }

  /** How far the file of a recording in `processing` is (0..1); null when it is not being finished here. */
  progress(recordingId: string): number | null {
    return this.#progress.get(recordingId) ?? null;
  }

  isRecording(roadshowId: string): boolean {
    return this.#active.has(roadshowId);
  }
  /** ffmpeg PIDs of a roadshow's recording (tests kill one to check recovery). */
  ffmpegPids(roadshowId: string): number[] {
    return this.#active.get(roadshowId)?.recorder.ffmpegPids ?? [];
  }

  /** Starts recording the room's stage. */
  async start(roadshowId: string, caller: Caller, room: MediaRoom, pick: () => StageSource, item: ChapterSource | null): Promise<string> {
    if (this.#active.has(roadshowId)) throw new Conflict('This roadshow is already being recorded.');
    const id = newId();
    const dir = join(this.config.dir, id);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new HttpError(507, ErrorReason.Internal, `Recording could not start: ${(err as Error).message}`);
    }
    await this.store.recordings.create({
      id, roadshowId, status: 'recording', startedAt: new Date().toISOString(), endedAt: null, durationMs: 0,
      file: null, size: 0, error: null, restricted: false, createdBy: caller.user.id,
    });
    const recorder = new RoomRecorder({ room, dir, ffmpegPath: this.config.ffmpegPath, pick, log: this.log.child({ recordingId: id }) });
    const active: ActiveRecording = { id, recorder, chapters: [] };
    this.#active.set(roadshowId, active);
    recorder.on('segment', (seq, file, startedAt) => {
      void this.store.recordings.addSegment(id, seq, file, new Date(startedAt).toISOString());
    });
    recorder.on('problem', (message) => this.emit('state', { roadshowId, recording: true, recordingId: id, error: message, errorCode: recordingProblemOf(message) }));
    recorder.on('fatal', (message) => void this.stop(roadshowId, message));
    if (item) this.chapter(roadshowId, item);
    this.log.info({ roadshowId, recordingId: id }, 'start()');
    this.emit('state', { roadshowId, recording: true, recordingId: id, error: null, errorCode: null });
    return id;
  }

  /**
   * The agenda moved on: the previous chapter ends and a new one starts here. NOTE: while recording,
   * chapter and marker times are wall-clock instants (ms since the epoch); finishing maps them onto the
   * file's timeline from the segments' real start times and durations (gaps without a source drop out).
   */
  chapter(roadshowId: string, item: ChapterSource): void {
    const a = this.#active.get(roadshowId);
    if (!a) return;
    const at = Date.now();
    const last = a.chapters[a.chapters.length - 1];
    if (last?.itemId === item.id) return;
    if (last) last.endMs = at;
    a.chapters.push({ recordingId: a.id, index: a.chapters.length, title: item.title, itemId: item.id, startupId: item.startupId, startMs: at, endMs: null, thumbnail: null });
    // Stored as they happen, so a recording interrupted by a crash keeps its chapters.
    void this.store.recordings.setChapters(a.id, a.chapters);
  }

  /** A question was asked or answered while recording: a marker on the timeline. */
  marker(roadshowId: string, kind: 'asked' | 'answered', question: { id: string; text: string }): void {
    const a = this.#active.get(roadshowId);
    if (!a) return;
    void this.store.recordings.addMarker({ recordingId: a.id, kind, questionId: question.id, text: question.text, atMs: Date.now() });
  }

  /** Stops recording; the file is finished in the background (status `processing`, then `ready`). */
  async stop(roadshowId: string, error: string | null = null): Promise<string | null> {
    const a = this.#active.get(roadshowId);
    if (!a) return null;
    this.#active.delete(roadshowId);
    await a.recorder.stop();
    await this.store.recordings.setChapters(a.id, a.chapters);
    await this.store.recordings.update(a.id, { status: 'processing', endedAt: new Date().toISOString(), error });
    this.emit('state', { roadshowId, recording: false, recordingId: a.id, error, errorCode: recordingProblemOf(error) });
    this.#track(this.#finish(a.id, error ? 'incomplete' : 'ready', error));
    return a.id;
  }

  #track(job: Promise<void>): void {
    this.#finishing.add(job);
    void job.finally(() => this.#finishing.delete(job));
  }

  /**
   * Measures every segment, joins the usable ones (each rewritten first — its microphones mixed into one
   * track — which also repairs a segment cut short by a crash), maps chapters and markers from wall-clock time onto the file, and takes thumbnails.
   */
  async #finish(id: string, status: 'ready' | 'incomplete', cause: string | null = null): Promise<void> {
    const rec = await this.store.recordings.byId(id);
    if (!rec) return;
    const { ffmpegPath, ffprobePath } = this.config;
    this.#progress.set(id, 0);
    try {
      const parts: { file: string; wallStart: number; durationMs: number }[] = [];
      const segments = (await this.store.recordings.segments(id)).filter((s) => isUsableSegment(s.file));
      // Progress: each segment weighs its wall-clock length; joining and the thumbnails a tenth of the whole each.
      const ends = segments.map((s, i) => Date.parse(segments[i + 1]?.startedAt ?? rec.endedAt ?? new Date().toISOString()));
      const weights = segments.map((s, i) => Math.max(1, ends[i]! - Date.parse(s.startedAt)));
      const total = weights.reduce((a, b) => a + b, 0) / 0.8;
      let done = 0;
      const advance = (w: number) => this.#progress.set(id, Math.min(0.99, (done += w) / total));
      for (const [i, s] of segments.entries()) {
        if (i > 0) advance(weights[i - 1]!);
        const fixed = `${s.file}.fixed.webm`;
        // NOTE: the next segment starts before this one has finished (so a switch leaves no gap): this one
        // is cut where the next begins, so nothing is in the file twice and file time follows wall time.
        const next = segments[i + 1];
        const maxMs = next ? Date.parse(next.startedAt) - Date.parse(s.startedAt) : null;
        if (maxMs !== null && maxMs <= 0) continue;
        const ok = await prepareSegment(ffmpegPath, ffprobePath, s.file, fixed, maxMs).catch((err: unknown) => {
          if (/disk is full/.test((err as Error).message)) throw err;
          this.log.warn({ err, file: s.file }, 'finish() | segment unreadable, skipped');
          return false;
        });
        const durationMs = ok ? await probeDurationMs(ffprobePath, fixed).catch(() => 0) : 0;
        // A header-only or unreadable segment (a switch that lasted a blink, a killed ffmpeg) is skipped.
        if (durationMs > 0) parts.push({ file: fixed, wallStart: Date.parse(s.startedAt), durationMs });
      }
      if (parts.length === 0) throw new Error(cause ?? 'nothing was recorded (no one was on stage)');
      advance(weights.at(-1) ?? 0);
      const file = join(this.config.dir, `${id}.webm`);
      await joinSegments(ffmpegPath, parts.map((p) => p.file), file);
      advance(total * 0.1);
      const durationMs = await probeDurationMs(ffprobePath, file);
      /** Where a wall-clock instant falls in the file (a gap maps to where the next segment starts). */
      const toFile = (wall: number): number => {
        let offset = 0;
        for (const p of parts) {
          if (wall < p.wallStart) return Math.min(offset, durationMs);
          if (wall < p.wallStart + p.durationMs) return Math.min(offset + (wall - p.wallStart), durationMs);
          offset += p.durationMs;
        }
        return durationMs;
      };
      const raw = await this.store.recordings.chapters(id);
      const chapters = raw.map((c, i) => ({ ...c, startMs: i === 0 ? 0 : toFile(c.startMs), endMs: null as number | null }));
      chapters.forEach((c, i) => (c.endMs = i + 1 < chapters.length ? chapters[i + 1]!.startMs : durationMs));
      const kept = chapters.filter((c) => c.endMs! > c.startMs || chapters.length === 1).map((c, index) => ({ ...c, index }));
      for (const c of kept) {
        const thumb = join(this.config.dir, id, `chapter-${c.index}.jpg`);
        const at = Math.min(c.startMs + Math.min(2000, Math.max(0, (c.endMs! - c.startMs) / 2)), Math.max(0, durationMs - 100));
        c.thumbnail = await thumbnail(ffmpegPath, file, at, thumb).then(() => thumb, () => null);
        advance((total * 0.1) / kept.length);
      }
      await this.store.recordings.setChapters(id, kept);
      await this.store.recordings.replaceMarkers(id, (await this.store.recordings.markers(id)).map((m) => ({ ...m, atMs: toFile(m.atMs) })));
      await this.store.recordings.update(id, { status, file, durationMs, size: statSync(file).size });
      this.#progress.delete(id);
      this.log.info({ recordingId: id, durationMs, status, segments: parts.length }, 'finish()');
    } catch (err) {
      this.#progress.delete(id);
      this.log.error({ err, recordingId: id }, 'finish() | failed');
      const message = (err as Error).message;
      await this.store.recordings.update(id, { status: 'failed', error: cause && message === cause ? cause : `Could not finish the recording: ${message}` });
    }
  }

  /** On start-up: recordings the server stopped in the middle of are finished from what is on disk, as incomplete. */
  async recover(): Promise<void> {
    for (const rec of await this.store.recordings.unfinished()) {
      this.log.warn({ recordingId: rec.id }, 'recover() | finishing a recording interrupted by a restart');
      await this.store.recordings.update(rec.id, { status: 'processing', endedAt: rec.endedAt ?? new Date().toISOString(), error: rec.error ?? 'The server stopped while recording.' });
      this.#track(this.#finish(rec.id, 'incomplete'));
    }
  }

  /**
   * An operator tries again to finish a recording that failed (say the disk was full, and space was made):
   * from the segments still on disk; it ends `incomplete`, keeping why it failed the first time.
   */
  async reprocess(caller: Caller, id: string): Promise<void> {
    if (caller.user.role !== 'operator') throw new Forbidden('Only operators process a recording again.');
    const rec = await this.store.recordings.byId(id);
    if (!rec) throw new NotFound('No such recording.');
    if (rec.status !== 'failed') throw new Conflict('Only a recording that failed can be processed again.', RecordingProblem.NotFailed);
    const segments = await this.store.recordings.segments(id);
    if (!segments.some((s) => isUsableSegment(s.file))) throw new Conflict('Nothing of this recording is left on disk to process.', RecordingProblem.NothingOnDisk);
    const cause = (rec.error ?? 'The recording failed.').replace(/^Could not finish the recording: /, 'The first attempt to finish it failed: ');
    await this.store.recordings.update(id, { status: 'processing', error: cause });
    this.log.info({ recordingId: id }, 'reprocess()');
    this.#track(this.#finish(id, 'incomplete', cause));
  }

  /** Waits for finishing jobs (shutdown and tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.#finishing]);
  }

  /** Stops every recording (shutdown), then waits for the files. */
  async close(): Promise<void> {
    for (const roadshowId of [...this.#active.keys()]) await this.stop(roadshowId, 'The server stopped while recording.').catch(() => {});
    await this.settle();
  }
}


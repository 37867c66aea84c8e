/**
 * The recordings protocol: a roadshow's recording (one playable file), its chapters and markers, the
 * library's search and filters, access restrictions and watch analytics. Semantics: docs/recordings.md.
 */
import { z } from 'zod';
import { Language, StartupStage, TimeZone } from './schemas.js';

const Id = z.string().min(1).max(64);

/**
 * Recording problems and refusals with a machine-readable code (`RecordingDetail.errorCode`,
 * `RecordingStatePush.errorCode`, `ApiError.code`): the client says them in the user's language
 * (`errors.code.rec.*`); the server's English sentence stays in `error` / `message`.
 */
export const RecordingProblem = {
  DiskFull: 'rec.disk_full',
  FfmpegMissing: 'rec.ffmpeg_missing',
  FfmpegFailed: 'rec.ffmpeg_failed',
  Interrupted: 'rec.interrupted',
  ServerStopped: 'rec.server_stopped',
  NothingRecorded: 'rec.nothing_recorded',
  NotFailed: 'rec.not_failed',
  NothingOnDisk: 'rec.nothing_on_disk',
} as const;
export type RecordingProblem = (typeof RecordingProblem)[keyof typeof RecordingProblem];

/** The known problem a recording's error sentence (server/recordings) describes, or null. */
export function recordingProblemOf(error: string | null): RecordingProblem | null {
  if (!error) return null;
  if (/disk is full|no space left/i.test(error)) return RecordingProblem.DiskFull;
  if (/ffmpeg is not installed|ffmpeg.*not found/i.test(error)) return RecordingProblem.FfmpegMissing;
  if (/interrupted \(ffmpeg exited/i.test(error)) return RecordingProblem.Interrupted;
  if (/ffmpeg (could not start|failed|exited)/i.test(error)) return RecordingProblem.FfmpegFailed;
  if (/server stopped while recording/i.test(error)) return RecordingProblem.ServerStopped;
  if (/nothing was recorded/i.test(error)) return RecordingProblem.NothingRecorded;
  return null;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `tz`. */
export function dayIn(iso: string, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const RECORDING_STATUSES = ['recording', 'processing', 'ready', 'incomplete', 'failed'] as const;
export const RecordingStatus = z.enum(RECORDING_STATUSES);
export type RecordingStatus = z.infer<typeof RecordingStatus>;

export const RecordingChapter = z.object({
  index: z.number().int(),
  title: z.string(),
  itemId: Id.nullable(),
  startupId: Id.nullable(),
  /** Milliseconds from the start of the file. */
  startMs: z.number().int(),
  endMs: z.number().int(),
  hasThumbnail: z.boolean(),
});
export type RecordingChapter = z.infer<typeof RecordingChapter>;

export const RecordingMarker = z.object({
  kind: z.enum(['asked', 'answered']),
  questionId: Id,
  text: z.string(),
  atMs: z.number().int(),
});
export type RecordingMarker = z.infer<typeof RecordingMarker>;

export const RecordingStartup = z.object({ id: Id, name: z.string(), industry: z.string(), stage: StartupStage });

/** A library card. */
export const RecordingSummary = z.object({
  id: Id,
  roadshowId: Id,
  title: z.string(),
  description: z.string(),
  language: Language,
  startups: z.array(RecordingStartup),
  startedAt: z.string(),
  durationMs: z.number().int(),
  status: RecordingStatus,
  /** While `processing`: how far the file is (0..1); null otherwise. */
  progress: z.number().min(0).max(1).nullable(),
  /** People who watched (any amount). */
  viewers: z.number().int(),
  hasThumbnail: z.boolean(),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;

export const RecordingDetail = RecordingSummary.extend({
  chapters: z.array(RecordingChapter),
  markers: z.array(RecordingMarker),
  /** Why it is incomplete or failed, for the host. */
  error: z.string().nullable(),
  /** Which problem that is, when it is a known one (RecordingProblem), for the viewer's language. */
  errorCode: z.string().nullable(),
  /** Investors it is restricted to, when the startup restricted it (null: everyone allowed). */
  restrictedTo: z.array(z.object({ id: Id, name: z.string() })).nullable(),
  /** Whether the caller may change the restriction (the startup's founders). */
  canRestrict: z.boolean(),
  /** Whether the caller's viewing is reported to the startups (investors). */
  viewingIsVisible: z.boolean(),
  /** The startups of this recording the caller (an investor) marked interested / asked an intro to. */
  interestedStartupIds: z.array(Id),
});
export type RecordingDetail = z.infer<typeof RecordingDetail>;

/** GET /api/recordings query. */
export const RecordingsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  industry: z.string().trim().max(60).optional(),
  stage: StartupStage.optional(),
  roadshowId: Id.optional(),
  language: Language.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The viewer's time zone (IANA): `from`/`to` are days there (UTC when not given). */
  tz: TimeZone.optional(),
  sort: z.enum(['date', 'popular']).default('date'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type RecordingsQuery = z.input<typeof RecordingsQuery>;
export const RecordingsPage = z.object({ recordings: z.array(RecordingSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type RecordingsPage = z.infer<typeof RecordingsPage>;

/** POST /api/recordings/:id/watch — segments of the file the player played since the last report. */
export const WatchReportBody = z
  .object({
    segments: z
      .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b > a, 'a segment ends after it starts'))
      .min(1)
      .max(200),
  })
  .strict();
export type WatchReportBody = z.infer<typeof WatchReportBody>;

/** PUT /api/recordings/:id/access — restrict to these investors (null lifts the restriction). */
export const RecordingAccessBody = z.object({ investorIds: z.array(Id).max(200).nullable() }).strict();

/** POST /api/recordings/:id/interest — an investor marks interest in a startup of the recording, optionally asking for an intro with a note. */
export const RecordingInterestBody = z
  .object({
    startupId: Id,
    interested: z.boolean(),
    message: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();
export type RecordingInterestBody = z.infer<typeof RecordingInterestBody>;
export const RecordingInterestResult = z.object({ startupId: Id, interested: z.boolean() });
export type RecordingInterestResult = z.infer<typeof RecordingInterestResult>;

/** An investor's interest in one of the recording's startups (live or from the replay), as the founders see it. */
export const RecordingInterest = z.object({
  startupId: Id,
  startupName: z.string(),
  investor: z.object({ id: Id, name: z.string(), role: z.string() }),
  /** Their note with the intro request (null: just "interested"). */
  message: z.string().nullable(),
  /** Marked while watching this recording (false: in the live room or another recording). */
  fromReplay: z.boolean(),
  createdAt: z.string(),
});
export type RecordingInterest = z.infer<typeof RecordingInterest>;

/** GET /api/recordings/:id/analytics — who watched, per recording and per chapter, and who asked for an intro. */
export const WatchAnalytics = z.object({
  recordingId: Id,
  durationMs: z.number().int(),
  interests: z.array(RecordingInterest),
  viewers: z.array(
    z.object({
      viewer: z.object({ id: Id, name: z.string(), role: z.string() }),
      /** Distinct milliseconds watched (overlaps merged). */
      watchedMs: z.number().int(),
      firstAt: z.string(),
      lastAt: z.string(),
      chapters: z.array(z.object({ index: z.number().int(), watchedMs: z.number().int() })),
    }),
  ),
});
export type WatchAnalytics = z.infer<typeof WatchAnalytics>;

/** Socket: hosts start/stop recording (`roadshow:record`); everyone gets `roadshow:recording`. */
export const RoadshowRecordBody = z.object({ roadshowId: Id, recording: z.boolean() }).strict();
export const RecordingStatePush = z.object({
  roadshowId: Id,
  recording: z.boolean(),
  recordingId: Id.nullable(),
  /** A problem the host should see (ffmpeg missing, disk full, ffmpeg died). */
  error: z.string().nullable(),
  /** Which problem, when it is a known one (RecordingProblem), for the host's language. */
  errorCode: z.string().nullable(),
});
export type RecordingStatePush = z.infer<typeof RecordingStatePush>;

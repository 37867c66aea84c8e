/** Records and the storage contract of recordings. */
import type { RecordingStatus } from '../../shared/recordings.js';

export interface RecordingRecord {
  id: string;
  roadshowId: string;
  status: RecordingStatus;
  startedAt: string;
  endedAt: string | null;
  durationMs: number;
  /** The final file (absolute path), once made. */
  file: string | null;
  size: number;
  error: string | null;
  restricted: boolean;
  createdBy: string;
}

export interface ChapterRecord {
  recordingId: string;
  index: number;
  title: string;
  itemId: string | null;
  startupId: string | null;
  startMs: number;
  endMs: number | null;
  thumbnail: string | null;
}

export interface MarkerRecord {
  recordingId: string;
  kind: 'asked' | 'answered';
  questionId: string;
  text: string;
  atMs: number;
}

export interface WatchRecord {
  userId: string;
  startMs: number;
  endMs: number;
  at: string;
}

export interface RecordingRepo {
  create(r: RecordingRecord): Promise<void>;
  byId(id: string): Promise<RecordingRecord | undefined>;
  list(): Promise<RecordingRecord[]>;
  /** Recordings left `recording` or `processing` (the server stopped while they were). */
  unfinished(): Promise<RecordingRecord[]>;
  update(id: string, patch: Partial<Omit<RecordingRecord, 'id' | 'roadshowId' | 'createdBy'>>): Promise<void>;
  addSegment(recordingId: string, seq: number, file: string, startedAt: string): Promise<void>;
  segments(recordingId: string): Promise<{ seq: number; file: string; startedAt: string }[]>;
  setChapters(recordingId: string, chapters: ChapterRecord[]): Promise<void>;
  chapters(recordingId: string): Promise<ChapterRecord[]>;
  addMarker(m: MarkerRecord): Promise<void>;
  markers(recordingId: string): Promise<MarkerRecord[]>;
  replaceMarkers(recordingId: string, markers: MarkerRecord[]): Promise<void>;
  accessIds(recordingId: string): Promise<string[]>;
  setAccess(recordingId: string, userIds: string[] | null): Promise<void>;
  addWatch(recordingId: string, userId: string, segments: [number, number][], at: string): Promise<void>;
  watch(recordingId: string): Promise<WatchRecord[]>;
  /** Distinct viewers per recording. */
  viewerCounts(): Promise<Map<string, number>>;
}

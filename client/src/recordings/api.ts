/** The replay library's REST calls (docs/recordings.md), typed with the shared protocol (types only). */
import type { RecordingDetail, RecordingInterestBody, RecordingInterestResult, RecordingsPage, WatchAnalytics } from '../../../shared/recordings';
import type { Question } from '../../../shared/roadshow';
import { apiRequest } from '../lib/api';
import type { Segment } from './segments';

const enc = encodeURIComponent;
const base = (id: string) => `/api/recordings/${enc(id)}`;

export const recordingsApi = {
  /** One page of the library; `query` comes from `recordingsQueryString()`. */
  list: (query: string, signal?: AbortSignal) => apiRequest<RecordingsPage>('GET', `/api/recordings${query}`, { signal }),
  get: (id: string) => apiRequest<{ recording: RecordingDetail }>('GET', base(id)),
  questions: (id: string) => apiRequest<{ questions: Question[] }>('GET', `${base(id)}/questions`),
  /** Restricts to these investors (null lifts the restriction). */
  setAccess: (id: string, investorIds: string[] | null) => apiRequest<{ recording: RecordingDetail }>('PUT', `${base(id)}/access`, { body: { investorIds } }),
  watch: (id: string, segments: Segment[]) => apiRequest<{ ok: true }>('POST', `${base(id)}/watch`, { body: { segments } }),
  /** An investor marks interest in a startup of the recording, optionally asking for an intro with a note. */
  interest: (id: string, body: RecordingInterestBody) => apiRequest<RecordingInterestResult>('POST', `${base(id)}/interest`, { body }),
  /** Operators: finish a failed recording again from what is on disk. */
  reprocess: (id: string) => apiRequest<{ recording: RecordingDetail }>('POST', `${base(id)}/reprocess`, { body: {} }),
  analytics: (id: string) => apiRequest<WatchAnalytics>('GET', `${base(id)}/analytics`),
};

/** The file, streamed with Range (seeking works). */
export const recordingVideoUrl = (id: string) => `${base(id)}/video`;

/** A chapter's poster frame (JPEG). */
export const chapterThumbnailUrl = (id: string, index: number) => `${base(id)}/chapters/${index}/thumbnail`;

/** A watch report that survives the page closing (fetch keepalive keeps the cookie and JSON type, unlike sendBeacon). */
export function sendWatchOnLeave(id: string, segments: Segment[]): void {
  void fetch(`${base(id)}/watch`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ segments }),
  }).catch(() => {});
}

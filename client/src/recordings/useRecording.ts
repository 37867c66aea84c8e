import type { RecordingDetail } from '../../../shared/recordings';
import { useAsync } from '../lib/useAsync';
import { recordingsApi } from './api';
import { usePollWhile } from './useLibrary';

/** One recording's detail; asks again while it is still being recorded or processed. */
export function useRecording(id: string) {
  const result = useAsync(async () => (await recordingsApi.get(id)).recording, id);
  const unfinished = result.state.kind === 'ready' && (result.state.data.status === 'processing' || result.state.data.status === 'recording');
  usePollWhile(unfinished, result.reload);
  return result;
}

/** Whether the viewer sees who watched: the startups' founders and operators. */
export function canSeeAnalytics(recording: RecordingDetail, role: string): boolean {
  return recording.canRestrict || role === 'operator';
}

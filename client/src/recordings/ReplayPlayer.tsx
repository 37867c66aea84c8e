import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../shared/recordings';
import { Alert } from '../ui/States';
import { chapterThumbnailUrl, recordingVideoUrl } from './api';
import { ReplayTimeline } from './ReplayTimeline';
import { useWatchReporting, type ReplayPlayer as Player } from './useReplayPlayer';

/** The `<video>` (streamed with Range, so seeking works), the timeline under it, and watch reporting. */
export function ReplayPlayer({ recording, player }: { recording: RecordingDetail; player: Player }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [mediaMs, setMediaMs] = useState(0);
  useWatchReporting(player.videoRef, recording.id);
  // NOTE: ffprobe's duration is the truth; a WebM may not tell the element its length up front.
  const durationMs = recording.durationMs > 0 ? recording.durationMs : mediaMs;
  const poster = recording.chapters[0]?.hasThumbnail ? chapterThumbnailUrl(recording.id, 0) : undefined;

  return (
    <div className="rec-player">
      <div className="rec-video-frame">
        <video
          ref={player.videoRef}
          className="rec-video"
          src={recordingVideoUrl(recording.id)}
          poster={poster}
          controls
          preload="metadata"
          playsInline
          aria-label={t('recordings.replay.videoLabel', { title: recording.title })}
          data-testid="replay-video"
          onTimeUpdate={(e) => player.setNowMs(e.currentTarget.currentTime * 1000)}
          onSeeked={(e) => player.setNowMs(e.currentTarget.currentTime * 1000)}
          onDurationChange={(e) => Number.isFinite(e.currentTarget.duration) && setMediaMs(e.currentTarget.duration * 1000)}
          onError={() => setFailed(true)}
        />
      </div>
      {failed && <Alert tone="error">{t('recordings.replay.videoError')}</Alert>}
      <ReplayTimeline durationMs={durationMs} nowMs={player.nowMs} chapters={recording.chapters} markers={recording.markers} onSeek={player.seek} />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useRoadshowRoom } from './roadshowRoomStore';

/** "● REC" for everyone in the room while the stage is being recorded. */
export function RecordingIndicator() {
  const { t } = useTranslation();
  const recording = useRoadshowRoom((s) => s.state?.recording ?? false);
  if (!recording) return null;
  return (
    <span className="rec-indicator" role="status" title={t('recordings.live.indicator')} aria-label={t('recordings.live.indicator')} data-testid="roadshow-recording-indicator">
      <span className="rec-indicator-dot" aria-hidden="true" />
      {t('recordings.live.rec')}
    </span>
  );
}

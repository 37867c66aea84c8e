import { useTranslation } from 'react-i18next';
import type { RecordingStatus } from '../../../shared/recordings';

/** The state of a recording (with how far processing is); nothing for a ready one. */
export function RecordingStatusBadge({ status, progress = null }: { status: RecordingStatus; progress?: number | null }) {
  const { t } = useTranslation();
  if (status === 'ready') return null;
  return (
    <span className={`badge rec-status rec-status--${status}`} data-testid="recording-status">
      {status === 'processing' && <span className="rec-status-spin" aria-hidden="true" />}
      {status === 'processing' && progress !== null ? t('recordings.status.processingPercent', { percent: Math.round(progress * 100) }) : t(`recordings.status.${status}`)}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { RecordingStatus } from '../../../shared/recordings';

/** The state of a recording; nothing for a ready one unless `always`. */
export function RecordingStatusBadge({ status, always = false }: { status: RecordingStatus; always?: boolean }) {
  const { t } = useTranslation();
  if (status === 'ready' && !always) return null;
  return (
    <span className={`badge rec-status rec-status--${status}`} data-testid="recording-status">
      {status === 'processing' && <span className="rec-status-spin" aria-hidden="true" />}
      {t(`recordings.status.${status}`)}
    </span>
  );
}

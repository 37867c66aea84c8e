import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../shared/recordings';
import { useAction } from '../lib/useAction';
import { useDescribeError } from '../lib/useDescribeError';
import { recordingsApi } from './api';

/**
 * For operators, on a recording that failed (say the disk was full): process it again from what is still
 * on disk, once the cause is fixed. The page then follows its progress.
 */
export function ReprocessButton({ recording, onStarted }: { recording: RecordingDetail; onStarted: (r: RecordingDetail) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { run, pending, error } = useAction();
  const start = () => run(async () => onStarted((await recordingsApi.reprocess(recording.id)).recording));
  return (
    <div className="rec-reprocess">
      <p className="muted small">{t('recordings.reprocess.hint')}</p>
      <button type="button" className="btn btn--small btn--secondary" data-testid="replay-reprocess" disabled={pending} onClick={() => void start()}>
        {pending ? t('recordings.reprocess.starting') : t('recordings.reprocess.action')}
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          {describe(error)}
        </p>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useDescribeAck } from './useDescribeAck';
import { describeCode } from '../lib/useDescribeError';

/** Failed room actions, briefly, in the corner (each can be dismissed). */
export function RoomToasts() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const toasts = useRoadshowRoom((s) => s.toasts);
  const describe = useDescribeAck();
  return (
    <div className="rs-toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} className="rs-toast" role="alert" data-testid="roadshow-toast" data-reason={toast.error.reason}>
          <span>
            {toast.recording
              ? t('recordings.live.failed', { error: describeCode(t, toast.error.code, toast.error.message) })
              : describe(toast.error, toast.timedOut)}
          </span>
          <button type="button" className="rs-toast-close" aria-label={t('live.dismiss')} onClick={() => client.dismissToast(toast.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

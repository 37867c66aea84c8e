import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeAck } from '../roadshows/useDescribeAck';
import { useOfficeHoursLive } from './liveStore';
import { useOfficeHoursLiveClient } from './OfficeHoursLive';
import type { QueueResult } from './queueSignal';
import { useMyStartups } from './useMyStartups';

/** A founder at an open door: join the queue (for one of my startups), then my place in it, live, and Leave. */
export function QueueJoin({ mentorId, mentorName }: { mentorId: string; mentorName: string }) {
  const { t } = useTranslation();
  const client = useOfficeHoursLiveClient();
  const describe = useDescribeAck();
  const startups = useMyStartups();
  const queue = useOfficeHoursLive((s) => s.queues[mentorId]);
  const [startupId, setStartupId] = useState(startups[0]?.id ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<QueueResult<unknown>>) => {
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(describe(result.error, result.timedOut));
  };

  if (queue?.position != null) {
    return (
      <div className="oh-queue-me" role="status" aria-live="polite">
        <p className="oh-queue-position" data-testid="oh-queue-position" data-position={queue.position} data-length={queue.length}>
          {t('officeHours.queue.position', { position: queue.position, length: queue.length })}
        </p>
        <p className="muted small">{t('officeHours.queue.waitingHint')}</p>
        <button type="button" className="btn btn--secondary btn--small" data-testid="oh-queue-leave" disabled={!client || pending} onClick={() => void run(() => client!.leave(mentorId))}>
          {t('officeHours.queue.leave')}
        </button>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  }
  if (startups.length === 0) return null;
  return (
    <div className="oh-queue-join">
      <p className="muted small">{t('officeHours.directory.doorOpenHint', { name: mentorName })}</p>
      <div className="oh-queue-join-row">
        {startups.length > 1 && (
          <select className="input oh-queue-startup" aria-label={t('officeHours.queue.startup')} value={startupId} onChange={(e) => setStartupId(e.target.value)}>
            {startups.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="btn btn--primary btn--small"
          data-testid="oh-queue-join"
          disabled={!client || pending || !startupId}
          onClick={() => void run(() => client!.join(mentorId, startupId))}
        >
          {pending ? t('officeHours.queue.joining') : t('officeHours.queue.join')}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useDescribeAck } from '../roadshows/useDescribeAck';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { useOfficeHoursLive } from './liveStore';
import { useOfficeHoursLiveClient } from './OfficeHoursLive';
import type { QueueResult } from './queueSignal';

/** Mentors: open or close the drop-in door, and admit founders from the live queue. */
export function QueuePanel() {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const describe = useDescribeAck();
  const client = useOfficeHoursLiveClient();
  const queue = useOfficeHoursLive((s) => s.queues[me.id]);
  const connected = useOfficeHoursLive((s) => s.connected);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = queue?.open ?? false;
  const entries = queue?.entries ?? [];

  const run = async (action: (() => Promise<QueueResult<unknown>>) | undefined) => {
    if (!action) return;
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setError(describe(result.error, result.timedOut));
  };

  return (
    <section className="card oh-queue-panel" data-testid="oh-queue" data-open={String(open)} aria-live="polite">
      <div className="card-head">
        <h2 className="card-title">{t('officeHours.queue.title')}</h2>
        {open && <span className="badge oh-door-badge">{t('officeHours.queue.waiting', { count: entries.length })}</span>}
      </div>
      <p className="muted small">{open ? t('officeHours.queue.isOpen') : t('officeHours.queue.isClosed')}</p>
      <div className="oh-queue-buttons">
        <button
          type="button"
          className={`btn btn--small ${open ? 'btn--secondary' : 'btn--primary'}`}
          data-testid="oh-door-toggle"
          aria-pressed={open}
          disabled={!client || !connected || pending}
          onClick={() => void run(client ? () => client.setDoorOpen(!open) : undefined)}
        >
          {open ? t('officeHours.queue.close') : t('officeHours.queue.open')}
        </button>
        {open && (
          <button type="button" className="btn btn--primary btn--small" data-testid="oh-queue-admit-next" disabled={!client || pending || entries.length === 0} onClick={() => void run(client ? () => client.admit() : undefined)}>
            {t('officeHours.queue.admitNext')}
          </button>
        )}
      </div>
      {error && <p className="field-error">{error}</p>}
      {open &&
        (entries.length === 0 ? (
          <p className="muted small oh-queue-empty">{t('officeHours.queue.empty')}</p>
        ) : (
          <ol className="oh-queue-list" data-testid="oh-queue-list">
            {entries.map((e) => (
              <li key={e.userId} className="oh-queue-entry" data-testid="oh-queue-entry" data-user-id={e.userId}>
                <Avatar name={e.name} seed={e.userId} size="sm" />
                <span className="oh-queue-who">
                  <strong>{e.name}</strong>
                  <span className="muted small">
                    {e.startupName} · {t('officeHours.queue.since', { time: time.time(e.joinedAt) })}
                  </span>
                </span>
                <button type="button" className="btn btn--secondary btn--small" data-testid="oh-queue-admit" disabled={!client || pending} onClick={() => void run(client ? () => client.admit(e.userId) : undefined)}>
                  {t('officeHours.queue.admit')}
                </button>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}

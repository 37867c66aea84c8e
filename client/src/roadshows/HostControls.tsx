import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordButton } from './RecordButton';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';

/** Hosts run the event: state changes, the timer and agenda position, and the waiting room. */
export function HostControls() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const state = useRoadshowRoom((s) => s.state);
  const agenda = useRoadshowRoom((s) => s.roadshow?.agenda ?? null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  if (!state || !agenda) return null;
  const { status, timer, currentItemId } = state;
  const running = status === 'backstage' || status === 'live';
  const index = agenda.findIndex((i) => i.id === currentItemId);

  return (
    <section className="rs-host-controls" aria-label={t('live.hostControls')} data-testid="roadshow-host-controls">
      <div className="rs-host-group">
        {status === 'scheduled' && (
          <button type="button" className="btn btn--small btn--secondary" data-testid="roadshow-go-backstage" onClick={() => void client.setStatus('backstage')}>
            {t('live.goBackstage')}
          </button>
        )}
        {status === 'backstage' && (
          <>
            <button type="button" className="btn btn--small btn--live" data-testid="roadshow-go-live" onClick={() => void client.setStatus('live')}>
              <span className="live-pulse live-pulse--light" aria-hidden="true" />
              {t('live.goLive')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" data-testid="roadshow-back-to-scheduled" onClick={() => void client.setStatus('scheduled')}>
              {t('live.backToScheduled')}
            </button>
          </>
        )}
        {status === 'live' &&
          (confirmEnd ? (
            <span className="rs-confirm" role="alertdialog" aria-label={t('live.confirmEnd')}>
              <span className="rs-confirm-text">{t('live.confirmEnd')}</span>
              <button
                type="button"
                className="btn btn--small btn--danger"
                data-testid="roadshow-end-confirm"
                autoFocus
                onClick={() => {
                  setConfirmEnd(false);
                  void client.setStatus('ended');
                }}
              >
                {t('live.end')}
              </button>
              <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirmEnd(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn--small btn--danger-ghost" data-testid="roadshow-end" onClick={() => setConfirmEnd(true)}>
              {t('live.end')}
            </button>
          ))}
      </div>

      {running && (
        <div className="rs-host-group">
          <RecordButton />
        </div>
      )}

      {running && agenda.length > 0 && (
        <div className="rs-host-group" role="group" aria-label={t('live.timerGroup')}>
          <button type="button" className="btn btn--small btn--secondary" data-testid="roadshow-timer-start" disabled={timer.running} onClick={() => void client.timer('start')}>
            ▶ {t('live.timerStart')}
          </button>
          <button type="button" className="btn btn--small btn--secondary" data-testid="roadshow-timer-pause" disabled={!timer.running} onClick={() => void client.timer('pause')}>
            ❚❚ {t('live.timerPause')}
          </button>
          <button type="button" className="btn btn--small btn--ghost" data-testid="roadshow-timer-reset" onClick={() => void client.timer('reset')}>
            ↺ {t('live.timerReset')}
          </button>
          <button type="button" className="btn btn--small btn--secondary" data-testid="roadshow-next-item" disabled={index >= agenda.length - 1} onClick={() => void client.timer('next')}>
            {t('live.nextItem')} →
          </button>
          <label className="rs-goto">
            <span className="small muted">{t('live.gotoItem')}</span>
            <select
              className="input input--small"
              value={currentItemId ?? ''}
              data-testid="roadshow-goto-item"
              onChange={(e) => e.target.value && void client.timer('goto', e.target.value)}
            >
              {currentItemId === null && <option value="">—</option>}
              {agenda.map((item, i) => (
                <option key={item.id} value={item.id}>
                  {i + 1}. {item.title}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {status !== 'ended' && (
        <label className="checkbox rs-host-group rs-waiting-toggle">
          <input type="checkbox" checked={state.waitingRoom} data-testid="roadshow-waiting-room-toggle" onChange={(e) => void client.setWaitingRoom(e.target.checked)} />
          {t('live.waitingRoom')}
        </label>
      )}
    </section>
  );
}

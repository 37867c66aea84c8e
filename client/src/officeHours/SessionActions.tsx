import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking } from '../../../shared/officeHours';
import { useAction } from '../lib/useAction';
import { useDescribeError } from '../lib/useDescribeError';
import { useTimeFormat } from '../lib/useTimeFormat';
import { ohApi } from './api';
import { ohPaths } from './ohPaths';
import { canChange, roomOpensAt, roomPhase } from './sessionRules';

/** Join (while the room is open), cancel (with a confirmation), reschedule, the .ics and the notes. */
export function SessionActions({ booking: b, now, iAmMentor, onChanged }: { booking: Booking; now: number; iAmMentor: boolean; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const phase = roomPhase(b, now);
  const changeable = canChange(b, now);
  if (b.status === 'cancelled') return null;
  return (
    <div className="oh-session-actions">
      {phase === 'open' ? (
        <Link className="btn btn--primary btn--small" to={ohPaths.session(b.id)} data-testid="oh-session-join">
          {t('officeHours.sessions.join')}
        </Link>
      ) : (
        <button type="button" className="btn btn--primary btn--small" data-testid="oh-session-join" disabled>
          {phase === 'notYet' ? t('officeHours.sessions.opensAt', { time: time.time(roomOpensAt(b)) }) : t('officeHours.sessions.roomClosed')}
        </button>
      )}
      <Link className="btn btn--secondary btn--small" to={ohPaths.session(b.id)} data-testid="oh-session-notes">
        {t('officeHours.sessions.notes')}
      </Link>
      <a className="btn btn--secondary btn--small" href={ohApi.icsUrl(b.id)} download data-testid="oh-session-ics">
        {t('officeHours.sessions.ics')}
      </a>
      {!iAmMentor && !b.dropIn && phase === 'notYet' && (
        changeable ? (
          <Link className="btn btn--ghost btn--small" to={ohPaths.mentor(b.mentor.id, b.id)} data-testid="oh-session-reschedule">
            {t('officeHours.sessions.reschedule')}
          </Link>
        ) : (
          <button type="button" className="btn btn--ghost btn--small" disabled title={t('officeHours.sessions.tooLate')} data-testid="oh-session-reschedule">
            {t('officeHours.sessions.reschedule')}
          </button>
        )
      )}
      {phase === 'notYet' && <CancelButton booking={b} changeable={changeable} onChanged={onChanged} />}
    </div>
  );
}

/** Cancel, asked twice; disabled within the hour before the start, saying why. */
function CancelButton({ booking, changeable, onChanged }: { booking: Booking; changeable: boolean; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useAction();
  const cancel = async () => {
    const done = await run(async () => {
      onChanged((await ohApi.cancel(booking.id)).booking);
      return true;
    });
    if (!done) setConfirming(false);
  };
  if (!changeable) {
    return (
      <span className="oh-cancel">
        <button type="button" className="btn btn--danger-ghost btn--small" data-testid="oh-session-cancel" disabled aria-describedby={`oh-too-late-${booking.id}`}>
          {t('officeHours.sessions.cancel')}
        </button>
        <span className="muted small" id={`oh-too-late-${booking.id}`}>
          {t('officeHours.sessions.tooLate')}
        </span>
      </span>
    );
  }
  return (
    <span className="oh-cancel">
      {confirming ? (
        <>
          <span className="small">{t('officeHours.sessions.cancelConfirm')}</span>
          <button type="button" className="btn btn--danger-ghost btn--small" data-testid="oh-session-cancel-confirm" disabled={pending} onClick={() => void cancel()}>
            {pending ? t('officeHours.sessions.cancelling') : t('officeHours.sessions.cancelYes')}
          </button>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(false)}>
            {t('officeHours.sessions.cancelNo')}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn--danger-ghost btn--small" data-testid="oh-session-cancel" onClick={() => setConfirming(true)}>
          {t('officeHours.sessions.cancel')}
        </button>
      )}
      {error !== null && <span className="field-error">{describe(error)}</span>}
    </span>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking } from '../../../shared/officeHours';
import { useAction } from '../lib/useAction';
import { useDescribeError } from '../lib/useDescribeError';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useTicker } from '../roadshows/useTicker';
import { useMe } from '../session/sessionStore';
import { ohApi } from './api';
import { ohPaths } from './ohPaths';
import { formatCountdown, type RoomPhase } from './sessionRules';
import { SessionTime } from './SessionTime';

/** The session's title and time, the time left while the room is open (ticking), and the mentor's "Extend 5 min". */
export function SessionHeader({ booking, phase, onChanged }: { booking: Booking; phase: RoomPhase; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <header className="oh-room-header">
      <div className="oh-room-header-main">
        <Link to={ohPaths.sessions} className="back-link">
          ← {t('officeHours.room.back')}
        </Link>
        <h1 className="oh-room-title" data-testid="oh-room-title">
          {t('officeHours.room.title', { mentor: booking.mentor.name, startup: booking.startup.name })}
        </h1>
        <SessionTime startsAt={booking.startsAt} endsAt={booking.roomClosesAt} mentorZone={booking.mentor.timeZone} mentorName={booking.mentor.name} />
      </div>
      {phase === 'open' && (
        <div className="oh-room-header-side">
          <TimeLeft closesAt={booking.roomClosesAt} />
          {booking.mentor.id === me.id && <ExtendButton booking={booking} onChanged={onChanged} />}
        </div>
      )}
    </header>
  );
}

/** "12:34 left", ticking each second, until the room closes. */
function TimeLeft({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const now = useTicker(true, 1000);
  const left = Date.parse(closesAt) - now;
  return (
    <p className={`oh-time-left${left < 5 * 60_000 ? ' is-ending' : ''}`} data-testid="oh-time-left" data-closes-at={closesAt} role="timer">
      <strong>{t('officeHours.room.timeLeft', { time: formatCountdown(left) })}</strong>
      <span className="muted small">{t('officeHours.room.endsAt', { time: time.time(closesAt) })}</span>
    </p>
  );
}

/** The mentor keeps the room open five more minutes. */
function ExtendButton({ booking, onChanged }: { booking: Booking; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { run, pending, error } = useAction();
  const extend = () => run(async () => onChanged((await ohApi.extend(booking.id)).booking));
  return (
    <div className="oh-extend">
      <button type="button" className="btn btn--secondary btn--small" data-testid="oh-extend" disabled={pending} onClick={() => void extend()}>
        {pending ? t('officeHours.room.extending') : t('officeHours.room.extend')}
      </button>
      {error !== null && <p className="field-error">{describe(error)}</p>}
    </div>
  );
}

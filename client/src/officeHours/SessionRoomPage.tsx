import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Booking } from '../../../shared/officeHours';
import { ApiRequestError } from '../lib/api';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { RoomBusy } from '../media/RoomStatus';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState } from '../ui/States';
import { BookingVideo, type VideoState } from './BookingVideo';
import { NotesPanel } from './NotesPanel';
import { ohPaths } from './ohPaths';
import { RoomPhaseCard } from './RoomPhaseCard';
import { SessionHeader } from './SessionHeader';
import { useRoomPhase, useSessionBooking } from './useSessionBooking';

/**
 * `/office-hours/sessions/:id`: the session's private video room with the shared notes beside it. Only
 * the mentor and the booked startup's founders get past the booking look-up; the room itself is open from
 * five minutes before the start until it closes.
 */
export function SessionRoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload, setData } = useSessionBooking(id);
  useDocumentTitle(t('officeHours.title'));

  if (state.kind === 'loading') {
    return (
      <div className="oh-room-page" data-testid="oh-session-room" data-state="loading">
        <RoomBusy text={t('officeHours.room.loading')} />
      </div>
    );
  }
  if (state.kind === 'failed') {
    const status = state.error instanceof ApiRequestError ? state.error.status : 0;
    if (status === 403 || status === 404) {
      const refused = status === 403;
      return (
        <div className="oh-room-page" data-testid="oh-session-room" data-state={refused ? 'refused' : 'notFound'}>
          <div className="room-state">
            <EmptyState
              icon={<Icon name="lock" size={28} />}
              title={refused ? t('officeHours.room.refusedTitle') : t('officeHours.room.notFoundTitle')}
              hint={refused ? t('officeHours.room.refusedHint') : undefined}
            >
              <Link className="btn btn--primary" to={ohPaths.directory}>
                {t('officeHours.nav')}
              </Link>
            </EmptyState>
          </div>
        </div>
      );
    }
    return (
      <div className="oh-room-page" data-testid="oh-session-room" data-state="failed">
        <ErrorState error={state.error} onRetry={reload} />
      </div>
    );
  }
  return <SessionRoom booking={state.data} reload={reload} onChanged={(b) => setData(() => b)} />;
}

function SessionRoom({ booking, reload, onChanged }: { booking: Booking; reload: () => void; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const phase = useRoomPhase(booking, reload) ?? 'notYet';
  const [video, setVideo] = useState<VideoState>('checking');
  const onVideoState = useCallback((s: VideoState) => setVideo(s), []);
  const other = booking.mentor.id === me.id ? booking.startup.name : booking.mentor.name;
  useDocumentTitle(t('officeHours.room.documentTitle', { name: other }));
  const title = t('officeHours.room.title', { mentor: booking.mentor.name, startup: booking.startup.name });
  const dataState = phase === 'open' ? video : phase;
  return (
    <div className="oh-room-page" data-testid="oh-session-room" data-state={dataState} data-booking-id={booking.id}>
      <SessionHeader booking={booking} phase={phase} onChanged={onChanged} />
      <div className="oh-room-layout">
        <div className="oh-room-video" data-media={phase === 'open' ? video : 'none'} aria-label={t('officeHours.room.video')}>
          {phase === 'open' ? <BookingVideo bookingId={booking.id} title={title} onState={onVideoState} /> : <RoomPhaseCard booking={booking} phase={phase} />}
        </div>
        <NotesPanel bookingId={booking.id} />
      </div>
    </div>
  );
}

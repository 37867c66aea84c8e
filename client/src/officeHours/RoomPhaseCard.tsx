import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../shared/officeHours';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { roomOpensAt } from './sessionRules';

/** Where the video would be when the room is not open: not yet (and when it opens), over, or cancelled. */
export function RoomPhaseCard({ booking, phase }: { booking: Booking; phase: 'notYet' | 'closed' | 'cancelled' }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const now = useNow(15_000);
  const opens = roomOpensAt(booking);
  const content =
    phase === 'notYet'
      ? { icon: 'clock' as const, title: t('officeHours.room.notYetTitle'), hint: t('officeHours.room.notYetHint', { time: time.time(opens), when: time.relative(opens, now) }) }
      : phase === 'closed'
        ? { icon: 'videoOff' as const, title: t('officeHours.room.closedTitle'), hint: t('officeHours.room.closedHint', { time: time.time(booking.roomClosesAt) }) }
        : { icon: 'videoOff' as const, title: t('officeHours.room.cancelledTitle'), hint: t('officeHours.room.cancelledHint', { name: booking.cancelledBy?.name ?? '—' }) };
  return (
    <div className="room-state oh-room-phase" data-testid={`oh-room-${phase}`}>
      <EmptyState icon={<Icon name={content.icon} size={28} />} title={content.title} hint={content.hint} />
    </div>
  );
}

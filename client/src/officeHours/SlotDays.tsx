import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeHourSlot } from '../../../shared/officeHours';
import { useTimeFormat } from '../lib/useTimeFormat';
import { dateAtNoonUtc, groupSlotsByDay, slotState } from './slotGroups';
import { useMentorTime } from './useMentorTime';

interface SlotDaysProps {
  slots: OfficeHourSlot[];
  mentorZone: string;
  mentorName: string;
  selectedId: string | null;
  onSelect: (slot: OfficeHourSlot) => void;
}

/** The slots grouped by my calendar day; free ones can be picked, full and mine are marked. */
export function SlotDays({ slots, mentorZone, mentorName, selectedId, onSelect }: SlotDaysProps) {
  const time = useTimeFormat();
  const days = useMemo(() => groupSlotsByDay(slots, time.zone), [slots, time.zone]);
  const dayName = useMemo(() => new Intl.DateTimeFormat(time.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }), [time.locale]);
  return (
    <div className="oh-days" data-testid="oh-slots">
      {days.map((day) => (
        <section key={day.date} className="oh-day" data-date={day.date} aria-label={dayName.format(dateAtNoonUtc(day.date))}>
          <h3 className="oh-day-title">{dayName.format(dateAtNoonUtc(day.date))}</h3>
          <div className="oh-day-slots">
            {day.slots.map((s) => (
              <SlotButton key={s.id} slot={s} mentorZone={mentorZone} mentorName={mentorName} selected={s.id === selectedId} onSelect={onSelect} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function SlotButton(props: { slot: OfficeHourSlot; mentorZone: string; mentorName: string; selected: boolean; onSelect: (s: OfficeHourSlot) => void }) {
  const { slot, selected } = props;
  const { t } = useTranslation();
  const time = useTimeFormat();
  const theirs = useMentorTime()(slot.startsAt, props.mentorZone, props.mentorName);
  const state = slotState(slot);
  const left = slot.capacity - slot.booked;
  return (
    <button
      type="button"
      className={`oh-slot oh-slot--${state}${selected ? ' is-selected' : ''}`}
      data-testid="oh-slot"
      data-starts-at={slot.startsAt}
      data-state={state}
      aria-pressed={selected}
      disabled={state !== 'free'}
      title={theirs?.title}
      onClick={() => props.onSelect(slot)}
    >
      <span className="oh-slot-time" data-testid="oh-slot-time">
        {time.time(slot.startsAt)}
      </span>
      {theirs && <span className="oh-slot-theirs">{theirs.text}</span>}
      <span className="oh-slot-state">
        {state === 'free' && slot.capacity > 1 ? t('officeHours.booking.seatsLeft', { count: left }) : t(`officeHours.booking.state.${state}`)}
      </span>
    </button>
  );
}

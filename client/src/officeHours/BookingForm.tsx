import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBookingBody, OfficeHourSlot, OfficeHourTopic } from '../../../shared/officeHours';
import type { Startup } from '../../../shared/schemas';
import { Field } from '../ui/Field';
import { SessionTime } from './SessionTime';

interface BookingFormProps {
  slot: OfficeHourSlot;
  mentor: { id: string; name: string; timeZone: string };
  topics: readonly OfficeHourTopic[];
  startups: Startup[];
  pending: boolean;
  onSubmit: (body: CreateBookingBody) => void;
}

/** The chosen slot and what the session is about: for which startup, the topic and an agenda note. */
export function BookingForm({ slot, mentor, topics, startups, pending, onSubmit }: BookingFormProps) {
  const { t } = useTranslation();
  const [startupId, setStartupId] = useState(startups[0]?.id ?? '');
  const [topic, setTopic] = useState<OfficeHourTopic | ''>('');
  const [agenda, setAgenda] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!startupId || pending) return;
    onSubmit({ mentorId: mentor.id, startsAt: slot.startsAt, startupId, agenda: agenda.trim(), ...(topic ? { topic } : {}) });
  };
  return (
    <form className="form oh-book-form" onSubmit={submit} data-testid="oh-book-form">
      <div>
        <p className="card-subtitle oh-book-label">{t('officeHours.booking.selected')}</p>
        <SessionTime startsAt={slot.startsAt} endsAt={slot.endsAt} mentorZone={mentor.timeZone} mentorName={mentor.name} />
      </div>
      <Field label={t('officeHours.booking.startup')} htmlFor="oh-book-startup">
        {startups.length > 1 ? (
          <select id="oh-book-startup" className="input" data-testid="oh-book-startup" value={startupId} onChange={(e) => setStartupId(e.target.value)}>
            {startups.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ) : (
          <p className="oh-book-startup-name" id="oh-book-startup" data-testid="oh-book-startup" data-startup-id={startupId}>
            {startups[0]?.name}
          </p>
        )}
      </Field>
      {topics.length > 0 && (
        <Field label={t('officeHours.booking.topic')} htmlFor="oh-book-topic">
          <select id="oh-book-topic" className="input" data-testid="oh-book-topic" value={topic} onChange={(e) => setTopic(e.target.value as OfficeHourTopic | '')}>
            <option value="">{t('officeHours.booking.noTopic')}</option>
            {topics.map((x) => (
              <option key={x} value={x}>
                {t(`officeHours.topics.${x}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('officeHours.booking.agenda')} htmlFor="oh-book-agenda">
        <textarea
          id="oh-book-agenda"
          className="input oh-agenda-input"
          data-testid="oh-book-agenda"
          rows={4}
          maxLength={2000}
          placeholder={t('officeHours.booking.agendaPlaceholder')}
          value={agenda}
          onChange={(e) => setAgenda(e.target.value)}
        />
      </Field>
      <button type="submit" className="btn btn--primary btn--block" data-testid="oh-book-submit" disabled={pending || !startupId}>
        {pending ? t('officeHours.booking.submitting') : t('officeHours.booking.submit')}
      </button>
    </form>
  );
}

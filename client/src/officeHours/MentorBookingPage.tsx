import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Booking, OfficeHourSlot } from '../../../shared/officeHours';
import { zoneLabel } from '../lib/time';
import { useDescribeError } from '../lib/useDescribeError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { Alert, EmptyState, ErrorState, SkeletonRows } from '../ui/States';
import { BookedCard, RescheduleConfirm } from './BookingOutcome';
import { BookingForm } from './BookingForm';
import { CapacityLine, TopicChips } from './MentorBits';
import { ohPaths } from './ohPaths';
import { SlotDays } from './SlotDays';
import { useBookSlot } from './useBookSlot';
import { useMentorOffer, useMentorSlots, type MentorOffer } from './useMentorSlots';
import { useMyStartups } from './useMyStartups';

/** `/office-hours/mentors/:id`: a mentor's slots for four weeks, and booking one (or moving a booking to one). */
export function MentorBookingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const rescheduleId = params.get('reschedule');
  const offer = useMentorOffer(id, rescheduleId);
  useDocumentTitle(offer.state.kind === 'ready' ? t('officeHours.booking.title', { name: offer.state.data.mentor.name }) : t('officeHours.title'));
  return (
    <div className="page oh-page oh-booking-page">
      <Link to={ohPaths.directory} className="back-link">
        ← {t('officeHours.booking.back')}
      </Link>
      {offer.state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {offer.state.kind === 'failed' && <ErrorState error={offer.state.error} onRetry={offer.reload} />}
      {offer.state.kind === 'ready' && <MentorOfferView key={`${id}:${rescheduleId ?? ''}`} offer={offer.state.data} moving={offer.state.data.moving} />}
    </div>
  );
}

function MentorOfferView({ offer, moving }: { offer: MentorOffer; moving: Booking | null }) {
  const { t } = useTranslation();
  const { mentor, availability } = offer;
  return (
    <>
      <header className="oh-mentor-hero">
        <Avatar name={mentor.name} seed={mentor.id} size="xl" />
        <div className="oh-mentor-hero-main">
          <h1 className="page-title" data-testid="oh-mentor-title">
            {t('officeHours.booking.title', { name: mentor.name })}
          </h1>
          {mentor.headline && <p className="page-subtitle">{mentor.headline}</p>}
          {availability && (
            <div className="oh-mentor-hero-meta">
              <TopicChips topics={availability.topics} />
              <CapacityLine capacity={availability.capacity} slotMinutes={availability.slotMinutes} />
            </div>
          )}
        </div>
      </header>
      {availability ? (
        <SlotsAndBooking offer={offer} moving={moving} />
      ) : (
        <EmptyState icon={<Icon name="calendar" size={26} />} title={t('officeHours.booking.notPublished')} />
      )}
    </>
  );
}

function SlotsAndBooking({ offer, moving }: { offer: MentorOffer; moving: Booking | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const describe = useDescribeError();
  const startups = useMyStartups();
  const { mentor } = offer;
  const slots = useMentorSlots(mentor.id);
  const [selected, setSelected] = useState<OfficeHourSlot | null>(null);
  const book = useBookSlot(moving?.id ?? null, slots.reload);
  const canBook = me.role === 'founder' && startups.length > 0;
  const pick = (slot: OfficeHourSlot) => {
    book.reset();
    setSelected(slot);
  };
  const panel = (() => {
    if (book.state.kind === 'done') return <BookedCard booking={book.state.booking} moved={moving !== null} />;
    if (me.role !== 'founder') return <p className="muted">{t('officeHours.booking.onlyFounders')}</p>;
    if (startups.length === 0) return <p className="muted">{t('officeHours.booking.noStartup')}</p>;
    if (moving) {
      return <RescheduleConfirm moving={moving} startsAt={selected?.startsAt ?? null} pending={book.state.kind === 'pending'} onConfirm={() => selected && void book.submit({ mentorId: mentor.id, startsAt: selected.startsAt, startupId: moving.startup.id })} />;
    }
    if (!selected) return <p className="muted">{t('officeHours.booking.pick')}</p>;
    return (
      <BookingForm
        key={selected.id}
        slot={selected}
        mentor={mentor}
        topics={offer.availability?.topics ?? []}
        startups={startups}
        pending={book.state.kind === 'pending'}
        onSubmit={(body) => void book.submit(body)}
      />
    );
  })();
  return (
    <div className="oh-booking-layout">
      <section className="card oh-slots-card">
        <div className="card-head">
          <h2 className="card-title">{t('officeHours.booking.slotsTitle')}</h2>
        </div>
        <p className="muted small oh-slots-hint">{t('officeHours.booking.slotsHint', { zone: zoneLabel(time.zone, time.locale), name: mentor.name })}</p>
        {slots.state.kind === 'loading' && <SkeletonRows rows={4} />}
        {slots.state.kind === 'failed' && <ErrorState error={slots.state.error} onRetry={slots.reload} />}
        {slots.state.kind === 'ready' &&
          (slots.state.data.length === 0 ? (
            <p className="muted">{t('officeHours.booking.noSlots')}</p>
          ) : (
            <SlotDays slots={slots.state.data} mentorZone={mentor.timeZone} mentorName={mentor.name} selectedId={canBook ? (selected?.id ?? null) : null} onSelect={pick} />
          ))}
      </section>
      <aside className="card oh-book-panel" aria-live="polite">
        {book.state.kind === 'failed' && (
          <Alert tone="error" testId="oh-book-error">
            <strong>{t('officeHours.booking.refused')}</strong> — {describe(book.state.error)}
          </Alert>
        )}
        {panel}
      </aside>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../shared/officeHours';
import { useDescribeError } from '../lib/useDescribeError';
import { ohApi } from './api';

const STARS = [1, 2, 3, 4, 5];

/** After the start: 1–5 stars and a comment, once; then "thanks" and my rating. */
export function FeedbackForm({ booking, iAmMentor, onChanged }: { booking: Booking; iAmMentor: boolean; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);

  if (booking.myFeedback) {
    return (
      <div className="oh-feedback oh-feedback--done" data-testid="oh-feedback-done" role="status">
        {thanked && <strong>{t('officeHours.feedback.thanks')} </strong>}
        <span className="muted small">{t('officeHours.feedback.yours', { rating: booking.myFeedback.rating })}</span>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (rating < 1 || pending) return;
    setPending(true);
    setError(null);
    try {
      const { feedback } = await ohApi.feedback(booking.id, { rating, comment: comment.trim() });
      setThanked(true);
      onChanged({ ...booking, myFeedback: { rating: feedback.rating, comment: feedback.comment } });
    } catch (err) {
      setError(describe(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="oh-feedback" onSubmit={submit} data-testid="oh-feedback">
      <p className="oh-feedback-title">{iAmMentor ? t('officeHours.feedback.titleMentor') : t('officeHours.feedback.titleFounder')}</p>
      <fieldset className="oh-stars" data-testid="oh-feedback-rating" data-value={rating}>
        <legend className="sr-only">{t('officeHours.feedback.rating')}</legend>
        {STARS.map((n) => (
          <label key={n} className={`oh-star${n <= rating ? ' is-on' : ''}`} title={t('officeHours.feedback.star', { count: n })}>
            <input type="radio" className="sr-only" name={`rating-${booking.id}`} value={n} checked={rating === n} onChange={() => setRating(n)} />
            <span aria-hidden="true">★</span>
            <span className="sr-only">{t('officeHours.feedback.star', { count: n })}</span>
          </label>
        ))}
      </fieldset>
      <textarea
        className="input oh-feedback-comment"
        rows={2}
        maxLength={2000}
        aria-label={t('officeHours.feedback.comment')}
        placeholder={t('officeHours.feedback.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="oh-feedback-comment"
      />
      <button type="submit" className="btn btn--secondary btn--small" data-testid="oh-feedback-submit" disabled={rating < 1 || pending}>
        {pending ? t('officeHours.feedback.sending') : t('officeHours.feedback.submit')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LANGUAGES } from '../../../shared/constants';
import type { Language } from '../../../shared/schemas';
import { dateToWallTime, wallTimeToDate } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Field } from '../ui/Field';
import { Icon } from '../ui/Icon';
import { Alert } from '../ui/States';
import { TimeZoneSelect } from '../ui/TimeZoneSelect';
import { roadshowPath } from '../roadshows/roadshowPaths';
import { useScheduleRoadshow } from './useScheduleRoadshow';

const HOUR = 3600_000;

/** Tomorrow at the next full hour, as a wall-clock value in `zone`. */
function defaultStart(zone: string): string {
  const at = new Date(Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR);
  return dateToWallTime(at, zone);
}

/**
 * The schedulers' form for a new roadshow (operators, and mentors an operator allowed); the time is typed
 * as a wall clock in a chosen zone. On success it opens the new roadshow's page, where the agenda is built.
 */
export function ScheduleRoadshowForm({ now }: { now: number }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const navigate = useNavigate();
  const { schedule, pending, error, fieldErrors } = useScheduleRoadshow();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [zone, setZone] = useState(time.zone);
  const [startsLocal, setStartsLocal] = useState(() => defaultStart(time.zone));
  const [duration, setDuration] = useState(60);
  const [language, setLanguage] = useState<Language>('en');
  const [touched, setTouched] = useState(false);

  const startsAt = wallTimeToDate(startsLocal, zone);
  const titleError = touched && !title.trim() ? t('schedule.titleRequired') : fieldErrors.title;
  const startError = touched && (!startsAt || startsAt.getTime() < now) ? t('schedule.startInFuture') : fieldErrors.startsAt;
  const durationOk = Number.isInteger(duration) && duration >= 5 && duration <= 600;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !startsAt || startsAt.getTime() < now || !durationOk) return;
    const id = await schedule({ title: title.trim(), description: description.trim(), startsAt: startsAt.toISOString(), durationMinutes: duration, timeZone: zone, language });
    if (id) void navigate(roadshowPath(id));
  };

  if (!open) {
    return (
      <button type="button" className="btn btn--secondary btn--block schedule-toggle" data-testid="schedule-open" onClick={() => setOpen(true)}>
        <Icon name="plus" size={18} /> {t('schedule.open')}
      </button>
    );
  }

  return (
    <form className="card card--form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="schedule-form">
      <div className="card-head">
        <h3 className="card-title">{t('schedule.title')}</h3>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
      <Field label={t('schedule.fieldTitle')} htmlFor="rs-title" error={titleError}>
        <input id="rs-title" className="input" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('schedule.fieldDescription')} htmlFor="rs-desc" error={fieldErrors.description}>
        <textarea id="rs-desc" className="input" rows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field
          label={t('schedule.fieldStarts')}
          htmlFor="rs-starts"
          error={startError}
          hint={startsAt && zone !== time.zone ? t('schedule.inYourTime', { when: time.dateTime(startsAt) }) : undefined}
        >
          <input id="rs-starts" className="input" type="datetime-local" value={startsLocal} onChange={(e) => setStartsLocal(e.target.value)} />
        </Field>
        <Field label={t('schedule.fieldZone')} htmlFor="rs-zone" error={fieldErrors.timeZone}>
          <TimeZoneSelect id="rs-zone" value={zone} onChange={setZone} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('schedule.fieldDuration')} htmlFor="rs-duration" error={touched && !durationOk ? t('schedule.durationRange') : fieldErrors.durationMinutes}>
          <input
            id="rs-duration"
            className="input"
            type="number"
            min={5}
            max={600}
            step={5}
            value={Number.isNaN(duration) ? '' : duration}
            onChange={(e) => setDuration(e.target.valueAsNumber)}
          />
        </Field>
        <Field label={t('schedule.fieldLanguage')} htmlFor="rs-lang">
          <select id="rs-lang" className="input" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={pending} data-testid="schedule-submit">
          {pending ? t('schedule.submitting') : t('schedule.submit')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityException } from '../../../shared/officeHours';
import { dateToWallTime } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { dateAtNoonUtc } from './slotGroups';

/** Date exceptions: a day off, or extra hours on one date (in the mentor's zone). */
export function ExceptionsEditor({ exceptions, timeZone, onChange }: { exceptions: AvailabilityException[]; timeZone: string; onChange: (next: AvailabilityException[]) => void }) {
  const { t } = useTranslation();
  const { locale } = useTimeFormat();
  const today = dateToWallTime(new Date(), timeZone).slice(0, 10);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<AvailabilityException['kind']>('off');
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('20:00');
  const [error, setError] = useState(false);
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind === 'extra' && !(start < end))) return setError(true);
    setError(false);
    const next: AvailabilityException = kind === 'off' ? { kind, date } : { kind, date, start, end };
    // One "off" per date is enough; extra windows may be several.
    onChange([...exceptions.filter((x) => !(kind === 'off' && x.kind === 'off' && x.date === date)), next]);
  };

  return (
    <div className="oh-exceptions" data-testid="oh-exceptions">
      {sorted.length === 0 ? (
        <p className="muted small">{t('officeHours.availability.noExceptions')}</p>
      ) : (
        <ul className="oh-exception-list">
          {sorted.map((x) => (
            <li key={`${x.date}:${x.kind}:${x.kind === 'extra' ? x.start : ''}`} className={`oh-exception oh-exception--${x.kind}`} data-testid="oh-exception">
              <span className="oh-exception-date">{dayName.format(dateAtNoonUtc(x.date))}</span>
              <span className="oh-exception-what">
                {x.kind === 'off' ? t('officeHours.availability.exceptionOff') : t('officeHours.availability.exceptionExtra', { start: x.start, end: x.end })}
              </span>
              <button type="button" className="btn btn--danger-ghost btn--small" onClick={() => onChange(exceptions.filter((y) => y !== x))}>
                {t('officeHours.availability.removeException')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="oh-exception-form" onSubmit={add}>
        <label className="oh-inline-field">
          <span className="field-label">{t('officeHours.availability.exceptionDate')}</span>
          <input className="input" type="date" min={today} value={date} onChange={(e) => setDate(e.target.value)} data-testid="oh-exception-date" />
        </label>
        <label className="oh-inline-field">
          <span className="sr-only">{t('officeHours.availability.exceptions')}</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as AvailabilityException['kind'])} data-testid="oh-exception-kind">
            <option value="off">{t('officeHours.availability.exceptionKind.off')}</option>
            <option value="extra">{t('officeHours.availability.exceptionKind.extra')}</option>
          </select>
        </label>
        {kind === 'extra' && (
          <>
            <label className="oh-inline-field">
              <span className="field-label">{t('officeHours.availability.exceptionFrom')}</span>
              <input className="input" type="time" step={900} value={start} onChange={(e) => setStart(e.target.value)} />
            </label>
            <label className="oh-inline-field">
              <span className="field-label">{t('officeHours.availability.exceptionTo')}</span>
              <input className="input" type="time" step={900} value={end} onChange={(e) => setEnd(e.target.value)} />
            </label>
          </>
        )}
        <button type="submit" className="btn btn--secondary btn--small" data-testid="oh-exception-add">
          {t('officeHours.availability.addException')}
        </button>
      </form>
      {error && <p className="field-error">{t('officeHours.availability.badException')}</p>}
    </div>
  );
}

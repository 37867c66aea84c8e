import { useTranslation } from 'react-i18next';
import { OFFICE_HOUR_TOPICS, type OfficeHourTopic } from '../../../shared/constants';
import { Field } from '../ui/Field';
import { TimeZoneSelect } from '../ui/TimeZoneSelect';
import type { AvailabilityDraft } from './useAvailabilityDraft';

const SLOT_MINUTES = [15, 20, 30, 45, 60, 90, 120];
const BUFFER_MINUTES = [0, 5, 10, 15, 30, 60];
const CAPACITIES = [1, 2, 3, 4, 5, 6, 7, 8];

/** Keeps an unusual saved value selectable. */
const withValue = (options: number[], value: number) => (options.includes(value) ? options : [...options, value].sort((a, b) => a - b));

/** Slot length, break, capacity, weekly limit, topics and time zone. */
export function AvailabilitySettings({ draft, update }: { draft: AvailabilityDraft; update: (patch: Partial<AvailabilityDraft>) => void }) {
  const { t } = useTranslation();
  const toggleTopic = (topic: OfficeHourTopic, on: boolean) =>
    update({ topics: OFFICE_HOUR_TOPICS.filter((x) => (x === topic ? on : draft.topics.includes(x))) });
  return (
    <div className="oh-settings">
      <Field label={t('officeHours.availability.timeZone')} htmlFor="oh-timezone">
        <TimeZoneSelect id="oh-timezone" testId="oh-timezone" value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} />
      </Field>
      <div className="form-row">
        <Field label={t('officeHours.availability.slotMinutes')} htmlFor="oh-slot-minutes">
          <select id="oh-slot-minutes" className="input" data-testid="oh-slot-minutes" value={draft.slotMinutes} onChange={(e) => update({ slotMinutes: Number(e.target.value) })}>
            {withValue(SLOT_MINUTES, draft.slotMinutes).map((m) => (
              <option key={m} value={m}>
                {t('officeHours.minutes', { count: m })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('officeHours.availability.buffer')} htmlFor="oh-buffer">
          <select id="oh-buffer" className="input" data-testid="oh-buffer" value={draft.bufferMinutes} onChange={(e) => update({ bufferMinutes: Number(e.target.value) })}>
            {withValue(BUFFER_MINUTES, draft.bufferMinutes).map((m) => (
              <option key={m} value={m}>
                {t('officeHours.minutes', { count: m })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('officeHours.availability.capacity')} htmlFor="oh-capacity">
          <select id="oh-capacity" className="input" data-testid="oh-capacity" value={draft.capacity} onChange={(e) => update({ capacity: Number(e.target.value) })}>
            {CAPACITIES.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? t('officeHours.availability.capacityOneToOne') : t('officeHours.availability.capacityGroup', { count: n })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('officeHours.availability.weeklyLimit')} htmlFor="oh-weekly-limit">
          <input
            id="oh-weekly-limit"
            className="input"
            data-testid="oh-weekly-limit"
            type="number"
            min={1}
            max={10}
            value={draft.maxPerStartupPerWeek}
            onChange={(e) => update({ maxPerStartupPerWeek: Math.min(10, Math.max(1, Math.round(Number(e.target.value) || 1))) })}
          />
        </Field>
      </div>
      <fieldset className="oh-topics">
        <legend className="field-label">{t('officeHours.availability.topics')}</legend>
        <div className="oh-topic-options">
          {OFFICE_HOUR_TOPICS.map((topic) => (
            <label key={topic} className="checkbox-row oh-topic-option">
              <input type="checkbox" className="checkbox" checked={draft.topics.includes(topic)} onChange={(e) => toggleTopic(topic, e.target.checked)} />
              <span>{t(`officeHours.topics.${topic}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/constants';
import type { RoadshowDetail } from '../../../shared/roadshow';
import type { Language, PublicUser } from '../../../shared/schemas';
import { dateToWallTime, wallTimeToDate } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Field } from '../ui/Field';
import { Alert } from '../ui/States';
import { TimeZoneSelect } from '../ui/TimeZoneSelect';
import { HostsPicker } from './HostsPicker';
import { useSaveRoadshow } from './useSaveRoadshow';

/** Hosts edit the event's details, co-hosts and room settings (the agenda has its own editor). */
export function RoadshowEditForm({ roadshow, hostCandidates, onSaved }: { roadshow: RoadshowDetail; hostCandidates: PublicUser[]; onSaved: (r: RoadshowDetail) => void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { save, pending, error, fieldErrors, saved } = useSaveRoadshow(roadshow.id, onSaved);
  const [title, setTitle] = useState(roadshow.title);
  const [description, setDescription] = useState(roadshow.description);
  const [zone, setZone] = useState(roadshow.timeZone);
  const [startsLocal, setStartsLocal] = useState(() => dateToWallTime(new Date(roadshow.startsAt), roadshow.timeZone));
  const [duration, setDuration] = useState(roadshow.durationMinutes);
  const [language, setLanguage] = useState<Language>(roadshow.language);
  const [hostIds, setHostIds] = useState(() => roadshow.hosts.map((h) => h.id).filter((id) => id !== roadshow.createdBy));
  const [waitingRoom, setWaitingRoom] = useState(roadshow.waitingRoom);
  const [moderated, setModerated] = useState(roadshow.moderatedQuestions);
  const [touched, setTouched] = useState(false);

  const startsAt = wallTimeToDate(startsLocal, zone);
  const durationOk = Number.isInteger(duration) && duration >= 5 && duration <= 600;
  const ended = roadshow.status === 'ended';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !startsAt || !durationOk) return;
    void save({
      title: title.trim(),
      description: description.trim(),
      startsAt: startsAt.toISOString(),
      durationMinutes: duration,
      timeZone: zone,
      language,
      hostIds,
      waitingRoom,
      moderatedQuestions: moderated,
    });
  };

  return (
    <form className="card card--form rs-edit" onSubmit={onSubmit} noValidate data-testid="roadshow-edit-form">
      <h2 className="card-title">{t('roadshowEdit.title')}</h2>
      {ended && <Alert tone="info">{t('roadshowEdit.endedLocked')}</Alert>}
      <Field label={t('schedule.fieldTitle')} htmlFor="rse-title" error={touched && !title.trim() ? t('schedule.titleRequired') : fieldErrors.title}>
        <input id="rse-title" className="input" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('schedule.fieldDescription')} htmlFor="rse-desc" error={fieldErrors.description}>
        <textarea id="rse-desc" className="input" rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field
          label={t('schedule.fieldStarts')}
          htmlFor="rse-starts"
          error={touched && !startsAt ? t('schedule.startInFuture') : fieldErrors.startsAt}
          hint={startsAt && zone !== time.zone ? t('schedule.inYourTime', { when: time.dateTime(startsAt) }) : undefined}
        >
          <input id="rse-starts" className="input" type="datetime-local" value={startsLocal} onChange={(e) => setStartsLocal(e.target.value)} />
        </Field>
        <Field label={t('schedule.fieldZone')} htmlFor="rse-zone" error={fieldErrors.timeZone}>
          <TimeZoneSelect id="rse-zone" value={zone} onChange={setZone} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('schedule.fieldDuration')} htmlFor="rse-duration" error={touched && !durationOk ? t('schedule.durationRange') : fieldErrors.durationMinutes}>
          <input id="rse-duration" className="input" type="number" min={5} max={600} step={5} value={Number.isNaN(duration) ? '' : duration} onChange={(e) => setDuration(e.target.valueAsNumber)} />
        </Field>
        <Field label={t('schedule.fieldLanguage')} htmlFor="rse-lang">
          <select id="rse-lang" className="input" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <HostsPicker candidates={hostCandidates} creatorId={roadshow.createdBy} value={hostIds} onChange={setHostIds} />
      {fieldErrors.hostIds && <p className="field-error">{fieldErrors.hostIds}</p>}
      <div className="stack rs-edit-toggles">
        <label className="checkbox">
          <input type="checkbox" checked={waitingRoom} onChange={(e) => setWaitingRoom(e.target.checked)} data-testid="edit-waiting-room" />
          {t('roadshowEdit.waitingRoom')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={moderated} onChange={(e) => setModerated(e.target.checked)} data-testid="edit-moderated" />
          {t('roadshowEdit.moderated')}
        </label>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {saved && !error && <Alert tone="success">{t('roadshowEdit.saved')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={pending || ended} data-testid="roadshow-edit-save">
          {pending ? t('common.saving') : t('roadshowEdit.save')}
        </button>
      </div>
    </form>
  );
}

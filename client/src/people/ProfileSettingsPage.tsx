import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../../shared/schemas';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';
import { Field } from '../ui/Field';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes';
import { Alert, PageHeader } from '../ui/States';
import { TagInput } from '../ui/TagInput';
import { TimeZoneSelect } from '../ui/TimeZoneSelect';
import { useProfileSettings } from './useProfileSettings';

/** Edit my own profile. */
export function ProfileSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.title'));
  const me = useMe();
  const { save, submit, markDirty } = useProfileSettings();
  const [name, setName] = useState(me.name);
  const [headline, setHeadline] = useState(me.headline);
  const [bio, setBio] = useState(me.bio);
  const [languages, setLanguages] = useState<Language[]>(me.languages);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [tags, setTags] = useState<string[]>(me.tags);

  /** Wraps a setter so any edit clears the last "Saved" / error message. */
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      markDirty();
    };
  const fields = save.kind === 'failed' ? save.fields : {};
  const nameMissing = !name.trim();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (nameMissing) return;
    void submit({ name: name.trim(), headline: headline.trim(), bio: bio.trim(), languages, timeZone, tags });
  };

  return (
    <div className="page page--medium">
      <PageHeader
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        actions={
          <Link to={`/people/${me.id}`} className="btn btn--ghost">
            {t('settings.viewProfile')}
          </Link>
        }
      />
      <form className="card card--form settings-form" onSubmit={onSubmit} noValidate data-testid="profile-form">
        <div className="settings-identity">
          <Avatar name={name || me.name} seed={me.id} size="lg" />
          <div>
            <strong>{name || me.name}</strong>
            <div>
              <RoleBadge role={me.role} />
            </div>
          </div>
        </div>
        <div className="form-row">
          <Field label={t('settings.name')} htmlFor="pf-name" error={nameMissing ? t('signup.nameRequired') : fields.name}>
            <input id="pf-name" className="input" maxLength={80} value={name} onChange={(e) => edit(setName)(e.target.value)} />
          </Field>
          <Field label={t('settings.headline')} htmlFor="pf-headline" hint={t('settings.headlineHint')} error={fields.headline}>
            <input id="pf-headline" className="input" maxLength={140} value={headline} onChange={(e) => edit(setHeadline)(e.target.value)} />
          </Field>
        </div>
        <Field label={t('settings.bio')} htmlFor="pf-bio" hint={t('settings.bioHint', { count: 4000 - bio.length })} error={fields.bio}>
          <textarea id="pf-bio" className="input" rows={5} maxLength={4000} value={bio} onChange={(e) => edit(setBio)(e.target.value)} />
        </Field>
        <div className="form-row">
          <Field label={t('settings.timeZone')} htmlFor="pf-tz" hint={t('settings.timeZoneHint')} error={fields.timeZone}>
            <TimeZoneSelect id="pf-tz" value={timeZone} onChange={edit(setTimeZone)} />
          </Field>
          <Field label={t('settings.languages')} error={fields.languages}>
            <LanguageCheckboxes name="pf-languages" value={languages} onChange={edit(setLanguages)} />
          </Field>
        </div>
        <Field label={t('settings.tags')} htmlFor="pf-tags" hint={t('settings.tagsHint')} error={fields.tags}>
          <TagInput id="pf-tags" value={tags} onChange={edit(setTags)} />
        </Field>
        {save.kind === 'saved' && <Alert tone="success" testId="profile-saved">{t('settings.saved')}</Alert>}
        {save.kind === 'failed' && <Alert tone="error" testId="profile-error">{save.message}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" data-testid="profile-save" disabled={save.kind === 'saving' || nameMissing}>
            {save.kind === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

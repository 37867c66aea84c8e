import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STARTUP_STAGES } from '../../../shared/constants';
import type { StartupStage } from '../../../shared/schemas';
import { Field } from '../ui/Field';
import { Alert } from '../ui/States';

export interface StartupFieldValues {
  name: string;
  oneLiner: string;
  industry: string;
  stage: StartupStage;
  website: string;
}

export const emptyStartupFields: StartupFieldValues = { name: '', oneLiner: '', industry: '', stage: 'idea', website: '' };

/** The editable fields of a startup, shared by "New startup" and inline editing. */
export function StartupFieldsForm({
  initial,
  submitLabel,
  pending,
  error,
  fieldErrors,
  onSubmit,
  onCancel,
  idPrefix,
}: {
  initial: StartupFieldValues;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  onSubmit: (values: StartupFieldValues) => void;
  onCancel: () => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof StartupFieldValues>(key: K, value: StartupFieldValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const websiteBad = v.website.trim() !== '' && !/^https?:\/\/\S+$/i.test(v.website.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!v.name.trim() || websiteBad) return;
    onSubmit({ name: v.name.trim(), oneLiner: v.oneLiner.trim(), industry: v.industry.trim(), stage: v.stage, website: v.website.trim() });
  };

  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-row">
        <Field label={t('startups.name')} htmlFor={id('name')} error={touched && !v.name.trim() ? t('startups.nameRequired') : fieldErrors.name}>
          <input id={id('name')} className="input" maxLength={80} value={v.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('startups.stage')} htmlFor={id('stage')} error={fieldErrors.stage}>
          <select id={id('stage')} className="input" value={v.stage} onChange={(e) => set('stage', e.target.value as StartupStage)}>
            {STARTUP_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('startups.oneLiner')} htmlFor={id('oneLiner')} error={fieldErrors.oneLiner}>
        <input id={id('oneLiner')} className="input" maxLength={200} value={v.oneLiner} onChange={(e) => set('oneLiner', e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label={t('startups.industry')} htmlFor={id('industry')} error={fieldErrors.industry}>
          <input id={id('industry')} className="input" maxLength={60} value={v.industry} onChange={(e) => set('industry', e.target.value)} />
        </Field>
        <Field label={t('startups.website')} htmlFor={id('website')} error={touched && websiteBad ? t('startups.websiteInvalid') : fieldErrors.website}>
          <input id={id('website')} className="input" type="url" placeholder="https://" maxLength={300} value={v.website} onChange={(e) => set('website', e.target.value)} />
        </Field>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/constants';
import type { CreateInviteBody, Role, Startup } from '../../../shared/schemas';
import { Field } from '../ui/Field';
import { Alert } from '../ui/States';

/** Expiry choices, in hours. */
const EXPIRY_HOURS = [24, 72, 168, 720] as const;

/** Operators invite a founder (optionally to a startup), mentor, investor or operator. */
export function CreateInviteForm({ startups, pending, error, onCreate }: { startups: Startup[]; pending: boolean; error: string | null; onCreate: (body: CreateInviteBody) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('founder');
  const [email, setEmail] = useState('');
  const [startupId, setStartupId] = useState('');
  const [expiresInHours, setExpiresInHours] = useState<number>(168);
  const emailBad = email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (emailBad) return;
    onCreate({
      role,
      expiresInHours,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(role === 'founder' && startupId ? { startupId } : {}),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="invite-form">
      <div className="form-row form-row--4">
        <Field label={t('invites.role')} htmlFor="inv-role">
          <select id="inv-role" className="input" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('invites.email')} htmlFor="inv-email" hint={t('invites.emailHint')} error={emailBad ? t('invites.emailInvalid') : null}>
          <input id="inv-email" className="input" type="email" placeholder={t('invites.emailPlaceholder')} value={email} onChange={(e) => setEmail(e.target.value)} data-testid="invite-email" />
        </Field>
        <Field label={t('invites.startup')} htmlFor="inv-startup" hint={role === 'founder' ? t('invites.startupHint') : t('invites.startupFoundersOnly')}>
          <select id="inv-startup" className="input" value={role === 'founder' ? startupId : ''} disabled={role !== 'founder'} onChange={(e) => setStartupId(e.target.value)}>
            <option value="">{t('invites.noStartup')}</option>
            {startups.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('invites.expiry')} htmlFor="inv-expiry">
          <select id="inv-expiry" className="input" value={expiresInHours} onChange={(e) => setExpiresInHours(Number(e.target.value))}>
            {EXPIRY_HOURS.map((h) => (
              <option key={h} value={h}>
                {h < 48 ? t('invites.expiryHours', { count: h }) : t('invites.expiryDays', { count: h / 24 })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={pending} data-testid="invite-create">
          {pending ? t('invites.creating') : t('invites.create')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InviteCheckResponse, Language } from '../../../shared/schemas';
import { currentLanguage } from '../i18n';
import { browserTimeZone } from '../lib/time';
import { useDescribeError } from '../lib/useDescribeError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useTimeFormat } from '../lib/useTimeFormat';
import { RoleBadge } from '../ui/Badges';
import { Field } from '../ui/Field';
import { LanguageCheckboxes } from '../ui/LanguageCheckboxes';
import { Alert, Spinner } from '../ui/States';
import { TimeZoneSelect } from '../ui/TimeZoneSelect';
import { AuthLayout } from './AuthLayout';
import { useInviteCheck, useSignup } from './useSignup';

/** Must match the server's password rule (shared/schemas.ts `Password`). */
export const MIN_PASSWORD_LENGTH = 10;

export function SignupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signup.title'));
  const [params] = useSearchParams();
  const token = params.get('token');
  const check = useInviteCheck(token);
  const describe = useDescribeError();

  return (
    <AuthLayout>
      <h1 className="auth-title">{t('signup.title')}</h1>
      {check.kind === 'checking' && (
        <div className="center-block">
          <Spinner label={t('signup.checking')} />
          <span className="muted">{t('signup.checking')}</span>
        </div>
      )}
      {(check.kind === 'missing' || check.kind === 'unusable') && (
        <div className="stack" data-testid="invite-error">
          <Alert tone="error">{check.kind === 'missing' ? t('signup.missingToken') : describe(check.error)}</Alert>
          <p className="muted">{t('signup.askOperator')}</p>
          <Link className="btn btn--secondary" to="/login">
            {t('signup.toLogin')}
          </Link>
        </div>
      )}
      {check.kind === 'valid' && token && <SignupForm token={token} invite={check.invite} />}
    </AuthLayout>
  );
}

function InviteSummary({ invite }: { invite: InviteCheckResponse }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="invite-summary">
      <p>
        {invite.startupName
          ? t('signup.invitedAsFor', { startup: invite.startupName })
          : t('signup.invitedAs')}{' '}
        <RoleBadge role={invite.role} />
      </p>
      <p className="muted small">{t('signup.expires', { when: time.dateTime(invite.expiresAt) })}</p>
    </div>
  );
}

function SignupForm({ token, invite }: { token: string; invite: InviteCheckResponse }) {
  const { t } = useTranslation();
  const { signup, pending, error, fieldErrors } = useSignup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(invite.email ?? '');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [languages, setLanguages] = useState<Language[]>(() => [currentLanguage()]);
  const [touched, setTouched] = useState(false);

  const passwordShort = password.length < MIN_PASSWORD_LENGTH;
  const invalid = !name.trim() || !email.trim() || passwordShort || languages.length === 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    void signup({ token, email: email.trim(), password, name: name.trim(), timeZone, languages });
  };

  return (
    <>
      <InviteSummary invite={invite} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t('signup.name')} htmlFor="signup-name" error={touched && !name.trim() ? t('signup.nameRequired') : fieldErrors.name}>
          <input id="signup-name" data-testid="signup-name" className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          label={t('signup.email')}
          htmlFor="signup-email"
          hint={invite.email ? t('signup.emailLocked') : undefined}
          error={touched && !email.trim() ? t('signup.emailRequired') : fieldErrors.email}
        >
          <input
            id="signup-email"
            data-testid="signup-email"
            className="input"
            type="email"
            autoComplete="email"
            value={email}
            readOnly={invite.email !== null}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field
          label={t('signup.password')}
          htmlFor="signup-password"
          hint={
            <span className={password.length === 0 ? '' : passwordShort ? 'rule rule--pending' : 'rule rule--ok'}>
              {t('signup.passwordRule', { count: MIN_PASSWORD_LENGTH })}
            </span>
          }
          error={touched && passwordShort ? t('signup.passwordRule', { count: MIN_PASSWORD_LENGTH }) : fieldErrors.password}
        >
          <input
            id="signup-password"
            data-testid="signup-password"
            className="input"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field label={t('signup.timeZone')} htmlFor="signup-tz" hint={t('signup.timeZoneHint')} error={fieldErrors.timeZone}>
          <TimeZoneSelect id="signup-tz" value={timeZone} onChange={setTimeZone} />
        </Field>
        <Field label={t('signup.languages')} error={fieldErrors.languages}>
          <LanguageCheckboxes name="signup-languages" value={languages} onChange={setLanguages} />
        </Field>
        {error && <Alert tone="error" testId="signup-error">{error}</Alert>}
        <button type="submit" className="btn btn--primary btn--block" data-testid="signup-submit" disabled={pending}>
          {pending ? t('signup.submitting') : t('signup.submit')}
        </button>
      </form>
    </>
  );
}

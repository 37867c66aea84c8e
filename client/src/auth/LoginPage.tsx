import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useSession } from '../session/sessionStore';
import { Alert } from '../ui/States';
import { Field } from '../ui/Field';
import { AuthLayout } from './AuthLayout';
import { useLogin, useReturnPath } from './useLogin';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const signedIn = useSession((s) => s.session.kind === 'signedIn');
  const returnPath = useReturnPath();
  const { login, pending, error } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  if (signedIn && !pending) return <Navigate to={returnPath} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const incomplete = !email.trim() || !password;
    setMissing(incomplete);
    if (!incomplete) void login(email, password);
  };

  return (
    <AuthLayout>
      <h1 className="auth-title">{t('login.title')}</h1>
      <p className="muted">{t('login.subtitle')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t('login.email')} htmlFor="login-email">
          <input
            id="login-email"
            data-testid="login-email"
            className="input"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label={t('login.password')} htmlFor="login-password">
          <input
            id="login-password"
            data-testid="login-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {(error || missing) && (
          <Alert tone="error" testId="login-error">
            {missing ? t('login.missing') : error}
          </Alert>
        )}
        <button type="submit" className="btn btn--primary btn--block" data-testid="login-submit" disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="muted small auth-note">{t('login.noAccount')}</p>
    </AuthLayout>
  );
}

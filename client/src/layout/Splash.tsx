import { useTranslation } from 'react-i18next';
import { useSessionStoreApi } from '../session/sessionStore';
import { ErrorState, Spinner } from '../ui/States';
import { Logo } from './Logo';

/** Full-page placeholder while we learn who is signed in, or why we can't. */
export function Splash({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  const store = useSessionStoreApi();
  return (
    <div className="splash">
      <Logo size={44} />
      {error ? (
        <ErrorState error={error} title={t('splash.failed')} onRetry={() => store.getState().reset()} />
      ) : (
        <Spinner label={t('splash.loading')} />
      )}
    </div>
  );
}

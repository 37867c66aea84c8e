import { useTranslation } from 'react-i18next';
import { useRegistration } from './useRegistration';

/** "I'll attend" ↔ "Registered ✓ (cancel)", with how many people are coming. */
export function RegisterButton({
  roadshowId,
  registered,
  registrations,
  disabled,
  onChange,
}: {
  roadshowId: string;
  registered: boolean;
  registrations: number;
  disabled?: boolean;
  onChange: (registered: boolean, registrations: number) => void;
}) {
  const { t } = useTranslation();
  const { setRegistered, pending, error } = useRegistration(roadshowId, onChange);
  return (
    <div className="rs-register">
      <button
        type="button"
        className={`btn ${registered ? 'btn--registered' : 'btn--secondary'}`}
        data-testid="roadshow-register"
        data-registered={String(registered)}
        aria-pressed={registered}
        aria-label={registered ? `${t('roadshowPage.registered')} — ${t('roadshowPage.cancelLabel')}` : undefined}
        disabled={pending || disabled}
        onClick={() => void setRegistered(!registered)}
      >
        {registered ? (
          <>
            {t('roadshowPage.registered')} <span className="btn-aside">{t('roadshowPage.cancelHint')}</span>
          </>
        ) : (
          t('roadshowPage.register')
        )}
      </button>
      <span className="rs-register-count" data-testid="roadshow-registrations">
        {t('roadshowPage.registrations', { count: registrations })}
      </span>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

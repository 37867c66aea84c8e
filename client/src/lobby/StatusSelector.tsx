import { useTranslation } from 'react-i18next';
import { PRESENCE_STATUSES } from '../../../shared/constants';
import type { PresenceStatus } from '../../../shared/schemas';
import { useSetStatus } from './useSetStatus';

/** My own availability: Available / Busy / Away, as a segmented control. */
export function StatusSelector({ current, disabled }: { current: PresenceStatus | null; disabled: boolean }) {
  const { t } = useTranslation();
  const { setStatus, pending, error, ready } = useSetStatus();
  return (
    <div className="status-selector">
      <div className="segmented" role="radiogroup" aria-label={t('presence.myStatus')} data-testid="status-selector">
        {PRESENCE_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={current === status}
            data-testid={`status-${status}`}
            className={`segmented-btn${current === status ? ' is-active' : ''}`}
            disabled={disabled || !ready || pending !== null}
            onClick={() => current !== status && void setStatus(status)}
          >
            <span className={`status-dot status-dot--${status}`} aria-hidden="true" />
            {t(`presence.status.${status}`)}
          </button>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

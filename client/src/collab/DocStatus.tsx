import { useTranslation } from 'react-i18next';
import { useDoc } from './docStore';

/** The connection in a word (connecting / synced / offline / not connected); tests read `data-state`. */
export function DocStatus() {
  const { t } = useTranslation();
  const kind = useDoc((s) => s.connection.kind);
  return (
    <span className={`doc-status doc-status--${kind}`} data-testid="doc-status" data-state={kind} role="status" aria-live="polite">
      <span className="doc-status-dot" aria-hidden="true" />
      {t(`collab.status.${kind}`)}
    </span>
  );
}

/** Below the header: what "offline" and "refused" mean for my edits, with "Try again" after a refusal. */
export function DocConnectionNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const connection = useDoc((s) => s.connection);
  if (connection.kind === 'offline') {
    return (
      <div className="alert alert--warning doc-notice" role="status" data-testid="doc-offline">
        {t('collab.offlineNotice')}
      </div>
    );
  }
  if (connection.kind !== 'refused') return null;
  return (
    <div className="alert alert--error doc-notice" role="alert" data-testid="doc-refused" data-code={connection.code}>
      <span>{t(`collab.refused.${connection.refusal}`)}</span>
      {(connection.refusal === 'loadFailed' || connection.refusal === 'badMessage') && (
        <button type="button" className="btn btn--small btn--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Shown once the server has dropped a change of mine (my access allows less than I tried). */
export function ChangeRejectedNotice() {
  const { t } = useTranslation();
  const rejected = useDoc((s) => s.changeRejected);
  if (!rejected) return null;
  return (
    <div className="alert alert--warning doc-notice" role="status" data-testid="doc-change-rejected">
      {t('collab.changeRejected')}
    </div>
  );
}

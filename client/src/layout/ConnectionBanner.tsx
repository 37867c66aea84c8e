import { useTranslation } from 'react-i18next';
import { ErrorReason } from '../../../shared/protocol';
import { useLobby, type ConnectionState } from '../lobby/lobbyStore';
import { Spinner } from '../ui/States';

/**
 * Tells the user when the live connection is not healthy. Always rendered (tests read `data-state`);
 * hidden while connected or first connecting. A protocol mismatch blocks the page until reload.
 */
export function ConnectionBanner() {
  const connection = useLobby((s) => s.connection);
  const reason = connection.kind === 'refused' ? connection.reason : undefined;
  const visible = connection.kind !== 'connected' && connection.kind !== 'connecting';
  const blocking = reason === ErrorReason.ProtocolMismatch;
  return (
    <div
      data-testid="connection-banner"
      data-state={connection.kind}
      data-reason={reason}
      hidden={!visible}
      className={blocking ? 'blocking-overlay' : `conn-banner conn-banner--${connection.kind}`}
      role={blocking ? 'alertdialog' : 'status'}
      aria-live="polite"
    >
      {visible && <BannerBody connection={connection} />}
    </div>
  );
}

function BannerBody({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  switch (connection.kind) {
    case 'connecting':
    case 'connected':
      return null;
    case 'reconnecting':
      return (
        <span className="conn-banner-text">
          <Spinner />
          {connection.cause === 'server_restart' ? t('connection.serverRestarting') : t('connection.reconnecting')}
        </span>
      );
    case 'offline':
      return <span className="conn-banner-text">{t('connection.offline')}</span>;
    case 'refused':
      if (connection.reason === ErrorReason.ProtocolMismatch) {
        return (
          <div className="blocking-card">
            <h2>{t('connection.updatedTitle')}</h2>
            <p>{t('connection.updatedBody')}</p>
            <button type="button" className="btn btn--primary" autoFocus onClick={() => window.location.reload()}>
              {t('connection.reload')}
            </button>
          </div>
        );
      }
      if (connection.reason === ErrorReason.OriginNotAllowed) return <span className="conn-banner-text">{t('connection.originNotAllowed')}</span>;
      if (connection.reason === ErrorReason.Unauthenticated || connection.reason === ErrorReason.SessionEnded) {
        return <span className="conn-banner-text">{t('connection.sessionEnded')}</span>;
      }
      return <span className="conn-banner-text">{t('connection.refused', { message: connection.message })}</span>;
  }
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import { Icon } from '../ui/Icon';
import { EmptyState, Spinner } from '../ui/States';
import type { RoomConnectionState } from './roomStore';

/** The "not allowed" state: this person may not enter this room. */
export function RoomForbidden({ backTo }: { backTo: string }) {
  const { t } = useTranslation();
  return (
    <div className="room-state" data-testid="room-forbidden">
      <EmptyState icon={<Icon name="lock" size={28} />} title={t('room.state.forbiddenTitle')} hint={t('room.state.forbiddenHint')}>
        <Link className="btn btn--primary" to={backTo}>
          {t('room.back')}
        </Link>
      </EmptyState>
    </div>
  );
}

/** A centred spinner with a line of text (checking access, joining). */
export function RoomBusy({ text }: { text: string }) {
  return (
    <div className="room-state room-state--busy" aria-busy="true">
      <Spinner label={text} />
      <p className="muted">{text}</p>
    </div>
  );
}

/** Joining failed for good (after retries): what happened and Retry. */
export function RoomFailed({ error, onRetry, backTo }: { error: ApiError; onRetry: () => void; backTo: string }) {
  const { t } = useTranslation();
  const detail = error.reason === ErrorReason.Gone ? t('room.state.closed', { reason: error.message }) : describeRoomError(t, error);
  return (
    <RoomStateCard
      testId="room-failed"
      alert
      icon="videoOff"
      title={t('room.state.failedTitle')}
      hint={detail}
      action={{ testId: 'room-retry', label: t('room.state.retry'), onClick: onRetry }}
      backTo={backTo}
    />
  );
}

/** After Leave: rejoin or go back. */
export function RoomLeft({ onRejoin, backTo }: { onRejoin: () => void; backTo: string }) {
  const { t } = useTranslation();
  return (
    <RoomStateCard
      testId="room-left"
      icon="video"
      title={t('room.state.leftTitle')}
      hint={t('room.state.leftHint')}
      action={{ testId: 'room-rejoin', label: t('room.state.rejoin'), onClick: onRejoin }}
      backTo={backTo}
    />
  );
}

/** A full-room message with one main action and a way back. */
function RoomStateCard(props: {
  testId: string;
  alert?: boolean;
  icon: 'video' | 'videoOff';
  title: string;
  hint: string;
  action: { testId: string; label: string; onClick: () => void };
  backTo: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="room-state" role={props.alert ? 'alert' : undefined} data-testid={props.testId}>
      <EmptyState icon={<Icon name={props.icon} size={28} />} title={props.title} hint={props.hint}>
        <div className="room-state-actions">
          <button type="button" className="btn btn--primary" data-testid={props.action.testId} onClick={props.action.onClick}>
            {props.action.label}
          </button>
          <Link className="btn btn--secondary" to={props.backTo}>
            {t('room.back')}
          </Link>
        </div>
      </EmptyState>
    </div>
  );
}

/** The banner over the grid while the room recovers from a drop. */
export function RoomBanner({ connection }: { connection: RoomConnectionState }) {
  const { t } = useTranslation();
  if (connection.kind !== 'reconnecting') return null;
  const text =
    connection.cause === 'media'
      ? t('room.state.reconnectingMedia')
      : connection.cause === 'server'
        ? t('room.state.reconnectingServer')
        : t('room.state.reconnectingSignalling');
  return (
    <div className="conn-banner conn-banner--reconnecting room-banner" role="status" aria-live="polite" data-testid="room-banner">
      <span className="conn-banner-text">
        <Spinner />
        {text}
        {connection.attempt > 1 && <span className="room-banner-attempt">({t('room.state.reconnectAttempt', { attempt: connection.attempt })})</span>}
      </span>
    </div>
  );
}

function describeRoomError(t: TFunction, error: ApiError): string {
  const reason = (Object.values(ErrorReason) as string[]).includes(error.reason) ? error.reason : ErrorReason.Internal;
  // Timeouts and internal errors read better translated; others carry the server's specific message.
  if (reason === ErrorReason.Internal || reason === ErrorReason.ServerShutdown) return t(`errors.reason.${reason}`);
  return `${t(`errors.reason.${reason}`)} — ${error.message}`;
}

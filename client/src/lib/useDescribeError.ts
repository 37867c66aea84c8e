import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '../../../shared/protocol';
import { ApiRequestError } from './api';

/** Reasons whose server message is generic, so a translated sentence says it better. */
const TRANSLATED_REASONS = new Set<string>([
  ErrorReason.InvalidCredentials,
  ErrorReason.Unauthenticated,
  ErrorReason.InviteInvalid,
  ErrorReason.InviteExpired,
  ErrorReason.InviteUsed,
  ErrorReason.Internal,
  ErrorReason.ProtocolMismatch,
  ErrorReason.OriginNotAllowed,
  ErrorReason.SessionEnded,
  ErrorReason.ServerShutdown,
]);

/**
 * Turns any thrown error into one sentence for the user. Specific server messages (a conflict, a bad
 * field) are shown as they are, prefixed in Chinese by a translated reason; generic ones are translated.
 */
export function useDescribeError(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiRequestError)) return t('errors.unexpected');
      if (err.isNetworkError) return t('errors.network');
      if (err.reason === ErrorReason.TooManyRequests) {
        const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60));
        return t('errors.tooManyRequests', { count: minutes });
      }
      const reason = err.reason as ErrorReason;
      if (TRANSLATED_REASONS.has(reason)) return t(`errors.reason.${reason}`);
      return t('errors.withDetail', { reason: t(`errors.reason.${reason}`), detail: err.error.message });
    },
    [t],
  );
}

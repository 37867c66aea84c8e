import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '../../../shared/protocol';
import { OfficeHoursRefusal } from '../../../shared/officeHours';
import { RecordingProblem } from '../../../shared/recordings';
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

const KNOWN_CODES = new Set<string>([...Object.values(OfficeHoursRefusal), ...Object.values(RecordingProblem)]);
/** Whether the client has a sentence for this `code` (ApiError.code, a recording's errorCode). */
export const isKnownCode = (code: string | null | undefined): code is OfficeHoursRefusal | RecordingProblem => typeof code === 'string' && KNOWN_CODES.has(code);

/** The sentence for a refusal or problem `code` in the user's language when the client knows it, else `fallback` (the server's English). */
export function describeCode(t: TFunction, code: string | null | undefined, fallback: string): string {
  return isKnownCode(code) ? t(`errors.code.${code}`) : fallback;
}

/**
 * Turns any thrown error into one sentence for the user (pure, with the app's `t`; the hook below binds
 * it). A refusal with a known `code` is said in the user's language; other specific server messages (a
 * conflict, a bad field) are shown as they are, prefixed in Chinese by a translated reason; generic ones
 * are translated.
 */
export function describeError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiRequestError)) return t('errors.unexpected');
  if (err.isNetworkError) return t('errors.network');
  if (err.reason === ErrorReason.TooManyRequests) {
    const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60));
    return t('errors.tooManyRequests', { count: minutes });
  }
  if (isKnownCode(err.error.code)) return describeCode(t, err.error.code, err.error.message);
  const reason = err.reason as ErrorReason;
  if (TRANSLATED_REASONS.has(reason)) return t(`errors.reason.${reason}`);
  return t('errors.withDetail', { reason: t(`errors.reason.${reason}`), detail: err.error.message });
}

export function useDescribeError(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback((err: unknown) => describeError(t, err), [t]);
}

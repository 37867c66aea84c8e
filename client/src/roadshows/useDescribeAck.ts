import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import { ApiRequestError, NETWORK_ERROR_STATUS } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/** One sentence for a refused or unanswered room action (the app's usual wording, plus "slow down"). */
export function useDescribeAck(): (error: ApiError, timedOut?: boolean) => string {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return useCallback(
    (error: ApiError, timedOut = false) => {
      // NOTE: the room's limits are seconds long: the app's usual "try again in N minutes" would be wrong.
      if (error.reason === ErrorReason.TooManyRequests) {
        return error.retryAfter ? t('live.slowDownIn', { count: Math.max(1, Math.ceil(error.retryAfter)) }) : t('live.slowDown');
      }
      return describe(new ApiRequestError(timedOut ? NETWORK_ERROR_STATUS : 400, error));
    },
    [t, describe],
  );
}

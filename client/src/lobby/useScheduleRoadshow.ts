import { useCallback, useState } from 'react';
import type { CreateRoadshowBody } from '../../../shared/schemas';
import { api, ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/**
 * POSTs a new roadshow. NOTE: it does not touch the lobby store — the server pushes `lobby:schedule`
 * to everyone (us included), so the new card appears the same way for all.
 */
export function useScheduleRoadshow() {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const schedule = useCallback(
    async (body: CreateRoadshowBody): Promise<boolean> => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        await api.createRoadshow(body);
        return true;
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) {
          setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        }
        setError(describe(err));
        return false;
      } finally {
        setPending(false);
      }
    },
    [describe],
  );
  return { schedule, pending, error, fieldErrors };
}

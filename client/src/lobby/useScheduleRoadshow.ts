import { useCallback, useState } from 'react';
import type { CreateRoadshowBody } from '../../../shared/roadshow';
import { api, ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/**
 * POSTs a new roadshow and resolves with its id (null on failure). NOTE: it does not touch the lobby
 * store — the server pushes `lobby:schedule` to everyone (us included), so the new card appears the same way for all.
 */
export function useScheduleRoadshow() {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const schedule = useCallback(
    async (body: CreateRoadshowBody): Promise<string | null> => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        const { roadshow } = await api.createRoadshow(body);
        return roadshow.id;
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) {
          setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        }
        setError(describe(err));
        return null;
      } finally {
        setPending(false);
      }
    },
    [describe],
  );
  return { schedule, pending, error, fieldErrors };
}

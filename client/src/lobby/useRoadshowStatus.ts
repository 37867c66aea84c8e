import { useCallback, useState } from 'react';
import type { RoadshowStatus } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/** Operators move a roadshow along (backstage → live → ended); the lobby hears the change by push. */
export function useRoadshowStatus(id: string) {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useCallback(
    async (status: RoadshowStatus) => {
      setPending(true);
      setError(null);
      try {
        await api.setRoadshowStatus(id, status);
      } catch (err) {
        setError(describe(err));
      } finally {
        setPending(false);
      }
    },
    [id, describe],
  );
  return { setStatus, pending, error };
}

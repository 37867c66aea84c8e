import { useCallback, useState } from 'react';
import type { PresenceStatus } from '../../../shared/schemas';
import { ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';
import { useLobbyClient } from './LobbyClientContext';

/** Sets my presence status over the socket; exposes pending and a readable error. */
export function useSetStatus() {
  const client = useLobbyClient();
  const describe = useDescribeError();
  const [pending, setPending] = useState<PresenceStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useCallback(
    async (status: PresenceStatus) => {
      if (!client) return;
      setPending(status);
      setError(null);
      const result = await client.setStatus(status);
      setPending(null);
      if (!result.ok) setError(describe(new ApiRequestError(400, result.error)));
    },
    [client, describe],
  );
  return { setStatus, pending, error, ready: client !== null };
}

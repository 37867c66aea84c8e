import { useEffect, useState } from 'react';
import { useLobbyClient } from '../lobby/LobbyClientContext';
import { useMe } from '../session/sessionStore';
import { useOfficeHoursLiveStoreApi } from './liveStore';
import { OfficeHoursLiveClient } from './OfficeHoursLiveClient';

/**
 * Owns one OfficeHoursLiveClient for the signed-in shell, on its socket; closed on unmount or when the
 * socket or person changes. Null until the lobby connection exists.
 */
export function useOfficeHoursLiveConnection(): OfficeHoursLiveClient | null {
  const lobby = useLobbyClient();
  const store = useOfficeHoursLiveStoreApi();
  const me = useMe();
  const [client, setClient] = useState<OfficeHoursLiveClient | null>(null);
  useEffect(() => {
    if (!lobby) return;
    const c = new OfficeHoursLiveClient({ socket: lobby.socket, store, me: { id: me.id, role: me.role } });
    setClient(c);
    c.start();
    return () => {
      c.close();
      setClient(null);
    };
  }, [lobby, store, me.id, me.role]);
  return client;
}

import { useEffect, useState } from 'react';
import { LobbyClient } from './LobbyClient';
import { useLobbyStoreApi } from './lobbyStore';

/** Owns one LobbyClient while the signed-in shell is mounted; closes it (and its socket) on unmount. */
export function useLobbyConnection(onSignedOut: () => void): LobbyClient | null {
  const store = useLobbyStoreApi();
  const [client, setClient] = useState<LobbyClient | null>(null);
  useEffect(() => {
    const c = new LobbyClient({ store, onSignedOut });
    setClient(c);
    c.start();
    return () => {
      c.close();
      setClient(null);
    };
    // NOTE: onSignedOut is read once; a new callback must not tear down a live socket.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return client;
}

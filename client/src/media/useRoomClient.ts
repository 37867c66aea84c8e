import { useEffect, useState } from 'react';
import { useLobbyClient } from '../lobby/LobbyClientContext';
import { RoomClient } from './RoomClient';
import { useRoomStoreApi } from './roomStore';

/**
 * Owns one RoomClient while the room page is mounted, on the signed-in shell's socket; closing it on
 * unmount leaves the room and stops every track. Null until the lobby connection exists.
 */
export function useRoomClient(): RoomClient | null {
  const lobby = useLobbyClient();
  const store = useRoomStoreApi();
  const [client, setClient] = useState<RoomClient | null>(null);
  useEffect(() => {
    if (!lobby) return;
    const c = new RoomClient({ socket: lobby.socket, store });
    setClient(c);
    return () => {
      c.close();
      setClient(null);
    };
  }, [lobby, store]);
  return client;
}

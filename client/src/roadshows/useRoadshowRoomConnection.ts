import { useEffect, useState } from 'react';
import { useLobbyClient } from '../lobby/LobbyClientContext';
import { RoadshowRoomClient } from './RoadshowRoomClient';
import { useRoadshowRoomStoreApi } from './roadshowRoomStore';

/**
 * Owns one RoadshowRoomClient while the live room is mounted, on the signed-in shell's socket; closing it
 * on unmount leaves the room. Null until the lobby connection exists.
 */
export function useRoadshowRoomConnection(roadshowId: string): RoadshowRoomClient | null {
  const lobby = useLobbyClient();
  const store = useRoadshowRoomStoreApi();
  const [client, setClient] = useState<RoadshowRoomClient | null>(null);
  useEffect(() => {
    if (!lobby) return;
    const c = new RoadshowRoomClient({ socket: lobby.socket, store, roadshowId });
    setClient(c);
    c.start();
    return () => {
      c.close();
      setClient(null);
    };
  }, [lobby, store, roadshowId]);
  return client;
}

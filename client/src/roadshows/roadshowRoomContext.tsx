import { createContext, useContext, type ReactNode } from 'react';
import type { RoadshowRoomClient } from './RoadshowRoomClient';

const Context = createContext<RoadshowRoomClient | null>(null);

/** Hands the page's RoadshowRoomClient to the room's components, which act through it. */
export function RoadshowRoomClientProvider({ client, children }: { client: RoadshowRoomClient; children: ReactNode }) {
  return <Context.Provider value={client}>{children}</Context.Provider>;
}

/** The live room's client; only call below `RoadshowRoomClientProvider`. */
export function useRoadshowRoomClient(): RoadshowRoomClient {
  const client = useContext(Context);
  if (!client) throw new Error('useRoadshowRoomClient: missing <RoadshowRoomClientProvider>');
  return client;
}

import { createContext, useContext, type ReactNode } from 'react';
import type { LobbyClient } from './LobbyClient';

const LobbyClientContext = createContext<LobbyClient | null>(null);

/** Hands the signed-in shell's LobbyClient to the components that act on it (status, retry). */
export function LobbyClientProvider({ client, children }: { client: LobbyClient | null; children: ReactNode }) {
  return <LobbyClientContext.Provider value={client}>{children}</LobbyClientContext.Provider>;
}

/** The live LobbyClient, or null while it is being created. */
export function useLobbyClient(): LobbyClient | null {
  return useContext(LobbyClientContext);
}

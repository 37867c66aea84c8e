import { createContext, useContext, type ReactNode } from 'react';
import { OfficeHoursLiveStoreProvider } from './liveStore';
import type { OfficeHoursLiveClient } from './OfficeHoursLiveClient';
import { useAdmissionNavigation } from './useAdmissionNavigation';
import { useOfficeHoursLiveConnection } from './useOfficeHoursLiveConnection';

const ClientContext = createContext<OfficeHoursLiveClient | null>(null);

/**
 * Office hours' live connection for the whole signed-in shell: notifications (the header's bell) and
 * drop-in queues follow the person from page to page, and an admission opens its room from anywhere.
 */
export function OfficeHoursLiveProvider({ children }: { children: ReactNode }) {
  return (
    <OfficeHoursLiveStoreProvider>
      <LiveConnection>{children}</LiveConnection>
    </OfficeHoursLiveStoreProvider>
  );
}

function LiveConnection({ children }: { children: ReactNode }) {
  const client = useOfficeHoursLiveConnection();
  useAdmissionNavigation(client);
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The live office-hours client, or null while the connection is being made. */
export function useOfficeHoursLiveClient(): OfficeHoursLiveClient | null {
  return useContext(ClientContext);
}

import { Outlet } from 'react-router';
import { LobbyClientProvider } from '../lobby/LobbyClientContext';
import { useLobbyConnection } from '../lobby/useLobbyConnection';
import { OfficeHoursLiveProvider } from '../officeHours/OfficeHoursLive';
import { useSessionStoreApi } from '../session/sessionStore';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';

/** The signed-in layout. It owns the live connection, so presence holds on every page, not only the lobby. */
export function AppShell() {
  const session = useSessionStoreApi();
  const client = useLobbyConnection(() => session.getState().signedOut());
  return (
    <LobbyClientProvider client={client}>
      <OfficeHoursLiveProvider>
        <div className="app">
          <Header />
          <ConnectionBanner />
          <main className="main" id="main">
            <Outlet />
          </main>
        </div>
      </OfficeHoursLiveProvider>
    </LobbyClientProvider>
  );
}

import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/sessionStore';
import { AppShell } from './AppShell';
import { Splash } from './Splash';

/** Where the login page sends people back to after signing in. */
export interface LoginRedirectState {
  from?: string;
}

/** Renders the signed-in app, or sends the visitor to /login and remembers where they were going. */
export function RequireAuth() {
  const session = useSession((s) => s.session);
  const location = useLocation();
  switch (session.kind) {
    case 'loading':
      return <Splash />;
    case 'failed':
      return <Splash error={session.error} />;
    case 'signedOut': {
      const state: LoginRedirectState = { from: `${location.pathname}${location.search}${location.hash}` };
      return <Navigate to="/login" replace state={state} />;
    }
    case 'signedIn':
      return <AppShell />;
  }
}

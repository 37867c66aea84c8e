import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../lib/api';
import { useSessionStoreApi } from '../session/sessionStore';

/** Signs out on the server (which closes this session's sockets), then locally, then shows /login. */
export function useLogout() {
  const store = useSessionStoreApi();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const logout = useCallback(async () => {
    setPending(true);
    try {
      await api.logout();
    } catch {
      // NOTE: even if the server can't be reached we forget the session here; the cookie expires on its own.
    } finally {
      setPending(false);
      store.getState().signedOut();
      navigate('/login', { replace: true });
    }
  }, [store, navigate]);
  return { logout, pending };
}

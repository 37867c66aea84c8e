import { useCallback, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';
import type { LoginRedirectState } from '../layout/RequireAuth';
import { useSessionStoreApi } from '../session/sessionStore';

/** Where to go after signing in: the page that sent us here (same-origin paths only), else the lobby. */
export function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as LoginRedirectState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** Submits the login form; on success records the session and returns to the requested page. */
export function useLogin() {
  const store = useSessionStoreApi();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const login = useCallback(
    async (email: string, password: string) => {
      setPending(true);
      setError(null);
      try {
        const me = await api.login({ email: email.trim(), password });
        store.getState().signedIn(me);
        navigate(returnPath, { replace: true });
      } catch (err) {
        setError(describe(err));
        setPending(false);
      }
    },
    [store, navigate, returnPath, describe],
  );
  return { login, pending, error };
}

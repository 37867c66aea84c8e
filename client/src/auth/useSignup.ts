import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { InviteCheckResponse, SignupBody } from '../../../shared/schemas';
import { api, ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';
import { useSessionStoreApi } from '../session/sessionStore';

export type InviteCheck =
  | { kind: 'missing' }
  | { kind: 'checking' }
  | { kind: 'valid'; invite: InviteCheckResponse }
  | { kind: 'unusable'; error: unknown };

/** Asks the server what an invite token is for, or why it can't be used. */
export function useInviteCheck(token: string | null): InviteCheck {
  const [state, setState] = useState<InviteCheck>(token ? { kind: 'checking' } : { kind: 'missing' });
  useEffect(() => {
    if (!token) {
      setState({ kind: 'missing' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'checking' });
    api.checkInvite(token).then(
      (invite) => !cancelled && setState({ kind: 'valid', invite }),
      (error: unknown) => !cancelled && setState({ kind: 'unusable', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  return state;
}

/** Creates the account; on success the new person is signed in and lands in the lobby. */
export function useSignup() {
  const store = useSessionStoreApi();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const signup = useCallback(
    async (body: SignupBody) => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        const me = await api.signup(body);
        store.getState().signedIn(me);
        navigate('/', { replace: true });
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) {
          setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        }
        setError(describe(err));
        setPending(false);
      }
    },
    [store, navigate, describe],
  );
  return { signup, pending, error, fieldErrors };
}

import { useEffect } from 'react';
import { api, ApiRequestError, onUnauthenticated } from '../lib/api';
import { useSession, useSessionStoreApi } from './sessionStore';

/** Asks /auth/me whenever the session is unknown, and signs out locally on any unexpected 401. */
export function useSessionBootstrap(): void {
  const store = useSessionStoreApi();
  const kind = useSession((s) => s.session.kind);

  useEffect(() => onUnauthenticated(() => store.getState().signedOut()), [store]);

  useEffect(() => {
    if (kind !== 'loading') return;
    let cancelled = false;
    api.me().then(
      (me) => !cancelled && store.getState().signedIn(me),
      (err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiRequestError && err.status === 401) store.getState().signedOut();
        else store.getState().failed(err instanceof ApiRequestError ? err : new ApiRequestError(0, { reason: 'internal', message: String(err) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [kind, store]);
}

/** Who is signed in. Made by a factory and provided through context so tests can inject one. */
import { createStore } from 'zustand';
import type { MeResponse, PublicUser, Startup } from '../../../shared/schemas';
import type { ApiRequestError } from '../lib/api';
import { createStoreContext } from '../lib/storeContext';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; user: PublicUser; startups: Startup[] }
  | { kind: 'failed'; error: ApiRequestError };

export interface SessionStore {
  /** Who is signed in, or why we don't know yet. */
  session: SessionState;
  /** Records the answer of /auth/me, login or signup. */
  signedIn: (me: MeResponse) => void;
  /** Forgets the session (logout, a 401, or the session ended in another tab). */
  signedOut: () => void;
  /** /auth/me failed for another reason than 401 (server down). */
  failed: (error: ApiRequestError) => void;
  /** Replaces the signed-in person after they edited their profile. */
  userUpdated: (user: PublicUser) => void;
  /** Starts over (shows the splash while /auth/me is asked again). */
  reset: () => void;
}

export function createSessionStore(initial: SessionState = { kind: 'loading' }) {
  return createStore<SessionStore>()((set) => ({
    session: initial,
    signedIn: (me) => set({ session: { kind: 'signedIn', user: me.user, startups: me.startups } }),
    signedOut: () => set({ session: { kind: 'signedOut' } }),
    failed: (error) => set({ session: { kind: 'failed', error } }),
    userUpdated: (user) =>
      set((s) => (s.session.kind === 'signedIn' ? { session: { ...s.session, user } } : s)),
    reset: () => set({ session: { kind: 'loading' } }),
  }));
}

const ctx = createStoreContext<SessionStore>('SessionStore', () => createSessionStore());
export const SessionStoreProvider = ctx.Provider;
export const useSessionStoreApi = ctx.useStoreApi;
export const useSession = ctx.useSelector;

/** The signed-in person; only call below `RequireAuth`. */
export function useMe(): PublicUser {
  const session = useSession((s) => s.session);
  if (session.kind !== 'signedIn') throw new Error('useMe() outside a signed-in route');
  return session.user;
}

import { useCallback, useState } from 'react';
import type { UpdateProfileBody } from '../../../shared/schemas';
import { api, ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';
import { useSessionStoreApi } from '../session/sessionStore';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string; fields: Record<string, string> };

/** Saves my profile and puts the result in the session, so the header and times update at once. */
export function useProfileSettings() {
  const store = useSessionStoreApi();
  const describe = useDescribeError();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const submit = useCallback(
    async (patch: UpdateProfileBody) => {
      setSave({ kind: 'saving' });
      try {
        const { user } = await api.updateProfile(patch);
        store.getState().userUpdated(user);
        setSave({ kind: 'saved' });
      } catch (err) {
        const fields = err instanceof ApiRequestError && err.error.issues ? Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])) : {};
        setSave({ kind: 'failed', message: describe(err), fields });
      }
    },
    [store, describe],
  );
  const markDirty = useCallback(() => setSave((s) => (s.kind === 'saved' || s.kind === 'failed' ? { kind: 'idle' } : s)), []);
  return { save, submit, markDirty };
}

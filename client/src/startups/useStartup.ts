import { useCallback, useState } from 'react';
import type { PublicUser, Startup, UpdateStartupBody } from '../../../shared/schemas';
import { api, ApiRequestError } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';

export interface StartupDetail {
  startup: Startup;
  people: PublicUser[];
}

/** One startup, everyone (for member names and the "add founder" list), and its mutations. */
export function useStartup(id: string) {
  const { state, reload, setData } = useAsync(async (): Promise<StartupDetail> => {
    const [{ startup }, { users }] = await Promise.all([api.getStartup(id), api.listUsers()]);
    return { startup, people: users };
  }, id);
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /** Runs one change; on success the returned startup replaces ours. */
  const mutate = useCallback(
    async (change: () => Promise<{ startup: Startup }>): Promise<boolean> => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        const { startup } = await change();
        setData((d) => ({ ...d, startup }));
        return true;
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        setError(describe(err));
        return false;
      } finally {
        setPending(false);
      }
    },
    [describe, setData],
  );

  return {
    state,
    reload,
    pending,
    error,
    fieldErrors,
    clearError: () => setError(null),
    update: (patch: UpdateStartupBody) => mutate(() => api.updateStartup(id, patch)),
    addMember: (userId: string) => mutate(() => api.addStartupMember(id, userId)),
    removeMember: (userId: string) => mutate(() => api.removeStartupMember(id, userId)),
  };
}

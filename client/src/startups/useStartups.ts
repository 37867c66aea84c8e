import { useCallback, useState } from 'react';
import type { CreateStartupBody, PublicUser, Startup } from '../../../shared/schemas';
import { api, ApiRequestError } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';

export interface StartupDirectory {
  startups: Startup[];
  peopleById: Map<string, PublicUser>;
}

/** Every startup, with the people so cards can show their founders. */
export function useStartups() {
  return useAsync(async (): Promise<StartupDirectory> => {
    const [{ startups }, { users }] = await Promise.all([api.listStartups(), api.listUsers()]);
    return { startups: startups.slice().sort((a, b) => a.name.localeCompare(b.name)), peopleById: new Map(users.map((u) => [u.id, u])) };
  }, 'startups');
}

/** Creates a startup (operators and founders); resolves with it, or null after showing the error. */
export function useCreateStartup() {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const create = useCallback(
    async (body: CreateStartupBody): Promise<Startup | null> => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      try {
        return (await api.createStartup(body)).startup;
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        setError(describe(err));
        return null;
      } finally {
        setPending(false);
      }
    },
    [describe],
  );
  return { create, pending, error, fieldErrors };
}

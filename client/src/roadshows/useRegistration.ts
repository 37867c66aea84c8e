import { useCallback, useState } from 'react';
import { api } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/** "I'll attend" / cancel: sends the change and hands the server's answer to `onChange`. */
export function useRegistration(id: string, onChange: (registered: boolean, registrations: number) => void) {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setRegistered = useCallback(
    async (registered: boolean) => {
      setPending(true);
      setError(null);
      try {
        const answer = await api.setRegistration(id, registered);
        onChange(answer.registered, answer.registrations);
      } catch (err) {
        setError(describe(err));
      } finally {
        setPending(false);
      }
    },
    [id, onChange, describe],
  );
  return { setRegistered, pending, error };
}

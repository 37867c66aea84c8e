import { useCallback, useState } from 'react';

/**
 * One user action at a time (a button that calls the server): whether it is running, and what went wrong
 * last time (for useDescribeError). `run` resolves with the action's result, or undefined when it failed.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await action();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error };
}

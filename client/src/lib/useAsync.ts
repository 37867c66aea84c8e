import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'failed'; error: unknown };

/**
 * Runs `load` when `key` changes and tracks loading / ready / failed. A newer load wins over an older
 * one still in flight. `setData` lets a page apply the result of its own mutation without refetching.
 */
export function useAsync<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    loadRef.current().then(
      (data) => mine === seq.current && setState({ kind: 'ready', data }),
      (error: unknown) => mine === seq.current && setState({ kind: 'failed', error }),
    );
  }, []);

  useEffect(() => {
    setState({ kind: 'loading' });
    run();
    return () => {
      seq.current++;
    };
  }, [key, run]);

  const setData = useCallback((update: (data: T) => T) => {
    setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: update(s.data) } : s));
  }, []);

  return { state, reload: run, setData };
}

/**
 * Builds a React context for a zustand store made by a factory, so the app creates one per mount
 * and a test can inject its own (the Cal.com `BookerStoreProvider` pattern).
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

export function createStoreContext<S>(name: string, factory: () => StoreApi<S>) {
  const Context = createContext<StoreApi<S> | null>(null);

  /** Provides `store` (or a fresh one from the factory) to everything below. */
  function Provider({ store, children }: { store?: StoreApi<S>; children: ReactNode }) {
    const [value] = useState(() => store ?? factory());
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }

  /** The store itself, for code that reads or writes outside render. */
  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(`${name}: missing <${name}Provider>`);
    return store;
  }

  /** Subscribes a component to one slice of the store. Select stable values (no new objects). */
  function useSelector<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useStoreApi, useSelector };
}

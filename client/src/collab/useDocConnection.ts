import { useEffect, useState } from 'react';
import { useMe } from '../session/sessionStore';
import { colorForUser } from './collabUser';
import { DocConnection } from './DocConnection';
import { useDocStoreApi } from './docStore';

/**
 * Owns one DocConnection while the document page is mounted (destroyed on unmount or when the
 * document changes). Null on the first render, before the effect has made it.
 */
export function useDocConnection(name: string): DocConnection | null {
  const me = useMe();
  const store = useDocStoreApi();
  const [connection, setConnection] = useState<DocConnection | null>(null);
  useEffect(() => {
    const c = new DocConnection({ name, store, user: { id: me.id, name: me.name, role: me.role, color: colorForUser(me.id) } });
    // NOTE: connect on the next tick: React's development double mount destroys the first one at once,
    // and a socket opened and dropped in the same tick only makes noise on both ends.
    const timer = setTimeout(() => c.connect(), 0);
    setConnection(c);
    return () => {
      clearTimeout(timer);
      c.destroy();
      setConnection(null);
    };
  }, [name, store, me.id, me.name, me.role]);
  return connection;
}

import { useEffect, useState } from 'react';
import { useLobby } from '../lobby/lobbyStore';

/** The current time (server-corrected), re-rendering every `intervalMs` so relative hints stay right. */
export function useNow(intervalMs = 30_000): number {
  const skew = useLobby((s) => s.clockSkewMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + skew;
}

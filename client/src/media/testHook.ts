/**
 * Exposes the live RoomClient as `window.__hatcheryRoom` for end-to-end tests (which read consumer stats
 * and can publish a canvas track as a screen share). Only under automation (`navigator.webdriver`), so a
 * normal visit never carries it; read-only, not enumerable, and removed when that client closes.
 */
import type { RoomClient } from './RoomClient';

declare global {
  interface Window {
    /** The current media room client, under automation only. */
    __hatcheryRoom?: RoomClient;
  }
}

/** Publishes `client` for tests if the browser is automated; returns the undo. */
export function exposeForTests(client: RoomClient): () => void {
  if (typeof window === 'undefined' || !navigator.webdriver) return () => {};
  Object.defineProperty(window, '__hatcheryRoom', { value: client, configurable: true, enumerable: false, writable: false });
  return () => {
    if (window.__hatcheryRoom === client) delete window.__hatcheryRoom;
  };
}

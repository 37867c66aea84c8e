/**
 * One open shared document, browser side: how the connection to the document server is doing and who
 * else is here. Only `DocConnection` writes here; components read slices of it.
 */
import { createStore } from 'zustand';
import { createStoreContext } from '../lib/storeContext';
import type { RefusalKind } from './closeCodes';
import type { PresentPerson } from './collabUser';

/**
 * - `connecting`: the first connection is being made (nothing from the server yet);
 * - `synced`: connected, and the server's state and ours are merged;
 * - `offline`: not connected; edits are kept on this device and sync when the connection is back;
 * - `refused`: the server closed the connection for good (no access, no such document, load failed).
 */
export type DocConnectionState =
  | { kind: 'connecting' }
  | { kind: 'synced' }
  | { kind: 'offline' }
  | { kind: 'refused'; refusal: RefusalKind; code: number; reason: string };
export type DocConnectionKind = DocConnectionState['kind'];

export interface DocState {
  /** The document's name, e.g. `pitch:<startupId>`. */
  name: string;
  /** The connection; changed only by `DocConnection.#setConnectionState()`. */
  connection: DocConnectionState;
  /** Whether this device's saved copy (IndexedDB) has been loaded into the document. */
  localLoaded: boolean;
  /** Whether the server's state has been merged at least once since the page opened. */
  everSynced: boolean;
  /** Who has the document open, one entry per person, me first. */
  people: PresentPerson[];
  /** The server dropped a change of mine (my access does not allow it); shown once as a notice. */
  changeRejected: boolean;
}

export const initialDocState = (name: string): DocState => ({
  name,
  connection: { kind: 'connecting' },
  localLoaded: false,
  everSynced: false,
  people: [],
  changeRejected: false,
});

export function createDocStore(name: string, initial: Partial<DocState> = {}) {
  return createStore<DocState>()(() => ({ ...initialDocState(name), ...initial }));
}

const ctx = createStoreContext<DocState>('DocStore', () => createDocStore(''));
export const DocStoreProvider = ctx.Provider;
export const useDocStoreApi = ctx.useStoreApi;
export const useDoc = ctx.useSelector;

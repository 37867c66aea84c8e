/**
 * The action items of a session's notes: `actions`, a Y.Array of Y.Maps { id, text, done } (see
 * DOC_SCHEMAS.notes in shared/collabConstants.ts). Plain functions on the Y.Doc, each change one transaction.
 */
import * as Y from 'yjs';
import { DOC_SCHEMAS } from '../../../shared/collabConstants';

export const ACTIONS_FIELD = 'actions' satisfies keyof typeof DOC_SCHEMAS.notes;
/** The longest action item kept. */
export const MAX_ACTION_LENGTH = 500;

export interface ActionItem {
  id: string;
  text: string;
  done: boolean;
}

export const actionsOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(ACTIONS_FIELD);

/** A plain snapshot of the items, skipping malformed entries (another client may write anything). */
export function readActions(doc: Y.Doc): ActionItem[] {
  const out: ActionItem[] = [];
  for (const m of actionsOf(doc).toArray()) {
    if (!(m instanceof Y.Map)) continue;
    const id = m.get('id');
    const text = m.get('text');
    if (typeof id !== 'string' || typeof text !== 'string') continue;
    out.push({ id, text, done: m.get('done') === true });
  }
  return out;
}

/** Appends an item; returns false for an empty text. */
export function addAction(doc: Y.Doc, id: string, text: string): boolean {
  const clean = text.trim().slice(0, MAX_ACTION_LENGTH);
  if (!clean) return false;
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('id', id);
    m.set('text', clean);
    m.set('done', false);
    actionsOf(doc).push([m]);
  });
  return true;
}

const findMap = (doc: Y.Doc, id: string): { map: Y.Map<unknown>; index: number } | null => {
  const list = actionsOf(doc).toArray();
  const index = list.findIndex((m) => m instanceof Y.Map && m.get('id') === id);
  return index >= 0 ? { map: list[index]!, index } : null;
};

/** Ticks an item off (or on again). */
export function setActionDone(doc: Y.Doc, id: string, done: boolean): void {
  const found = findMap(doc, id);
  if (found) doc.transact(() => found.map.set('done', done));
}

/** Removes an item. */
export function removeAction(doc: Y.Doc, id: string): void {
  const found = findMap(doc, id);
  if (found) doc.transact(() => actionsOf(doc).delete(found.index, 1));
}

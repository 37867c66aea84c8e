import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { actionsOf, readActions, type ActionItem } from './actionItems';

/** The live list of action items of a notes document (re-read on every change, local or remote). */
export function useActionItems(doc: Y.Doc): ActionItem[] {
  const [items, setItems] = useState<ActionItem[]>(() => readActions(doc));
  useEffect(() => {
    const list = actionsOf(doc);
    const update = () => setItems(readActions(doc));
    update();
    list.observeDeep(update);
    return () => list.unobserveDeep(update);
  }, [doc]);
  return items;
}

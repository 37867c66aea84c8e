/** Checks what an update would change before it touches a document (for comment-only connections). */
import * as Y from 'yjs';
import { DOC_SCHEMAS, type DocKind } from '../../shared/collabConstants.js';

type SchemaKind = 'xml' | 'map' | 'array' | 'text';

/** The document's top-level type `name` as the schema says it is. */
export function typeOf(doc: Y.Doc, name: string, kind: SchemaKind): Y.AbstractType<any> {
  switch (kind) {
    case 'xml':
      return doc.getXmlFragment(name);
    case 'map':
      return doc.getMap(name);
    case 'array':
      return doc.getArray(name);
    case 'text':
      return doc.getText(name);
  }
}

/**
 * Whether applying `update` to `doc` would change only the top-level types named in `allowed`. It is
 * tried on a scratch copy, so a refused update never touches the document. An update that cannot be
 * fully integrated (it depends on something missing) is refused too, since it could land later unchecked.
 */
export function changesOnly(doc: Y.Doc, kind: DocKind, update: Uint8Array, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return false;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    const names = new Map<Y.AbstractType<any>, string>();
    for (const [name, k] of Object.entries(DOC_SCHEMAS[kind])) names.set(typeOf(probe, name, k), name);
    let ok = true;
    probe.on('afterTransaction', (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) {
        let root: Y.AbstractType<any> = type;
        while (root._item !== null) root = root._item.parent as Y.AbstractType<any>;
        const name = names.get(root) ?? [...probe.share].find(([, t]) => t === root)?.[0];
        if (name === undefined || !allowed.includes(name)) ok = false;
      }
    });
    Y.applyUpdate(probe, update);
    return ok && probe.store.pendingStructs === null && probe.store.pendingDs === null;
  } finally {
    probe.destroy();
  }
}

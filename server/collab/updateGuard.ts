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
export function changesOnly(
  doc: Y.Doc,
  kind: DocKind,
  update: Uint8Array,
  allowed: readonly string[],
  /** A further rule on the result: given the probe before the update, returns the check of the probe after. */
  rule?: (before: Y.Doc) => (after: Y.Doc) => boolean,
): boolean {
  if (allowed.length === 0) return false;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    const check = rule?.(probe);
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
    return ok && probe.store.pendingStructs === null && probe.store.pendingDs === null && (check?.(probe) ?? true);
  } finally {
    probe.destroy();
  }
}

type ThreadSnapshot = { fields: string; replies: string[] };

function snapshotThreads(doc: Y.Doc): Map<string, ThreadSnapshot> {
  const out = new Map<string, ThreadSnapshot>();
  doc.getMap('comments').forEach((value, id) => {
    const json = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : { value: value as unknown };
    const { replies, ...fields } = json;
    // NOTE: keys sorted at the top level only (a replacer array would also drop nested keys, like the anchors').
    const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
    out.set(id, { fields: JSON.stringify(sorted), replies: Array.isArray(replies) ? replies.map((r) => JSON.stringify(r)) : [] });
  });
  return out;
}

/**
 * What a commenter may do to a pitch doc's comment threads (docs/collab.md): open new, unresolved threads
 * and add replies, in their own name (`userId`). A thread that exists stays as it is — not removed, not
 * resolved or reopened (founders resolve), its text and its replies unchanged (new replies are added at the
 * end).
 */
export function commenterRule(userId: string): (before: Y.Doc) => (after: Y.Doc) => boolean {
  return (before) => {
    const was = snapshotThreads(before);
    return (after) => {
      const now = snapshotThreads(after);
      for (const [id, old] of was) {
        const cur = now.get(id);
        if (!cur || cur.fields !== old.fields || cur.replies.length < old.replies.length) return false;
        if (old.replies.some((r, i) => cur.replies[i] !== r)) return false;
        if (cur.replies.slice(old.replies.length).some((r) => (JSON.parse(r) as { authorId?: unknown }).authorId !== userId)) return false;
      }
      for (const [id, cur] of now) {
        if (was.has(id)) continue;
        const thread = after.getMap('comments').get(id);
        if (!(thread instanceof Y.Map) || thread.get('resolved') === true || thread.get('resolvedBy') || thread.get('authorId') !== userId) return false;
        if (cur.replies.some((r) => (JSON.parse(r) as { authorId?: unknown }).authorId !== userId)) return false;
      }
      return true;
    };
  };
}

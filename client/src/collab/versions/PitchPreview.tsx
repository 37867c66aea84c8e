import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { PITCH_FIELD, pitchSchemaExtensions } from '../pitch/pitchExtensions';

/** A saved pitch doc, rendered read-only with the live editor's schema (no Yjs binding, no carets). */
export function PitchPreview({ doc }: { doc: Y.Doc }) {
  const content = useMemo(() => {
    const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PITCH_FIELD)) as JSONContent;
    return json.content?.length ? json : { type: 'doc', content: [{ type: 'paragraph' }] };
  }, [doc]);
  const editor = useEditor({ extensions: pitchSchemaExtensions({ editable: false }), content, editable: false }, [content]);
  return (
    <div className="pitch-editor pitch-editor--preview" data-testid="version-preview-content">
      <EditorContent editor={editor} />
    </div>
  );
}

/** The TipTap extensions of the pitch doc: the live, collaborative editor and the read-only preview. */
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { DOC_SCHEMAS } from '../../../../shared/collabConstants';
import type { DocConnection } from '../DocConnection';
import { renderCaret, renderSelection } from './carets';
import { CommentHighlights } from './commentHighlights';

/** The `content` field of a pitch doc, TipTap's Collaboration `field`. */
export const PITCH_FIELD = 'content' satisfies keyof typeof DOC_SCHEMAS.pitch;

/** Headings, bold/italic, lists, links and images; the same schema live and in the preview. */
export function pitchSchemaExtensions({ editable }: { editable: boolean }): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // NOTE: Collaboration brings its own (Yjs) undo; TipTap's would undo other people's typing.
      undoRedo: false,
      link: { openOnClick: !editable, autolink: true, defaultProtocol: 'https', HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' } },
      // NOTE: a read-only editor must never write to the document; the trailing paragraph is a write.
      trailingNode: editable ? undefined : false,
      codeBlock: false,
      code: false,
    }),
    Image.configure({ inline: false, allowBase64: false }),
  ];
}

/** The live editor: bound to the connection's Y.Doc, with everyone's carets and comment highlights. */
export function collaborativeExtensions(connection: DocConnection, editable: boolean, onActivateThread: (id: string) => void): AnyExtension[] {
  return [
    ...pitchSchemaExtensions({ editable }),
    Collaboration.configure({ document: connection.doc, field: PITCH_FIELD }),
    CollaborationCaret.configure({ provider: connection.provider, user: connection.user, render: renderCaret, selectionRender: renderSelection }),
    CommentHighlights.configure({ onActivate: onActivateThread }),
  ];
}

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { DOC_SCHEMAS } from '../../../shared/collabConstants';
import type { DocConnection } from '../collab/DocConnection';
import { DocStoreProvider, useDoc } from '../collab/docStore';
import { DocConnectionNotice, DocStatus } from '../collab/DocStatus';
import { PresenceList } from '../collab/PresenceList';
import { useDocConnection } from '../collab/useDocConnection';
import { ActionItems } from './ActionItems';
import { bookingNotesName } from './ohPaths';

/** The rich-text field of a notes document (TipTap's Collaboration `field`). */
const NOTES_FIELD = 'content' satisfies keyof typeof DOC_SCHEMAS.notes;

/**
 * The session's shared notes beside the video: `notes:<bookingId>` opened with the collaboration layer's
 * DocConnection (live sync, presence, offline copy), a rich-text editor and the action items.
 */
export function NotesPanel({ bookingId }: { bookingId: string }) {
  const name = bookingNotesName(bookingId);
  return (
    <DocStoreProvider key={name}>
      <OpenNotes name={name} />
    </DocStoreProvider>
  );
}

function OpenNotes({ name }: { name: string }) {
  const { t } = useTranslation();
  const connection = useDocConnection(name);
  return (
    <section className="card oh-notes" data-testid="oh-notes" data-doc={name} aria-label={t('officeHours.notes.title')}>
      <header className="oh-notes-header">
        <h2 className="card-title">{t('officeHours.notes.title')}</h2>
        <DocStatus />
      </header>
      <PresenceList />
      {connection && (
        <>
          <DocConnectionNotice onRetry={() => connection.retry()} />
          <NotesEditor connection={connection} />
          <ActionItems doc={connection.doc} />
        </>
      )}
    </section>
  );
}

/** The live rich-text editor of the notes, with everyone's named carets. */
function NotesEditor({ connection }: { connection: DocConnection }) {
  const { t } = useTranslation();
  const loaded = useDoc((s) => s.localLoaded || s.everSynced);
  const editor = useEditor(
    {
      extensions: [
        // NOTE: Collaboration brings its own (Yjs) undo; TipTap's would undo other people's typing.
        StarterKit.configure({ undoRedo: false, codeBlock: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: connection.doc, field: NOTES_FIELD }),
        CollaborationCaret.configure({ provider: connection.provider, user: connection.user }),
      ],
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'oh-notes-prose', 'aria-label': t('officeHours.notes.editorLabel'), 'data-testid': 'oh-notes-editor' } },
    },
    [connection],
  );
  return (
    <div className="oh-notes-editor" data-loaded={String(loaded)} aria-busy={!loaded}>
      <EditorContent editor={editor} />
    </div>
  );
}

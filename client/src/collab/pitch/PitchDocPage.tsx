import { EditorContent } from '@tiptap/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaretColors } from '../CaretColors';
import { canEdit, useOpenDoc } from '../docContext';
import { useDoc } from '../docStore';
import { StartupDocPage } from '../StartupDocPage';
import { CommentsPanel } from './CommentsPanel';
import { EditorToolbar } from './EditorToolbar';
import { useCommentThreads } from './useCommentThreads';
import { usePitchEditor } from './usePitchEditor';

/** `/startups/:id/pitch`: the startup's pitch document, co-written live, with comment threads. */
export function PitchDocPage() {
  return <StartupDocPage kind="pitch">{(_doc, sidePanel) => <PitchWorkspace sidePanel={sidePanel} />}</StartupDocPage>;
}

/** The editor, and beside it the comments (or the version history / sharing while one is open). */
function PitchWorkspace({ sidePanel }: { sidePanel: ReactNode }) {
  const { t } = useTranslation();
  const { connection, access } = useOpenDoc();
  const [activeId, setActiveId] = useState<string | null>(null);
  const editor = usePitchEditor(setActiveId);
  const threads = useCommentThreads(editor, connection.doc, activeId);
  const loaded = useDoc((s) => s.localLoaded || s.everSynced);
  return (
    <div className="pitch-layout">
      <CaretColors />
      <section className="card pitch-main">
        {canEdit(access) && <EditorToolbar editor={editor} />}
        {access !== 'edit' && <p className="pitch-readonly-note muted small">{t(`collab.pitch.readOnly.${access}`)}</p>}
        <div className="pitch-editor" data-testid="doc-editor" data-editable={String(canEdit(access))} data-loaded={String(loaded)} aria-busy={!loaded}>
          <EditorContent editor={editor} />
        </div>
      </section>
      {sidePanel ?? <CommentsPanel editor={editor} threads={threads} activeId={activeId} onActivate={setActiveId} />}
    </div>
  );
}

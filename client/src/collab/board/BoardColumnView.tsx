import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { COLUMN_TITLE_MAX } from './AddColumnForm';
import type { BoardColumn, BoardNote } from './boardDoc';
import { useBoardInteraction } from './boardInteraction';
import { BoardNoteCard } from './BoardNoteCard';

/** One column: its title (renamed in place by editors), "Add note", and its notes placed by x/y. */
export function BoardColumnView({ column, notes, bodyHeight, draggingId }: { column: BoardColumn; notes: BoardNote[]; bodyHeight: number; draggingId: string | null }) {
  const { t } = useTranslation();
  const ia = useBoardInteraction();
  const title = column.title || t('collab.board.untitled');
  return (
    <section className="board-column" data-testid="board-column" data-column-id={column.id} aria-label={title}>
      <header className="board-column-head">
        {ia?.canEdit ? <ColumnTitle title={column.title} onRename={(v) => ia.renameColumn(column.id, v)} /> : <h2 className="board-column-title">{title}</h2>}
        <span className="count" aria-label={t('collab.board.noteCount', { count: notes.length })}>
          {notes.length}
        </span>
        {ia?.canEdit && (
          <button
            type="button"
            className="btn btn--ghost btn--small board-icon-btn"
            data-testid="board-column-delete"
            aria-label={t('collab.board.deleteColumn', { title })}
            title={t('collab.board.deleteColumn', { title })}
            onClick={() => ia.deleteColumn(column.id, notes.length)}
          >
            <Icon name="trash" size={15} />
          </button>
        )}
      </header>
      {ia?.canEdit && (
        <button type="button" className="board-add-note" data-testid="board-add-note" onClick={() => ia.addNote(column.id)}>
          <Icon name="plus" size={16} />
          {t('collab.board.addNote')}
        </button>
      )}
      <ul className="board-column-body" ref={(el) => ia?.registerColumnBody(column.id, el)} style={{ height: bodyHeight }} aria-label={t('collab.board.notesIn', { title })}>
        {notes.map((n) => (
          <BoardNoteCard key={n.id} note={n} dragging={n.id === draggingId} />
        ))}
      </ul>
    </section>
  );
}

/** The column title as a text box that saves on Enter or leaving it. */
function ColumnTitle({ title, onRename }: { title: string; onRename: (title: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && draft.trim() && draft.trim() !== title) onRename(draft.trim());
    setDraft(null);
  };
  return (
    <input
      className="board-column-title board-column-title--input"
      data-testid="board-column-title"
      aria-label={t('collab.board.columnTitle')}
      maxLength={COLUMN_TITLE_MAX}
      value={draft ?? title}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          requestAnimationFrame(() => (e.target as HTMLInputElement).blur());
        }
      }}
    />
  );
}

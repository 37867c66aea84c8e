import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../../layout/useDismiss';
import { Icon } from '../../ui/Icon';
import type { BoardNote } from './boardDoc';
import { NOTE_COLORS } from './boardGeometry';
import { useBoardInteraction } from './boardInteraction';

/** Longest note text, in characters. */
export const NOTE_TEXT_MAX = 500;

/**
 * A sticky note at its x/y in the column. Editors drag it, open its text with Enter or a double
 * click, move it with the arrow keys (Alt+←/→: other column), delete it with Delete; anyone who
 * may edit votes. Tests read `data-x`, `data-y` and `data-column-id`.
 */
export function BoardNoteCard({ note, dragging }: { note: BoardNote; dragging: boolean }) {
  const { t } = useTranslation();
  const ia = useBoardInteraction();
  const editing = ia?.editingId === note.id;
  const voted = ia ? note.votes.includes(ia.myId) : false;
  return (
    <li
      className={`board-note board-note--${note.color}${dragging ? ' is-dragging' : ''}${ia?.canEdit ? ' is-movable' : ''}`}
      style={{ left: note.x, top: note.y }}
      data-testid="board-note"
      data-note-id={note.id}
      data-x={note.x}
      data-y={note.y}
      data-column-id={note.columnId}
      data-color={note.color}
      data-votes={note.votes.length}
      tabIndex={ia ? 0 : undefined}
      aria-roledescription={t('collab.board.noteRole')}
      aria-label={note.text || t('collab.board.emptyNote')}
      aria-describedby={ia?.canEdit ? 'board-note-keys' : undefined}
      onPointerDown={ia?.canEdit && !editing ? (e) => ia.onNotePointerDown(note.id, e) : undefined}
      onKeyDown={ia && !editing ? (e) => ia.onNoteKeyDown(note, e) : undefined}
      onDoubleClick={ia?.canEdit && !editing ? () => ia.startEditing(note.id) : undefined}
    >
      {editing && ia ? (
        <NoteTextBox text={note.text} onDone={(text) => ia.finishEditing(note.id, text)} />
      ) : (
        <p className={`board-note-text${note.text ? '' : ' is-empty'}`} data-testid="board-note-text">
          {note.text || t('collab.board.emptyNote')}
        </p>
      )}
      <div className="board-note-foot">
        <button
          type="button"
          className={`board-note-vote${voted ? ' is-on' : ''}`}
          data-testid="board-note-vote"
          aria-pressed={voted}
          aria-label={t('collab.board.votes', { count: note.votes.length })}
          disabled={!ia?.canEdit}
          onClick={() => ia?.toggleVote(note.id)}
        >
          <Icon name="thumbsUp" size={14} />
          <span data-testid="board-note-votes">{note.votes.length}</span>
        </button>
        {ia?.canEdit && <NoteColorPicker current={note.color} onPick={(c) => ia.setColor(note.id, c)} />}
        {ia?.canEdit && (
          <button type="button" className="board-icon-btn board-note-delete" data-testid="board-note-delete" aria-label={t('collab.board.deleteNote')} title={t('collab.board.deleteNote')} onClick={() => ia.deleteNote(note.id)}>
            <Icon name="trash" size={14} />
          </button>
        )}
      </div>
    </li>
  );
}

/** The note's text box: Enter saves, Shift+Enter breaks the line, Escape cancels, leaving it saves. */
function NoteTextBox({ text, onDone }: { text: string; onDone: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(text);
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <textarea
      className="board-note-input"
      data-testid="board-note-text"
      aria-label={t('collab.board.noteText')}
      maxLength={NOTE_TEXT_MAX}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(draft)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(draft);
        } else if (e.key === 'Escape') finish(null);
      }}
    />
  );
}

/** A swatch button opening the five note colours. */
function NoteColorPicker({ current, onPick }: { current: string; onPick: (color: (typeof NOTE_COLORS)[number]) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  return (
    <div className="board-note-color" ref={ref}>
      <button type="button" className="board-icon-btn" data-testid="board-note-color" aria-haspopup="true" aria-expanded={open} aria-label={t('collab.board.color')} title={t('collab.board.color')} onClick={() => setOpen((v) => !v)}>
        <Icon name="palette" size={14} />
      </button>
      {open && (
        <div className="board-color-menu" role="menu" aria-label={t('collab.board.color')}>
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="menuitemradio"
              aria-checked={c === current}
              className={`board-swatch board-note--${c}`}
              data-testid="board-note-color-option"
              data-color={c}
              aria-label={t(`collab.board.colors.${c}`)}
              title={t(`collab.board.colors.${c}`)}
              onClick={() => {
                onPick(c);
                setOpen(false);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}

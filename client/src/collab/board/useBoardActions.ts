import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocConnection } from '../DocConnection';
import * as board from './boardDoc';
import type { BoardNote, BoardSnapshot } from './boardDoc';
import { keyboardMove } from './boardGeometry';
import type { BoardInteraction } from './boardInteraction';

/**
 * The live board's actions on the Y.Doc, for `BoardInteractionProvider`. Keeps keyboard focus on a
 * note that moved (a note changing column is re-mounted under the new one).
 */
export function useBoardActions(
  connection: DocConnection,
  snapshot: BoardSnapshot,
  canEdit: boolean,
  onNotePointerDown: (noteId: string, e: PointerEvent<HTMLElement>) => void,
  boardEl: () => HTMLElement | null,
): { interaction: BoardInteraction; columnBodies: Map<string, HTMLElement> } {
  const { t } = useTranslation();
  const doc = connection.doc;
  const me = connection.user.id;
  const [editingId, setEditingId] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);
  const [columnBodies] = useState(() => new Map<string, HTMLElement>());
  const columnIds = useMemo(() => snapshot.columns.map((c) => c.id), [snapshot.columns]);

  useLayoutEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const el = boardEl()?.querySelector<HTMLElement>(`[data-testid="board-note"][data-note-id="${CSS.escape(id)}"]`);
    if (el && document.activeElement !== el) el.focus();
    focusAfter.current = null;
  });

  const onNoteKeyDown = useCallback(
    (note: BoardNote, e: KeyboardEvent<HTMLElement>) => {
      if (!canEdit || e.target !== e.currentTarget) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        setEditingId(note.id);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        const el = e.currentTarget;
        const next = (el.nextElementSibling ?? el.previousElementSibling) as HTMLElement | null;
        board.deleteNote(doc, note.id);
        next?.focus();
      } else {
        const place = keyboardMove(note, e.key, e.altKey, columnIds);
        if (!place) return;
        e.preventDefault();
        focusAfter.current = note.id;
        board.moveNote(doc, note.id, place);
      }
    },
    [canEdit, columnIds, doc],
  );

  const interaction = useMemo<BoardInteraction>(
    () => ({
      canEdit,
      myId: me,
      editingId,
      startEditing: (id) => setEditingId(id),
      finishEditing: (id, text) => {
        if (text !== null) board.setNoteText(doc, id, text.trim());
        setEditingId(null);
        focusAfter.current = id;
      },
      onNotePointerDown,
      onNoteKeyDown,
      setColor: (id, color) => board.setNoteColor(doc, id, color),
      toggleVote: (id) => board.toggleVote(doc, id, me),
      deleteNote: (id) => board.deleteNote(doc, id),
      addNote: (columnId) => setEditingId(board.addNote(doc, { columnId, createdBy: me })),
      renameColumn: (id, title) => board.renameColumn(doc, id, title),
      deleteColumn: (id, count) => {
        if (window.confirm(t('collab.board.confirmDeleteColumn', { count }))) board.deleteColumn(doc, id);
      },
      addColumn: (title) => board.addColumn(doc, title),
      registerColumnBody: (id, el) => {
        if (el) columnBodies.set(id, el);
        else columnBodies.delete(id);
      },
    }),
    [canEdit, me, editingId, doc, onNotePointerDown, onNoteKeyDown, columnBodies, t],
  );
  return { interaction, columnBodies };
}

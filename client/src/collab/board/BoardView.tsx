import type { HTMLAttributes, Ref } from 'react';
import { AddColumnForm } from './AddColumnForm';
import { BoardColumnView } from './BoardColumnView';
import type { BoardSnapshot } from './boardDoc';
import { columnBodyHeight, type NotePlace } from './boardGeometry';
import { useBoardInteraction } from './boardInteraction';

export interface BoardViewProps extends HTMLAttributes<HTMLDivElement> {
  board: BoardSnapshot;
  /** A note being dragged, shown where the pointer is, ahead of the (throttled) document writes. */
  moving?: (NotePlace & { noteId: string }) | null;
  ref?: Ref<HTMLDivElement>;
}

/** The columns side by side with their notes; the live board and the version preview both use it. */
export function BoardView({ board, moving = null, ref, className, ...rest }: BoardViewProps) {
  const interaction = useBoardInteraction();
  const notes = moving ? board.notes.map((n) => (n.id === moving.noteId ? { ...n, columnId: moving.columnId, x: moving.x, y: moving.y } : n)) : board.notes;
  const height = columnBodyHeight(notes);
  return (
    <div className={`board${moving ? ' is-dragging' : ''}${className ? ` ${className}` : ''}`} ref={ref} {...rest}>
      {board.columns.map((c) => (
        <BoardColumnView key={c.id} column={c} notes={notes.filter((n) => n.columnId === c.id)} bodyHeight={height} draggingId={moving?.noteId ?? null} />
      ))}
      {interaction?.canEdit && <AddColumnForm onAdd={interaction.addColumn} />}
    </div>
  );
}

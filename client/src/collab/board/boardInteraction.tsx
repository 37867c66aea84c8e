import { createContext, useContext, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { BoardNote } from './boardDoc';
import type { NoteColor } from './boardGeometry';

/** What the live board lets people do; the version preview renders the same board without it. */
export interface BoardInteraction {
  /** Whether I may change the board (founders). */
  canEdit: boolean;
  /** My user id (for my vote). */
  myId: string;
  /** The note whose text box is open, if any. */
  editingId: string | null;
  startEditing: (noteId: string) => void;
  /** Closes the text box, saving `text` unless it is null (Escape). */
  finishEditing: (noteId: string, text: string | null) => void;
  onNotePointerDown: (noteId: string, e: PointerEvent<HTMLElement>) => void;
  onNoteKeyDown: (note: BoardNote, e: KeyboardEvent<HTMLElement>) => void;
  setColor: (noteId: string, color: NoteColor) => void;
  toggleVote: (noteId: string) => void;
  deleteNote: (noteId: string) => void;
  addNote: (columnId: string) => void;
  renameColumn: (columnId: string, title: string) => void;
  deleteColumn: (columnId: string, noteCount: number) => void;
  addColumn: (title: string) => void;
  /** Keeps the element of a column's body, to find the column under a dragged note. */
  registerColumnBody: (columnId: string, el: HTMLElement | null) => void;
}

const Context = createContext<BoardInteraction | null>(null);

export function BoardInteractionProvider({ value, children }: { value: BoardInteraction; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The live board's actions, or null in a read-only rendering (version preview). */
export function useBoardInteraction(): BoardInteraction | null {
  return useContext(Context);
}

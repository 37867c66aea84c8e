import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type * as Y from 'yjs';
import { createThrottle } from '../throttle';
import { moveNote } from './boardDoc';
import { placeFromPointer, type ColumnBox, type NotePlace } from './boardGeometry';

/** Writes of a note being dragged: at most 20 a second, so others see it move without a flood. */
export const DRAG_WRITE_MS = 50;
/** Pointer travel before a press becomes a drag (so a click still focuses or votes). */
const DRAG_THRESHOLD_PX = 4;

/** The note being dragged and where it is now (ahead of the throttled writes). */
export interface DragOverride extends NotePlace {
  noteId: string;
}

interface Press {
  noteId: string;
  pointerId: number;
  startX: number;
  startY: number;
  grab: { dx: number; dy: number };
  dragging: boolean;
}

/**
 * Mouse/touch dragging of notes between and within columns. The board captures the pointer (a note
 * that changes column is re-mounted under the new one), shows the note under the pointer at once and
 * writes its place to the document, throttled; the drop is always written.
 */
export function useNoteDrag(doc: Y.Doc, boardRef: RefObject<HTMLElement | null>, columnBoxes: () => ColumnBox[]) {
  const [override, setOverride] = useState<DragOverride | null>(null);
  const press = useRef<Press | null>(null);
  const [writer] = useState(() => createThrottle((id: string, place: NotePlace) => moveNote(doc, id, place), DRAG_WRITE_MS));
  useEffect(() => () => writer.cancel(), [writer]);

  /** Starts a press on a note (editors only; not on its buttons or text box). */
  const onNotePointerDown = useCallback(
    (noteId: string, e: ReactPointerEvent<HTMLElement>) => {
      if (e.button !== 0 || (e.target as HTMLElement).closest('button, textarea, input, [role="menu"]')) return;
      const rect = e.currentTarget.getBoundingClientRect();
      press.current = { noteId, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, grab: { dx: e.clientX - rect.left, dy: e.clientY - rect.top }, dragging: false };
      boardRef.current?.setPointerCapture(e.pointerId);
    },
    [boardRef],
  );

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      const p = press.current;
      if (!p || p.pointerId !== e.pointerId) return;
      if (!p.dragging && Math.hypot(e.clientX - p.startX, e.clientY - p.startY) < DRAG_THRESHOLD_PX) return;
      p.dragging = true;
      const place = placeFromPointer({ x: e.clientX, y: e.clientY }, p.grab, columnBoxes());
      if (!place) return;
      setOverride({ noteId: p.noteId, ...place });
      writer.call(p.noteId, place);
    },
    [columnBoxes, writer],
  );

  const onPointerEnd = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      const p = press.current;
      if (!p || p.pointerId !== e.pointerId) return;
      press.current = null;
      if (boardRef.current?.hasPointerCapture(e.pointerId)) boardRef.current.releasePointerCapture(e.pointerId);
      if (p.dragging) writer.flush();
      setOverride(null);
    },
    [boardRef, writer],
  );

  return { override, onNotePointerDown, boardHandlers: { onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd } };
}

/**
 * Where notes sit on the board. A note's `x`/`y` are pixels from the top-left of its column's body,
 * so a column can move (another is added before it) without moving its notes.
 */

/** Width of a column, in px (its body is this minus the padding on both sides). */
export const COLUMN_WIDTH = 280;
export const COLUMN_PADDING = 12;
export const NOTE_WIDTH = 208;
/** Vertical room one note takes when notes are stacked (its usual height plus a gap). */
export const NOTE_SLOT = 124;
/** How far right a note can go inside its column. */
export const MAX_X = COLUMN_WIDTH - 2 * COLUMN_PADDING - NOTE_WIDTH;
/** How far down a note can go (keeps a runaway drag from making a kilometre-long column). */
export const MAX_Y = 4_000;
/** One arrow-key move, in px. */
export const KEY_STEP = 16;
/** Empty space kept below the lowest note, so there is always room to drop one. */
export const COLUMN_TAIL = 160;

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const isNoteColor = (v: unknown): v is NoteColor => NOTE_COLORS.includes(v as NoteColor);

/** Where a note is: its column and its offset inside it. */
export interface NotePlace {
  columnId: string;
  x: number;
  y: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps a place inside its column, in whole pixels. */
export function clampPlace(p: NotePlace): NotePlace {
  return { columnId: p.columnId, x: clamp(Math.round(p.x), 0, MAX_X), y: clamp(Math.round(p.y), 0, MAX_Y) };
}

/** A column's body on screen (client coordinates). */
export interface ColumnBox {
  id: string;
  left: number;
  top: number;
  width: number;
}

/**
 * Where a dragged note lands: in the column under the pointer (else the nearest one), with its
 * top-left corner where the pointer is minus where the note was grabbed. Null with no columns.
 */
export function placeFromPointer(pointer: { x: number; y: number }, grab: { dx: number; dy: number }, columns: ColumnBox[]): NotePlace | null {
  if (columns.length === 0) return null;
  const distance = (c: ColumnBox) => (pointer.x < c.left ? c.left - pointer.x : pointer.x > c.left + c.width ? pointer.x - c.left - c.width : 0);
  const target = columns.reduce((best, c) => (distance(c) < distance(best) ? c : best));
  return clampPlace({ columnId: target.id, x: pointer.x - grab.dx - target.left, y: pointer.y - grab.dy - target.top });
}

/**
 * The place after an arrow key on a focused note: Up/Down/Left/Right nudge it by KEY_STEP;
 * Alt+Left/Right move it to the previous/next column at the same height. Null when it cannot move.
 */
export function keyboardMove(place: NotePlace, key: string, alt: boolean, columnIds: readonly string[]): NotePlace | null {
  let next: NotePlace;
  if (alt && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    const i = columnIds.indexOf(place.columnId);
    const j = i + (key === 'ArrowLeft' ? -1 : 1);
    if (i === -1 || j < 0 || j >= columnIds.length) return null;
    next = { ...place, columnId: columnIds[j]! };
  } else if (key === 'ArrowUp') next = { ...place, y: place.y - KEY_STEP };
  else if (key === 'ArrowDown') next = { ...place, y: place.y + KEY_STEP };
  else if (key === 'ArrowLeft') next = { ...place, x: place.x - KEY_STEP };
  else if (key === 'ArrowRight') next = { ...place, x: place.x + KEY_STEP };
  else return null;
  next = clampPlace(next);
  return next.columnId === place.columnId && next.x === place.x && next.y === place.y ? null : next;
}

/** Where a new note goes in a column: below the lowest one. */
export function nextFreeY(notes: readonly { y: number }[]): number {
  if (notes.length === 0) return 0;
  return Math.min(MAX_Y, Math.max(...notes.map((n) => n.y)) + NOTE_SLOT);
}

/** How tall a column's body must be to show all its notes, with room below to drop one more. */
export function columnBodyHeight(notes: readonly { y: number }[]): number {
  return Math.max(360, (notes.length ? Math.max(...notes.map((n) => n.y)) + NOTE_SLOT : 0) + COLUMN_TAIL);
}

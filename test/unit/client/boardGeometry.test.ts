import { describe, expect, it } from 'vitest';
import {
  clampPlace,
  columnBodyHeight,
  KEY_STEP,
  keyboardMove,
  MAX_X,
  MAX_Y,
  nextFreeY,
  NOTE_SLOT,
  placeFromPointer,
  type ColumnBox,
} from '../../../client/src/collab/board/boardGeometry.js';

const columns: ColumnBox[] = [
  { id: 'ideas', left: 100, top: 200, width: 256 },
  { id: 'doing', left: 396, top: 200, width: 256 },
  { id: 'done', left: 692, top: 200, width: 256 },
];
const ids = columns.map((c) => c.id);

describe('board geometry (where notes go)', () => {
  it('keeps a place inside its column, in whole pixels', () => {
    expect(clampPlace({ columnId: 'a', x: -5, y: -1 })).toEqual({ columnId: 'a', x: 0, y: 0 });
    expect(clampPlace({ columnId: 'a', x: 999, y: 99_999 })).toEqual({ columnId: 'a', x: MAX_X, y: MAX_Y });
    expect(clampPlace({ columnId: 'a', x: 10.6, y: 20.4 })).toEqual({ columnId: 'a', x: 11, y: 20 });
  });

  it('drops a dragged note in the column under the pointer, offset by where it was grabbed', () => {
    expect(placeFromPointer({ x: 450, y: 350 }, { dx: 20, dy: 10 }, columns)).toEqual({ columnId: 'doing', x: 34, y: 140 });
    expect(placeFromPointer({ x: 120, y: 205 }, { dx: 30, dy: 30 }, columns)).toEqual({ columnId: 'ideas', x: 0, y: 0 });
  });

  it('between or beyond columns, picks the nearest one', () => {
    expect(placeFromPointer({ x: 360, y: 300 }, { dx: 0, dy: 0 }, columns)?.columnId).toBe('ideas'); // 4px right of ideas, 36px left of doing
    expect(placeFromPointer({ x: 390, y: 300 }, { dx: 0, dy: 0 }, columns)?.columnId).toBe('doing');
    expect(placeFromPointer({ x: 5000, y: 300 }, { dx: 0, dy: 0 }, columns)?.columnId).toBe('done');
    expect(placeFromPointer({ x: 0, y: 300 }, { dx: 0, dy: 0 }, columns)?.columnId).toBe('ideas');
    expect(placeFromPointer({ x: 0, y: 0 }, { dx: 0, dy: 0 }, [])).toBeNull();
  });

  it('arrow keys nudge a note by one step and stop at the edges', () => {
    const p = { columnId: 'doing', x: 16, y: 32 };
    expect(keyboardMove(p, 'ArrowDown', false, ids)).toEqual({ ...p, y: 32 + KEY_STEP });
    expect(keyboardMove(p, 'ArrowUp', false, ids)).toEqual({ ...p, y: 32 - KEY_STEP });
    expect(keyboardMove(p, 'ArrowLeft', false, ids)).toEqual({ ...p, x: 0 });
    expect(keyboardMove(p, 'ArrowRight', false, ids)).toEqual({ ...p, x: 32 });
    expect(keyboardMove({ columnId: 'doing', x: 0, y: 0 }, 'ArrowUp', false, ids)).toBeNull();
    expect(keyboardMove({ columnId: 'doing', x: 0, y: 0 }, 'ArrowLeft', false, ids)).toBeNull();
    expect(keyboardMove(p, 'Enter', false, ids)).toBeNull();
  });

  it('Alt+←/→ moves a note to the previous/next column at the same height, not past the ends', () => {
    const p = { columnId: 'doing', x: 8, y: 120 };
    expect(keyboardMove(p, 'ArrowLeft', true, ids)).toEqual({ ...p, columnId: 'ideas' });
    expect(keyboardMove(p, 'ArrowRight', true, ids)).toEqual({ ...p, columnId: 'done' });
    expect(keyboardMove({ ...p, columnId: 'ideas' }, 'ArrowLeft', true, ids)).toBeNull();
    expect(keyboardMove({ ...p, columnId: 'done' }, 'ArrowRight', true, ids)).toBeNull();
    expect(keyboardMove({ ...p, columnId: 'gone' }, 'ArrowRight', true, ids)).toBeNull();
    // Alt+↑/↓ are plain nudges.
    expect(keyboardMove(p, 'ArrowDown', true, ids)).toEqual({ ...p, y: 120 + KEY_STEP });
  });

  it('stacks new notes below the lowest one and sizes columns to fit', () => {
    expect(nextFreeY([])).toBe(0);
    expect(nextFreeY([{ y: 0 }, { y: 300 }, { y: 40 }])).toBe(300 + NOTE_SLOT);
    expect(nextFreeY([{ y: MAX_Y }])).toBe(MAX_Y);
    expect(columnBodyHeight([])).toBe(360);
    expect(columnBodyHeight([{ y: 600 }])).toBeGreaterThan(600 + NOTE_SLOT);
  });
});

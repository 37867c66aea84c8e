import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { cellKey, cellRange, parseCellKey, withCells, type GridCell } from './availabilityGrid';

interface Drag {
  from: GridCell;
  to: GridCell;
  /** Whether the drag switches cells on (it started on an off cell) or off. */
  on: boolean;
}

/** The grid cell under a point, from the `data-cell` of the button there. */
function cellAt(x: number, y: number): GridCell | null {
  const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-cell]');
  return el ? parseCellKey(el.dataset.cell ?? '') : null;
}

/**
 * Click-and-drag painting on the availability grid: pressing on a cell starts a rectangle that switches
 * cells to the opposite of that first cell; moving extends it (mouse, pen or touch); releasing commits it.
 * A keyboard click (Space / Enter) toggles one cell.
 */
export function useGridPaint(cells: ReadonlySet<string>, onChange: (cells: Set<string>) => void) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const cellsRef = useRef(cells);
  cellsRef.current = cells;
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  const set = (d: Drag | null) => {
    dragRef.current = d;
    setDrag(d);
  };

  const dragging = drag !== null;
  // Listeners only while a drag is on; they read the latest drag and cells through refs.
  useEffect(() => {
    if (!dragging) return;
    const commit = () => {
      const d = dragRef.current;
      set(null);
      if (d) changeRef.current(withCells(cellsRef.current, cellRange(d.from, d.to), d.on));
    };
    const cancel = () => set(null);
    window.addEventListener('pointerup', commit);
    window.addEventListener('pointercancel', cancel);
    return () => {
      window.removeEventListener('pointerup', commit);
      window.removeEventListener('pointercancel', cancel);
    };
  }, [dragging]);

  const onPointerDown = useCallback((cell: GridCell, e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    // NOTE: touch captures the pointer to the first cell; release it so the move handler can follow the finger.
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    set({ from: cell, to: cell, on: !cellsRef.current.has(cellKey(cell.weekday, cell.index)) });
  }, []);

  const onPointerMove = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    const d = dragRef.current;
    if (!d) return;
    const cell = cellAt(e.clientX, e.clientY);
    if (cell && (cell.weekday !== d.to.weekday || cell.index !== d.to.index)) set({ ...d, to: cell });
  }, []);

  /** Keyboard activation only (a pointer click was already handled by the drag). */
  const onClick = useCallback((cell: GridCell, detail: number) => {
    if (detail !== 0) return;
    const key = cellKey(cell.weekday, cell.index);
    changeRef.current(withCells(cellsRef.current, [key], !cellsRef.current.has(key)));
  }, []);

  const shown = useMemo(() => (drag ? withCells(cells, cellRange(drag.from, drag.to), drag.on) : cells), [cells, drag]);
  return { shown, dragging, onPointerDown, onPointerMove, onClick };
}

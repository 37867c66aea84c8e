/**
 * The weekly availability grid: 7 days × 48 half-hour cells in the mentor's zone. Toggled cells become
 * weekly windows (adjacent cells on one day merge) and windows become cells again. Pure functions.
 */
import type { WeeklyWindow } from '../../../shared/officeHours';

/** Minutes per grid cell. */
export const CELL_MINUTES = 30;
/** Cells per day (00:00 … 23:30). */
export const CELLS_PER_DAY = (24 * 60) / CELL_MINUTES;
/** ISO weekdays, Monday = 1. */
export const GRID_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** NOTE: "24:00" is not a valid wall time in the protocol, so a window that runs to midnight ends at 23:59. */
const END_OF_DAY = '23:59';

/** One cell: an ISO weekday and the index of its half hour (0 = 00:00, 47 = 23:30). */
export interface GridCell {
  weekday: number;
  index: number;
}

/** The key of a cell in a set of selected cells: "weekday:index". */
export const cellKey = (weekday: number, index: number): string => `${weekday}:${index}`;

/** Parses a cell key; null when it is not one. */
export function parseCellKey(key: string): GridCell | null {
  const m = /^([1-7]):(\d{1,2})$/.exec(key);
  if (!m) return null;
  const index = Number(m[2]);
  return index < CELLS_PER_DAY ? { weekday: Number(m[1]), index } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "HH:MM" of a cell's start. */
export const cellTime = (index: number): string => `${pad(Math.floor((index * CELL_MINUTES) / 60))}:${pad((index * CELL_MINUTES) % 60)}`;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The cells a set of windows touches (a window that starts or ends inside a cell selects the whole cell). */
export function windowsToCells(weekly: readonly WeeklyWindow[]): Set<string> {
  const cells = new Set<string>();
  for (const w of weekly) {
    const start = Math.floor(minutesOf(w.start) / CELL_MINUTES);
    const end = w.end === END_OF_DAY ? CELLS_PER_DAY : Math.ceil(minutesOf(w.end) / CELL_MINUTES);
    for (let i = start; i < Math.min(end, CELLS_PER_DAY); i++) cells.add(cellKey(w.weekday, i));
  }
  return cells;
}

/** Weekly windows from selected cells: each run of adjacent cells on one day is one window, sorted. */
export function cellsToWindows(cells: Iterable<string>): WeeklyWindow[] {
  const byDay = new Map<number, number[]>();
  for (const key of cells) {
    const c = parseCellKey(key);
    if (!c) continue;
    byDay.set(c.weekday, [...(byDay.get(c.weekday) ?? []), c.index]);
  }
  const out: WeeklyWindow[] = [];
  for (const weekday of [...byDay.keys()].sort((a, b) => a - b)) {
    const indexes = [...new Set(byDay.get(weekday))].sort((a, b) => a - b);
    let runStart = indexes[0]!;
    for (let i = 1; i <= indexes.length; i++) {
      if (i < indexes.length && indexes[i] === indexes[i - 1]! + 1) continue;
      const runEnd = indexes[i - 1]! + 1;
      out.push({ weekday, start: cellTime(runStart), end: runEnd >= CELLS_PER_DAY ? END_OF_DAY : cellTime(runEnd) });
      if (i < indexes.length) runStart = indexes[i]!;
    }
  }
  return out;
}

/** Whether every window starts and ends on a cell boundary (else saving from the grid rounds them). */
export function fitsGrid(weekly: readonly WeeklyWindow[]): boolean {
  const onBoundary = (hhmm: string) => hhmm === END_OF_DAY || minutesOf(hhmm) % CELL_MINUTES === 0;
  return weekly.every((w) => onBoundary(w.start) && onBoundary(w.end));
}

/** A copy of `cells` with `keys` switched on or off. */
export function withCells(cells: ReadonlySet<string>, keys: Iterable<string>, on: boolean): Set<string> {
  const next = new Set(cells);
  for (const k of keys) {
    if (on) next.add(k);
    else next.delete(k);
  }
  return next;
}

/** The cells of the rectangle spanned by two cells (a drag from `a` to `b`). */
export function cellRange(a: GridCell, b: GridCell): string[] {
  const keys: string[] = [];
  for (let d = Math.min(a.weekday, b.weekday); d <= Math.max(a.weekday, b.weekday); d++) {
    for (let i = Math.min(a.index, b.index); i <= Math.max(a.index, b.index); i++) keys.push(cellKey(d, i));
  }
  return keys;
}

/** Where the keyboard focus goes from `at` for a key (arrows, Home/End, PageUp/PageDown); null for other keys. */
export function moveInGrid(at: GridCell, key: string): GridCell | null {
  const clampDay = (d: number) => Math.min(7, Math.max(1, d));
  const clampIndex = (i: number) => Math.min(CELLS_PER_DAY - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowLeft':
      return { ...at, weekday: clampDay(at.weekday - 1) };
    case 'ArrowRight':
      return { ...at, weekday: clampDay(at.weekday + 1) };
    case 'ArrowUp':
      return { ...at, index: clampIndex(at.index - 1) };
    case 'ArrowDown':
      return { ...at, index: clampIndex(at.index + 1) };
    case 'PageUp':
      return { ...at, index: clampIndex(at.index - 4) };
    case 'PageDown':
      return { ...at, index: clampIndex(at.index + 4) };
    case 'Home':
      return { ...at, weekday: 1 };
    case 'End':
      return { ...at, weekday: 7 };
    default:
      return null;
  }
}

import { describe, expect, it } from 'vitest';
import {
  cellKey,
  cellRange,
  cellsToWindows,
  cellTime,
  CELLS_PER_DAY,
  fitsGrid,
  moveInGrid,
  parseCellKey,
  windowsToCells,
  withCells,
} from '../../../client/src/officeHours/availabilityGrid.js';

const keys = (weekday: number, from: number, to: number) => Array.from({ length: to - from }, (_, i) => cellKey(weekday, from + i));

describe('availability grid: half-hour cells ↔ weekly windows', () => {
  it('names cells by their start', () => {
    expect(CELLS_PER_DAY).toBe(48);
    expect(cellTime(0)).toBe('00:00');
    expect(cellTime(19)).toBe('09:30');
    expect(cellTime(47)).toBe('23:30');
    expect(parseCellKey('3:19')).toEqual({ weekday: 3, index: 19 });
    expect(parseCellKey('8:1')).toBeNull();
    expect(parseCellKey('1:48')).toBeNull();
  });

  it('merges adjacent cells of a day into one window and keeps separate runs apart', () => {
    const cells = new Set([...keys(2, 18, 24), ...keys(2, 28, 30), ...keys(5, 0, 2)]);
    expect(cellsToWindows(cells)).toEqual([
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 2, start: '14:00', end: '15:00' },
      { weekday: 5, start: '00:00', end: '01:00' },
    ]);
  });

  it('ends a window that runs to midnight at 23:59 (24:00 is not a wall time) and reads it back', () => {
    const windows = cellsToWindows(keys(7, 46, 48));
    expect(windows).toEqual([{ weekday: 7, start: '23:00', end: '23:59' }]);
    expect([...windowsToCells(windows)].sort()).toEqual(keys(7, 46, 48).sort());
  });

  it('round-trips windows on the half hour exactly', () => {
    const weekly = [
      { weekday: 1, start: '14:00', end: '17:00' },
      { weekday: 3, start: '09:30', end: '10:30' },
    ];
    expect(fitsGrid(weekly)).toBe(true);
    expect(windowsToCells(weekly).size).toBe(6 + 2);
    expect(cellsToWindows(windowsToCells(weekly))).toEqual(weekly);
  });

  it('rounds windows off the half hour outwards to whole cells, and says so', () => {
    const weekly = [{ weekday: 4, start: '09:15', end: '10:10' }];
    expect(fitsGrid(weekly)).toBe(false);
    expect(cellsToWindows(windowsToCells(weekly))).toEqual([{ weekday: 4, start: '09:00', end: '10:30' }]);
  });

  it('merges overlapping windows of one day', () => {
    const weekly = [
      { weekday: 1, start: '09:00', end: '10:00' },
      { weekday: 1, start: '09:30', end: '11:00' },
    ];
    expect(cellsToWindows(windowsToCells(weekly))).toEqual([{ weekday: 1, start: '09:00', end: '11:00' }]);
  });

  it('paints a dragged rectangle on or off', () => {
    const range = cellRange({ weekday: 3, index: 20 }, { weekday: 2, index: 18 });
    expect(range).toHaveLength(2 * 3);
    const on = withCells(new Set(), range, true);
    expect(cellsToWindows(on)).toEqual([
      { weekday: 2, start: '09:00', end: '10:30' },
      { weekday: 3, start: '09:00', end: '10:30' },
    ]);
    const off = withCells(on, [cellKey(2, 19)], false);
    expect(cellsToWindows(off).filter((w) => w.weekday === 2)).toEqual([
      { weekday: 2, start: '09:00', end: '09:30' },
      { weekday: 2, start: '10:00', end: '10:30' },
    ]);
  });

  it('moves the keyboard focus within the grid and stops at its edges', () => {
    expect(moveInGrid({ weekday: 1, index: 0 }, 'ArrowUp')).toEqual({ weekday: 1, index: 0 });
    expect(moveInGrid({ weekday: 1, index: 0 }, 'ArrowLeft')).toEqual({ weekday: 1, index: 0 });
    expect(moveInGrid({ weekday: 7, index: 47 }, 'ArrowDown')).toEqual({ weekday: 7, index: 47 });
    expect(moveInGrid({ weekday: 3, index: 10 }, 'ArrowRight')).toEqual({ weekday: 4, index: 10 });
    expect(moveInGrid({ weekday: 3, index: 10 }, 'PageDown')).toEqual({ weekday: 3, index: 14 });
    expect(moveInGrid({ weekday: 3, index: 10 }, 'End')).toEqual({ weekday: 7, index: 10 });
    expect(moveInGrid({ weekday: 3, index: 10 }, 'a')).toBeNull();
  });
});

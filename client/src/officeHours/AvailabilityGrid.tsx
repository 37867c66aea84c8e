import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { cellKey, CELLS_PER_DAY, cellTime, GRID_WEEKDAYS, moveInGrid, parseCellKey, type GridCell } from './availabilityGrid';
import { useGridPaint } from './useGridPaint';

const ROWS = Array.from({ length: CELLS_PER_DAY }, (_, i) => i);
/** Where the grid scrolls to when nothing is selected yet. */
const DEFAULT_FOCUS: GridCell = { weekday: 1, index: 18 };

/** Short weekday names in the UI language, Monday first (1 Jan 2024 was a Monday). */
function useWeekdayNames(): string[] {
  const { locale } = useTimeFormat();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    return GRID_WEEKDAYS.map((d) => f.format(new Date(Date.UTC(2024, 0, d))));
  }, [locale]);
}

/**
 * The weekly grid, 7 days × 48 half hours in the mentor's zone. Click or drag to switch cells on or off;
 * with the keyboard, arrows move (one focusable cell at a time) and Space / Enter toggles.
 */
export function AvailabilityGrid({ cells, timeZone, onChange }: { cells: ReadonlySet<string>; timeZone: string; onChange: (cells: Set<string>) => void }) {
  const { t } = useTranslation();
  const { locale } = useTimeFormat();
  const days = useWeekdayNames();
  const paint = useGridPaint(cells, onChange);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<GridCell>(() => firstCell(cells) ?? DEFAULT_FOCUS);

  // NOTE: once, on mount: start scrolled to the first selected hour (or the morning), not to midnight.
  useEffect(() => {
    const box = scrollRef.current;
    const el = box?.querySelector<HTMLElement>(`[data-cell="${cellKey(focus.weekday, focus.index)}"]`);
    if (box && el) box.scrollTop = Math.max(0, el.offsetTop - 48);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = moveInGrid(focus, e.key);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(next.weekday, next.index)}"]`)?.focus();
  };

  return (
    <div
      ref={scrollRef}
      className={`oh-grid-scroll${paint.dragging ? ' is-dragging' : ''}`}
      data-testid="oh-availability-grid"
      role="grid"
      aria-label={t('officeHours.availability.gridLabel', { zone: zoneLabel(timeZone, locale) })}
      aria-rowcount={CELLS_PER_DAY + 1}
      onKeyDown={onKeyDown}
      onPointerMove={paint.onPointerMove}
    >
      <div className="oh-grid-row oh-grid-head" role="row">
        <span className="oh-grid-corner" role="columnheader" />
        {days.map((d) => (
          <span key={d} className="oh-grid-day" role="columnheader">
            {d}
          </span>
        ))}
      </div>
      {ROWS.map((index) => (
        <GridRow
          key={index}
          index={index}
          days={days}
          shown={paint.shown}
          focus={focus}
          onFocusCell={setFocus}
          onPointerDown={paint.onPointerDown}
          onClickCell={paint.onClick}
        />
      ))}
    </div>
  );
}

interface GridRowProps {
  index: number;
  days: string[];
  shown: ReadonlySet<string>;
  focus: GridCell;
  onFocusCell: (c: GridCell) => void;
  onPointerDown: (c: GridCell, e: ReactPointerEvent<HTMLElement>) => void;
  onClickCell: (c: GridCell, detail: number) => void;
}

const GridRow = memo(function GridRow({ index, days, shown, focus, onFocusCell, onPointerDown, onClickCell }: GridRowProps) {
  const { t } = useTranslation();
  const time = cellTime(index);
  const end = cellTime((index + 1) % CELLS_PER_DAY);
  return (
    <div className={`oh-grid-row${index % 2 === 0 ? ' oh-grid-row--hour' : ''}`} role="row">
      <span className="oh-grid-time" role="rowheader">
        {index % 2 === 0 ? time : ''}
      </span>
      {GRID_WEEKDAYS.map((weekday, i) => {
        const key = cellKey(weekday, index);
        const on = shown.has(key);
        const cell = { weekday, index };
        return (
          <span key={weekday} role="gridcell" className="oh-grid-cellwrap">
            <button
              type="button"
              className={`oh-grid-cell${on ? ' is-on' : ''}`}
              data-testid="oh-grid-cell"
              data-cell={key}
              data-weekday={weekday}
              data-time={time}
              aria-pressed={on}
              aria-label={t('officeHours.availability.cellLabel', { day: days[i], start: time, end })}
              tabIndex={focus.weekday === weekday && focus.index === index ? 0 : -1}
              onFocus={() => onFocusCell(cell)}
              onPointerDown={(e) => onPointerDown(cell, e)}
              onClick={(e) => onClickCell(cell, e.detail)}
            />
          </span>
        );
      })}
    </div>
  );
});

/** The earliest selected cell (by time of day, then weekday), to focus and scroll to. */
function firstCell(cells: ReadonlySet<string>): GridCell | null {
  let best: GridCell | null = null;
  for (const k of cells) {
    const c = parseCellKey(k);
    if (c && (!best || c.index < best.index || (c.index === best.index && c.weekday < best.weekday))) best = c;
  }
  return best;
}

import { describe, expect, it } from 'vitest';
import { dateToWallTime, formatOffset, formatTime, wallTimeToDate, zoneOffsetMinutes } from '../../../client/src/lib/time.js';

describe('client time helpers (times in the viewer’s zone)', () => {
  const instant = '2026-11-28T13:00:00.000Z';

  it('formats one instant in each viewer’s own zone', () => {
    expect(formatTime(instant, 'Asia/Shanghai', 'en-GB')).toMatch(/21:00/);
    expect(formatTime(instant, 'America/New_York', 'en-GB')).toMatch(/08:00/);
    expect(formatTime(instant, 'Europe/London', 'en-GB')).toMatch(/13:00/);
  });

  it('knows zone offsets, including daylight saving', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', new Date(instant))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-07-15T12:00:00Z'))).toBe(-240);
    expect(formatOffset(480)).toBe('UTC+08:00');
    expect(formatOffset(-300)).toBe('UTC−05:00');
    expect(formatOffset(0)).toBe('UTC');
  });

  it('turns a wall-clock time in a chosen zone into the right instant, across DST changes', () => {
    expect(wallTimeToDate('2026-11-28T21:00', 'Asia/Shanghai')!.toISOString()).toBe(instant);
    // New York: 09:00 the day before and the day after the March 8, 2026 switch.
    expect(wallTimeToDate('2026-03-07T09:00', 'America/New_York')!.toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(wallTimeToDate('2026-03-09T09:00', 'America/New_York')!.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(wallTimeToDate('garbage', 'UTC')).toBeNull();
  });

  it('round-trips wall time ↔ instant', () => {
    const at = new Date('2026-12-01T02:30:00Z');
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata']) {
      expect(wallTimeToDate(dateToWallTime(at, tz), tz)!.getTime()).toBe(at.getTime());
    }
  });
});

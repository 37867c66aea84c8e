/**
 * Time helpers. Every time is shown in the viewer's zone with Intl, in the UI language; a roadshow
 * also names its organiser's zone. Pure functions (no React) so they are easy to test.
 */

/** The Intl locale used for a UI language: en → en-GB (24h, "Sat 28 Nov"), zh → zh-CN. */
export function localeFor(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-GB';
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own IANA zone (UTC when the runtime can't tell). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// NOTE: building Intl formatters is slow; lists of cards format hundreds of times per render.
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const toDate = (value: string | Date | number) => (value instanceof Date ? value : new Date(value));

/** "Sat 28 Nov, 21:00" / "11月28日周六 21:00" */
export function formatDateTime(value: string | Date | number, timeZone: string, locale: string): string {
  return dtf(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    toDate(value),
  );
}

/** "28 Nov 2025" / "2025年11月28日" */
export function formatDate(value: string | Date | number, timeZone: string, locale: string): string {
  return dtf(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(toDate(value));
}

/** "21:00" */
export function formatTime(value: string | Date | number, timeZone: string, locale: string): string {
  return dtf(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(toDate(value));
}

/** "Sat 21:00" — for the organiser's side of a roadshow time, where the day may differ. */
export function formatWeekdayTime(value: string | Date | number, timeZone: string, locale: string): string {
  return dtf(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(toDate(value));
}

/** The readable city of an IANA zone: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** Minutes the zone is ahead of UTC at `at` (e.g. +480 for Asia/Shanghai). */
export function zoneOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const parts = dtf('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** "UTC+08:00", "UTC−05:00", "UTC" */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Interprets a wall-clock "YYYY-MM-DDTHH:mm" (a datetime-local value) in `timeZone` and returns the
 * instant. Returns null for malformed input.
 */
export function wallTimeToDate(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // NOTE: two passes, because the offset at the guessed instant may differ across a DST change.
  let utc = asUtc - zoneOffsetMinutes(timeZone, new Date(asUtc)) * 60_000;
  utc = asUtc - zoneOffsetMinutes(timeZone, new Date(utc)) * 60_000;
  return new Date(utc);
}

/** The wall clock of `at` in `timeZone` as a datetime-local value "YYYY-MM-DDTHH:mm". */
export function dateToWallTime(at: Date, timeZone: string): string {
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const rtfs = new Map<string, Intl.RelativeTimeFormat>();
function rtf(locale: string): Intl.RelativeTimeFormat {
  let f = rtfs.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    rtfs.set(locale, f);
  }
  return f;
}

/** "in 2 days", "5 minutes ago", "now" — the nearest sensible unit. */
export function formatRelative(value: string | Date | number, now: number, locale: string): string {
  const diffSec = (toDate(value).getTime() - now) / 1000;
  const abs = Math.abs(diffSec);
  const f = rtf(locale);
  if (abs < 45) return f.format(0, 'second');
  if (abs < 45 * 60) return f.format(Math.round(diffSec / 60), 'minute');
  if (abs < 22 * 3600) return f.format(Math.round(diffSec / 3600), 'hour');
  if (abs < 6.5 * 86400) return f.format(Math.round(diffSec / 86400), 'day');
  if (abs < 30 * 86400) return f.format(Math.round(diffSec / (7 * 86400)), 'week');
  if (abs < 365 * 86400) return f.format(Math.round(diffSec / (30 * 86400)), 'month');
  return f.format(Math.round(diffSec / (365 * 86400)), 'year');
}

let zoneList: string[] | null = null;

/** Every IANA zone this browser knows, plus UTC. */
export function allTimeZones(): string[] {
  if (!zoneList) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [browserTimeZone()];
    }
    zoneList = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return zoneList;
}

/** The parts of a calendar tile: { day: "28", month: "Nov" } / { day: "28", month: "11月" }. */
export function calendarTile(value: string | Date | number, timeZone: string, locale: string): { day: string; month: string } {
  const d = toDate(value);
  const day = dtf(locale, { day: 'numeric', timeZone }).formatToParts(d).find((p) => p.type === 'day')?.value ?? '';
  const month = dtf(locale, { month: 'short', timeZone }).format(d);
  return { day, month };
}

/**
 * A short, localized name for a zone: the city in English ("New York"), ICU's long generic name in
 * Chinese ("北美东部时间"), since IANA city names are English-only. NOTE: not `shortGeneric` — Chrome's
 * trimmed ICU data lacks Chinese city names and yields "New York时间".
 */
export function zoneLabel(timeZone: string, locale: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  if (!locale.startsWith('zh')) return zoneCity(timeZone);
  const name = dtf(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && !name.startsWith('GMT') ? name : zoneCity(timeZone);
}

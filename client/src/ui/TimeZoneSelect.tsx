import { useMemo } from 'react';
import { allTimeZones, formatOffset, zoneOffsetMinutes } from '../lib/time';

interface ZoneOption {
  zone: string;
  offset: number;
  label: string;
}

let cached: ZoneOption[] | null = null;
// NOTE: ~430 zones; offsets are computed once per page load (they only matter to within a DST change).
function zoneOptions(): ZoneOption[] {
  if (!cached) {
    const now = new Date();
    cached = allTimeZones()
      .map((zone) => {
        const offset = zoneOffsetMinutes(zone, now);
        return { zone, offset, label: `(${formatOffset(offset)}) ${zone.replace(/_/g, ' ')}` };
      })
      .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone));
  }
  return cached;
}

/** A select of every IANA zone, labelled with its current UTC offset; keeps an unknown value selectable. */
export function TimeZoneSelect({ id, value, onChange, disabled, testId }: { id?: string; value: string; onChange: (zone: string) => void; disabled?: boolean; testId?: string }) {
  const options = useMemo(() => {
    const all = zoneOptions();
    return all.some((o) => o.zone === value) ? all : [{ zone: value, offset: 0, label: value }, ...all];
  }, [value]);
  return (
    <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} data-testid={testId}>
      {options.map((o) => (
        <option key={o.zone} value={o.zone}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

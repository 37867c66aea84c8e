import { useCallback, useMemo, useState } from 'react';
import type { Availability } from '../../../shared/officeHours';
import { ApiRequestError } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';
import { ohApi } from './api';
import { cellsToWindows, windowsToCells } from './availabilityGrid';

/** The editor's copy of an availability: the weekly windows as grid cells. */
export interface AvailabilityDraft extends Omit<Availability, 'weekly'> {
  /** Selected half-hour cells ("weekday:index"). */
  cells: ReadonlySet<string>;
}

/** What a mentor who never published starts from: nothing open, 30-minute one-to-one slots, their profile's zone. */
export const defaultAvailability = (timeZone: string): Availability => ({
  timeZone,
  slotMinutes: 30,
  bufferMinutes: 0,
  capacity: 1,
  topics: [],
  weekly: [],
  exceptions: [],
  maxPerStartupPerWeek: 2,
});

export const toDraft = ({ weekly, ...rest }: Availability): AvailabilityDraft => ({ ...rest, cells: windowsToCells(weekly) });
export const fromDraft = ({ cells, ...rest }: AvailabilityDraft): Availability => ({
  ...rest,
  weekly: cellsToWindows(cells),
  exceptions: [...rest.exceptions].sort((a, b) => a.date.localeCompare(b.date)),
});

/** My availability as saved (or the defaults, flagged unpublished). */
export function useMyAvailability() {
  const me = useMe();
  return useAsync<{ availability: Availability; published: boolean }>(async () => {
    try {
      return { availability: (await ohApi.availability(me.id)).availability, published: true };
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) return { availability: defaultAvailability(me.timeZone), published: false };
      throw err;
    }
  }, me.id);
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

/** The draft being edited, whether it differs from what is saved, and saving it (PUT). */
export function useAvailabilityDraft(saved: Availability) {
  const [baseline, setBaseline] = useState(saved);
  const [draft, setDraft] = useState(() => toDraft(saved));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const current = useMemo(() => fromDraft(draft), [draft]);
  const dirty = useMemo(() => JSON.stringify(current) !== JSON.stringify(fromDraft(toDraft(baseline))), [current, baseline]);
  const update = useCallback((patch: Partial<AvailabilityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
  }, []);
  const submit = useCallback(async () => {
    setSave({ kind: 'saving' });
    try {
      const { availability } = await ohApi.saveAvailability(current);
      setBaseline(availability);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [current]);
  return { draft, current, dirty, update, save, submit };
}

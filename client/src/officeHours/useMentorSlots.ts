import type { Availability, Booking, OfficeHourSlot } from '../../../shared/officeHours';
import type { PublicUser } from '../../../shared/schemas';
import { ApiRequestError } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';
import { ohApi } from './api';

/** How far ahead the booking page lists slots (the server offers 28 days). */
export const SLOT_HORIZON_MS = 28 * 86_400_000;

/** Who the mentor is and their published availability (null when they have not published). */
export interface MentorOffer {
  mentor: PublicUser;
  availability: Availability | null;
}

/** The mentor's profile and availability, and (when rescheduling) the booking being moved. */
export function useMentorOffer(mentorId: string, rescheduleId: string | null) {
  const me = useMe();
  return useAsync<MentorOffer & { moving: Booking | null }>(async () => {
    const [{ user }, availability, moving] = await Promise.all([
      ohApi.mentor(mentorId),
      ohApi.availability(mentorId).then(
        (r) => r.availability,
        (err: unknown) => {
          if (err instanceof ApiRequestError && err.status === 404) return null;
          throw err;
        },
      ),
      rescheduleId ? ohApi.booking(rescheduleId).then((r) => r.booking) : Promise.resolve(null),
    ]);
    return { mentor: user, availability, moving };
  }, `${mentorId}:${rescheduleId ?? ''}:${me.id}`);
}

/** The mentor's slots for the next four weeks (reload after booking or a refusal). */
export function useMentorSlots(mentorId: string) {
  const me = useMe();
  return useAsync<OfficeHourSlot[]>(async () => {
    const from = new Date();
    return (await ohApi.slots(mentorId, from, new Date(from.getTime() + SLOT_HORIZON_MS - 60_000))).slots;
  }, `${mentorId}:${me.id}`);
}

/**
 * The office-hours REST endpoints (docs/office-hours.md), typed with the shared schemas. Kept apart from
 * lib/api.ts so this feature's calls live with it; every call goes through the app's `apiRequest`.
 */
import type { PublicUser } from '../../../shared/schemas';
import type {
  Availability,
  Booking,
  CreateBookingBody,
  Feedback,
  FeedbackBody,
  MentorCard,
  Notification,
  OfficeHourSlot,
} from '../../../shared/officeHours';
import { apiRequest } from '../lib/api';

const enc = encodeURIComponent;
const OH = '/api/office-hours';

/** Which sessions to list: still to come (or running), or over. */
export type BookingScope = 'upcoming' | 'past';

export const ohApi = {
  mentors: () => apiRequest<{ mentors: MentorCard[] }>('GET', `${OH}/mentors`),
  /** A mentor's slots in [from, to) (the server caps it at 28 days from now). */
  slots: (mentorId: string, from: Date, to: Date) =>
    apiRequest<{ slots: OfficeHourSlot[] }>('GET', `${OH}/mentors/${enc(mentorId)}/slots?from=${enc(from.toISOString())}&to=${enc(to.toISOString())}`),
  /** A mentor's published availability (404 until they publish). */
  availability: (mentorId: string) => apiRequest<{ availability: Availability }>('GET', `${OH}/availability/${enc(mentorId)}`),
  saveAvailability: (body: Availability) => apiRequest<{ availability: Availability }>('PUT', `${OH}/availability`, { body }),
  mentor: (mentorId: string) => apiRequest<{ user: PublicUser }>('GET', `/api/users/${enc(mentorId)}`),

  bookings: (scope: BookingScope) => apiRequest<{ bookings: Booking[] }>('GET', `${OH}/bookings?scope=${scope}`),
  booking: (id: string) => apiRequest<{ booking: Booking }>('GET', `${OH}/bookings/${enc(id)}`),
  book: (body: CreateBookingBody) => apiRequest<{ booking: Booking }>('POST', `${OH}/bookings`, { body }),
  cancel: (id: string) => apiRequest<{ booking: Booking }>('POST', `${OH}/bookings/${enc(id)}/cancel`, { body: {} }),
  reschedule: (id: string, startsAt: string) => apiRequest<{ booking: Booking }>('POST', `${OH}/bookings/${enc(id)}/reschedule`, { body: { startsAt } }),
  /** The mentor keeps the room open 5 more minutes. */
  extend: (id: string) => apiRequest<{ booking: Booking }>('POST', `${OH}/bookings/${enc(id)}/extend`, { body: {} }),
  feedback: (id: string, body: FeedbackBody) => apiRequest<{ feedback: Feedback }>('POST', `${OH}/bookings/${enc(id)}/feedback`, { body }),
  /** Mentors: what founders told them, and their average. */
  feedbackList: () => apiRequest<{ feedback: Feedback[]; average: number | null }>('GET', `${OH}/feedback`),
  /** Where a booking's calendar invite downloads from (a plain link, so the browser saves the file). */
  icsUrl: (id: string) => `${OH}/bookings/${enc(id)}/calendar.ics`,

  notifications: () => apiRequest<{ notifications: Notification[] }>('GET', '/api/notifications'),
  /** Marks these notifications (or all of them) read. */
  markRead: (ids?: string[]) => apiRequest<{ ok: true }>('POST', '/api/notifications/read', { body: ids ? { ids } : {} }),
};

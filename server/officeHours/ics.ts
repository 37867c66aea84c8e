/** The .ics invite of a booking (RFC 5545): the mentor's zone with its VTIMEZONE, a stable UID, a growing SEQUENCE. */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { BookingRecord } from '../store/officeHoursTypes.js';

export interface IcsPeople {
  mentor: { name: string; email: string; timeZone: string };
  founders: { name: string; email: string }[];
  startupName: string;
}

export function bookingIcs(b: BookingRecord, people: IcsPeople, appUrl: string): string {
  const cancelled = b.status === 'cancelled';
  const cal = ical({
    prodId: { company: 'Hatchery', product: 'office-hours', language: 'EN' },
    name: 'Hatchery office hours',
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: people.mentor.timeZone, generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: `booking-${b.id}@hatchery`,
    sequence: b.sequence,
    // NOTE: luxon times in the mentor's zone, so the local wall time is written next to its TZID.
    start: DateTime.fromISO(b.startsAt, { zone: people.mentor.timeZone }),
    end: DateTime.fromISO(b.endsAt, { zone: people.mentor.timeZone }),
    timezone: people.mentor.timeZone,
    stamp: new Date(),
    summary: `Office hours: ${people.mentor.name} × ${people.startupName}`,
    description: [b.agenda, `Join: ${appUrl}/office-hours/sessions/${b.id}`].filter(Boolean).join('\n\n'),
    url: `${appUrl}/office-hours/sessions/${b.id}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: people.mentor.name, email: people.mentor.email },
    attendees: people.founders.map((f) => ({
      name: f.name,
      email: f.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.ACCEPTED,
    })),
  });
  return cal.toString();
}

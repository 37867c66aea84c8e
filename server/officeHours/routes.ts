/** REST routes of office hours (mounted under /api). See docs/office-hours.md. */
import { callerOf } from '../http/request.js';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { parseOr400 } from '../errors.js';
import type { Store } from '../store/types.js';
import { Availability, CreateBookingBody, FeedbackBody, RescheduleBookingBody } from '../../shared/officeHours.js';
import { bookingIcs } from './ics.js';
import type { Notifier } from './notifications.js';
import type { DropInQueues } from './queue.js';
import type { OfficeHoursService } from './service.js';


const SlotsQuery = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
const ScopeQuery = z.object({ scope: z.enum(['upcoming', 'past']).default('upcoming') });
const ReadBody = z.object({ ids: z.array(z.string().min(1).max(64)).max(200).optional() }).strict();

export interface OfficeHourRouteDeps {
  service: OfficeHoursService;
  queues: DropInQueues;
  notifier: Notifier;
  store: Store;
  appUrl: (req: Request) => string;
  param: (req: Request, name: string) => string;
}

export function addOfficeHourRoutes(r: Router, { service, queues, notifier, store, appUrl, param }: OfficeHourRouteDeps): void {
  r.put('/office-hours/availability', async (req, res) => {
    const caller = callerOf(req);
    res.json({ availability: await service.setAvailability(caller, parseOr400(Availability, req.body)) });
  });
  r.get('/office-hours/availability/:mentorId', async (req, res) => {
    callerOf(req);
    res.json({ availability: await service.availability(param(req, 'mentorId')) });
  });
  r.get('/office-hours/mentors', async (req, res) => {
    res.json({ mentors: await service.directory(callerOf(req), (id) => queues.isOpen(id)) });
  });
  r.get('/office-hours/mentors/:id/slots', async (req, res) => {
    const caller = callerOf(req);
    const q = parseOr400(SlotsQuery, req.query, 'query');
    res.json({ slots: await service.slots(caller, param(req, 'id'), q.from ? new Date(q.from) : undefined, q.to ? new Date(q.to) : undefined) });
  });
  r.get('/office-hours/bookings', async (req, res) => {
    const caller = callerOf(req);
    res.json({ bookings: await service.myBookings(caller, parseOr400(ScopeQuery, req.query, 'query').scope) });
  });
  r.post('/office-hours/bookings', async (req, res) => {
    const caller = callerOf(req);
    res.status(201).json({ booking: await service.book(caller, parseOr400(CreateBookingBody, req.body)) });
  });
  r.get('/office-hours/bookings/:id', async (req, res) => {
    res.json({ booking: await service.get(callerOf(req), param(req, 'id')) });
  });
  r.post('/office-hours/bookings/:id/cancel', async (req, res) => {
    res.json({ booking: await service.cancel(callerOf(req), param(req, 'id')) });
  });
  r.post('/office-hours/bookings/:id/reschedule', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(RescheduleBookingBody, req.body);
    res.json({ booking: await service.reschedule(caller, param(req, 'id'), body.startsAt) });
  });
  r.post('/office-hours/bookings/:id/extend', async (req, res) => {
    res.json({ booking: await service.extend(callerOf(req), param(req, 'id')) });
  });
  r.post('/office-hours/bookings/:id/feedback', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(FeedbackBody, req.body);
    res.status(201).json({ feedback: await service.feedback(caller, param(req, 'id'), body.rating, body.comment) });
  });
  r.get('/office-hours/feedback', async (req, res) => {
    res.json(await service.feedbackList(callerOf(req)));
  });
  r.get('/office-hours/bookings/:id/calendar.ics', async (req, res) => {
    const caller = callerOf(req);
    await service.get(caller, param(req, 'id')); // the mentor and the startup's founders only
    const b = (await store.officeHours.booking(param(req, 'id')))!;
    const mentor = (await store.users.byId(b.mentorId))!;
    const founders = await Promise.all((await store.startups.memberIds(b.startupId)).map((id) => store.users.byId(id)));
    const startup = await store.startups.byId(b.startupId);
    const ics = bookingIcs(
      b,
      {
        mentor: { name: mentor.name, email: mentor.email, timeZone: mentor.timeZone },
        founders: founders.filter((f) => f !== undefined).map((f) => ({ name: f.name, email: f.email })),
        startupName: startup?.name ?? '—',
      },
      appUrl(req),
    );
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', `attachment; filename="hatchery-${b.id}.ics"`).send(ics);
  });
  r.get('/notifications', async (req, res) => {
    res.json({ notifications: await notifier.list(callerOf(req)) });
  });
  r.post('/notifications/read', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(ReadBody, req.body ?? {});
    await notifier.markRead(caller, body.ids ?? 'all');
    res.json({ ok: true });
  });
}

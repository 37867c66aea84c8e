/** REST routes of the roadshows domain (mounted under /api). See docs/roadshows.md for who may do what. */
import { callerOf } from '../http/request.js';
import type { Router, Request } from 'express';
import { parseOr400 } from '../errors.js';
import type { ScheduleService } from '../lobby/schedule.js';
import { SetRoadshowStatusBody } from '../../shared/schemas.js';
import { CreateRoadshowBody, SetSchedulerBody, UpdateRoadshowBody } from '../../shared/roadshow.js';
import type { RoadshowRooms } from './roadshowRooms.js';
import type { RoadshowService } from './roadshowService.js';

export interface RoadshowRouteDeps {
  roadshows: RoadshowService;
  rooms: RoadshowRooms;
  schedule: ScheduleService;
  param: (req: Request, name: string) => string;
}


export function addRoadshowRoutes(r: Router, { roadshows, rooms, schedule, param }: RoadshowRouteDeps): void {
  r.get('/roadshows', async (req, res) => {
    callerOf(req);
    res.json({ ...(await schedule.schedule()), roadshows: await schedule.all() });
  });
  r.post('/roadshows', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(CreateRoadshowBody, req.body);
    res.status(201).json({ roadshow: await roadshows.create(caller, body) });
  });
  r.get('/roadshows/:id', async (req, res) => {
    res.json(await roadshows.detailFor(callerOf(req), param(req, 'id')));
  });
  r.put('/roadshows/:id', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(UpdateRoadshowBody, req.body);
    res.json({ roadshow: await roadshows.update(caller, param(req, 'id'), body) });
  });
  r.patch('/roadshows/:id/status', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(SetRoadshowStatusBody, req.body);
    const state = await rooms.setStatus(caller, param(req, 'id'), body.status);
    res.json({ state, roadshow: (await schedule.all()).find((s) => s.id === state.roadshowId) });
  });
  r.post('/roadshows/:id/registration', async (req, res) => {
    res.json(await roadshows.setRegistered(callerOf(req), param(req, 'id'), true));
  });
  r.delete('/roadshows/:id/registration', async (req, res) => {
    res.json(await roadshows.setRegistered(callerOf(req), param(req, 'id'), false));
  });
  r.get('/roadshows/:id/interests', async (req, res) => {
    res.json({ interests: await roadshows.interests(callerOf(req), param(req, 'id')) });
  });
  r.get('/roadshow-schedulers', async (req, res) => {
    callerOf(req);
    res.json({ userIds: await roadshows.schedulerIds() });
  });
  r.put('/roadshow-schedulers/:userId', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(SetSchedulerBody, req.body);
    res.json({ userIds: await roadshows.setScheduler(caller, param(req, 'userId'), body.allowed) });
  });
}

/** REST routes under /api. Every body is parsed with its shared zod schema; every route checks the caller. */
import { callerOf } from './request.js';
import { Router, type Request, type Response } from 'express';
import { serialize as serializeCookie } from 'cookie';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../shared/protocol.js';
import {
  AddMemberBody,
  CreateInviteBody,
  CreateStartupBody,
  ListUsersQuery,
  LoginBody,
  SignupBody,
  UpdateProfileBody,
  UpdateStartupBody,
} from '../../shared/schemas.js';
import { parseOr400 } from '../errors.js';
import type { Caller, IdentityService } from '../identity/service.js';
import type { ScheduleService } from '../lobby/schedule.js';
import type { HatcheryConfig } from '../config.js';
import type { MediaService } from '../media/mediaService.js';
import { MediaAccessQuery } from '../../shared/media.js';
import { requireRole } from '../identity/service.js';
import { addRoadshowRoutes } from '../roadshows/routes.js';
import { addDocRoutes } from '../collab/routes.js';
import type { Store } from '../store/types.js';
import { addOfficeHourRoutes } from '../officeHours/routes.js';
import { addRecordingRoutes } from '../recordings/routes.js';
import type { RecordingLibrary } from '../recordings/library.js';
import type { RecordingService } from '../recordings/service.js';
import type { OfficeHoursService } from '../officeHours/service.js';
import type { DropInQueues } from '../officeHours/queue.js';
import type { Notifier } from '../officeHours/notifications.js';
import type { OfficeHourSessions } from '../officeHours/sessions.js';
import type { CollabServer } from '../collab/collabServer.js';
import type { DocumentService } from '../collab/documents.js';
import type { RoadshowRooms } from '../roadshows/roadshowRooms.js';
import type { RoadshowService } from '../roadshows/roadshowService.js';

export interface RouteDeps {
  identity: IdentityService;
  schedule: ScheduleService;
  media: MediaService;
  roadshows: RoadshowService;
  roadshowRooms: RoadshowRooms;
  docs: DocumentService;
  collab: CollabServer;
  recordings: RecordingLibrary;
  /** Finishing recordings again (operators). */
  recordingJobs: Pick<RecordingService, 'reprocess'>;
  officeHours: { service: OfficeHoursService; queues: DropInQueues; notifier: Notifier; sessions: OfficeHourSessions; store: Store };
  config: HatcheryConfig;
  /** Called after a session ends so its sockets close and presence updates. */
  onLogout: (caller: Caller) => void;
}


/** Param values are strings in Express 5; bound their length so ids stay sane. */
function param(req: Request, name: string): string {
  const v = req.params[name];
  return parseOr400(ParamId, v, `${name}`);
}
const ParamId = z.string().min(1).max(64);

export function createApiRouter(deps: RouteDeps): Router {
  const { identity, schedule, config } = deps;
  const r = Router();

  const baseUrl = (req: Request) => config.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;
  const setSessionCookie = (req: Request, res: Response, token: string) => {
    const secure = req.secure || (config.publicUrl?.startsWith('https:') ?? false);
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      }),
    );
  };
  const clearSessionCookie = (res: Response) => {
    res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 }));
  };
  const me = async (caller: Caller) => {
    const user = await identity.publicUser(caller.user, caller);
    const startups = await Promise.all(user.startupIds.map((id) => identity.getStartup(id)));
    return { user, startups };
  };

  // ---------- auth ----------
  r.post('/auth/login', async (req, res) => {
    const body = parseOr400(LoginBody, req.body);
    const user = await identity.login(body.email, body.password, req.ip ?? 'unknown');
    const token = await identity.startSession(user.id, { userAgent: req.get('user-agent') ?? '', ip: req.ip ?? '' });
    setSessionCookie(req, res, token);
    const caller = (await identity.authenticate(token))!;
    res.json(await me(caller));
  });

  r.post('/auth/logout', async (req, res) => {
    if (req.caller) {
      await identity.endSession(req.caller.sessionId);
      deps.onLogout(req.caller);
    }
    clearSessionCookie(res);
    res.status(204).end();
  });

  r.get('/auth/me', async (req, res) => {
    res.json(await me(callerOf(req)));
  });

  r.post('/auth/signup', async (req, res) => {
    const body = parseOr400(SignupBody, req.body);
    const user = await identity.signup(body);
    const token = await identity.startSession(user.id, { userAgent: req.get('user-agent') ?? '', ip: req.ip ?? '' });
    setSessionCookie(req, res, token);
    res.status(201).json(await me((await identity.authenticate(token))!));
  });

  // ---------- invites ----------
  r.get('/invites/check/:token', async (req, res) => {
    const token = parseOr400(z.string().min(10).max(200), req.params.token, 'token');
    res.json(await identity.checkInvite(token));
  });
  r.get('/invites', async (req, res) => {
    res.json({ invites: await identity.listInvites(callerOf(req)) });
  });
  r.post('/invites', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(CreateInviteBody, req.body);
    res.status(201).json(await identity.createInvite(caller, body, baseUrl(req)));
  });
  r.delete('/invites/:id', async (req, res) => {
    await identity.revokeInvite(callerOf(req), param(req, 'id'));
    res.status(204).end();
  });

  // ---------- people ----------
  r.get('/users', async (req, res) => {
    const caller = callerOf(req);
    const q = parseOr400(ListUsersQuery, req.query, 'query');
    res.json({ users: await identity.listUsers(caller, q.role) });
  });
  r.get('/users/:id', async (req, res) => {
    res.json({ user: await identity.getUser(callerOf(req), param(req, 'id')) });
  });
  r.patch('/users/:id', async (req, res) => {
    const caller = callerOf(req);
    const id = req.params.id === 'me' ? caller.user.id : param(req, 'id');
    const body = parseOr400(UpdateProfileBody, req.body);
    res.json({ user: await identity.updateProfile(caller, id, body) });
  });

  // ---------- startups ----------
  r.get('/startups', async (req, res) => {
    callerOf(req);
    res.json({ startups: await identity.listStartups() });
  });
  r.get('/startups/:id', async (req, res) => {
    callerOf(req);
    res.json({ startup: await identity.getStartup(param(req, 'id')) });
  });
  r.post('/startups', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(CreateStartupBody, req.body);
    res.status(201).json({ startup: await identity.createStartup(caller, body) });
  });
  r.patch('/startups/:id', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(UpdateStartupBody, req.body);
    res.json({ startup: await identity.updateStartup(caller, param(req, 'id'), body) });
  });
  r.post('/startups/:id/members', async (req, res) => {
    const caller = callerOf(req);
    const body = parseOr400(AddMemberBody, req.body);
    res.json({ startup: await identity.addStartupMember(caller, param(req, 'id'), body.userId) });
  });
  r.delete('/startups/:id/members/:userId', async (req, res) => {
    res.json({ startup: await identity.removeStartupMember(callerOf(req), param(req, 'id'), param(req, 'userId')) });
  });

  // ---------- roadshows ----------
  addRoadshowRoutes(r, { roadshows: deps.roadshows, rooms: deps.roadshowRooms, schedule, param });

  // ---------- collaboration documents ----------
  addDocRoutes(r, { docs: deps.docs, collab: deps.collab, param });

  // ---------- recordings ----------
  addRecordingRoutes(r, { library: deps.recordings, jobs: deps.recordingJobs, param });

  // ---------- office hours ----------
  addOfficeHourRoutes(r, {
    ...deps.officeHours,
    appUrl: (req) => config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
    param,
  });

  // ---------- media ----------
  r.get('/media/access', async (req, res) => {
    const { roomId } = parseOr400(MediaAccessQuery, req.query, 'query');
    res.json(await deps.media.access(callerOf(req), roomId));
  });
  r.get('/media/stats', async (req, res) => {
    requireRole(req.caller, 'operator');
    res.json(await deps.media.stats());
  });

  return r;
}

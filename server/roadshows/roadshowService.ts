/**
 * The roadshow as an event: scheduling, details, hosts, agenda, registration, who may schedule, and the
 * investors' interest. The live room (server/roadshows/roadshowRoom.ts) runs the event itself.
 */
import { EventEmitter } from 'node:events';
import { BadRequest, Conflict, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { ScheduleService } from '../lobby/schedule.js';
import type { AgendaItemRecord, RoadshowRecord } from '../store/roadshowTypes.js';
import type { Store } from '../store/types.js';
import type {
  AgendaItem,
  CreateRoadshowBody,
  PersonRef,
  RoadshowDetail,
  RoadshowDetailResponse,
  RoadshowInterest,
  UpdateRoadshowBody,
} from '../../shared/roadshow.js';
import type { z } from 'zod';

type ParsedCreate = z.output<typeof import('../../shared/roadshow.js').CreateRoadshowBody>;
type ParsedUpdate = z.output<typeof import('../../shared/roadshow.js').UpdateRoadshowBody>;
type ParsedAgendaItem = ParsedCreate['agenda'][number];

/** Who hosts an event: every operator, and the event's named hosts (operators or mentors). */
export function isHost(user: { id: string; role: string }, hostIds: ReadonlySet<string> | readonly string[]): boolean {
  if (user.role === 'operator') return true;
  const named = hostIds instanceof Set ? hostIds.has(user.id) : (hostIds as readonly string[]).includes(user.id);
  return named && user.role === 'mentor';
}

export class RoadshowService extends EventEmitter<{ changed: [roadshowId: string] }> {
  constructor(
    private readonly store: Store,
    private readonly schedule: ScheduleService,
  ) {
    super();
  }

  /** The record, or 404. */
  async record(id: string): Promise<RoadshowRecord> {
    const r = await this.store.roadshows.byId(id);
    if (!r) throw new NotFound('Roadshow not found.');
    return r;
  }

  async person(userId: string): Promise<PersonRef> {
    const u = await this.store.users.byId(userId);
    return u ? { id: u.id, name: u.name, role: u.role } : { id: userId, name: '—', role: 'founder' };
  }

  /** Builds the agenda as clients see it (with startup names and presenters). */
  async agendaView(items: AgendaItemRecord[]): Promise<AgendaItem[]> {
    return Promise.all(
      items.map(async (i) => {
        const startup = i.startupId ? await this.store.startups.byId(i.startupId) : undefined;
        const presenterIds = i.kind === 'pitch' && i.startupId ? await this.store.startups.memberIds(i.startupId) : [];
        return {
          id: i.id,
          kind: i.kind,
          title: i.title,
          startupId: i.startupId,
          startupName: startup?.name ?? null,
          pitchMinutes: i.pitchMinutes,
          qaMinutes: i.qaMinutes,
          presenters: await Promise.all(presenterIds.map((u) => this.person(u))),
        };
      }),
    );
  }

  async detail(id: string): Promise<RoadshowDetail> {
    const r = await this.record(id);
    const [hostIds, agenda, counts] = await Promise.all([
      this.store.roadshows.hostIds(id),
      this.store.roadshows.agenda(id),
      this.store.roadshows.registrationCounts(),
    ]);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      startsAt: r.startsAt,
      durationMinutes: r.durationMinutes,
      timeZone: r.timeZone,
      language: r.language,
      status: r.status,
      registrations: counts.get(id) ?? 0,
      createdBy: r.createdBy,
      hosts: await Promise.all(hostIds.map((u) => this.person(u))),
      agenda: await this.agendaView(agenda),
      waitingRoom: r.waitingRoom,
      moderatedQuestions: r.moderatedQuestions,
    };
  }

  async detailFor(caller: Caller, id: string): Promise<RoadshowDetailResponse> {
    const roadshow = await this.detail(id);
    return {
      roadshow,
      registered: await this.store.roadshows.isRegistered(id, caller.user.id),
      canHost: isHost(caller.user, await this.store.roadshows.hostIds(id)),
    };
  }

  async canSchedule(caller: Caller): Promise<boolean> {
    if (caller.user.role === 'operator') return true;
    return caller.user.role === 'mentor' && (await this.store.roadshows.schedulerIds()).includes(caller.user.id);
  }

  async create(caller: Caller, body: ParsedCreate): Promise<RoadshowDetail> {
    if (!(await this.canSchedule(caller))) throw new Forbidden('Only operators and the mentors they allow schedule roadshows.');
    await this.#checkHosts(body.hostIds);
    const id = newId();
    const record: RoadshowRecord = {
      id,
      title: body.title,
      description: body.description,
      startsAt: new Date(body.startsAt).toISOString(),
      durationMinutes: body.durationMinutes,
      timeZone: body.timeZone,
      language: body.language,
      status: 'scheduled',
      createdBy: caller.user.id,
      createdAt: new Date().toISOString(),
      waitingRoom: body.waitingRoom,
      moderatedQuestions: body.moderatedQuestions,
      currentItemId: null,
      timerRunning: false,
      timerElapsedMs: 0,
      timerAt: null,
    };
    const agenda = await this.#agendaRecords(id, [], body.agenda);
    await this.store.transaction(async () => {
      await this.store.roadshows.create(record);
      await this.store.roadshows.setHosts(id, [caller.user.id, ...body.hostIds]);
      await this.store.roadshows.setAgenda(id, agenda);
    });
    await this.schedule.announce();
    return this.detail(id);
  }

  /** Host-only edit; the agenda is replaced whole (that is also how it is reordered). */
  async update(caller: Caller, id: string, body: ParsedUpdate): Promise<RoadshowDetail> {
    const r = await this.record(id);
    await this.assertHost(caller, id);
    if (r.status === 'ended') throw new Conflict('This roadshow has ended; it can no longer be edited.');
    const { hostIds, agenda, startsAt, ...fields } = body;
    if (hostIds) await this.#checkHosts(hostIds);
    const items = agenda ? await this.#agendaRecords(id, await this.store.roadshows.agenda(id), agenda) : undefined;
    await this.store.transaction(async () => {
      await this.store.roadshows.update(id, { ...fields, ...(startsAt ? { startsAt: new Date(startsAt).toISOString() } : {}) });
      if (hostIds) await this.store.roadshows.setHosts(id, [r.createdBy, ...hostIds]);
      if (items) await this.store.roadshows.setAgenda(id, items);
    });
    await this.schedule.announce();
    this.emit('changed', id);
    return this.detail(id);
  }

  /** Reorders the agenda: `itemIds` must be exactly the current items. */
  async reorder(caller: Caller, id: string, itemIds: string[]): Promise<AgendaItem[]> {
    const r = await this.record(id);
    await this.assertHost(caller, id);
    if (r.status === 'ended') throw new Conflict('This roadshow has ended.');
    const current = await this.store.roadshows.agenda(id);
    const byId = new Map(current.map((i) => [i.id, i]));
    if (itemIds.length !== current.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((i) => byId.has(i))) {
      throw new BadRequest('Give every agenda item exactly once.');
    }
    await this.store.roadshows.setAgenda(id, itemIds.map((itemId, position) => ({ ...byId.get(itemId)!, position })));
    this.emit('changed', id);
    return this.agendaView(await this.store.roadshows.agenda(id));
  }

  async assertHost(caller: Caller, id: string): Promise<void> {
    if (!isHost(caller.user, await this.store.roadshows.hostIds(id))) throw new Forbidden('Only the hosts run this roadshow.');
  }

  async setRegistered(caller: Caller, id: string, registered: boolean): Promise<{ registered: boolean; registrations: number }> {
    const r = await this.record(id);
    if (r.status === 'ended') throw new Conflict('This roadshow has ended.');
    const changed = registered
      ? await this.store.roadshows.register(id, caller.user.id, new Date().toISOString())
      : await this.store.roadshows.unregister(id, caller.user.id);
    if (changed) {
      await this.schedule.announce();
      this.emit('changed', id);
    }
    return { registered, registrations: (await this.store.roadshows.registrationCounts()).get(id) ?? 0 };
  }

  async schedulerIds(): Promise<string[]> {
    return this.store.roadshows.schedulerIds();
  }

  async setScheduler(caller: Caller, userId: string, allowed: boolean): Promise<string[]> {
    if (caller.user.role !== 'operator') throw new Forbidden('Only operators decide who schedules roadshows.');
    const user = await this.store.users.byId(userId);
    if (!user) throw new NotFound('No such person.');
    if (user.role !== 'mentor') throw new BadRequest('Only mentors can be allowed to schedule (operators always can).');
    await this.store.roadshows.setScheduler(userId, allowed, caller.user.id, new Date().toISOString());
    return this.store.roadshows.schedulerIds();
  }

  /** Investors interested in the event's startups: hosts see all, founders their own startups'. */
  async interests(caller: Caller, id: string): Promise<RoadshowInterest[]> {
    await this.record(id);
    const all = await this.store.roadshows.interests(id);
    let visible = all;
    if (!isHost(caller.user, await this.store.roadshows.hostIds(id))) {
      if (caller.user.role !== 'founder') throw new Forbidden('Only hosts and the startups’ founders see interest.');
      const mine = new Set(await this.store.startups.idsForUser(caller.user.id));
      visible = all.filter((i) => mine.has(i.startupId));
    }
    return Promise.all(
      visible.map(async (i) => ({
        startupId: i.startupId,
        startupName: (await this.store.startups.byId(i.startupId))?.name ?? '—',
        investor: await this.person(i.investorId),
        message: i.message ?? null,
        createdAt: i.createdAt,
      })),
    );
  }

  async #checkHosts(hostIds: string[]): Promise<void> {
    for (const id of hostIds) {
      const u = await this.store.users.byId(id);
      if (!u) throw new BadRequest(`hostIds: no such person (${id}).`);
      if (u.role !== 'mentor' && u.role !== 'operator') throw new BadRequest(`hostIds: ${u.name} is a ${u.role}; hosts are operators or mentors.`);
    }
  }

  async #agendaRecords(roadshowId: string, existing: AgendaItemRecord[], input: ParsedAgendaItem[]): Promise<AgendaItemRecord[]> {
    const known = new Set(existing.map((i) => i.id));
    const seen = new Set<string>();
    const out: AgendaItemRecord[] = [];
    for (const [position, item] of input.entries()) {
      if (item.id !== undefined && (!known.has(item.id) || seen.has(item.id))) throw new BadRequest(`agenda.${position}.id: not an item of this roadshow.`);
      if (item.startupId && !(await this.store.startups.byId(item.startupId))) throw new BadRequest(`agenda.${position}.startupId: no such startup.`);
      const id = item.id ?? newId();
      seen.add(id);
      out.push({
        id,
        roadshowId,
        position,
        kind: item.kind,
        title: item.title,
        startupId: item.kind === 'break' ? null : item.startupId,
        pitchMinutes: item.pitchMinutes,
        qaMinutes: item.kind === 'pitch' ? item.qaMinutes : 0,
      });
    }
    return out;
  }
}

export type { CreateRoadshowBody, UpdateRoadshowBody };

/** What is live now and what is next, for the lobby. The roadshows domain grows from here. */
import { EventEmitter } from 'node:events';
import { Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { RoadshowRecord, Store } from '../store/types.js';
import type { CreateRoadshowBody, LobbySchedule, RoadshowStatus, RoadshowSummary } from '../../shared/schemas.js';

/** How many upcoming events the lobby shows. */
const NEXT_LIMIT = 6;

export const toSummary = (r: RoadshowRecord): RoadshowSummary => ({
  id: r.id,
  title: r.title,
  description: r.description,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  timeZone: r.timeZone,
  language: r.language,
  status: r.status,
});

export class ScheduleService extends EventEmitter<{ changed: [LobbySchedule] }> {
  constructor(private readonly store: Store) {
    super();
  }

  async schedule(now = new Date()): Promise<LobbySchedule> {
    const all = await this.store.roadshows.list();
    const live = all.filter((r) => r.status === 'live').map(toSummary);
    const next = all
      .filter((r) => (r.status === 'scheduled' || r.status === 'backstage') && Date.parse(r.startsAt) + r.durationMinutes * 60_000 > now.getTime())
      .slice(0, NEXT_LIMIT)
      .map(toSummary);
    return { live, next };
  }

  async create(caller: Caller, body: Required<CreateRoadshowBody>): Promise<RoadshowSummary> {
    if (caller.user.role !== 'operator') throw new Forbidden('Only operators schedule roadshows.');
    const record: RoadshowRecord = {
      id: newId(),
      ...body,
      startsAt: new Date(body.startsAt).toISOString(),
      status: 'scheduled',
      createdBy: caller.user.id,
      createdAt: new Date().toISOString(),
    };
    await this.store.roadshows.create(record);
    await this.#announce();
    return toSummary(record);
  }

  async setStatus(caller: Caller, id: string, status: RoadshowStatus): Promise<RoadshowSummary> {
    if (caller.user.role !== 'operator') throw new Forbidden('Only operators change a roadshow’s state here.');
    const r = await this.store.roadshows.byId(id);
    if (!r) throw new NotFound('Roadshow not found.');
    await this.store.roadshows.setStatus(id, status);
    await this.#announce();
    return toSummary({ ...r, status });
  }

  async #announce(): Promise<void> {
    this.emit('changed', await this.schedule());
  }
}

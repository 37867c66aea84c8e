/** What is live now and what is next, for the lobby (the roadshows domain announces its changes here). */
import { EventEmitter } from 'node:events';
import type { RoadshowRecord, Store } from '../store/types.js';
import type { LobbySchedule, RoadshowSummary } from '../../shared/schemas.js';

/** How many upcoming events the lobby shows. */
const NEXT_LIMIT = 6;

export const toSummary = (r: RoadshowRecord, registrations: number): RoadshowSummary => ({
  id: r.id,
  title: r.title,
  description: r.description,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  timeZone: r.timeZone,
  language: r.language,
  status: r.status,
  registrations,
});

export class ScheduleService extends EventEmitter<{ changed: [LobbySchedule] }> {
  constructor(private readonly store: Store) {
    super();
  }

  /** Every roadshow, soonest first, with registration counts. */
  async all(): Promise<RoadshowSummary[]> {
    const [all, counts] = await Promise.all([this.store.roadshows.list(), this.store.roadshows.registrationCounts()]);
    return all.map((r) => toSummary(r, counts.get(r.id) ?? 0));
  }

  async schedule(now = new Date()): Promise<LobbySchedule> {
    const all = await this.all();
    const live = all.filter((r) => r.status === 'live');
    const next = all
      .filter((r) => (r.status === 'scheduled' || r.status === 'backstage') && Date.parse(r.startsAt) + r.durationMinutes * 60_000 > now.getTime())
      .slice(0, NEXT_LIMIT);
    return { live, next };
  }

  /** Pushes the current schedule to the lobby (after any roadshow change). */
  async announce(): Promise<void> {
    this.emit('changed', await this.schedule());
  }
}

/**
 * The replay library: who may watch a recording (operators, mentors, investors — unless the startup
 * restricted it — and the pitching startups' founders), search and filters, restrictions, watch reports
 * and the founders' watch analytics (overlapping segments merged).
 */
import { BadRequest, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import type { RecordingRecord } from '../store/recordingTypes.js';
import type { Store } from '../store/types.js';
import type { Question } from '../../shared/roadshow.js';
import { dayIn, recordingProblemOf, type RecordingDetail, type RecordingInterest, type RecordingInterestBody, type RecordingsPage, type RecordingSummary, type WatchAnalytics } from '../../shared/recordings.js';
import type { Notifier } from '../officeHours/notifications.js';
import { coveredMs, mergeSegments } from './postprocess.js';

type Query = {
  q?: string; industry?: string; stage?: string; roadshowId?: string; language?: string; from?: string; to?: string; tz?: string;
  sort: 'date' | 'popular'; page: number; pageSize: number;
};

export class RecordingLibrary {
  constructor(
    private readonly store: Store,
    private readonly notifier: Pick<Notifier, 'notify'>,
    /** How far a recording's post-processing is (0..1), from the recording service. */
    private readonly progressOf: (recordingId: string) => number | null = () => null,
  ) {}

  /** The startups that pitched in the recording's roadshow. */
  async #startups(r: RecordingRecord) {
    const agenda = await this.store.roadshows.agenda(r.roadshowId);
    const ids = [...new Set(agenda.filter((i) => i.kind === 'pitch' && i.startupId).map((i) => i.startupId!))];
    const startups = await Promise.all(ids.map((id) => this.store.startups.byId(id)));
    return startups.filter((s) => s !== undefined);
  }

  async #founderOf(caller: Caller, r: RecordingRecord): Promise<boolean> {
    if (caller.user.role !== 'founder') return false;
    const mine = new Set(await this.store.startups.idsForUser(caller.user.id));
    return (await this.#startups(r)).some((s) => mine.has(s.id));
  }

  async canWatch(caller: Caller, r: RecordingRecord): Promise<boolean> {
    const role = caller.user.role;
    if (role === 'operator' || role === 'mentor') return true;
    if (role === 'investor') return !r.restricted || (await this.store.recordings.accessIds(r.id)).includes(caller.user.id);
    return this.#founderOf(caller, r);
  }

  /** The recording if the caller may watch it; 404 / 403 otherwise. */
  async watchable(caller: Caller, id: string): Promise<RecordingRecord> {
    const r = await this.store.recordings.byId(id);
    if (!r) throw new NotFound('No such recording.');
    if (!(await this.canWatch(caller, r))) throw new Forbidden('This recording is not shared with you.');
    return r;
  }

  async #summary(r: RecordingRecord, viewers: number): Promise<RecordingSummary> {
    const show = (await this.store.roadshows.byId(r.roadshowId))!;
    const chapters = await this.store.recordings.chapters(r.id);
    return {
      id: r.id,
      roadshowId: r.roadshowId,
      title: show.title,
      description: show.description,
      language: show.language,
      startups: (await this.#startups(r)).map((s) => ({ id: s.id, name: s.name, industry: s.industry, stage: s.stage })),
      startedAt: r.startedAt,
      durationMs: r.durationMs,
      status: r.status,
      progress: r.status === 'processing' ? (this.progressOf(r.id) ?? 0) : null,
      viewers,
      hasThumbnail: chapters.some((c) => c.thumbnail),
    };
  }

  async list(caller: Caller, q: Query): Promise<RecordingsPage> {
    const viewers = await this.store.recordings.viewerCounts();
    const out: RecordingSummary[] = [];
    const needle = q.q?.toLowerCase();
    for (const r of await this.store.recordings.list()) {
      // Operators also see recordings in progress and failed ones (with their error), to act on them.
      if ((r.status === 'recording' || r.status === 'failed') && caller.user.role !== 'operator') continue;
      if (q.roadshowId && r.roadshowId !== q.roadshowId) continue;
      // The day it was recorded where the viewer is (a 23:30 UTC pitch is the next day in Shanghai); checked
      // before anything is looked up, like the event.
      const day = q.tz ? dayIn(r.startedAt, q.tz) : r.startedAt.slice(0, 10);
      if ((q.from && day < q.from) || (q.to && day > q.to)) continue;
      if (!(await this.canWatch(caller, r))) continue;
      const s = await this.#summary(r, viewers.get(r.id) ?? 0);
      if (q.language && s.language !== q.language) continue;
      if (q.industry && !s.startups.some((x) => x.industry.toLowerCase() === q.industry!.toLowerCase())) continue;
      if (q.stage && !s.startups.some((x) => x.stage === q.stage)) continue;
      if (needle) {
        const questions = (await this.store.roadshows.questions(r.roadshowId)).filter((x) => x.status === 'approved').map((x) => x.text);
        const hay = [s.title, s.description, ...s.startups.map((x) => x.name), ...questions].join('\n').toLowerCase();
        if (!hay.includes(needle)) continue;
      }
      out.push(s);
    }
    out.sort((a, b) => (q.sort === 'popular' ? b.viewers - a.viewers || b.startedAt.localeCompare(a.startedAt) : b.startedAt.localeCompare(a.startedAt)));
    const start = (q.page - 1) * q.pageSize;
    return { recordings: out.slice(start, start + q.pageSize), total: out.length, page: q.page, pageSize: q.pageSize };
  }

  async detail(caller: Caller, id: string): Promise<RecordingDetail> {
    const r = await this.watchable(caller, id);
    const viewers = (await this.store.recordings.viewerCounts()).get(id) ?? 0;
    const access = r.restricted ? await this.store.recordings.accessIds(id) : null;
    return {
      ...(await this.#summary(r, viewers)),
      chapters: (await this.store.recordings.chapters(id)).map((c) => ({
        index: c.index, title: c.title, itemId: c.itemId, startupId: c.startupId, startMs: c.startMs, endMs: c.endMs ?? r.durationMs, hasThumbnail: c.thumbnail !== null,
      })),
      markers: (await this.store.recordings.markers(id)).map((m) => ({ kind: m.kind, questionId: m.questionId, text: m.text, atMs: m.atMs })),
      error: r.error,
      errorCode: recordingProblemOf(r.error),
      restrictedTo: access ? await Promise.all(access.map(async (u) => ({ id: u, name: (await this.store.users.byId(u))?.name ?? '—' }))) : null,
      canRestrict: await this.#founderOf(caller, r),
      viewingIsVisible: caller.user.role === 'investor',
      interestedStartupIds:
        caller.user.role === 'investor' ? (await this.store.roadshows.interests(r.roadshowId)).filter((i) => i.investorId === caller.user.id).map((i) => i.startupId) : [],
    };
  }

  /** The session's approved questions (replay page). */
  async questions(caller: Caller, id: string): Promise<Question[]> {
    const r = await this.watchable(caller, id);
    const all = (await this.store.roadshows.questions(r.roadshowId)).filter((q) => q.status === 'approved');
    return Promise.all(
      all.map(async (q) => {
        const u = q.anonymous ? undefined : await this.store.users.byId(q.authorId);
        return {
          id: q.id, itemId: q.itemId, text: q.text, author: u ? { id: u.id, name: u.name, role: u.role } : null, anonymous: q.anonymous,
          status: q.status, answered: q.answeredAt !== null, pinned: q.pinned, votes: q.votes, createdAt: q.createdAt,
        };
      }),
    );
  }

  async thumbnailFile(caller: Caller, id: string, index: number): Promise<string> {
    await this.watchable(caller, id);
    const c = (await this.store.recordings.chapters(id)).find((x) => x.index === index);
    if (!c?.thumbnail) throw new NotFound('No thumbnail for that chapter.');
    return c.thumbnail;
  }

  async setAccess(caller: Caller, id: string, investorIds: string[] | null): Promise<RecordingDetail> {
    const r = await this.store.recordings.byId(id);
    if (!r) throw new NotFound('No such recording.');
    if (!(await this.#founderOf(caller, r))) throw new Forbidden('Only the founders of a startup in this recording restrict it.');
    for (const u of investorIds ?? []) {
      const user = await this.store.users.byId(u);
      if (user?.role !== 'investor') throw new BadRequest(`investorIds: ${user?.name ?? u} is not an investor.`);
    }
    await this.store.recordings.setAccess(id, investorIds);
    return this.detail(caller, id);
  }

  async reportWatch(caller: Caller, id: string, segments: [number, number][]): Promise<void> {
    const r = await this.watchable(caller, id);
    const max = r.durationMs > 0 ? r.durationMs : Number.MAX_SAFE_INTEGER;
    const clamped = segments.map(([a, b]) => [Math.min(a, max), Math.min(b, max)] as [number, number]).filter(([a, b]) => b > a);
    if (clamped.length > 0) await this.store.recordings.addWatch(id, caller.user.id, clamped, new Date().toISOString());
  }

  /**
   * An investor watching marks interest in one of the recording's startups (the same interest as in the
   * live room), optionally asking for an intro with a note; the startup's founders are notified when it is
   * new or the note changed.
   */
  async interest(caller: Caller, id: string, body: RecordingInterestBody): Promise<{ startupId: string; interested: boolean }> {
    if (caller.user.role !== 'investor') throw new Forbidden('Only investors mark interest or ask for an intro.');
    const r = await this.watchable(caller, id);
    const startup = (await this.#startups(r)).find((s) => s.id === body.startupId);
    if (!startup) throw new BadRequest('startupId: that startup did not pitch in this recording.');
    if (!body.interested && body.message) throw new BadRequest('message: a note goes with interest, not with withdrawing it.');
    const changed = await this.store.roadshows.setInterest(
      { roadshowId: r.roadshowId, startupId: startup.id, investorId: caller.user.id, itemId: null, recordingId: r.id, message: body.message ?? null, createdAt: new Date().toISOString() },
      body.interested,
    );
    if (changed && body.interested) {
      await this.notifier.notify(await this.store.startups.memberIds(startup.id), 'intro.requested', {
        bookingId: null, actorName: caller.user.name, startsAt: null, subject: startup.name, link: `/recordings/${r.id}/analytics`,
      });
    }
    return { startupId: startup.id, interested: body.interested };
  }

  /** Interest in the recording's startups: operators see all, founders their own startups'. */
  async #interests(caller: Caller, r: RecordingRecord): Promise<RecordingInterest[]> {
    const startups = new Map((await this.#startups(r)).map((s) => [s.id, s.name]));
    const mine = caller.user.role === 'operator' ? null : new Set(await this.store.startups.idsForUser(caller.user.id));
    const all = (await this.store.roadshows.interests(r.roadshowId)).filter((i) => startups.has(i.startupId) && (!mine || mine.has(i.startupId)));
    return Promise.all(
      all.map(async (i) => {
        const u = await this.store.users.byId(i.investorId);
        return {
          startupId: i.startupId,
          startupName: startups.get(i.startupId)!,
          investor: { id: i.investorId, name: u?.name ?? '—', role: u?.role ?? 'investor' },
          message: i.message ?? null,
          fromReplay: i.recordingId === r.id,
          createdAt: i.createdAt,
        };
      }),
    );
  }

  async analytics(caller: Caller, id: string): Promise<WatchAnalytics> {
    const r = await this.store.recordings.byId(id);
    if (!r) throw new NotFound('No such recording.');
    if (caller.user.role !== 'operator' && !(await this.#founderOf(caller, r))) throw new Forbidden('Only the startups in this recording see who watched it.');
    const chapters = await this.store.recordings.chapters(id);
    const byUser = new Map<string, { segs: [number, number][]; first: string; last: string }>();
    for (const w of await this.store.recordings.watch(id)) {
      const v = byUser.get(w.userId) ?? { segs: [], first: w.at, last: w.at };
      v.segs.push([w.startMs, w.endMs]);
      if (w.at < v.first) v.first = w.at;
      if (w.at > v.last) v.last = w.at;
      byUser.set(w.userId, v);
    }
    const viewers = await Promise.all(
      [...byUser].map(async ([userId, v]) => {
        const merged = mergeSegments(v.segs);
        const u = await this.store.users.byId(userId);
        return {
          viewer: { id: userId, name: u?.name ?? '—', role: u?.role ?? 'founder' },
          watchedMs: coveredMs(merged, 0, r.durationMs || Number.POSITIVE_INFINITY),
          firstAt: v.first,
          lastAt: v.last,
          chapters: chapters.map((c) => ({ index: c.index, watchedMs: coveredMs(merged, c.startMs, c.endMs ?? r.durationMs) })),
        };
      }),
    );
    viewers.sort((a, b) => b.watchedMs - a.watchedMs);
    return { recordingId: id, durationMs: r.durationMs, interests: await this.#interests(caller, r), viewers };
  }
}

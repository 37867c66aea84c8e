/**
 * One roadshow's live room: who is in it (by person, so a dropped connection that rejoins gets its
 * place back), the state machine, the stage (hosts, presenters, promoted guests), the pitch timer and
 * the waiting room. It keeps the media layer's publish permissions in step with the stage. The
 * conversation (Q&A, polls, chat, reactions, interest) is its child, `RoomConversation`.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import type { ScheduleService } from '../lobby/schedule.js';
import type { MediaService, RoomAccess } from '../media/mediaService.js';
import type { HatcheryServer, HatcherySocket } from '../realtime/gateway.js';
import type { RoadshowRecord } from '../store/roadshowTypes.js';
import type { Store } from '../store/types.js';
import type { RoadshowStatus } from '../../shared/schemas.js';
import type {
  AgendaItem,
  Attendee,
  AttendeesUpdate,
  LiveState,
  PersonRef,
  RoadshowDetail,
  RoadshowJoinResult,
  RoomMe,
  StageRole,
  TimerAction,
} from '../../shared/roadshow.js';
import { isHost, type RoadshowService } from './roadshowService.js';
import { RoomConversation } from './roomConversation.js';
import type { RecordingService } from '../recordings/service.js';
import { MAX_STAGE_MICS, type StageSource } from '../recordings/recorder.js';
import type { RecordingStatePush } from '../../shared/recordings.js';

/** Allowed state changes; anything else is a 409. */
const TRANSITIONS: Record<RoadshowStatus, readonly RoadshowStatus[]> = {
  scheduled: ['backstage'],
  backstage: ['live', 'scheduled'],
  live: ['ended'],
  ended: [],
};
/** Attendee lists are pushed at most this often (joins come in bursts). */
const ATTENDEES_PUSH_MS = 300;
/** The audience's attendee list shows the stage and then at most this many people (counts stay exact). */
const AUDIENCE_LIST_LIMIT = 200;

export interface RoadshowRoomDeps {
  store: Store;
  service: RoadshowService;
  schedule: ScheduleService;
  media: MediaService;
  io: HatcheryServer;
  log: Logger;
  /** How long the room keeps people's places after the last connection leaves. */
  idleMs: number;
  recordings: RecordingService;
}

/** A person's place in the room, kept while they are away so a rejoin restores it. */
export interface Participant {
  person: PersonRef;
  /** Sockets of this person in the room now. */
  sockets: Set<string>;
  handRaisedAt: string | null;
  /** Promoted to the stage by a host. */
  guest: boolean;
  /** Let in from the waiting room by a host. */
  admitted: boolean;
  /** The last RoomMe sent, to push only changes. */
  lastMe: string;
}

export class RoadshowRoom extends EventEmitter<{ closed: [] }> {
  readonly #people = new Map<string, Participant>();
  /** Whose each socket is, so a disconnect finds its person at once. */
  readonly #userBySocket = new Map<string, string>();
  #record: RoadshowRecord;
  #detail: RoadshowDetail;
  #hostIds: Set<string>;
  /** Presenters per agenda item, and of any item. */
  #presenters = new Map<string, Set<string>>();
  #allPresenters = new Set<string>();
  readonly conversation: RoomConversation;
  #attendeesTimer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(
    readonly id: string,
    private readonly deps: RoadshowRoomDeps,
    record: RoadshowRecord,
    detail: RoadshowDetail,
    hostIds: string[],
    muted: string[],
  ) {
    super();
    this.#record = record;
    this.#detail = detail;
    this.#hostIds = new Set(hostIds);
    this.#indexPresenters(detail.agenda);
    this.conversation = new RoomConversation(this, deps.store, deps.io, new Set(muted));
    this.#armIdle();
  }

  /** Loads the room, or null when there is no such roadshow. */
  static async create(id: string, deps: RoadshowRoomDeps): Promise<RoadshowRoom | null> {
    const record = await deps.store.roadshows.byId(id);
    if (!record) return null;
    const [detail, hostIds, muted] = await Promise.all([
      deps.service.detail(id),
      deps.store.roadshows.hostIds(id),
      deps.store.roadshows.mutedIds(id),
    ]);
    return new RoadshowRoom(id, deps, record, detail, hostIds, muted);
  }

  // ---------- names of Socket.IO rooms ----------
  /** Everyone admitted. */
  get everyone(): string {
    return `rs:${this.id}`;
  }
  get hostsRoom(): string {
    return `rs:${this.id}:hosts`;
  }
  get waitingRoom(): string {
    return `rs:${this.id}:wait`;
  }
  get mediaRoomId(): string {
    return `roadshow:${this.id}`;
  }
  get status(): RoadshowStatus {
    return this.#record.status;
  }
  get closed(): boolean {
    return this.#closed;
  }
  get currentItem(): AgendaItem | undefined {
    return this.#detail.agenda.find((i) => i.id === this.#record.currentItemId);
  }
  get moderatedQuestions(): boolean {
    return this.#record.moderatedQuestions;
  }

  // ---------- who is who ----------

  isHost(user: { id: string; role: string }): boolean {
    return isHost(user, this.#hostIds);
  }

  stageRole(user: { id: string; role: string }): StageRole {
    if (this.isHost(user)) return 'host';
    const presenters = this.#record.status === 'live' ? this.#presenters.get(this.#record.currentItemId ?? '') : this.#allPresenters;
    if (presenters?.has(user.id)) return 'presenter';
    if (this.#people.get(user.id)?.guest) return 'guest';
    return 'audience';
  }

  canPublish(user: { id: string; role: string }): boolean {
    const s = this.#record.status;
    return (s === 'backstage' || s === 'live') && this.stageRole(user) !== 'audience';
  }

  admitted(user: { id: string; role: string }): boolean {
    if (!this.#record.waitingRoom || this.isHost(user) || this.#allPresenters.has(user.id)) return true;
    return this.#people.get(user.id)?.admitted ?? false;
  }

  me(user: { id: string; role: string }): RoomMe {
    const p = this.#people.get(user.id);
    return {
      roadshowId: this.id,
      stageRole: this.stageRole(user),
      canPublish: this.canPublish(user),
      handRaised: p?.handRaisedAt != null,
      admission: this.admitted(user) ? 'admitted' : 'waiting',
      chatMuted: this.conversation.isMuted(user.id),
    };
  }

  /** Media: backstage admits the stage only; live admits everyone let in; publishing follows the stage. */
  mediaAccess(user: { id: string; role: string }): RoomAccess {
    const s = this.#record.status;
    const canJoin = s === 'backstage' ? this.stageRole(user) !== 'audience' : s === 'live' && this.admitted(user);
    return { canJoin, canPublish: canJoin && this.canPublish(user) };
  }

  liveState(): LiveState {
    const r = this.#record;
    const elapsed = r.timerElapsedMs + (r.timerRunning && r.timerAt ? Math.max(0, Date.now() - Date.parse(r.timerAt)) : 0);
    return {
      roadshowId: this.id,
      status: r.status,
      currentItemId: r.currentItemId,
      timer: { running: r.timerRunning, elapsedMs: Math.round(elapsed) },
      waitingRoom: r.waitingRoom,
      recording: this.deps.recordings.isRecording(this.id),
    };
  }

  /** The participant behind a caller that has joined (and is admitted), or 403. */
  participant(caller: Caller, { mustBeAdmitted = true } = {}): Participant {
    const p = this.#people.get(caller.user.id);
    if (!p || p.sockets.size === 0) throw new Forbidden('Join the roadshow first.');
    if (mustBeAdmitted && !this.admitted(caller.user)) throw new Forbidden('You are in the waiting room; a host will let you in.');
    return p;
  }

  assertHost(caller: Caller): void {
    if (!this.isHost(caller.user)) throw new Forbidden('Only the hosts run this roadshow.');
  }

  /** Sockets of one person in this room. */
  socketsOf(userId: string): string[] {
    return [...(this.#people.get(userId)?.sockets ?? [])];
  }

  // ---------- joining ----------

  async join(caller: Caller, socket: HatcherySocket): Promise<RoadshowJoinResult> {
    this.#assertOpen();
    const user = caller.user;
    let p = this.#people.get(user.id);
    if (!p) {
      p = { person: { id: user.id, name: user.name, role: user.role }, sockets: new Set(), handRaisedAt: null, guest: false, admitted: false, lastMe: '' };
      this.#people.set(user.id, p);
    }
    p.sockets.add(socket.id);
    this.#userBySocket.set(socket.id, user.id);
    this.#disarmIdle();
    const admitted = this.admitted(user);
    const host = this.isHost(user);
    await socket.leave(this.waitingRoom);
    if (admitted) {
      await socket.join(this.everyone);
      if (host) await socket.join(this.hostsRoom);
    } else {
      await socket.join(this.waitingRoom);
    }
    const me = this.me(user);
    p.lastMe = JSON.stringify(me);
    this.#scheduleAttendees();
    const talk = admitted ? await this.conversation.snapshot(user, host) : RoomConversation.emptySnapshot();
    return {
      roadshow: this.#detail,
      state: this.liveState(),
      me,
      canHost: host,
      registered: await this.deps.store.roadshows.isRegistered(this.id, user.id),
      ...talk,
      attendees: this.#attendees(host),
      serverTime: new Date().toISOString(),
    };
  }

  /** A socket leaves (or disconnects); the person's place is kept for a rejoin. */
  leave(socket: HatcherySocket | string): void {
    const socketId = typeof socket === 'string' ? socket : socket.id;
    const userId = this.#userBySocket.get(socketId);
    if (userId === undefined) return;
    this.#userBySocket.delete(socketId);
    this.#people.get(userId)?.sockets.delete(socketId);
    if (typeof socket !== 'string') void Promise.all([socket.leave(this.everyone), socket.leave(this.hostsRoom), socket.leave(this.waitingRoom)]);
    this.#scheduleAttendees();
    if (this.#connectedCount() === 0) this.#armIdle();
  }

  // ---------- hosts move the event along ----------

  async setStatus(caller: Caller, status: RoadshowStatus): Promise<LiveState> {
    this.assertHost(caller);
    const from = this.#record.status;
    if (!TRANSITIONS[from].includes(status)) {
      throw new Conflict(from === status ? `The roadshow is already ${status}.` : `A roadshow cannot go from ${from} to ${status}.`);
    }
    const first = this.#detail.agenda[0]?.id ?? null;
    const next: RoadshowRecord = { ...this.#record, status };
    if (status === 'backstage' || status === 'scheduled') Object.assign(next, { currentItemId: next.currentItemId ?? first, ...stopped(0) });
    if (status === 'live') Object.assign(next, { currentItemId: next.currentItemId ?? first, ...running(0) });
    if (status === 'ended') Object.assign(next, stopped(this.liveState().timer.elapsedMs));
    if (status === 'live' || status === 'ended') this.#clearStage();
    await this.#saveLive(next);
    if (status === 'ended' || status === 'scheduled') {
      this.deps.media.existingRoom(this.mediaRoomId)?.close(status === 'ended' ? 'The roadshow has ended.' : 'The rehearsal is over.', false);
    }
    this.deps.log.info({ roadshowId: this.id, from, to: status, by: caller.user.id }, 'setStatus()');
    await this.deps.schedule.announce();
    this.refresh();
    return this.liveState();
  }

  async timer(caller: Caller, action: TimerAction, itemId?: string): Promise<LiveState> {
    this.assertHost(caller);
    if (this.#record.status !== 'live' && this.#record.status !== 'backstage') throw new Conflict('The timer runs in backstage and live only.');
    const elapsed = this.liveState().timer.elapsedMs;
    const agenda = this.#detail.agenda;
    let next: RoadshowRecord;
    switch (action) {
      case 'start':
        next = { ...this.#record, ...(this.#record.timerRunning ? {} : running(elapsed)) };
        break;
      case 'pause':
        next = { ...this.#record, ...stopped(elapsed) };
        break;
      case 'reset':
        next = { ...this.#record, ...stopped(0) };
        break;
      case 'next': {
        const at = agenda.findIndex((i) => i.id === this.#record.currentItemId);
        const following = agenda[at + 1];
        if (!following) throw new Conflict('This is the last agenda item.');
        next = { ...this.#record, currentItemId: following.id, ...running(0) };
        break;
      }
      case 'goto': {
        if (!agenda.some((i) => i.id === itemId)) throw new NotFound('No such agenda item.');
        next = { ...this.#record, currentItemId: itemId!, ...running(0) };
        break;
      }
    }
    // The stage belongs to the new item's presenters: promoted guests go back to the audience.
    if (next.currentItemId !== this.#record.currentItemId) this.#clearStage();
    await this.#saveLive(next);
    this.refresh();
    return this.liveState();
  }

  async setWaitingRoom(caller: Caller, enabled: boolean): Promise<LiveState> {
    this.assertHost(caller);
    if (enabled && !this.#record.waitingRoom) {
      // Whoever is already in stays in; only newcomers wait.
      for (const p of this.#people.values()) if (p.sockets.size > 0) p.admitted = true;
    }
    await this.deps.store.roadshows.update(this.id, { waitingRoom: enabled });
    this.#record = { ...this.#record, waitingRoom: enabled };
    this.#detail = { ...this.#detail, waitingRoom: enabled };
    this.refresh();
    return this.liveState();
  }

  admit(caller: Caller, userId: string | undefined): number {
    this.assertHost(caller);
    const letIn: string[] = [];
    for (const p of userId !== undefined ? [this.#people.get(userId)] : this.#people.values()) {
      if (!p || this.admitted(p.person)) continue;
      p.admitted = true;
      letIn.push(p.person.id);
    }
    if (userId !== undefined && letIn.length === 0 && !this.#people.has(userId)) throw new NotFound('That person is not waiting.');
    this.refresh(letIn);
    return letIn.length;
  }

  // ---------- the stage ----------

  raiseHand(caller: Caller, raised: boolean): RoomMe {
    const p = this.participant(caller);
    if (this.#record.status === 'ended') throw new Conflict('This roadshow has ended.');
    if (raised && this.stageRole(caller.user) !== 'audience') throw new Conflict('You are already on stage.');
    p.handRaisedAt = raised ? (p.handRaisedAt ?? new Date().toISOString()) : null;
    this.refresh([caller.user.id]);
    return this.me(caller.user);
  }

  setStage(caller: Caller, userId: string, onStage: boolean): void {
    this.assertHost(caller);
    const p = this.#people.get(userId);
    if (!p || p.sockets.size === 0) throw new NotFound('That person is not in the room.');
    if (!this.admitted(p.person)) throw new Conflict('Admit them from the waiting room first.');
    if (onStage) {
      if (this.#record.status === 'ended') throw new Conflict('This roadshow has ended.');
      if (this.stageRole(p.person) !== 'audience') throw new Conflict(`${p.person.name} is already on stage.`);
      p.guest = true;
      p.handRaisedAt = null;
    } else {
      if (!p.guest) throw new Conflict(`${p.person.name} was not promoted to the stage.`);
      p.guest = false;
    }
    this.deps.log.info({ roadshowId: this.id, userId, onStage, by: caller.user.id }, 'setStage()');
    this.refresh([userId]);
  }

  #clearStage(): void {
    for (const p of this.#people.values()) p.guest = false;
  }

  // ---------- keeping everyone in step ----------

  /** Reloads details, hosts and agenda after an edit (REST), then pushes what changed. */
  async reload(): Promise<void> {
    const [record, detail, hostIds] = await Promise.all([
      this.deps.store.roadshows.byId(this.id),
      this.deps.service.detail(this.id),
      this.deps.store.roadshows.hostIds(this.id),
    ]);
    if (!record || this.#closed) return;
    this.#hostIds = new Set(hostIds);
    this.#indexPresenters(detail.agenda);
    this.#detail = detail;
    let next = record;
    if (next.currentItemId && !detail.agenda.some((i) => i.id === next.currentItemId)) {
      // The current item was removed: move to the first one, paused.
      next = { ...next, currentItemId: detail.agenda[0]?.id ?? null, ...stopped(0) };
      await this.deps.store.roadshows.saveLive(this.id, pickLive(next));
    }
    this.#record = next;
    this.deps.io.to([this.everyone, this.waitingRoom]).emit('roadshow:updated', { roadshowId: this.id, roadshow: detail });
    this.refresh();
  }

  /**
   * Pushes each person's own place where it changed (moving their sockets between the waiting room,
   * the room and the hosts' room), syncs media permissions and the attendee list. With `only`, just
   * those people changed (a hand, a promotion, an admission), so the room-wide state is not re-sent.
   */
  refresh(only?: Iterable<string>): void {
    if (this.#closed) return;
    const io = this.deps.io;
    if (!only) io.to([this.everyone, this.waitingRoom]).emit('roadshow:state', this.liveState());
    const people = only ? [...only].map((id) => this.#people.get(id)).filter((p) => p !== undefined) : this.#people.values();
    for (const p of people) {
      if (p.sockets.size === 0) continue;
      const me = this.me(p.person);
      const json = JSON.stringify(me);
      if (json === p.lastMe) continue;
      const wasWaiting = p.lastMe !== '' && (JSON.parse(p.lastMe) as RoomMe).admission === 'waiting';
      p.lastMe = json;
      const sockets = [...p.sockets];
      if (wasWaiting && me.admission === 'admitted') {
        io.in(sockets).socketsLeave(this.waitingRoom);
        io.in(sockets).socketsJoin(this.everyone);
      }
      if (me.admission === 'admitted') {
        if (me.stageRole === 'host') io.in(sockets).socketsJoin(this.hostsRoom);
        else io.in(sockets).socketsLeave(this.hostsRoom);
      }
      io.to(sockets).emit('roadshow:me', me);
    }
    this.#syncMedia(only ? new Set(only) : undefined);
    this.#scheduleAttendees();
  }

  /** Gives or takes the media layer's publish permission to match the stage. */
  #syncMedia(only?: Set<string>): void {
    const room = this.deps.media.existingRoom(this.mediaRoomId);
    if (!room || room.closed) return;
    for (const peer of room.peers()) {
      if (only && !only.has(peer.userId)) continue;
      const want = this.canPublish({ id: peer.userId, role: peer.role });
      if (peer.canPublish !== want) room.setCanPublish(peer.peerId, want);
    }
  }

  #attendees(forHost: boolean): AttendeesUpdate {
    const attendees: Attendee[] = [];
    let watching = 0;
    let waiting = 0;
    for (const p of this.#people.values()) {
      if (p.sockets.size === 0) continue;
      const admitted = this.admitted(p.person);
      if (admitted) watching++;
      else waiting++;
      if (!admitted && !forHost) continue;
      attendees.push({
        userId: p.person.id,
        name: p.person.name,
        role: p.person.role,
        stageRole: this.stageRole(p.person),
        handRaised: p.handRaisedAt !== null,
        handRaisedAt: p.handRaisedAt,
        chatMuted: this.conversation.isMuted(p.person.id),
        admission: admitted ? 'admitted' : 'waiting',
      });
    }
    if (!forHost && attendees.length > AUDIENCE_LIST_LIMIT) {
      // NOTE: a big audience does not get thousands of names on every join; hosts still get everyone.
      attendees.sort((a, b) => Number(a.stageRole === 'audience') - Number(b.stageRole === 'audience'));
      attendees.length = AUDIENCE_LIST_LIMIT;
    }
    return { roadshowId: this.id, attendees, watching, waiting };
  }

  /** Attendee lists go out at most every ATTENDEES_PUSH_MS: hosts get everyone, the rest the admitted. */
  #scheduleAttendees(): void {
    if (this.#attendeesTimer || this.#closed) return;
    this.#attendeesTimer = setTimeout(() => {
      this.#attendeesTimer = undefined;
      if (this.#closed) return;
      this.deps.io.to(this.hostsRoom).emit('roadshow:attendees', this.#attendees(true));
      this.deps.io.to(this.everyone).except(this.hostsRoom).emit('roadshow:attendees', this.#attendees(false));
    }, ATTENDEES_PUSH_MS);
  }

  async #saveLive(next: RoadshowRecord): Promise<void> {
    const itemChanged = next.currentItemId !== this.#record.currentItemId;
    await this.deps.store.roadshows.saveLive(this.id, pickLive(next));
    this.#record = next;
    this.#detail = { ...this.#detail, status: next.status };
    const item = this.currentItem;
    if (itemChanged && item) this.deps.recordings.chapter(this.id, { id: item.id, title: item.title, startupId: item.startupId });
    if (next.status === 'ended' || next.status === 'scheduled') await this.deps.recordings.stop(this.id);
  }

  // ---------- recording ----------

  /** Hosts start or stop recording the stage (backstage or live). */
  async setRecording(caller: Caller, on: boolean): Promise<RecordingStatePush> {
    this.assertHost(caller);
    if (on) {
      if (this.#record.status !== 'live' && this.#record.status !== 'backstage') throw new Conflict('Recording is possible in backstage and live.');
      const item = this.currentItem;
      const room = await this.deps.media.room(this.mediaRoomId);
      const id = await this.deps.recordings.start(this.id, caller, room, () => this.stageSource(), item ? { id: item.id, title: item.title, startupId: item.startupId } : null);
      room.once('closed', () => void this.deps.recordings.stop(this.id, null));
      return { roadshowId: this.id, recording: true, recordingId: id, error: null, errorCode: null };
    }
    const id = await this.deps.recordings.stop(this.id);
    return { roadshowId: this.id, recording: false, recordingId: id, error: null, errorCode: null };
  }

  /** A question became visible or was answered: a marker when recording. */
  noteQuestion(kind: 'asked' | 'answered', q: { id: string; text: string }): void {
    this.deps.recordings.marker(this.id, kind, q);
  }

  /** A recording started, stopped or hit a problem: everyone sees the indicator; the error is for hosts. */
  onRecordingState(e: RecordingStatePush): void {
    if (this.#closed) return;
    this.deps.io.to(this.everyone).except(this.hostsRoom).emit('roadshow:recording', { ...e, error: null, errorCode: null });
    this.deps.io.to(this.hostsRoom).emit('roadshow:recording', e);
    this.deps.io.to([this.everyone, this.waitingRoom]).emit('roadshow:state', this.liveState());
  }

  /**
   * What the recording shows now: the current item's presenter's screen share, else their camera, else
   * a host's or guest's camera; and every microphone on the stage (presenters, hosts, guests — whoever
   * may publish now), mixed into one track when the file is finished.
   */
  stageSource(): StageSource {
    const room = this.deps.media.existingRoom(this.mediaRoomId);
    if (!room || room.closed) return { video: null, audio: [] };
    const presenters = this.#presenters.get(this.#record.currentItemId ?? '') ?? new Set<string>();
    const rank = (userId: string, role: string) => (presenters.has(userId) ? 0 : this.isHost({ id: userId, role }) ? 1 : this.#people.get(userId)?.guest ? 2 : 3);
    const candidates = room.peers().filter((p) => p.canPublish && p.producers.size > 0).sort((a, b) => rank(a.userId, a.role) - rank(b.userId, b.role));
    const live = (peer: (typeof candidates)[number], source: string) => [...peer.producers.values()].find((x) => x.source === source && !x.producer.closed)?.producer.id ?? null;
    let video: string | null = null;
    for (const peer of candidates) {
      video = live(peer, 'screen') ?? live(peer, 'camera');
      if (video) break;
    }
    // NOTE: only microphones that are on. A track that starts in the middle of a segment would be placed at
    // the segment's start until its first RTCP sender report reaches ffmpeg (up to 5 s for audio), so a
    // microphone new to the segment (someone joins the stage, or unmutes for the first time in it) starts
    // a new segment, where every track starts together. Muting and unmuting one it has does not.
    const speaking = (peer: (typeof candidates)[number]) =>
      [...peer.producers.values()].find((x) => x.source === 'microphone' && !x.producer.closed && !x.producer.paused)?.producer.id ?? null;
    const audio = candidates.map(speaking).filter((id): id is string => id !== null).slice(0, MAX_STAGE_MICS);
    return { video, audio };
  }

  #indexPresenters(agenda: AgendaItem[]): void {
    this.#presenters = new Map(agenda.map((i) => [i.id, new Set(i.presenters.map((p) => p.id))]));
    this.#allPresenters = new Set(agenda.flatMap((i) => i.presenters.map((p) => p.id)));
  }

  #connectedCount(): number {
    return this.#userBySocket.size;
  }

  // ---------- lifecycle ----------

  #armIdle(): void {
    this.#disarmIdle();
    this.#idleTimer = setTimeout(() => {
      if (this.#connectedCount() === 0) this.close();
    }, this.deps.idleMs);
    this.#idleTimer.unref();
  }
  #disarmIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Conflict('This room was just closed; join again.');
  }

  /** Drops the in-memory room (people's places, timers); everything lasting is in the store. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#disarmIdle();
    if (this.#attendeesTimer) clearTimeout(this.#attendeesTimer);
    void this.deps.recordings.stop(this.id, null);
    this.conversation.close();
    this.emit('closed');
    this.removeAllListeners();
  }
}

const running = (elapsedMs: number) => ({ timerRunning: true, timerElapsedMs: elapsedMs, timerAt: new Date().toISOString() });
const stopped = (elapsedMs: number) => ({ timerRunning: false, timerElapsedMs: elapsedMs, timerAt: null });
const pickLive = (r: RoadshowRecord) => ({
  status: r.status,
  currentItemId: r.currentItemId,
  timerRunning: r.timerRunning,
  timerElapsedMs: r.timerElapsedMs,
  timerAt: r.timerAt,
});

/**
 * Helpers for the roadshow integration tests: signed-in demo people, roadshows with a known agenda,
 * and a `RoomClient` that records every roadshow/media push a socket receives (like the client's store),
 * so tests can `waitFor` what arrived instead of sleeping.
 */
import { AckClient, connectSocket, type ClientSocket, type HttpSession, type TestServer } from './server.js';
import { waitFor } from './waitFor.js';
import { DemoPeople, EMAIL, type Who } from './demoPeople.js';
import type { AckResult } from '../../shared/events.js';
import type { LobbySchedule, RoadshowSummary, Role } from '../../shared/schemas.js';
import type { MediaJoinResult } from '../../shared/media.js';
import type {
  AttendeesUpdate,
  ChatMessage,
  CreateRoadshowBody,
  LiveState,
  Poll,
  Question,
  RoadshowDetail,
  RoadshowJoinResult,
  RoomMe,
} from '../../shared/roadshow.js';

export { EMAIL, type Who };

export interface Person {
  who: Who;
  id: string;
  name: string;
  role: Role;
  session: HttpSession;
}

/** A socket in a roadshow room, with every push it received. */
export class RoomClient extends AckClient<Person> {
  readonly states: LiveState[] = [];
  readonly mes: RoomMe[] = [];
  readonly attendees: AttendeesUpdate[] = [];
  /** Latest version of each question this socket was pushed, by id. */
  readonly questions = new Map<string, Question>();
  /** Every question push, in order. */
  readonly questionLog: Question[] = [];
  readonly removed: string[] = [];
  readonly polls = new Map<string, Poll>();
  readonly pollLog: Poll[] = [];
  readonly chat: ChatMessage[] = [];
  readonly chatDeleted: string[] = [];
  readonly reactions: string[] = [];
  readonly permissions: { roomId: string; canPublish: boolean }[] = [];
  readonly roomClosed: { roomId: string; reason: string }[] = [];
  readonly updated: RoadshowDetail[] = [];
  readonly lobby: LobbySchedule[] = [];

  constructor(person: Person, socket: ClientSocket) {
    super(person, socket);
    socket.on('roadshow:state', (s) => this.states.push(s));
    socket.on('roadshow:me', (m) => this.mes.push(m));
    socket.on('roadshow:attendees', (a) => this.attendees.push(a));
    socket.on('roadshow:question', ({ question }) => {
      this.questions.set(question.id, question);
      this.questionLog.push(question);
    });
    socket.on('roadshow:questionRemoved', ({ questionId }) => {
      this.removed.push(questionId);
      this.questions.delete(questionId);
    });
    socket.on('roadshow:poll', ({ poll }) => {
      this.polls.set(poll.id, poll);
      this.pollLog.push(poll);
    });
    socket.on('roadshow:chat', ({ message }) => this.chat.push(message));
    socket.on('roadshow:chatDeleted', ({ messageId }) => this.chatDeleted.push(messageId));
    socket.on('roadshow:reaction', ({ reaction }) => this.reactions.push(reaction));
    socket.on('roadshow:updated', ({ roadshow }) => this.updated.push(roadshow));
    socket.on('media:permission', (p) => this.permissions.push(p));
    socket.on('media:roomClosed', (p) => this.roomClosed.push(p));
    socket.on('lobby:schedule', (s) => this.lobby.push(s));
  }

  get id(): string {
    return this.person.id;
  }

  join(roadshowId: string): Promise<RoadshowJoinResult> {
    return this.ok<RoadshowJoinResult>('roadshow:join', { roadshowId });
  }

  mediaJoin(roadshowId: string): Promise<AckResult<MediaJoinResult>> {
    return this.call<MediaJoinResult>('media:join', { roomId: `roadshow:${roadshowId}` });
  }

  /** The latest `roadshow:me` for this roadshow. */
  lastMe(roadshowId: string): RoomMe | undefined {
    return this.mes.filter((m) => m.roadshowId === roadshowId).at(-1);
  }
  lastState(roadshowId: string): LiveState | undefined {
    return this.states.filter((s) => s.roadshowId === roadshowId).at(-1);
  }
  lastAttendees(roadshowId: string): AttendeesUpdate | undefined {
    return this.attendees.filter((a) => a.roadshowId === roadshowId).at(-1);
  }
  lastPermission(roadshowId: string): boolean | undefined {
    return this.permissions.filter((p) => p.roomId === `roadshow:${roadshowId}`).at(-1)?.canPublish;
  }

  /** Waits until the latest `roadshow:me` matches. */
  waitMe(roadshowId: string, match: (m: RoomMe) => boolean, what = 'roadshow:me'): Promise<RoomMe> {
    return waitFor(() => {
      const m = this.lastMe(roadshowId);
      return m && match(m) ? m : undefined;
    }, { what: `${this.person.who} ${what}` });
  }
  waitPermission(roadshowId: string, canPublish: boolean): Promise<boolean> {
    return waitFor(() => this.lastPermission(roadshowId) === canPublish, { what: `${this.person.who} media:permission ${canPublish}` });
  }
  waitState(roadshowId: string, match: (s: LiveState) => boolean, what = 'roadshow:state'): Promise<LiveState> {
    return waitFor(() => {
      const s = this.lastState(roadshowId);
      return s && match(s) ? s : undefined;
    }, { what: `${this.person.who} ${what}` });
  }
  waitQuestion(id: string, match: (q: Question) => boolean = () => true, what = 'roadshow:question'): Promise<Question> {
    return waitFor(() => {
      const q = this.questions.get(id);
      return q && match(q) ? q : undefined;
    }, { what: `${this.person.who} ${what}` });
  }
  waitPoll(id: string, match: (p: Poll) => boolean = () => true, what = 'roadshow:poll'): Promise<Poll> {
    return waitFor(() => {
      const p = this.polls.get(id);
      return p && match(p) ? p : undefined;
    }, { what: `${this.person.who} ${what}` });
  }
  waitAttendee(roadshowId: string, userId: string, match: (a: AttendeesUpdate['attendees'][number]) => boolean, what = 'attendee') {
    return waitFor(() => {
      const a = this.lastAttendees(roadshowId)?.attendees.find((x) => x.userId === userId);
      return a && match(a) ? a : undefined;
    }, { what: `${this.person.who} sees ${what}` });
  }

  close(): void {
    this.socket.close();
  }
}

export interface AgendaIds {
  tide: string;
  break: string;
  agri: string;
}

/** Logged-in people, sockets and roadshows for one test server; `closeAll()` closes every socket it opened. */
export class RoadshowKit {
  readonly #people: DemoPeople;
  readonly #clients: RoomClient[] = [];
  tideId = '';
  agriId = '';
  ledgerId = '';

  private constructor(readonly srv: TestServer) {
    this.#people = new DemoPeople(srv.url);
  }

  static async create(srv: TestServer): Promise<RoadshowKit> {
    const kit = new RoadshowKit(srv);
    Object.assign(kit, await kit.#people.startupIds());
    return kit;
  }

  /** Signs a demo person in once per kit. */
  person(who: Who): Promise<Person> {
    return this.#people.get(who);
  }

  /** A new socket for this person (a new tab or a reconnect). */
  async connect(who: Who): Promise<RoomClient> {
    const person = await this.person(who);
    const socket = await connectSocket(this.srv.url, person.session.cookie);
    const c = new RoomClient(person, socket);
    this.#clients.push(c);
    return c;
  }

  /** Connects and joins the roadshow room in one go. */
  async enter(who: Who, roadshowId: string): Promise<{ c: RoomClient; join: RoadshowJoinResult }> {
    const c = await this.connect(who);
    return { c, join: await c.join(roadshowId) };
  }

  /** The standard agenda: Tidewater pitch (chen, sofia), a break, AgriSense pitch (lina). */
  agenda(): CreateRoadshowBody['agenda'] {
    return [
      { kind: 'pitch', title: 'Tidewater Robotics', startupId: this.tideId, pitchMinutes: 5, qaMinutes: 3 },
      { kind: 'break', title: 'Coffee break', pitchMinutes: 5 },
      { kind: 'pitch', title: '青禾 AgriSense', startupId: this.agriId, pitchMinutes: 5, qaMinutes: 3 },
    ];
  }

  /** Creates a roadshow (as the operator unless `by` says otherwise) with the standard agenda; asserts 201. */
  async createRoadshow(
    overrides: Partial<CreateRoadshowBody> = {},
    by: Who = 'ops',
  ): Promise<{ roadshow: RoadshowDetail; items: AgendaIds }> {
    const session = (await this.person(by)).session;
    const body: CreateRoadshowBody = {
      title: `Roadshow ${Math.random().toString(36).slice(2, 8)}`,
      startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      timeZone: 'Asia/Shanghai',
      durationMinutes: 90,
      agenda: this.agenda(),
      ...overrides,
    };
    const res = await session.post('/api/roadshows', body);
    if (res.status !== 201) throw new Error(`create roadshow as ${by}: ${res.status} ${res.text}`);
    const roadshow = res.json.roadshow as RoadshowDetail;
    const [tide, brk, agri] = roadshow.agenda;
    return { roadshow, items: { tide: tide?.id ?? '', break: brk?.id ?? '', agri: agri?.id ?? '' } };
  }

  /** Moves a roadshow through states over REST as the operator; asserts every step is 200. */
  async advance(roadshowId: string, ...statuses: ('backstage' | 'live' | 'ended' | 'scheduled')[]): Promise<void> {
    const ops = (await this.person('ops')).session;
    for (const status of statuses) {
      const res = await ops.patch(`/api/roadshows/${roadshowId}/status`, { status });
      if (res.status !== 200) throw new Error(`PATCH status ${status}: ${res.status} ${res.text}`);
    }
  }

  /** A roadshow already live (standard agenda unless overridden). */
  async liveRoadshow(overrides: Partial<CreateRoadshowBody> = {}) {
    const made = await this.createRoadshow(overrides);
    await this.advance(made.roadshow.id, 'backstage', 'live');
    return made;
  }

  closeAll(): void {
    for (const c of this.#clients.splice(0)) c.close();
  }
}

/** Every summary `GET /api/roadshows` (or a `lobby:schedule` push) lists. */
export function allSummaries(schedule: { live?: RoadshowSummary[]; next?: RoadshowSummary[]; roadshows?: RoadshowSummary[] }): RoadshowSummary[] {
  return [...(schedule.live ?? []), ...(schedule.next ?? []), ...(schedule.roadshows ?? [])];
}

/** PUT with a JSON body (HttpSession has no `put`). */
export function put(session: HttpSession, path: string, body: unknown) {
  return session.request('PUT', path, body);
}

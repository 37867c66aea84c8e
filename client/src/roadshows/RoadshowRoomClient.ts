/**
 * One live roadshow room, browser side: a plain object (no React) that owns the `roadshow:*` events on
 * the shared socket and writes what the room shows into its store. `#setPhase()` is the only place the
 * loading phase changes.
 *
 * Joining is idempotent on the server and restores my place (role, hand, admission, mute), so we simply
 * join again after every socket reconnect, and when a host admits me from the waiting room.
 */
import type { StoreApi } from 'zustand';
import type { Reaction } from '../../../shared/constants';
import type { ServerToClientEvents } from '../../../shared/events';
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type { RecordingStatePush } from '../../../shared/recordings';
import type { QuestionAction, RoomMe, TimerAction } from '../../../shared/roadshow';
import type { RoadshowStatus } from '../../../shared/schemas';
import type { LobbySocket } from '../lobby/LobbyClient';
import {
  appendChat,
  applyJoin,
  removeById,
  toggleId,
  upsertById,
  type RoadshowRoomPhase,
  type RoadshowRoomState,
  type RoomToast,
} from './roadshowRoomStore';
import { roadshowRequest, type RoadshowRequestData, type RoadshowRequestName, type RoadshowRequestPayload, type RoadshowResult } from './roadshowSignal';

/** How long a reaction floats before it is removed. */
export const BURST_MS = 2_400;
/** At most this many reactions float at once (a storm of claps must not flood the page). */
export const MAX_BURSTS = 40;
/** How long a failed action's message stays up. */
export const TOAST_MS = 6_000;

export interface RoadshowRoomClientOptions {
  /** The shared, already-managed Socket.IO socket (owned by LobbyClient). */
  socket: LobbySocket;
  store: StoreApi<RoadshowRoomState>;
  roadshowId: string;
}

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[RoadshowRoomClient] ${message}`, ...args);
};

export class RoadshowRoomClient {
  readonly #socket: LobbySocket;
  readonly #store: StoreApi<RoadshowRoomState>;
  readonly #id: string;
  readonly #disposers: (() => void)[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #closed = false;
  #started = false;
  /** Bumped per join, so a late answer to an older one is ignored. */
  #joinSeq = 0;
  /** Pushes that arrived while a join was in flight; replayed on top of its answer. */
  #buffered: (() => void)[] | null = null;
  #nextId = 1;

  constructor(options: RoadshowRoomClientOptions) {
    this.#socket = options.socket;
    this.#store = options.store;
    this.#id = options.roadshowId;
  }

  /** Wires the pushes and joins (now, or as soon as the socket connects). */
  start(): void {
    if (this.#closed || this.#started) return;
    this.#started = true;
    const s = this.#socket;
    const on = <E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) => {
      // NOTE: Socket.IO's overloads cannot be resolved for a generic event name; the map types the handler.
      s.on(event, handler as never);
      this.#disposers.push(() => s.off(event, handler as never));
    };
    s.on('connect', this.#onConnect);
    s.on('disconnect', this.#onDisconnect);
    this.#disposers.push(() => {
      s.off('connect', this.#onConnect);
      s.off('disconnect', this.#onDisconnect);
    });
    on('roadshow:state', (state) => this.#push(state.roadshowId, () => this.#store.setState({ state, stateReceivedAt: Date.now() })));
    on('roadshow:updated', ({ roadshowId, roadshow }) => this.#push(roadshowId, () => this.#store.setState({ roadshow })));
    on('roadshow:me', (me) => this.#push(me.roadshowId, () => this.#onMe(me)));
    on('roadshow:attendees', (attendees) => this.#push(attendees.roadshowId, () => this.#store.setState({ attendees })));
    on('roadshow:question', ({ roadshowId, question }) => this.#push(roadshowId, () => this.#set((st) => ({ questions: upsertById(st.questions, question) }))));
    on('roadshow:questionRemoved', ({ roadshowId, questionId }) => this.#push(roadshowId, () => this.#set((st) => ({ questions: removeById(st.questions, questionId) }))));
    on('roadshow:poll', ({ roadshowId, poll }) => this.#push(roadshowId, () => this.#set((st) => ({ polls: upsertById(st.polls, poll) }))));
    on('roadshow:chat', ({ roadshowId, message }) => this.#push(roadshowId, () => this.#set((st) => ({ chat: appendChat(st.chat, message) }))));
    on('roadshow:chatDeleted', ({ roadshowId, messageId }) => this.#push(roadshowId, () => this.#set((st) => ({ chat: removeById(st.chat, messageId) }))));
    on('roadshow:recording', (push) => this.#push(push.roadshowId, () => this.#onRecording(push)));
    on('roadshow:reaction', ({ roadshowId, reaction }) => {
      if (roadshowId === this.#id) this.#burst(reaction);
    });
    if (s.connected) void this.#join();
  }

  /** Leaves the room (best effort) and removes every listener and timer; safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#joinSeq++;
    for (const dispose of this.#disposers.splice(0)) dispose();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    if (this.#started && this.#socket.connected) void roadshowRequest(this.#socket, 'roadshow:leave', { roadshowId: this.#id }, 2_000);
    log(`close() | [roadshowId:${this.#id}]`);
  }

  /** Tries to join again after a failure (the error state's Retry). */
  retry(): void {
    if (this.#closed) return;
    this.#setPhase({ kind: 'joining' });
    void this.#join();
  }

  // ---------- running the event (hosts) ----------

  setStatus = (status: RoadshowStatus) => this.#act('roadshow:setStatus', { status }, (state) => this.#store.setState({ state, stateReceivedAt: Date.now() }));
  timer = (action: TimerAction, itemId?: string) =>
    this.#act('roadshow:timer', itemId ? { action, itemId } : { action }, (state) => this.#store.setState({ state, stateReceivedAt: Date.now() }));
  setWaitingRoom = (enabled: boolean) => this.#act('roadshow:setWaitingRoom', { enabled }, (state) => this.#store.setState({ state, stateReceivedAt: Date.now() }));
  admit = (who: { userId: string } | { all: true }) => this.#act('roadshow:admit', who, () => {});
  setStage = (userId: string, onStage: boolean) => this.#act('roadshow:setStage', { userId, onStage }, () => {});
  moderate = (questionId: string, action: QuestionAction) =>
    this.#act('roadshow:moderate', { questionId, action }, (question) => this.#set((st) => ({ questions: upsertById(st.questions, question) })));
  createPoll = (poll: { question: string; options: string[]; multiple: boolean; anonymous: boolean }) =>
    this.#act('roadshow:createPoll', poll, (created) => this.#set((st) => ({ polls: upsertById(st.polls, created) })), { toast: false });
  closePoll = (pollId: string) => this.#act('roadshow:closePoll', { pollId }, (poll) => this.#set((st) => ({ polls: upsertById(st.polls, poll) })));
  deleteChat = (messageId: string) => this.#act('roadshow:deleteChat', { messageId }, () => this.#set((st) => ({ chat: removeById(st.chat, messageId) })));
  muteChat = (userId: string, muted: boolean) => this.#act('roadshow:muteChat', { userId, muted }, () => {});
  /** Starts or stops recording the stage (docs/recordings.md). */
  record = (recording: boolean) => this.#act('roadshow:record', { recording }, (push) => this.#onRecording(push));

  // ---------- taking part ----------

  raiseHand = (raised: boolean) => this.#act('roadshow:raiseHand', { raised }, (me) => this.#store.setState({ me }));
  /** Asks a question; the form shows a refusal itself (no toast). */
  ask = (text: string, anonymous: boolean) =>
    this.#act(
      'roadshow:ask',
      { text, anonymous },
      (q) => this.#set((st) => ({ questions: upsertById(st.questions, q), myQuestionIds: toggleId(st.myQuestionIds, q.id, true) })),
      { toast: false },
    );
  vote = (questionId: string, up: boolean) =>
    this.#act('roadshow:vote', { questionId, up }, ({ votes, voted }) =>
      this.#set((st) => ({
        questions: st.questions.map((q) => (q.id === questionId ? { ...q, votes } : q)),
        myVotes: toggleId(st.myVotes, questionId, voted),
      })),
    );
  votePoll = (pollId: string, optionIds: string[]) =>
    this.#act('roadshow:votePoll', { pollId, optionIds }, (poll) =>
      this.#set((st) => ({ polls: upsertById(st.polls, poll), myPollVotes: { ...st.myPollVotes, [pollId]: optionIds } })),
    );
  /** Sends a chat message; the box shows a refusal itself (no toast). */
  chat = (text: string) => this.#act('roadshow:chat', { text }, (message) => this.#set((st) => ({ chat: appendChat(st.chat, message) })), { toast: false });
  react = (reaction: Reaction) => this.#act('roadshow:react', { reaction }, () => {});
  interested = (interested: boolean) =>
    this.#act('roadshow:interested', { interested }, ({ startupId, interested: on }) =>
      this.#set((st) => ({ interestedStartupIds: toggleId(st.interestedStartupIds, startupId, on) })),
    );

  /** Hides a failed action's message. */
  dismissToast(id: number): void {
    this.#set((st) => ({ toasts: st.toasts.filter((t) => t.id !== id) }));
  }

  // ---------- internals ----------

  #set(update: (st: RoadshowRoomState) => Partial<RoadshowRoomState>): void {
    if (!this.#closed) this.#store.setState(update);
  }

  /** The only place the loading phase changes. */
  #setPhase(next: RoadshowRoomPhase): void {
    const prev = this.#store.getState().phase;
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    log(`setPhase() | ${prev.kind} → ${next.kind}`);
    this.#store.setState({ phase: next });
  }

  /** Sends one action; applies its answer, or shows why it failed (unless the caller shows it). */
  async #act<E extends RoadshowRequestName>(
    event: E,
    body: Omit<RoadshowRequestPayload<E>, 'roadshowId'>,
    apply: (data: RoadshowRequestData<E>) => void,
    { toast = true }: { toast?: boolean } = {},
  ): Promise<RoadshowResult<RoadshowRequestData<E>>> {
    const payload = { ...body, roadshowId: this.#id } as RoadshowRequestPayload<E>;
    const result = await roadshowRequest(this.#socket, event, payload);
    if (this.#closed) return result;
    if (result.ok) apply(result.data);
    else if (toast) this.#toast(result.error, result.timedOut);
    return result;
  }

  async #join(): Promise<void> {
    if (this.#closed) return;
    const seq = ++this.#joinSeq;
    this.#buffered = [];
    if (this.#store.getState().roadshow) this.#store.setState({ reconnecting: true });
    const result = await roadshowRequest(this.#socket, 'roadshow:join', { roadshowId: this.#id });
    if (this.#closed || seq !== this.#joinSeq) return;
    const buffered = this.#buffered ?? [];
    this.#buffered = null;
    if (result.ok) {
      this.#store.setState({ ...applyJoin(result.data, Date.now()), reconnecting: false });
      this.#setPhase({ kind: 'ready' });
      buffered.forEach((apply) => apply());
      log(`join() | [roadshowId:${this.#id}] status=${result.data.state.status} admission=${result.data.me.admission}`);
      return;
    }
    // No answer with the socket down: its 'connect' joins again. A refusal before any data is final.
    if (result.timedOut && !this.#socket.connected) return;
    if (this.#store.getState().roadshow) {
      this.#store.setState({ reconnecting: false });
      this.#toast(result.error, result.timedOut);
    } else {
      this.#setPhase({ kind: 'failed', error: result.error, timedOut: result.timedOut });
    }
  }

  /** Applies a push for this room now, or after the join that is in flight. */
  #push(roadshowId: string, change: () => void): void {
    if (this.#closed || roadshowId !== this.#id) return;
    if (this.#buffered) this.#buffered.push(change);
    else change();
  }

  #onMe(me: RoomMe): void {
    const prev = this.#store.getState().me;
    this.#store.setState({ me });
    // Let in from the waiting room, or made / no longer a host (hosts see more): load the room again.
    const admitted = prev?.admission === 'waiting' && me.admission === 'admitted';
    const hostChanged = prev !== null && (prev.stageRole === 'host') !== (me.stageRole === 'host');
    if (admitted || hostChanged) void this.#join();
  }

  /** Recording started or stopped: the indicator follows at once; a problem is shown to the host. */
  #onRecording(push: RecordingStatePush): void {
    this.#set((st) => (st.state ? { state: { ...st.state, recording: push.recording } } : {}));
    if (push.error) this.#toast({ reason: ErrorReason.Internal, message: push.error, ...(push.errorCode ? { code: push.errorCode } : {}) }, false, true);
  }

  readonly #onConnect = (): void => {
    log(`socket connect | rejoining [roadshowId:${this.#id}]`);
    void this.#join();
  };

  readonly #onDisconnect = (): void => {
    this.#joinSeq++;
    this.#buffered = null;
    this.#store.setState({ reconnecting: true });
  };

  #burst(reaction: Reaction): void {
    const burst = { id: this.#nextId++, reaction, left: 8 + Math.random() * 84 };
    this.#set((st) => ({ bursts: [...st.bursts, burst].slice(-MAX_BURSTS) }));
    this.#later(BURST_MS, () => this.#set((st) => ({ bursts: st.bursts.filter((b) => b.id !== burst.id) })));
  }

  #toast(error: ApiError, timedOut: boolean, recording = false): void {
    const toast: RoomToast = { id: this.#nextId++, error, timedOut, ...(recording ? { recording } : {}) };
    // The same refusal again (a burst of claps over the limit) replaces the one shown, not stacks.
    const same = (t: RoomToast) => t.error.reason === error.reason && t.error.message === error.message;
    this.#set((st) => ({ toasts: [...st.toasts.filter((t) => !same(t)), toast].slice(-3) }));
    this.#later(TOAST_MS, () => this.dismissToast(toast.id));
  }

  /** A timer that is cleared on close. */
  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
  }
}

/**
 * A live roadshow room, browser side: the event, its state, my place, Q&A, polls, chat, attendees and
 * the reactions flying by. Only `RoadshowRoomClient` writes here; components read slices of it.
 */
import { createStore } from 'zustand';
import type { ApiError } from '../../../shared/protocol';
import type { Reaction } from '../../../shared/constants';
import type {
  AttendeesUpdate,
  ChatMessage,
  LiveState,
  Poll,
  Question,
  RoadshowDetail,
  RoadshowJoinResult,
  RoomMe,
} from '../../../shared/roadshow';
import { createStoreContext } from '../lib/storeContext';

/** Loading the room: joining until the first join answers; failed if it was refused (no data yet). */
export type RoadshowRoomPhase = { kind: 'joining' } | { kind: 'ready' } | { kind: 'failed'; error: ApiError; timedOut: boolean };

/** One reaction floating up the stage. */
export interface ReactionBurst {
  id: number;
  reaction: Reaction;
  /** Horizontal start, in % of the stage width. */
  left: number;
}

/** A failed action shown briefly over the room. */
export interface RoomToast {
  id: number;
  error: ApiError;
  timedOut: boolean;
  /** A recording problem: the server's text is shown as it is (hosts only). */
  recording?: boolean;
}

export interface RoadshowRoomState {
  /** The roadshow this room is for. */
  roadshowId: string;
  /** Whether the room's data is loaded; changed only by `RoadshowRoomClient.#setPhase()`. */
  phase: RoadshowRoomPhase;
  /** The socket dropped or a rejoin is in flight; the data below stays shown (possibly stale) meanwhile. */
  reconnecting: boolean;
  /** The event's details, hosts and agenda; null before the first join. */
  roadshow: RoadshowDetail | null;
  /** Status, current item, timer and waiting room; null before the first join. */
  state: LiveState | null;
  /** When `state` arrived (our clock), so a running timer adds the time since. */
  stateReceivedAt: number;
  /** My place in the room (role on stage, hand, admission, muted); null before the first join. */
  me: RoomMe | null;
  /** Whether I may run the event. */
  canHost: boolean;
  /** Whether I said "I'll attend". */
  registered: boolean;
  /** Startups of this event I (an investor) marked interested. */
  interestedStartupIds: string[];
  /** Questions I can see, in arrival order (sorting is the view's job). */
  questions: Question[];
  /** Questions I asked (they show "awaiting approval" to me while pending). */
  myQuestionIds: string[];
  /** Questions I voted up. */
  myVotes: string[];
  /** Polls, oldest first. */
  polls: Poll[];
  /** Poll id → the option ids I chose. */
  myPollVotes: Record<string, string[]>;
  /** The latest chat messages, oldest first. */
  chat: ChatMessage[];
  /** Who is in the room (hosts also see who waits); null before the first join. */
  attendees: AttendeesUpdate | null;
  /** Reactions floating up right now. */
  bursts: ReactionBurst[];
  /** Failed actions to show, oldest first. */
  toasts: RoomToast[];
}

/** How many chat messages we keep (the server sends the last 100 on join). */
export const CHAT_KEEP = 200;

export const initialRoadshowRoomState = (roadshowId: string): RoadshowRoomState => ({
  roadshowId,
  phase: { kind: 'joining' },
  reconnecting: false,
  roadshow: null,
  state: null,
  stateReceivedAt: 0,
  me: null,
  canHost: false,
  registered: false,
  interestedStartupIds: [],
  questions: [],
  myQuestionIds: [],
  myVotes: [],
  polls: [],
  myPollVotes: {},
  chat: [],
  attendees: null,
  bursts: [],
  toasts: [],
});

export function createRoadshowRoomStore(roadshowId: string, initial: Partial<RoadshowRoomState> = {}) {
  return createStore<RoadshowRoomState>()(() => ({ ...initialRoadshowRoomState(roadshowId), ...initial }));
}

/** The room after a (re)join answered: everything replaced by the server's view. */
export function applyJoin(result: RoadshowJoinResult, receivedAt: number): Partial<RoadshowRoomState> {
  return {
    roadshow: result.roadshow,
    state: result.state,
    stateReceivedAt: receivedAt,
    me: result.me,
    canHost: result.canHost,
    registered: result.registered,
    interestedStartupIds: result.interestedStartupIds,
    questions: result.questions,
    myQuestionIds: result.myQuestionIds,
    myVotes: result.myVotes,
    polls: result.polls,
    myPollVotes: result.myPollVotes,
    chat: result.chat.slice(-CHAT_KEEP),
    attendees: result.attendees,
  };
}

/** Adds or replaces an entry by id, keeping its position. */
export function upsertById<T extends { id: string }>(list: T[], entry: T): T[] {
  const i = list.findIndex((e) => e.id === entry.id);
  if (i === -1) return [...list, entry];
  const next = list.slice();
  next[i] = entry;
  return next;
}

export function removeById<T extends { id: string }>(list: T[], id: string): T[] {
  return list.some((e) => e.id === id) ? list.filter((e) => e.id !== id) : list;
}

/** Adds a chat message once (a push and our own ack may both bring it) and keeps the last CHAT_KEEP. */
export function appendChat(list: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (list.some((m) => m.id === message.id)) return list;
  return [...list, message].slice(-CHAT_KEEP);
}

/** Adds or removes an id from a set kept as an array. */
export function toggleId(list: string[], id: string, on: boolean): string[] {
  const has = list.includes(id);
  if (on === has) return list;
  return on ? [...list, id] : list.filter((x) => x !== id);
}

export type QuestionSort = 'votes' | 'newest';

/** Pinned first, then by votes (ties: older first) or newest first. */
export function sortQuestions(questions: Question[], sort: QuestionSort): Question[] {
  return questions.slice().sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    const byTime = a.createdAt.localeCompare(b.createdAt);
    return sort === 'newest' ? -byTime : byTime;
  });
}

const ctx = createStoreContext<RoadshowRoomState>('RoadshowRoomStore', () => createRoadshowRoomStore(''));
export const RoadshowRoomStoreProvider = ctx.Provider;
export const useRoadshowRoomStoreApi = ctx.useStoreApi;
export const useRoadshowRoom = ctx.useSelector;

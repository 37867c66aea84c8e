/** Records and the storage contract of the roadshows domain (one implementation per store). */
import type { Language, RoadshowStatus } from '../../shared/schemas.js';
import type { AgendaItemKind, QuestionStatus } from '../../shared/roadshow.js';

export interface RoadshowRecord {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  language: Language;
  status: RoadshowStatus;
  createdBy: string;
  createdAt: string;
  waitingRoom: boolean;
  moderatedQuestions: boolean;
  currentItemId: string | null;
  /** The pitch timer as of `timerAt`. */
  timerRunning: boolean;
  timerElapsedMs: number;
  timerAt: string | null;
}

export type RoadshowPatch = Partial<
  Pick<RoadshowRecord, 'title' | 'description' | 'startsAt' | 'durationMinutes' | 'timeZone' | 'language' | 'waitingRoom' | 'moderatedQuestions'>
>;
/** What changes together when a host moves the event along. */
export type RoadshowLivePatch = Pick<RoadshowRecord, 'status' | 'currentItemId' | 'timerRunning' | 'timerElapsedMs' | 'timerAt'>;

export interface AgendaItemRecord {
  id: string;
  roadshowId: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  startupId: string | null;
  pitchMinutes: number;
  qaMinutes: number;
}

export interface QuestionRecord {
  id: string;
  roadshowId: string;
  itemId: string | null;
  authorId: string;
  text: string;
  anonymous: boolean;
  status: QuestionStatus;
  answeredAt: string | null;
  pinned: boolean;
  votes: number;
  createdAt: string;
}

export interface PollRecord {
  id: string;
  roadshowId: string;
  itemId: string | null;
  question: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  anonymous: boolean;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface PollVoteRecord {
  pollId: string;
  userId: string;
  optionIds: string[];
}

export interface ChatRecord {
  id: string;
  roadshowId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface InterestRecord {
  roadshowId: string;
  startupId: string;
  investorId: string;
  itemId: string | null;
  /** Marked while watching this recording (null: in the live room). */
  recordingId?: string | null;
  /** The investor's note with an intro request. */
  message?: string | null;
  createdAt: string;
}

export interface RoadshowRepo {
  create(roadshow: RoadshowRecord): Promise<void>;
  byId(id: string): Promise<RoadshowRecord | undefined>;
  list(): Promise<RoadshowRecord[]>;
  update(id: string, patch: RoadshowPatch): Promise<void>;
  saveLive(id: string, live: RoadshowLivePatch): Promise<void>;

  hostIds(id: string): Promise<string[]>;
  setHosts(id: string, userIds: string[]): Promise<void>;
  agenda(id: string): Promise<AgendaItemRecord[]>;
  /** Replaces the agenda (ids kept for items that stay). */
  setAgenda(id: string, items: AgendaItemRecord[]): Promise<void>;

  /** Returns whether anything changed. */
  register(id: string, userId: string, now: string): Promise<boolean>;
  unregister(id: string, userId: string): Promise<boolean>;
  isRegistered(id: string, userId: string): Promise<boolean>;
  /** Registration counts by roadshow id. */
  registrationCounts(): Promise<Map<string, number>>;

  schedulerIds(): Promise<string[]>;
  setScheduler(userId: string, allowed: boolean, by: string, now: string): Promise<void>;

  addQuestion(q: QuestionRecord): Promise<void>;
  question(id: string): Promise<QuestionRecord | undefined>;
  questions(roadshowId: string): Promise<QuestionRecord[]>;
  updateQuestion(id: string, patch: Partial<Pick<QuestionRecord, 'status' | 'answeredAt' | 'pinned'>>): Promise<void>;
  /** Unpins every question of the event. */
  unpinAll(roadshowId: string): Promise<void>;
  /** Sets this person's vote; returns the question's vote count after. Idempotent. */
  vote(questionId: string, userId: string, up: boolean): Promise<number>;
  /** Question ids this person voted for in this event. */
  votesBy(roadshowId: string, userId: string): Promise<string[]>;

  addPoll(p: PollRecord): Promise<void>;
  poll(id: string): Promise<PollRecord | undefined>;
  polls(roadshowId: string): Promise<PollRecord[]>;
  closePoll(id: string, now: string): Promise<void>;
  /** Records a vote; false when this person already voted in this poll. */
  votePoll(pollId: string, userId: string, optionIds: string[], now: string): Promise<boolean>;
  pollVotes(pollId: string): Promise<PollVoteRecord[]>;

  addChat(m: ChatRecord): Promise<void>;
  chatMessage(id: string): Promise<(ChatRecord & { deleted: boolean }) | undefined>;
  /** The latest `limit` messages that are not deleted, oldest first. */
  recentChat(roadshowId: string, limit: number): Promise<ChatRecord[]>;
  deleteChat(id: string, by: string, now: string): Promise<void>;
  setMuted(roadshowId: string, userId: string, muted: boolean, by: string, now: string): Promise<void>;
  mutedIds(roadshowId: string): Promise<string[]>;

  /** Marks or unmarks; true when this call changed something (a new interest, a new note, or one removed). */
  setInterest(rec: InterestRecord, interested: boolean): Promise<boolean>;
  interests(roadshowId: string): Promise<InterestRecord[]>;
}

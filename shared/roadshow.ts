/**
 * The roadshow protocol: the event's details and agenda (REST), and everything in the live room
 * (Socket.IO): state machine, stage, timer, Q&A, polls, chat, reactions, waiting room, interest.
 * Semantics are described in docs/roadshows.md.
 */
import { z } from 'zod';
import {
  AGENDA_ITEM_KINDS,
  QUESTION_ACTIONS,
  QUESTION_STATUSES,
  REACTIONS,
  STAGE_ROLES,
  TIMER_ACTIONS,
} from './constants.js';
import { Language, Role, RoadshowStatus, RoadshowSummary, TimeZone } from './schemas.js';

export { AGENDA_ITEM_KINDS, QUESTION_ACTIONS, QUESTION_STATUSES, REACTIONS, STAGE_ROLES, TIMER_ACTIONS };

const Id = z.string().min(1).max(64);
const RoadshowRef = z.object({ roadshowId: Id });
/** Text someone types into the room (trimmed, never empty). */
const RoomText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;
export const StageRole = z.enum(STAGE_ROLES);
export type StageRole = z.infer<typeof StageRole>;
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = z.infer<typeof QuestionStatus>;
export const QuestionAction = z.enum(QUESTION_ACTIONS);
export type QuestionAction = z.infer<typeof QuestionAction>;
export const ReactionKind = z.enum(REACTIONS);
export type ReactionKind = z.infer<typeof ReactionKind>;
export const TimerAction = z.enum(TIMER_ACTIONS);
export type TimerAction = z.infer<typeof TimerAction>;

/** A person as the room shows them. */
export const PersonRef = z.object({ id: Id, name: z.string(), role: Role });
export type PersonRef = z.infer<typeof PersonRef>;

// ---------- the event (REST) ----------

/** One agenda item. A pitch belongs to a startup; its founders are the item's presenters. */
export const AgendaItem = z.object({
  id: Id,
  kind: AgendaItemKind,
  title: z.string(),
  startupId: Id.nullable(),
  startupName: z.string().nullable(),
  /** Minutes of pitch (or of the break/talk). */
  pitchMinutes: z.number().int(),
  /** Minutes of Q&A after the pitch (0 for breaks). */
  qaMinutes: z.number().int(),
  /** Who presents this item (the startup's founders). */
  presenters: z.array(PersonRef),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A roadshow with its hosts, agenda, settings and registration count (the same for every viewer). */
export const RoadshowDetail = RoadshowSummary.extend({
  createdBy: Id,
  hosts: z.array(PersonRef),
  agenda: z.array(AgendaItem),
  /** Viewers wait until a host admits them. */
  waitingRoom: z.boolean(),
  /** New questions wait for a host's approval before the audience sees them. */
  moderatedQuestions: z.boolean(),
});
export type RoadshowDetail = z.infer<typeof RoadshowDetail>;

/** GET /api/roadshows/:id: the detail plus what the caller may do. */
export const RoadshowDetailResponse = z.object({
  roadshow: RoadshowDetail,
  registered: z.boolean(),
  canHost: z.boolean(),
});
export type RoadshowDetailResponse = z.infer<typeof RoadshowDetailResponse>;

export const AgendaItemInput = z
  .object({
    /** Keep an existing item's id so its questions stay attached; omit for a new item. */
    id: Id.optional(),
    kind: AgendaItemKind,
    title: z.string().trim().min(1).max(120),
    startupId: Id.nullable().default(null),
    pitchMinutes: z.number().int().min(1).max(120),
    qaMinutes: z.number().int().min(0).max(60).default(0),
  })
  .strict()
  .refine((i) => i.kind !== 'pitch' || i.startupId !== null, { message: 'a pitch needs a startup', path: ['startupId'] });
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

const RoadshowFields = {
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(600),
  timeZone: TimeZone,
  language: Language,
  /** Hosts besides the creator (operators or mentors). */
  hostIds: z.array(Id).max(10),
  agenda: z.array(AgendaItemInput).max(40),
  waitingRoom: z.boolean(),
  moderatedQuestions: z.boolean(),
};

/** POST /api/roadshows: the event's basics; hosts, agenda and settings are optional. */
export const CreateRoadshowBody = z.object({
  ...RoadshowFields,
  description: RoadshowFields.description.default(''),
  durationMinutes: RoadshowFields.durationMinutes.default(60),
  language: Language.default('en'),
  hostIds: RoadshowFields.hostIds.default([]),
  agenda: RoadshowFields.agenda.default([]),
  waitingRoom: z.boolean().default(false),
  moderatedQuestions: z.boolean().default(false),
});
export type CreateRoadshowBody = z.input<typeof CreateRoadshowBody>;

/** PUT /api/roadshows/:id — any subset; the agenda is replaced whole (that is how it is reordered). */
export const UpdateRoadshowBody = z.object(RoadshowFields).partial().strict();
export type UpdateRoadshowBody = z.input<typeof UpdateRoadshowBody>;

/** PUT /api/roadshow-schedulers/:userId body: whether this mentor may schedule roadshows. */
export const SetSchedulerBody = z.object({ allowed: z.boolean() }).strict();
export type SetSchedulerBody = z.infer<typeof SetSchedulerBody>;

/** GET /api/roadshows/:id/interests: investors interested in each startup of the event. */
export const RoadshowInterest = z.object({
  startupId: Id,
  startupName: z.string(),
  investor: PersonRef,
  /** The investor's note with an intro request (sent from a replay), or null. */
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type RoadshowInterest = z.infer<typeof RoadshowInterest>;

// ---------- the live room: server → client shapes ----------

/** The pitch timer: elapsed time of the current item, running or paused. */
export const TimerState = z.object({
  running: z.boolean(),
  /** Milliseconds elapsed when the server sent this; add the time since it arrived when running. */
  elapsedMs: z.number().int().nonnegative(),
});
export type TimerState = z.infer<typeof TimerState>;

/** The room's shared state, broadcast to everyone in it on every change. */
export const LiveState = z.object({
  roadshowId: Id,
  status: RoadshowStatus,
  currentItemId: Id.nullable(),
  timer: TimerState,
  waitingRoom: z.boolean(),
  /** The room is being recorded (everyone sees an indicator; joining shows the consent text). */
  recording: z.boolean(),
});
export type LiveState = z.infer<typeof LiveState>;

/** Admission to the room: waiting while a host has not let the viewer in. */
export const Admission = z.enum(['admitted', 'waiting']);
export type Admission = z.infer<typeof Admission>;

/** The caller's own place in the room (restored on rejoin). */
export const RoomMe = z.object({
  roadshowId: Id,
  stageRole: StageRole,
  /** Whether the caller may publish media now (hosts, current presenters, promoted guests; backstage: all presenters). */
  canPublish: z.boolean(),
  handRaised: z.boolean(),
  admission: Admission,
  chatMuted: z.boolean(),
});
export type RoomMe = z.infer<typeof RoomMe>;

export const Attendee = z.object({
  userId: Id,
  name: z.string(),
  role: Role,
  stageRole: StageRole,
  handRaised: z.boolean(),
  /** When the hand went up (ISO), to call on people in order. */
  handRaisedAt: z.string().nullable(),
  chatMuted: z.boolean(),
  admission: Admission,
});
export type Attendee = z.infer<typeof Attendee>;

/** Who is in the room. Hosts get everyone, waiting viewers included; others get the admitted only. */
export const AttendeesUpdate = z.object({
  roadshowId: Id,
  attendees: z.array(Attendee),
  /** Admitted people connected now. */
  watching: z.number().int(),
  /** People in the waiting room now. */
  waiting: z.number().int(),
});
export type AttendeesUpdate = z.infer<typeof AttendeesUpdate>;

export const Question = z.object({
  id: Id,
  itemId: Id.nullable(),
  text: z.string(),
  /** Null for the audience when the question is anonymous; hosts always see the author. */
  author: PersonRef.nullable(),
  anonymous: z.boolean(),
  status: QuestionStatus,
  answered: z.boolean(),
  pinned: z.boolean(),
  votes: z.number().int(),
  createdAt: z.string(),
});
export type Question = z.infer<typeof Question>;

export const PollOption = z.object({
  id: Id,
  text: z.string(),
  votes: z.number().int(),
  /** Who chose it, for polls that are not anonymous. */
  voters: z.array(PersonRef),
});
export const Poll = z.object({
  id: Id,
  itemId: Id.nullable(),
  question: z.string(),
  options: z.array(PollOption),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  open: z.boolean(),
  /** People who voted. */
  voters: z.number().int(),
  createdAt: z.string(),
});
export type Poll = z.infer<typeof Poll>;

export const ChatMessage = z.object({
  id: Id,
  author: PersonRef,
  text: z.string(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Everything the room shows, for one viewer: sent on join and on every rejoin. */
export const RoadshowJoinResult = z.object({
  roadshow: RoadshowDetail,
  state: LiveState,
  me: RoomMe,
  /** Whether the caller may run the event (false for investors, always). */
  canHost: z.boolean(),
  registered: z.boolean(),
  /** The startups this investor marked "interested" in this event. */
  interestedStartupIds: z.array(Id),
  /** Empty while waiting. Hosts also get pending and hidden questions. */
  questions: z.array(Question),
  myQuestionIds: z.array(Id),
  myVotes: z.array(Id),
  polls: z.array(Poll),
  /** Poll id → the option ids the caller chose. */
  myPollVotes: z.record(z.string(), z.array(Id)),
  /** The latest chat messages, oldest first. */
  chat: z.array(ChatMessage),
  attendees: AttendeesUpdate,
  serverTime: z.string(),
});
export type RoadshowJoinResult = z.infer<typeof RoadshowJoinResult>;

// ---------- the live room: client → server payloads ----------

export const RoadshowJoinBody = RoadshowRef.strict();
export const RoadshowSetStatusBody = RoadshowRef.extend({ status: RoadshowStatus }).strict();
export const RoadshowTimerBody = RoadshowRef.extend({ action: TimerAction, itemId: Id.optional() })
  .strict()
  .refine((b) => b.action !== 'goto' || b.itemId !== undefined, { message: 'goto needs an itemId', path: ['itemId'] });
export const RoadshowRaiseHandBody = RoadshowRef.extend({ raised: z.boolean() }).strict();
export const RoadshowSetStageBody = RoadshowRef.extend({ userId: Id, onStage: z.boolean() }).strict();
export const RoadshowAskBody = RoadshowRef.extend({ text: RoomText(500), anonymous: z.boolean().default(false) }).strict();
export const RoadshowVoteBody = RoadshowRef.extend({ questionId: Id, up: z.boolean() }).strict();
export const RoadshowModerateBody = RoadshowRef.extend({ questionId: Id, action: QuestionAction }).strict();
export const RoadshowCreatePollBody = RoadshowRef.extend({
  question: RoomText(200),
  options: z.array(RoomText(100)).min(2, 'at least 2 options').max(6, 'at most 6 options'),
  multiple: z.boolean().default(false),
  anonymous: z.boolean().default(true),
}).strict();
export const RoadshowVotePollBody = RoadshowRef.extend({ pollId: Id, optionIds: z.array(Id).min(1).max(6) }).strict();
export const RoadshowClosePollBody = RoadshowRef.extend({ pollId: Id }).strict();
export const RoadshowChatBody = RoadshowRef.extend({ text: RoomText(500) }).strict();
export const RoadshowDeleteChatBody = RoadshowRef.extend({ messageId: Id }).strict();
export const RoadshowMuteBody = RoadshowRef.extend({ userId: Id, muted: z.boolean() }).strict();
export const RoadshowReactBody = RoadshowRef.extend({ reaction: ReactionKind }).strict();
export const RoadshowSetWaitingRoomBody = RoadshowRef.extend({ enabled: z.boolean() }).strict();
/** Admit one viewer (userId) or everyone waiting (all). */
export const RoadshowAdmitBody = RoadshowRef.extend({ userId: Id.optional(), all: z.boolean().optional() })
  .strict()
  .refine((b) => (b.userId !== undefined) !== (b.all === true), { message: 'give either userId or all: true' });
export const RoadshowInterestedBody = RoadshowRef.extend({ interested: z.boolean() }).strict();
export const RoadshowReorderBody = RoadshowRef.extend({ itemIds: z.array(Id).max(40) }).strict();

// ---------- acks and pushes ----------

export const VoteResult = z.object({ questionId: Id, votes: z.number().int(), voted: z.boolean() });
export const AdmitResult = z.object({ admitted: z.number().int() });
export const InterestedResult = z.object({ startupId: Id, interested: z.boolean() });
export const AgendaResult = z.object({ agenda: z.array(AgendaItem) });

export const QuestionPush = z.object({ roadshowId: Id, question: Question });
export const QuestionRemovedPush = z.object({ roadshowId: Id, questionId: Id });
export const PollPush = z.object({ roadshowId: Id, poll: Poll });
export const ChatPush = z.object({ roadshowId: Id, message: ChatMessage });
export const ChatDeletedPush = z.object({ roadshowId: Id, messageId: Id });
export const ReactionPush = z.object({ roadshowId: Id, reaction: ReactionKind });
export const RoadshowUpdatedPush = z.object({ roadshowId: Id, roadshow: RoadshowDetail });

/**
 * The Socket.IO event maps, built from the zod schemas so the protocol lives once.
 * Client → server events carry a payload and an acknowledgement as the last parameter.
 */
import type { z } from 'zod';
import type { ApiError } from './protocol.js';
import {
  LobbySchedule,
  LobbySnapshot,
  LobbySubscribeBody,
  PresenceEntry,
  PresenceLeft,
  ServerNotice,
  SetPresenceStatusBody,
} from './schemas.js';
import * as M from './media.js';
import * as R from './roadshow.js';
import * as O from './officeHours.js';
import * as Rec from './recordings.js';

/** The result every acknowledgement carries. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type Ack<T> = (result: AckResult<T>) => void;

/** Client → server events: the payload schema the gateway parses and the ack's data schema. */
export const clientEvents = {
  'lobby:subscribe': { payload: LobbySubscribeBody, ack: LobbySnapshot },
  'presence:setStatus': { payload: SetPresenceStatusBody, ack: PresenceEntry },
  'media:join': { payload: M.MediaJoinBody, ack: M.MediaJoinResult },
  'media:leave': { payload: M.MediaLeaveBody, ack: M.Empty },
  'media:createTransport': { payload: M.MediaCreateTransportBody, ack: M.MediaTransportResult },
  'media:connectTransport': { payload: M.MediaConnectTransportBody, ack: M.Empty },
  'media:restartIce': { payload: M.MediaRestartIceBody, ack: M.MediaRestartIceResult },
  'media:produce': { payload: M.MediaProduceBody, ack: M.MediaProduceResult },
  'media:closeProducer': { payload: M.MediaProducerBody, ack: M.Empty },
  'media:pauseProducer': { payload: M.MediaProducerBody, ack: M.Empty },
  'media:resumeProducer': { payload: M.MediaProducerBody, ack: M.Empty },
  'media:consume': { payload: M.MediaConsumeBody, ack: M.MediaConsumeResult },
  'media:resumeConsumer': { payload: M.MediaConsumerBody, ack: M.Empty },
  'media:pauseConsumer': { payload: M.MediaConsumerBody, ack: M.Empty },
  'media:setPreferredLayers': { payload: M.MediaPreferredLayersBody, ack: M.Empty },
  'roadshow:join': { payload: R.RoadshowJoinBody, ack: R.RoadshowJoinResult },
  'roadshow:leave': { payload: R.RoadshowJoinBody, ack: M.Empty },
  'roadshow:setStatus': { payload: R.RoadshowSetStatusBody, ack: R.LiveState },
  'roadshow:timer': { payload: R.RoadshowTimerBody, ack: R.LiveState },
  'roadshow:reorderAgenda': { payload: R.RoadshowReorderBody, ack: R.AgendaResult },
  'roadshow:raiseHand': { payload: R.RoadshowRaiseHandBody, ack: R.RoomMe },
  'roadshow:setStage': { payload: R.RoadshowSetStageBody, ack: M.Empty },
  'roadshow:ask': { payload: R.RoadshowAskBody, ack: R.Question },
  'roadshow:vote': { payload: R.RoadshowVoteBody, ack: R.VoteResult },
  'roadshow:moderate': { payload: R.RoadshowModerateBody, ack: R.Question },
  'roadshow:createPoll': { payload: R.RoadshowCreatePollBody, ack: R.Poll },
  'roadshow:votePoll': { payload: R.RoadshowVotePollBody, ack: R.Poll },
  'roadshow:closePoll': { payload: R.RoadshowClosePollBody, ack: R.Poll },
  'roadshow:chat': { payload: R.RoadshowChatBody, ack: R.ChatMessage },
  'roadshow:deleteChat': { payload: R.RoadshowDeleteChatBody, ack: M.Empty },
  'roadshow:muteChat': { payload: R.RoadshowMuteBody, ack: M.Empty },
  'roadshow:react': { payload: R.RoadshowReactBody, ack: M.Empty },
  'roadshow:setWaitingRoom': { payload: R.RoadshowSetWaitingRoomBody, ack: R.LiveState },
  'roadshow:admit': { payload: R.RoadshowAdmitBody, ack: R.AdmitResult },
  'roadshow:interested': { payload: R.RoadshowInterestedBody, ack: R.InterestedResult },
  'roadshow:record': { payload: Rec.RoadshowRecordBody, ack: Rec.RecordingStatePush },
  'queue:watch': { payload: O.QueueWatchBody, ack: O.DropInQueueState },
  'queue:setOpen': { payload: O.QueueSetOpenBody, ack: O.DropInQueueState },
  'queue:join': { payload: O.QueueJoinBody, ack: O.DropInQueueState },
  'queue:leave': { payload: O.QueueLeaveBody, ack: O.DropInQueueState },
  'queue:admit': { payload: O.QueueAdmitBody, ack: O.QueueAdmitted },
} as const;
export type ClientEventName = keyof typeof clientEvents;

/** Server → client events and their payload schemas. */
export const serverEvents = {
  'presence:joined': PresenceEntry,
  'presence:updated': PresenceEntry,
  'presence:left': PresenceLeft,
  'lobby:schedule': LobbySchedule,
  'media:peerJoined': M.MediaPeerJoined,
  'media:peerLeft': M.MediaPeerLeft,
  'media:producerAdded': M.MediaProducerAdded,
  'media:producerClosed': M.MediaProducerClosed,
  'media:producerState': M.MediaProducerState,
  'media:consumerClosed': M.MediaConsumerClosed,
  'media:activeSpeaker': M.MediaActiveSpeaker,
  'media:roomClosed': M.MediaRoomClosed,
  'media:permission': M.MediaPermission,
  /** The room's state changed (status, current item, timer, waiting room). */
  'roadshow:state': R.LiveState,
  /** The event's details, hosts or agenda changed. */
  'roadshow:updated': R.RoadshowUpdatedPush,
  /** The receiver's own place changed (promoted, hand lowered, admitted, muted…). */
  'roadshow:me': R.RoomMe,
  'roadshow:attendees': R.AttendeesUpdate,
  /** A question was added or changed (already filtered for the receiver). */
  'roadshow:question': R.QuestionPush,
  /** A question the receiver could see is no longer visible to them (hidden). */
  'roadshow:questionRemoved': R.QuestionRemovedPush,
  'roadshow:poll': R.PollPush,
  'roadshow:chat': R.ChatPush,
  'roadshow:chatDeleted': R.ChatDeletedPush,
  'roadshow:reaction': R.ReactionPush,
  /** Recording started or stopped, or failed (the error is for the hosts). */
  'roadshow:recording': Rec.RecordingStatePush,
  /** A drop-in queue the receiver watches changed (filtered for the receiver). */
  'queue:state': O.DropInQueueState,
  /** The mentor admitted the receiver (or, for the mentor, someone) into a drop-in session. */
  'queue:admitted': O.QueueAdmitted,
  /** An in-app notification for the receiver. */
  notification: O.Notification,
  /** A booking the receiver is a party of changed (the mentor extended the room, it moved, it was cancelled). */
  'booking:changed': O.BookingChanged,
  /** Sent just before the server closes the connection on purpose (logout, shutdown). */
  'server:notice': ServerNotice,
} as const;

export type ClientToServerEvents = {
  [K in ClientEventName]: (
    payload: z.input<(typeof clientEvents)[K]['payload']>,
    ack: Ack<z.infer<(typeof clientEvents)[K]['ack']>>,
  ) => void;
};

export type ServerToClientEvents = {
  [K in keyof typeof serverEvents]: (payload: z.infer<(typeof serverEvents)[K]>) => void;
};

/** Data the server keeps on each authenticated socket. */
export interface SocketData {
  userId: string;
  sessionId: string;
}

/** What the server puts in `err.data` when it refuses a connection. */
export interface ConnectRefusal {
  reason: ApiError['reason'];
  message: string;
}

/**
 * The media protocol (mediasoup signalling over Socket.IO). mediasoup's own objects (RTP capabilities,
 * RTP/DTLS/ICE parameters) are passed through as loose objects: the server hands them to mediasoup,
 * which validates them and whose errors become error acks.
 */
import { z } from 'zod';
import { Role } from './schemas.js';

/** Kinds of media room; the part before the colon in a room id selects who may join and publish. */
export const MEDIA_ROOM_KINDS = ['startup', 'roadshow', 'booking', 'dealroom'] as const;
export const MediaRoomId = z
  .string()
  .max(100)
  .regex(/^(startup|roadshow|booking|dealroom):[A-Za-z0-9_-]{1,64}$/, 'room id must look like "startup:<id>"');
export type MediaRoomId = z.infer<typeof MediaRoomId>;

/** What a producer carries, so viewers can lay out tiles (a screen share is its own tile). */
export const MEDIA_SOURCES = ['camera', 'microphone', 'screen', 'screen-audio'] as const;
export const MediaSource = z.enum(MEDIA_SOURCES);
export type MediaSource = z.infer<typeof MediaSource>;

export const MediaKind = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKind>;

/** A mediasoup object passed through untouched (bounded by the socket's max message size). */
const Opaque = z.looseObject({});
const Id = z.string().min(1).max(100);

export const MediaProducerInfo = z.object({
  id: Id,
  kind: MediaKind,
  source: MediaSource,
  paused: z.boolean(),
});
export type MediaProducerInfo = z.infer<typeof MediaProducerInfo>;

export const MediaPeer = z.object({
  peerId: Id,
  userId: Id,
  name: z.string(),
  role: Role,
  canPublish: z.boolean(),
  producers: z.array(MediaProducerInfo),
});
export type MediaPeer = z.infer<typeof MediaPeer>;

/** An ICE server (STUN/TURN, e.g. a coturn relay) handed to the browser. */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

// ---------- client → server payloads ----------
export const MediaJoinBody = z.object({ roomId: MediaRoomId }).strict();
export const MediaLeaveBody = z.object({ roomId: MediaRoomId }).strict();
export const MediaCreateTransportBody = z.object({ roomId: MediaRoomId, direction: z.enum(['send', 'recv']) }).strict();
export const MediaConnectTransportBody = z.object({ roomId: MediaRoomId, transportId: Id, dtlsParameters: Opaque }).strict();
export const MediaRestartIceBody = z.object({ roomId: MediaRoomId, transportId: Id }).strict();
export const MediaProduceBody = z
  .object({ roomId: MediaRoomId, transportId: Id, kind: MediaKind, rtpParameters: Opaque, source: MediaSource })
  .strict();
export const MediaProducerBody = z.object({ roomId: MediaRoomId, producerId: Id }).strict();
export const MediaConsumeBody = z.object({ roomId: MediaRoomId, producerId: Id, rtpCapabilities: Opaque }).strict();
export const MediaConsumerBody = z.object({ roomId: MediaRoomId, consumerId: Id }).strict();
export const MediaPreferredLayersBody = z
  .object({
    roomId: MediaRoomId,
    consumerId: Id,
    spatialLayer: z.number().int().min(0).max(2),
    temporalLayer: z.number().int().min(0).max(2).optional(),
  })
  .strict();

// ---------- acks ----------
export const MediaJoinResult = z.object({
  peerId: Id,
  routerRtpCapabilities: Opaque,
  canPublish: z.boolean(),
  /** Everyone else already in the room, with what they publish. */
  peers: z.array(MediaPeer),
  iceServers: z.array(IceServer),
  activeSpeakerPeerId: Id.nullable(),
});
export type MediaJoinResult = z.infer<typeof MediaJoinResult>;

export const MediaTransportResult = z.object({
  id: Id,
  iceParameters: Opaque,
  iceCandidates: z.array(Opaque),
  dtlsParameters: Opaque,
});
export type MediaTransportResult = z.infer<typeof MediaTransportResult>;

export const MediaConsumeResult = z.object({
  id: Id,
  producerId: Id,
  peerId: Id,
  kind: MediaKind,
  source: MediaSource,
  rtpParameters: Opaque,
  type: z.string(),
  producerPaused: z.boolean(),
});
export type MediaConsumeResult = z.infer<typeof MediaConsumeResult>;

export const Empty = z.object({}).strict();
export const MediaProduceResult = z.object({ id: Id });
export const MediaRestartIceResult = z.object({ iceParameters: Opaque });

// ---------- server → client events ----------
export const MediaPeerJoined = z.object({ roomId: MediaRoomId, peer: MediaPeer });
export const MediaPeerLeft = z.object({ roomId: MediaRoomId, peerId: Id });
export const MediaProducerAdded = z.object({ roomId: MediaRoomId, peerId: Id, producer: MediaProducerInfo });
export const MediaProducerClosed = z.object({ roomId: MediaRoomId, peerId: Id, producerId: Id });
export const MediaProducerState = z.object({ roomId: MediaRoomId, peerId: Id, producerId: Id, paused: z.boolean() });
export const MediaConsumerClosed = z.object({ roomId: MediaRoomId, consumerId: Id });
export const MediaActiveSpeaker = z.object({ roomId: MediaRoomId, peerId: Id.nullable() });
/** The room closed under the client (worker died, room ended): rejoin if `rejoin` is true. */
export const MediaRoomClosed = z.object({ roomId: MediaRoomId, reason: z.string(), rejoin: z.boolean() });
export const MediaPermission = z.object({ roomId: MediaRoomId, canPublish: z.boolean() });

/** GET /api/media/access?roomId=… — what the caller may do in a room, asked before the pre-join screen. */
export const MediaAccessQuery = z.object({ roomId: MediaRoomId });
export const MediaAccess = z.object({ canJoin: z.boolean(), canPublish: z.boolean() });
export type MediaAccess = z.infer<typeof MediaAccess>;

// ---------- operator stats ----------
/** Totals count every live mediasoup object (pipe transports and pipe producers included). */
export const MediaStats = z.object({
  rooms: z.number().int(),
  peers: z.number().int(),
  routers: z.number().int(),
  transports: z.number().int(),
  producers: z.number().int(),
  consumers: z.number().int(),
  workers: z.array(
    z.object({
      pid: z.number().int(),
      routers: z.number().int(),
      transports: z.number().int(),
      producers: z.number().int(),
      consumers: z.number().int(),
      cpuUserMs: z.number(),
      cpuSystemMs: z.number(),
    }),
  ),
});
export type MediaStats = z.infer<typeof MediaStats>;

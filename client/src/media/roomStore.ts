/**
 * A media room's live state: the connection, who is in the room, what we receive and what we publish.
 * Only `RoomClient` writes here; components read slices of it.
 */
import { createStore } from 'zustand';
import type { ApiError } from '../../../shared/protocol';
import type { MediaKind, MediaPeer, MediaRoomId, MediaSource } from '../../../shared/media';
import { createStoreContext } from '../lib/storeContext';

/** Why the room is recovering: ICE to the media server broke, or the signalling socket dropped, or the server asked us to rejoin. */
export type RecoveryCause = 'media' | 'signalling' | 'server';

export type RoomConnectionState =
  | { kind: 'idle' }
  | { kind: 'joining' }
  | { kind: 'joined' }
  | { kind: 'reconnecting'; attempt: number; cause: RecoveryCause }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'left' };
export type RoomConnectionKind = RoomConnectionState['kind'];

/** Something we receive from another peer: one mediasoup consumer and its track. */
export interface RemoteMedia {
  /** The consumer's id on the server (used for resume / preferred layers). */
  consumerId: string;
  /** The remote producer it mirrors. */
  producerId: string;
  /** Who publishes it. */
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  /** The received track; attach it to a <video>/<audio>. */
  track: MediaStreamTrack;
  /** The publisher paused it (muted mic, camera paused). */
  producerPaused: boolean;
  /** 'simulcast' consumers accept a preferred spatial layer. */
  type: string;
}

/** What I publish, per source. */
export interface LocalMedia {
  /** The captured track (kept across rejoins, stopped when switched off). */
  track: MediaStreamTrack;
  /** The capture device, when there is one (not for a screen share). */
  deviceId: string | null;
  /** Paused for others (a muted mic). */
  paused: boolean;
  /** The server acknowledged the producer (false while (re)publishing). */
  published: boolean;
}

export interface RoomState {
  /** The room we are in or joining; null before `join()`. */
  roomId: MediaRoomId | null;
  /** The connection; changed only by `RoomClient.setConnectionState()`. */
  connection: RoomConnectionState;
  /** My peer id in the current session (changes on every rejoin); null until joined. */
  selfPeerId: string | null;
  /** Whether the server lets me publish in this room. */
  canPublish: boolean;
  /** Everyone else in the room, with what they publish, in the order they joined. */
  peers: MediaPeer[];
  /** What I receive, by consumer id. */
  remote: Record<string, RemoteMedia>;
  /** What I publish (camera, microphone, screen). */
  local: Partial<Record<MediaSource, LocalMedia>>;
  /** The peer speaking loudest right now (may be me), or null. */
  activeSpeakerPeerId: string | null;
  /** The last failed local action (camera/mic/screen), shown as a dismissible alert; null when none. */
  mediaError: { source: MediaSource; error: MediaErrorKind } | null;
}

/** Why a capture failed, so the UI can say something useful. */
export type MediaErrorKind = 'denied' | 'notFound' | 'inUse' | 'publishFailed' | 'unknown';

export const initialRoomState = (): RoomState => ({
  roomId: null,
  connection: { kind: 'idle' },
  selfPeerId: null,
  canPublish: false,
  peers: [],
  remote: {},
  local: {},
  activeSpeakerPeerId: null,
  mediaError: null,
});

export function createRoomStore(initial: Partial<RoomState> = {}) {
  return createStore<RoomState>()(() => ({ ...initialRoomState(), ...initial }));
}

const ctx = createStoreContext<RoomState>('RoomStore', () => createRoomStore());
export const RoomStoreProvider = ctx.Provider;
export const useRoomStoreApi = ctx.useStoreApi;
export const useRoom = ctx.useSelector;

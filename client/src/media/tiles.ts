/** The tiles of a room's video grid, derived from the room store (pure, so it is easy to test). */
import type { Role } from '../../../shared/constants';
import type { MediaPeer } from '../../../shared/media';
import type { LocalMedia, RemoteMedia, RoomState } from './roomStore';

export interface Tile {
  /** Stable React key. */
  key: string;
  peerId: string;
  userId: string;
  name: string;
  role: Role;
  /** A person's camera tile, or a screen they share (its own tile, shown large). */
  source: 'camera' | 'screen';
  local: boolean;
  /** The video to show; null shows the person's initials instead. */
  track: MediaStreamTrack | null;
  /** The remote video consumer behind `track`, whose preferred layer follows the tile's size. */
  consumerId: string | null;
  micMuted: boolean;
  activeSpeaker: boolean;
}

export interface Me {
  id: string;
  name: string;
  role: Role;
}

type TileInput = Pick<RoomState, 'selfPeerId' | 'peers' | 'remote' | 'local' | 'activeSpeakerPeerId'> & { me: Me };

const liveTrack = (m: LocalMedia | undefined): MediaStreamTrack | null => (m && m.track.readyState === 'live' ? m.track : null);

/** Screens first (they go large), then me, then everyone else in the order they joined. */
export function deriveTiles({ me, selfPeerId, peers, remote, local, activeSpeakerPeerId }: TileInput): Tile[] {
  const selfId = selfPeerId ?? 'self';
  const remoteList = Object.values(remote);
  const videoOf = (peerId: string, source: 'camera' | 'screen'): RemoteMedia | undefined =>
    remoteList.find((r) => r.peerId === peerId && r.source === source && r.kind === 'video' && !r.producerPaused);
  const micMutedOf = (peer: MediaPeer) => !peer.producers.some((p) => p.source === 'microphone' && !p.paused);
  const base = (peer: { peerId: string; userId: string; name: string; role: Role }, local: boolean) => ({
    peerId: peer.peerId,
    userId: peer.userId,
    name: peer.name,
    role: peer.role,
    local,
  });
  const self = { peerId: selfId, userId: me.id, name: me.name, role: me.role };
  // Viewers who publish nothing and may not (a large audience) get no tile.
  const visible = peers.filter((p) => p.canPublish || p.producers.length > 0);

  const screens: Tile[] = [];
  const localScreen = liveTrack(local.screen);
  if (localScreen) {
    screens.push({ ...base(self, true), key: `${selfId}:screen`, source: 'screen', track: localScreen, consumerId: null, micMuted: false, activeSpeaker: false });
  }
  for (const peer of visible) {
    const screen = videoOf(peer.peerId, 'screen');
    if (screen) {
      screens.push({ ...base(peer, false), key: `${peer.peerId}:screen`, source: 'screen', track: screen.track, consumerId: screen.consumerId, micMuted: false, activeSpeaker: false });
    }
  }

  const mine: Tile = {
    ...base(self, true),
    key: 'self:camera',
    source: 'camera',
    track: liveTrack(local.camera),
    consumerId: null,
    micMuted: !local.microphone || local.microphone.paused,
    activeSpeaker: false,
  };
  // NOTE: the server's last loudest peer stays "active" after muting; a muted mic is never shown speaking.
  mine.activeSpeaker = selfPeerId !== null && activeSpeakerPeerId === selfPeerId && !mine.micMuted;
  const others: Tile[] = visible.map((peer) => {
    const video = videoOf(peer.peerId, 'camera');
    return {
      ...base(peer, false),
      key: `${peer.peerId}:camera`,
      source: 'camera',
      track: video?.track ?? null,
      consumerId: video?.consumerId ?? null,
      micMuted: micMutedOf(peer),
      activeSpeaker: activeSpeakerPeerId === peer.peerId && !micMutedOf(peer),
    };
  });
  return [...screens, mine, ...others];
}

/** Grid layout by number of tiles: 1 → full, 2 → side by side, 3–4 → 2×2, 5–6 → 3×2, 7–9 → 3×3, more → auto-fill. */
export function gridLayout(count: number): 'one' | 'two' | 'four' | 'six' | 'nine' | 'many' {
  if (count <= 1) return 'one';
  if (count === 2) return 'two';
  if (count <= 4) return 'four';
  if (count <= 6) return 'six';
  if (count <= 9) return 'nine';
  return 'many';
}

/** Simulcast layer for a tile of this rendered width (device pixels): ≈180p, 360p or 720p. */
export function layerForWidth(devicePixels: number): 0 | 1 | 2 {
  if (devicePixels < 400) return 0;
  if (devicePixels < 800) return 1;
  return 2;
}

/** Which video tiles the stage shows (pure, so it is easy to test). */
import type { MediaPeer } from '../../../shared/media';
import type { Attendee } from '../../../shared/roadshow';
import type { Tile } from '../media/tiles';

/**
 * The stage shows who is on it, not everyone in the media room: a remote person while they publish
 * something or while the roadshow puts them on stage (host, current presenter, guest); me only while I
 * may publish. NOTE: the media layer tells only the person concerned when their publish permission
 * changes, so a presenter whose turn ended would otherwise linger as an empty tile for everyone else.
 */
export function stageTiles(tiles: Tile[], peers: MediaPeer[], attendees: Attendee[] | undefined, selfCanPublish: boolean): Tile[] {
  // Hosts show once they publish (they start with camera and mic off); presenters and guests at once.
  const onStage = new Set((attendees ?? []).filter((a) => a.stageRole === 'presenter' || a.stageRole === 'guest').map((a) => a.userId));
  const publishing = new Set(peers.filter((p) => p.producers.length > 0).map((p) => p.peerId));
  return tiles.filter((tile) => (tile.local ? selfCanPublish : tile.source === 'screen' || publishing.has(tile.peerId) || onStage.has(tile.userId)));
}

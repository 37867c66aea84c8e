import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session/sessionStore';
import { Alert } from '../ui/States';
import { mediaErrorText } from './PreJoin';
import type { RoomClient } from './RoomClient';
import { RoomControls } from './RoomControls';
import { RoomBanner } from './RoomStatus';
import { useRoom } from './roomStore';
import { deriveTiles } from './tiles';
import { RemoteAudio } from './TrackMedia';
import { VideoGrid } from './VideoGrid';

/** The room itself: header, recovery banner, the video grid, everyone's sound and the controls bar. */
export function InRoom({ client, title }: { client: RoomClient; title: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const connection = useRoom((s) => s.connection);
  const selfPeerId = useRoom((s) => s.selfPeerId);
  const peers = useRoom((s) => s.peers);
  const remote = useRoom((s) => s.remote);
  const local = useRoom((s) => s.local);
  const activeSpeakerPeerId = useRoom((s) => s.activeSpeakerPeerId);
  const mediaError = useRoom((s) => s.mediaError);

  const tiles = useMemo(
    () => deriveTiles({ me: { id: me.id, name: me.name, role: me.role }, selfPeerId, peers, remote, local, activeSpeakerPeerId }),
    [me.id, me.name, me.role, selfPeerId, peers, remote, local, activeSpeakerPeerId],
  );
  const audio = useMemo(() => Object.values(remote).filter((r) => r.kind === 'audio'), [remote]);
  const setLayer = useCallback((consumerId: string, layer: 0 | 1 | 2) => client.setPreferredLayer(consumerId, layer), [client]);

  return (
    <div className="room">
      <header className="room-header">
        <h1 className="room-title">{title}</h1>
        <span className="room-count muted small">{t('room.people', { count: peers.length + 1 })}</span>
      </header>
      {connection.kind === 'joining' ? (
        <div className="conn-banner conn-banner--reconnecting room-banner" role="status" data-testid="room-banner">
          <span className="conn-banner-text">{t('room.state.joining')}</span>
        </div>
      ) : (
        <RoomBanner connection={connection} />
      )}
      {mediaError && (
        <div className="room-alert">
          <Alert tone="warning" testId="room-media-error">
            <span>{mediaErrorText(t, mediaError.error, t(`room.device.${mediaError.source}`))}</span>
            <button type="button" className="link-button room-alert-close" onClick={() => client.dismissMediaError()}>
              {t('common.close')}
            </button>
          </Alert>
        </div>
      )}
      <div className="room-body">
        <VideoGrid tiles={tiles} setLayer={setLayer} />
      </div>
      <RoomControls client={client} onLeave={() => void client.leave()} />
      <div hidden>
        {audio.map((a) => (
          <RemoteAudio key={a.consumerId} track={a.track} />
        ))}
      </div>
    </div>
  );
}

import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaErrorText } from '../media/PreJoin';
import type { RoomClient } from '../media/RoomClient';
import { RoomControls } from '../media/RoomControls';
import { RoomBanner } from '../media/RoomStatus';
import { useRoom } from '../media/roomStore';
import { deriveTiles } from '../media/tiles';
import { RemoteAudio } from '../media/TrackMedia';
import { VideoGrid } from '../media/VideoGrid';
import { useMe } from '../session/sessionStore';
import { Alert, Spinner } from '../ui/States';
import { useRoadshowRoom } from './roadshowRoomStore';
import { stageTiles } from './stageTiles';

/**
 * The stage's video, reusing the media room's pieces: the tiles of everyone who publishes (viewers get
 * no tile of their own), everyone's sound, and the controls (mic, camera, screen) for those on stage.
 */
export function StageMedia({ media, live, onEnter, onLeave }: { media: RoomClient; live: boolean; onEnter: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const connection = useRoom((s) => s.connection);
  const selfPeerId = useRoom((s) => s.selfPeerId);
  const peers = useRoom((s) => s.peers);
  const remote = useRoom((s) => s.remote);
  const local = useRoom((s) => s.local);
  const activeSpeakerPeerId = useRoom((s) => s.activeSpeakerPeerId);
  const mediaCanPublish = useRoom((s) => s.canPublish);
  const mediaError = useRoom((s) => s.mediaError);

  const attendees = useRoadshowRoom((s) => s.attendees?.attendees);
  const tiles = useMemo(() => {
    const all = deriveTiles({ me: { id: me.id, name: me.name, role: me.role }, selfPeerId, peers, remote, local, activeSpeakerPeerId });
    return stageTiles(all, peers, attendees, mediaCanPublish);
  }, [me.id, me.name, me.role, selfPeerId, peers, remote, local, activeSpeakerPeerId, mediaCanPublish, attendees]);
  const audio = useMemo(() => Object.values(remote).filter((r) => r.kind === 'audio'), [remote]);
  const setLayer = useCallback((consumerId: string, layer: 0 | 1 | 2) => media.setPreferredLayer(consumerId, layer), [media]);
  const inRoom = connection.kind === 'joined' || connection.kind === 'reconnecting';

  return (
    <div className="rs-stage" data-testid="roadshow-stage" data-state={connection.kind}>
      {connection.kind === 'reconnecting' && <RoomBanner connection={connection} />}
      {live && mediaCanPublish && inRoom && (
        <p className="rs-on-stage" data-testid="roadshow-on-stage">
          <span className="live-pulse" aria-hidden="true" /> {t('live.onStage')}
        </p>
      )}
      {mediaError && (
        <div className="room-alert">
          <Alert tone="warning">
            <span>{mediaErrorText(t, mediaError.error, t(`room.device.${mediaError.source}`))}</span>
            <button type="button" className="link-button room-alert-close" onClick={() => media.dismissMediaError()}>
              {t('common.close')}
            </button>
          </Alert>
        </div>
      )}
      <div className="rs-stage-video">
        {inRoom && tiles.length > 0 && <VideoGrid tiles={tiles} setLayer={setLayer} />}
        {inRoom && tiles.length === 0 && <p className="rs-stage-note">{t('live.stageEmpty')}</p>}
        {(connection.kind === 'idle' || connection.kind === 'joining') && (
          <p className="rs-stage-note">
            <Spinner /> {t('live.mediaJoining')}
          </p>
        )}
        {connection.kind === 'failed' && (
          <div className="rs-stage-note" role="alert">
            <p>{t('live.mediaFailed')}</p>
            <button type="button" className="btn btn--primary btn--small" onClick={() => void media.retry()}>
              {t('live.retry')}
            </button>
          </div>
        )}
        {connection.kind === 'left' && (
          <div className="rs-stage-note">
            <p>{t('live.stageLeftTitle')}</p>
            <button type="button" className="btn btn--primary btn--small" data-testid="roadshow-stage-rejoin" onClick={onEnter}>
              {t('live.stageRejoin')}
            </button>
          </div>
        )}
      </div>
      {inRoom && <RoomControls client={media} onLeave={onLeave} />}
      <div hidden>
        {audio.map((a) => (
          <RemoteAudio key={a.consumerId} track={a.track} />
        ))}
      </div>
    </div>
  );
}

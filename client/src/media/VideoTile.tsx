import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import type { Tile } from './tiles';
import { TrackVideo } from './TrackMedia';
import { useTileLayer } from './useTileLayer';

/** One person's camera (or their initials) or one shared screen, with name, role, mute and speaker ring. */
export function VideoTile({ tile, setLayer }: { tile: Tile; setLayer: (consumerId: string, layer: 0 | 1 | 2) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useTileLayer(ref, tile.consumerId, setLayer);
  const screen = tile.source === 'screen';
  const title = screen ? (tile.local ? t('room.tile.yourScreen') : t('room.tile.screenOf', { name: tile.name })) : tile.local ? t('room.tile.you', { name: tile.name }) : tile.name;
  return (
    <figure
      ref={ref}
      className={`tile${screen ? ' tile--screen' : ''}${tile.activeSpeaker ? ' tile--speaking' : ''}`}
      data-testid="video-tile"
      data-peer-id={tile.peerId}
      data-user-id={tile.userId}
      data-source={tile.source}
      data-local={String(tile.local)}
      data-active-speaker={String(tile.activeSpeaker)}
      aria-label={title}
    >
      {/* NOTE: the <video> stays mounted when the camera is off, so turning it back on does not reflow the grid. */}
      <TrackVideo track={tile.track} mirrored={tile.local && !screen} label={t('room.tile.videoOf', { name: tile.name })} />
      {!tile.track && (
        <div className="tile-placeholder">
          <Avatar name={tile.name} seed={tile.userId} size="xl" />
        </div>
      )}
      <figcaption className="tile-caption">
        {screen && <Icon name="screen" size={15} />}
        <span className="tile-name">{title}</span>
        {!screen && <RoleBadge role={tile.role} />}
        {!screen && tile.micMuted && (
          <span className="tile-muted" role="img" aria-label={t('room.tile.muted')} title={t('room.tile.muted')} data-testid="tile-muted">
            <Icon name="micOff" size={15} />
          </span>
        )}
        {tile.activeSpeaker && <span className="sr-only">{t('room.tile.speaking')}</span>}
      </figcaption>
    </figure>
  );
}

import type { Tile } from './tiles';
import { gridLayout } from './tiles';
import { VideoTile } from './VideoTile';

/**
 * The room's tiles. Without a screen share: 1 → full, 2 → side by side, 3–4 → 2×2, more → auto-fill.
 * With one: the screen takes the stage and the cameras line up beside (or below, on narrow screens) it.
 */
export function VideoGrid({ tiles, setLayer }: { tiles: Tile[]; setLayer: (consumerId: string, layer: 0 | 1 | 2) => void }) {
  const screens = tiles.filter((t) => t.source === 'screen');
  const cameras = tiles.filter((t) => t.source === 'camera');
  if (screens.length > 0) {
    return (
      <div className="video-stage" data-testid="video-grid" data-layout="stage">
        <div className={`video-stage-main video-grid--${gridLayout(screens.length)}`}>
          {screens.map((tile) => (
            <VideoTile key={tile.key} tile={tile} setLayer={setLayer} />
          ))}
        </div>
        <div className="video-stage-strip">
          {cameras.map((tile) => (
            <VideoTile key={tile.key} tile={tile} setLayer={setLayer} />
          ))}
        </div>
      </div>
    );
  }
  const layout = gridLayout(cameras.length);
  return (
    <div className={`video-grid video-grid--${layout}`} data-testid="video-grid" data-layout={layout}>
      {cameras.map((tile) => (
        <VideoTile key={tile.key} tile={tile} setLayer={setLayer} />
      ))}
    </div>
  );
}

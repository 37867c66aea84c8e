import type { RoomClient } from '../media/RoomClient';
import { Spinner } from '../ui/States';
import { useTranslation } from 'react-i18next';
import { AudienceBar } from './AudienceBar';
import { HostControls } from './HostControls';
import { LiveHeader } from './LiveHeader';
import { RecordingConsent } from './RecordingConsent';
import { RoomToasts } from './RoomToasts';
import { useRoadshowRoom } from './roadshowRoomStore';
import { SidePanel } from './SidePanel';
import { Stage } from './Stage';
import { WaitingCard } from './WaitingCard';

/** The live room: header, host controls, the stage with reactions, and the Q&A / chat / polls / people panel. */
export function LiveRoom({ media }: { media: RoomClient | null }) {
  const { t } = useTranslation();
  const status = useRoadshowRoom((s) => s.state?.status ?? 'scheduled');
  const stageRole = useRoadshowRoom((s) => s.me?.stageRole ?? 'audience');
  const admission = useRoadshowRoom((s) => s.me?.admission ?? 'admitted');
  const canHost = useRoadshowRoom((s) => s.canHost);
  const reconnecting = useRoadshowRoom((s) => s.reconnecting);

  return (
    <div className={`rs-room rs-room--${status}`} data-testid="roadshow-room" data-status={status} data-stage-role={stageRole} data-admission={admission}>
      <LiveHeader />
      {reconnecting && (
        <div className="conn-banner conn-banner--reconnecting rs-room-banner" role="status" aria-live="polite" data-testid="roadshow-reconnecting">
          <span className="conn-banner-text">
            <Spinner />
            {t('live.reconnecting')}
          </span>
        </div>
      )}
      <RecordingConsent />
      {canHost && status !== 'ended' && <HostControls />}
      {admission === 'waiting' ? (
        <WaitingCard />
      ) : (
        <div className="rs-room-body">
          <div className="rs-room-main">
            <Stage media={media} />
            <AudienceBar />
          </div>
          <SidePanel />
        </div>
      )}
      <RoomToasts />
    </div>
  );
}

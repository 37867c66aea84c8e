import { useTranslation } from 'react-i18next';
import type { RoomClient } from '../media/RoomClient';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { ReactionBursts } from './ReactionBursts';
import { useRoadshowRoom } from './roadshowRoomStore';
import { StageMedia } from './StageMedia';
import { StartingSoon } from './StartingSoon';
import { useStageMedia } from './useStageMedia';

/** The centre of the room: "starting soon", the backstage rehearsal, the live stage, or "ended". */
export function Stage({ media }: { media: RoomClient | null }) {
  const { t } = useTranslation();
  const status = useRoadshowRoom((s) => s.state?.status ?? 'scheduled');
  const { wantMedia, enter, leave } = useStageMedia(media);

  const body = (() => {
    if (status === 'ended') {
      return (
        <div className="rs-ended" data-testid="roadshow-ended">
          <EmptyState icon={<Icon name="broadcast" size={28} />} title={t('live.endedTitle')} hint={t('live.endedHint')} />
        </div>
      );
    }
    if (!wantMedia || !media) return <StartingSoon />;
    return (
      <>
        {status === 'backstage' && (
          <div className="rs-backstage-banner" role="status" data-testid="roadshow-backstage-banner">
            <Icon name="lock" size={16} />
            {t('live.backstageBanner')}
          </div>
        )}
        <StageMedia media={media} live={status === 'live'} onEnter={enter} onLeave={leave} />
      </>
    );
  })();

  return (
    <section className="rs-stage-wrap">
      {body}
      <ReactionBursts />
    </section>
  );
}

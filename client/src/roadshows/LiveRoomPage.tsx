import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { RoomBusy } from '../media/RoomStatus';
import { RoomStoreProvider } from '../media/roomStore';
import { useRoomClient } from '../media/useRoomClient';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { LiveRoom } from './LiveRoom';
import { RoadshowRoomClientProvider } from './roadshowRoomContext';
import { createRoadshowRoomStore, RoadshowRoomStoreProvider, useRoadshowRoom } from './roadshowRoomStore';
import { roadshowPath } from './roadshowPaths';
import { useDescribeAck } from './useDescribeAck';
import { useRoadshowRoomConnection } from './useRoadshowRoomConnection';

/** `/roadshows/:id/live`: the live room, with its own room store and the stage's media store. */
export function LiveRoomPage() {
  const { id = '' } = useParams();
  return <LiveRoomStores key={id} id={id} />;
}

function LiveRoomStores({ id }: { id: string }) {
  const [store] = useState(() => createRoadshowRoomStore(id));
  return (
    <RoadshowRoomStoreProvider store={store}>
      <RoomStoreProvider>
        <LiveRoomScreen id={id} />
      </RoomStoreProvider>
    </RoadshowRoomStoreProvider>
  );
}

/** Joining, refused, or the room itself. */
function LiveRoomScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useRoadshowRoomConnection(id);
  const media = useRoomClient();
  const phase = useRoadshowRoom((s) => s.phase);
  const title = useRoadshowRoom((s) => s.roadshow?.title);
  const describe = useDescribeAck();
  useDocumentTitle(title ? t('live.documentTitle', { title }) : undefined);

  if (!client || phase.kind === 'joining') return <RoomBusy text={t('live.joining')} />;
  if (phase.kind === 'failed') {
    return (
      <div className="room-state" role="alert" data-testid="roadshow-room-failed">
        <EmptyState icon={<Icon name="broadcast" size={28} />} title={t('live.failedTitle')} hint={describe(phase.error, phase.timedOut)}>
          <div className="room-state-actions">
            <button type="button" className="btn btn--primary" onClick={() => client.retry()}>
              {t('live.retry')}
            </button>
            <Link className="btn btn--secondary" to={roadshowPath(id)}>
              {t('live.back')}
            </Link>
          </div>
        </EmptyState>
      </div>
    );
  }
  return (
    <RoadshowRoomClientProvider client={client}>
      <LiveRoom media={media} />
    </RoadshowRoomClientProvider>
  );
}

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ErrorReason } from '../../../shared/protocol';
import type { MediaRoomId } from '../../../shared/media';
import { ErrorState } from '../ui/States';
import { InRoom } from './InRoom';
import { PreJoin, type JoinChoice } from './PreJoin';
import { toRoomId, type MediaRoomKind } from './roomRoute';
import { RoomBusy, RoomFailed, RoomForbidden, RoomLeft } from './RoomStatus';
import { RoomStoreProvider, useRoom } from './roomStore';
import { useJoinRoom } from './useJoinRoom';
import { useRoomAccess } from './useRoomAccess';
import { useRoomClient } from './useRoomClient';

/** `/rooms/:kind/:id`: a live video room (for now a startup's team room). */
export function RoomPage() {
  const { kind = '', id = '' } = useParams();
  const roomId = toRoomId(kind, id);
  if (!roomId) return <NotFoundPage />;
  return (
    <RoomStoreProvider key={roomId}>
      <RoomScreen roomId={roomId} kind={kind as MediaRoomKind} id={id} />
    </RoomStoreProvider>
  );
}

/** Picks what to show from access and connection state: checking, not allowed, pre-join, room, error, left. */
function RoomScreen({ roomId, kind, id }: { roomId: MediaRoomId; kind: MediaRoomKind; id: string }) {
  const { t } = useTranslation();
  const access = useRoomAccess(kind, id);
  const client = useRoomClient();
  const connection = useRoom((s) => s.connection);
  const joinRoom = useJoinRoom(client, roomId);
  const [preJoinAgain, setPreJoinAgain] = useState(false);
  const name = access.state.kind === 'ready' ? access.state.data.name : null;
  const title = name ? t('room.teamRoomOf', { name }) : t('room.titleGeneric');
  useDocumentTitle(title);
  const backTo = kind === 'startup' ? `/startups/${encodeURIComponent(id)}` : '/';
  const join = useCallback(
    (choice: JoinChoice) => {
      setPreJoinAgain(false);
      joinRoom(choice);
    },
    [joinRoom],
  );

  const body = (() => {
    if (access.state.kind === 'loading' || !client) return <RoomBusy text={t('room.state.checking')} />;
    if (access.state.kind === 'failed') return <ErrorState error={access.state.error} onRetry={access.reload} />;
    if (!access.state.data.allowed) return <RoomForbidden backTo={backTo} />;
    switch (connection.kind) {
      case 'idle':
        return <PreJoin title={title} onJoin={join} />;
      case 'left':
        return preJoinAgain ? <PreJoin title={title} onJoin={join} /> : <RoomLeft onRejoin={() => setPreJoinAgain(true)} backTo={backTo} />;
      case 'joining':
      case 'joined':
      case 'reconnecting':
        return <InRoom client={client} title={title} />;
      case 'failed':
        return connection.error.reason === ErrorReason.Forbidden ? (
          <RoomForbidden backTo={backTo} />
        ) : (
          <RoomFailed error={connection.error} onRetry={() => void client.retry()} backTo={backTo} />
        );
    }
  })();

  return (
    <div className="room-page" data-testid="media-room" data-state={connection.kind}>
      {body}
    </div>
  );
}

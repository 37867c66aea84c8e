import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '../../../shared/protocol';
import type { MediaRoomId } from '../../../shared/media';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { InRoom } from '../media/InRoom';
import { PreJoin, type JoinChoice } from '../media/PreJoin';
import { RoomBusy, RoomFailed, RoomLeft } from '../media/RoomStatus';
import { RoomStoreProvider, useRoom } from '../media/roomStore';
import { useJoinRoom } from '../media/useJoinRoom';
import { useRoomClient } from '../media/useRoomClient';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState } from '../ui/States';
import { bookingRoomId, ohPaths } from './ohPaths';

/** What the video side shows, for the page's `data-state`. */
export type VideoState = 'checking' | 'refused' | 'prejoin' | 'joining' | 'joined' | 'reconnecting' | 'left' | 'failed';

/**
 * The session's private video room (`booking:<id>`), built from the media room's pieces: the server's
 * access answer, the pre-join screen, then the room. Its own room store, so leaving the page leaves the room.
 */
export function BookingVideo({ bookingId, title, onState }: { bookingId: string; title: string; onState: (s: VideoState) => void }) {
  return (
    <RoomStoreProvider key={bookingId}>
      <BookingVideoScreen roomId={bookingRoomId(bookingId)} title={title} onState={onState} />
    </RoomStoreProvider>
  );
}

function BookingVideoScreen({ roomId, title, onState }: { roomId: MediaRoomId; title: string; onState: (s: VideoState) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const access = useAsync(() => api.mediaAccess(roomId), `${roomId}:${me.id}`);
  const client = useRoomClient();
  const connection = useRoom((s) => s.connection);
  const joinRoom = useJoinRoom(client, roomId);
  const [preJoinAgain, setPreJoinAgain] = useState(false);
  const join = useCallback(
    (choice: JoinChoice) => {
      setPreJoinAgain(false);
      joinRoom(choice);
    },
    [joinRoom],
  );

  const refused = access.state.kind === 'ready' && !access.state.data.canJoin;
  const forbidden = refused || (connection.kind === 'failed' && connection.error.reason === ErrorReason.Forbidden);
  const state: VideoState =
    access.state.kind !== 'ready' || !client
      ? 'checking'
      : forbidden
        ? 'refused'
        : connection.kind === 'idle' || (connection.kind === 'left' && preJoinAgain)
          ? 'prejoin'
          : connection.kind;
  useEffect(() => onState(state), [state, onState]);

  if (access.state.kind === 'failed') return <ErrorState error={access.state.error} onRetry={access.reload} />;
  switch (state) {
    case 'checking':
      return <RoomBusy text={t('room.state.checking')} />;
    case 'refused':
      return (
        <div className="room-state" data-testid="oh-room-refused">
          <EmptyState icon={<Icon name="lock" size={28} />} title={t('officeHours.room.refusedTitle')} hint={t('officeHours.room.refusedHint')} />
        </div>
      );
    case 'prejoin':
      return <PreJoin title={title} onJoin={join} />;
    case 'left':
      return <RoomLeft onRejoin={() => setPreJoinAgain(true)} backTo={ohPaths.sessions} />;
    case 'failed':
      return connection.kind === 'failed' ? <RoomFailed error={connection.error} onRetry={() => void client?.retry()} backTo={ohPaths.sessions} /> : null;
    case 'joining':
    case 'joined':
    case 'reconnecting':
      return client ? <InRoom client={client} title={title} /> : null;
  }
}

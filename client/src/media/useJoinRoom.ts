import { useCallback } from 'react';
import type { MediaRoomId } from '../../../shared/media';
import type { JoinChoice } from './PreJoin';
import type { RoomClient } from './RoomClient';

/**
 * Joins with what the pre-join screen set up: its live preview tracks are handed to the client (no second
 * camera prompt, no flicker) before the join, so they are published as soon as the transports are up.
 */
export function useJoinRoom(client: RoomClient | null, roomId: MediaRoomId) {
  return useCallback(
    (choice: JoinChoice) => {
      if (!client) {
        choice.video?.stop();
        choice.audio?.stop();
        return;
      }
      if (choice.mic) void client.enableMic(choice.micId || undefined, choice.audio ?? undefined);
      else choice.audio?.stop();
      if (choice.camera) void client.enableCamera(choice.cameraId || undefined, choice.video ?? undefined);
      else choice.video?.stop();
      void client.join(roomId);
    },
    [client, roomId],
  );
}

import { useCallback, useEffect, useRef } from 'react';
import type { MediaRoomId } from '../../../shared/media';
import type { RoomClient } from '../media/RoomClient';
import { useRoomStoreApi } from '../media/roomStore';
import { useRoadshowRoom } from './roadshowRoomStore';

/**
 * Keeps the stage's media room in step with the event: hosts and presenters join backstage and publish;
 * when it goes live everyone admitted joins at once (viewers receive only, no devices, no click); on
 * the end (or back to scheduled, or the waiting room) everyone leaves. Being promoted starts my camera
 * and microphone; being sent back stops them (the server closes my producers anyway).
 */
export function useStageMedia(media: RoomClient | null) {
  const roadshowId = useRoadshowRoom((s) => s.roadshowId);
  const status = useRoadshowRoom((s) => s.state?.status ?? null);
  const admitted = useRoadshowRoom((s) => s.me?.admission === 'admitted');
  const canPublish = useRoadshowRoom((s) => s.me?.canPublish ?? false);
  // NOTE: hosts may publish but start with camera and mic off (an operator may only be watching);
  // presenters and promoted guests come on stage with both on.
  const autoPublish = useRoadshowRoom((s) => (s.me?.canPublish ?? false) && s.me?.stageRole !== 'host');
  const mediaStore = useRoomStoreApi();
  const wantMedia = admitted && (status === 'live' || (status === 'backstage' && canPublish));
  const roomId = `roadshow:${roadshowId}` as MediaRoomId;
  const autoPublishNow = useRef(autoPublish);
  autoPublishNow.current = autoPublish;
  /** The person pressed Leave: don't pull them back in until they ask (or the stage closes and reopens). */
  const leftByChoice = useRef(false);

  const enter = useCallback(() => {
    if (!media) return;
    leftByChoice.current = false;
    if (autoPublishNow.current) {
      void media.enableMic();
      void media.enableCamera();
    }
    void media.join(roomId);
  }, [media, roomId]);

  const leave = useCallback(() => {
    leftByChoice.current = true;
    void media?.leave();
  }, [media]);

  useEffect(() => {
    if (!media) return;
    const { kind } = mediaStore.getState().connection;
    if (wantMedia) {
      if ((kind === 'idle' || kind === 'left') && !leftByChoice.current) enter();
    } else {
      leftByChoice.current = false;
      if (kind !== 'idle' && kind !== 'left') void media.leave();
    }
  }, [media, mediaStore, wantMedia, enter]);

  const published = useRef(canPublish);
  useEffect(() => {
    const was = published.current;
    published.current = canPublish;
    if (!media || was === canPublish) return;
    const { kind } = mediaStore.getState().connection;
    if (kind !== 'joining' && kind !== 'joined' && kind !== 'reconnecting') return;
    if (canPublish) {
      if (autoPublishNow.current) {
        void media.enableMic();
        void media.enableCamera();
      }
    } else {
      void media.stopScreenShare();
      void media.disableCamera();
      void media.disableMic();
    }
  }, [media, mediaStore, canPublish]);

  return { wantMedia, enter, leave };
}

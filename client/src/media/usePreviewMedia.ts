import { useCallback, useEffect, useRef, useState } from 'react';
import { captureErrorKind, openCamera, openMic } from './localMedia';
import type { MediaErrorKind } from './roomStore';

/** One preview capture: off, opening, live, or why it failed. */
export type PreviewState = { kind: 'off' } | { kind: 'opening' } | { kind: 'on'; track: MediaStreamTrack } | { kind: 'error'; error: MediaErrorKind };

export interface PreviewChoice {
  cameraOn: boolean;
  micOn: boolean;
  /** Chosen device ids; empty means the browser's default. */
  cameraId: string;
  micId: string;
  /** Bumped to try a failed capture again. */
  cameraAttempt: number;
  micAttempt: number;
}

/**
 * The pre-join screen's camera and microphone: opened while switched on, reopened when another device is
 * picked, stopped on unmount — unless handed over to the room with `handOver()`, which then owns them.
 */
export function usePreviewMedia(choice: PreviewChoice) {
  const camera = usePreviewTrack(choice.cameraOn, choice.cameraId, choice.cameraAttempt, openCamera);
  const mic = usePreviewTrack(choice.micOn, choice.micId, choice.micAttempt, openMic);
  const handOver = useCallback(
    () => ({ video: camera.handOver(), audio: mic.handOver() }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [camera.handOver, mic.handOver],
  );
  return { camera: camera.state, mic: mic.state, handOver };
}

function usePreviewTrack(on: boolean, deviceId: string, attempt: number, open: (deviceId?: string | null) => Promise<MediaStreamTrack>) {
  const [state, setState] = useState<PreviewState>({ kind: 'off' });
  const live = useRef<MediaStreamTrack | null>(null);
  const handedOver = useRef(new WeakSet<MediaStreamTrack>());

  useEffect(() => {
    if (!on) {
      setState({ kind: 'off' });
      return;
    }
    let cancelled = false;
    let track: MediaStreamTrack | null = null;
    setState({ kind: 'opening' });
    open(deviceId || null).then(
      (t) => {
        if (cancelled) {
          t.stop();
          return;
        }
        track = t;
        live.current = t;
        setState({ kind: 'on', track: t });
      },
      (err: unknown) => {
        if (!cancelled) setState({ kind: 'error', error: captureErrorKind(err) });
      },
    );
    return () => {
      cancelled = true;
      if (track && !handedOver.current.has(track)) track.stop();
      if (live.current === track) live.current = null;
    };
  }, [on, deviceId, attempt, open]);

  /** Gives the live track away (it will not be stopped here); null if none is live. */
  const handOver = useCallback((): MediaStreamTrack | null => {
    const t = live.current;
    if (!t || t.readyState === 'ended') return null;
    handedOver.current.add(t);
    return t;
  }, []);

  return { state, handOver };
}

/** Capturing local media (camera, microphone, screen) and how each source is encoded. */
import type { ProducerCodecOptions, RtpEncodingParameters } from 'mediasoup-client/types';
import type { MediaSource } from '../../../shared/media';
import type { MediaErrorKind } from './roomStore';

/** Camera capture: 720p is what the top simulcast layer sends. */
const CAMERA_VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
const MIC_AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** Three simulcast layers for cameras (≈180p / 360p / 720p); the server forwards the one each viewer's tile needs. */
export const CAMERA_SIMULCAST_ENCODINGS: RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];
export const CAMERA_CODEC_OPTIONS: ProducerCodecOptions = { videoGoogleStartBitrate: 1000 };
/** A screen share is one sharp layer (text must stay readable), no simulcast. */
export const SCREEN_ENCODINGS: RtpEncodingParameters[] = [{ maxBitrate: 2_500_000 }];

/** getUserMedia options for a camera, optionally a given one. */
export const cameraConstraints = (deviceId?: string | null): MediaStreamConstraints => ({
  video: deviceId ? { ...CAMERA_VIDEO, deviceId: { exact: deviceId } } : CAMERA_VIDEO,
  audio: false,
});

/** getUserMedia options for a microphone, optionally a given one. */
export const micConstraints = (deviceId?: string | null): MediaStreamConstraints => ({
  audio: deviceId ? { ...MIC_AUDIO, deviceId: { exact: deviceId } } : MIC_AUDIO,
  video: false,
});

/** Opens the camera and returns its video track. */
export async function openCamera(deviceId?: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia(cameraConstraints(deviceId));
  return firstTrack(stream, 'video');
}

/** Opens the microphone and returns its audio track. */
export async function openMic(deviceId?: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia(micConstraints(deviceId));
  return firstTrack(stream, 'audio');
}

/** Asks the browser for a screen, window or tab to share (video only). */
export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  const track = firstTrack(stream, 'video');
  // NOTE: a hint to favour sharpness over frame rate, which is what slides and code need.
  if ('contentHint' in track) track.contentHint = 'detail';
  return track;
}

function firstTrack(stream: MediaStream, kind: 'audio' | 'video'): MediaStreamTrack {
  const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  if (!track) {
    stream.getTracks().forEach((t) => t.stop());
    throw new DOMException(`no ${kind} track`, 'NotFoundError');
  }
  return track;
}

/** Why a capture failed, from the DOMException the browser threw. */
export function captureErrorKind(err: unknown): MediaErrorKind {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'AbortError':
      return 'inUse';
    default:
      return 'unknown';
  }
}

/** The device a track comes from, if the browser says. */
export const trackDeviceId = (track: MediaStreamTrack): string | null => track.getSettings().deviceId ?? null;

/** The track kind each source carries. */
export const SOURCE_KIND: Record<MediaSource, 'audio' | 'video'> = {
  camera: 'video',
  microphone: 'audio',
  screen: 'video',
  'screen-audio': 'audio',
};

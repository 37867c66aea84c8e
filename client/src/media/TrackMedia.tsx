import { useEffect, useRef } from 'react';

/** Plays one video track (muted: sound comes through RemoteAudio). */
export function TrackVideo({ track, mirrored = false, testId, label }: { track: MediaStreamTrack | null; mirrored?: boolean; testId?: string; label?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = track ? new MediaStream([track]) : null;
    if (track) void video.play().catch(() => {});
  }, [track]);
  return (
    <video
      ref={ref}
      className={`track-video${mirrored ? ' track-video--mirrored' : ''}`}
      data-testid={testId}
      aria-label={label}
      autoPlay
      playsInline
      muted
    />
  );
}

/** Plays one remote audio track, invisibly. */
export function RemoteAudio({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => {});
    return () => {
      audio.srcObject = null;
    };
  }, [track]);
  return <audio ref={ref} autoPlay />;
}

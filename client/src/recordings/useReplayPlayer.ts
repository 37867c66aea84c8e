import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { recordingsApi, sendWatchOnLeave } from './api';
import { WatchReporter } from './watchReporter';

/** The replay's `<video>`: where it is (ms) and how to jump (chapters, markers, the timeline). */
export function useReplayPlayer() {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [nowMs, setNowMs] = useState(0);

  /** Jumps to `ms`; `play` starts playback too (a chapter or question click). */
  const seek = useCallback((ms: number, play = false) => {
    const video = videoRef.current;
    if (!video) return;
    video.currentTime = Math.max(0, ms) / 1000;
    setNowMs(Math.max(0, ms));
    if (play && video.paused) void video.play().catch(() => {});
  }, []);

  return { videoRef, nowMs, setNowMs, seek };
}

export type ReplayPlayer = ReturnType<typeof useReplayPlayer>;

/**
 * Reports what this viewer played of recording `id` (docs/recordings.md, POST …/watch): every 10 s
 * while playing, on pause and end, and on leaving the page or the player (keepalive).
 */
export function useWatchReporting(videoRef: RefObject<HTMLVideoElement | null>, id: string): void {
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const reporter = new WatchReporter({
      played: () => video.played,
      send: (segments) => recordingsApi.watch(id, segments),
      sendOnLeave: (segments) => sendWatchOnLeave(id, segments),
    });
    const onPlaying = () => reporter.playing();
    const onPause = () => void reporter.paused();
    const onLeave = () => reporter.leave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') reporter.leave();
    };
    video.addEventListener('playing', onPlaying);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onPause);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onPause);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
      reporter.close();
    };
  }, [videoRef, id]);
}

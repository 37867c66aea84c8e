import { useEffect, useState } from 'react';

/** How often the meter reads the level (a smooth bar without re-rendering every frame). */
const LEVEL_SAMPLE_MS = 80;

/** The loudness of an audio track, 0..1, for a level meter; 0 when there is no track. */
export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || typeof AudioContext === 'undefined') {
      setLevel(0);
      return;
    }
    const ctx = new AudioContext();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    // NOTE: a context made before any click starts suspended; a capture permission usually lets it run.
    void ctx.resume().catch(() => {});
    const samples = new Float32Array(analyser.fftSize);
    let smoothed = 0;
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02–0.2 RMS; stretch it so a normal voice fills most of the bar.
      const target = Math.min(1, rms * 5);
      smoothed = target > smoothed ? target : smoothed * 0.7 + target * 0.3;
      setLevel((prev) => (Math.abs(prev - smoothed) < 0.01 ? prev : smoothed));
    }, LEVEL_SAMPLE_MS);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void ctx.close().catch(() => {});
    };
  }, [track]);
  return level;
}

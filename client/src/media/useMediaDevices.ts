import { useEffect, useState } from 'react';

export interface MediaDeviceLists {
  /** Cameras that can be picked (known ids). */
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
  /** Whether any camera / microphone exists, even one not yet named (before permission). */
  hasCamera: boolean;
  hasMic: boolean;
  /** False until the first listing came back. */
  ready: boolean;
}

/**
 * The cameras and microphones this browser has, kept current when devices are plugged in or out.
 * Labels are empty until the user has granted access, so callers bump `refreshKey` after a capture opens.
 */
export function useMediaDevices(refreshKey: unknown): MediaDeviceLists {
  const [lists, setLists] = useState<MediaDeviceLists>({ cameras: [], mics: [], hasCamera: false, hasMic: false, ready: false });
  useEffect(() => {
    const md = navigator.mediaDevices;
    if (!md?.enumerateDevices) return;
    let cancelled = false;
    const refresh = () => {
      md.enumerateDevices().then(
        (all) => {
          if (cancelled) return;
          // NOTE: before permission Chrome lists one placeholder per kind with an empty id; those cannot be picked.
          const usable = all.filter((d) => d.deviceId !== '');
          setLists({
            cameras: usable.filter((d) => d.kind === 'videoinput'),
            mics: usable.filter((d) => d.kind === 'audioinput'),
            hasCamera: all.some((d) => d.kind === 'videoinput'),
            hasMic: all.some((d) => d.kind === 'audioinput'),
            ready: true,
          });
        },
        () => {},
      );
    };
    refresh();
    md.addEventListener('devicechange', refresh);
    return () => {
      cancelled = true;
      md.removeEventListener('devicechange', refresh);
    };
  }, [refreshKey]);
  return lists;
}

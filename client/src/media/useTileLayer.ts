import { useEffect, type RefObject } from 'react';
import { layerForWidth } from './tiles';

/**
 * Follows a remote video tile's rendered size and asks for the matching simulcast layer
 * (`setLayer` is debounced by RoomClient), so a thumbnail never pulls the 720p stream.
 */
export function useTileLayer(ref: RefObject<HTMLElement | null>, consumerId: string | null, setLayer: (consumerId: string, layer: 0 | 1 | 2) => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !consumerId || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width > 0) setLayer(consumerId, layerForWidth(width * (window.devicePixelRatio || 1)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, consumerId, setLayer]);
}

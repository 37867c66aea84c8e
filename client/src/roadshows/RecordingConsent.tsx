import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoadshowRoom } from './roadshowRoomStore';

const storageKey = (roadshowId: string) => `hatchery.recordingConsent.${roadshowId}`;

function readDismissed(roadshowId: string): boolean {
  try {
    return sessionStorage.getItem(storageKey(roadshowId)) === '1';
  } catch {
    return false;
  }
}

function writeDismissed(roadshowId: string, dismissed: boolean): void {
  try {
    if (dismissed) sessionStorage.setItem(storageKey(roadshowId), '1');
    else sessionStorage.removeItem(storageKey(roadshowId));
  } catch {
    // storage blocked: the notice simply shows again after a reload
  }
}

/**
 * The consent notice, once: when I join a room that records, or when recording starts. Dismissing it
 * lasts for this tab (a reload does not bring it back) until a new recording starts.
 */
export function RecordingConsent() {
  const { t } = useTranslation();
  const roadshowId = useRoadshowRoom((s) => s.roadshowId);
  const recording = useRoadshowRoom((s) => s.state?.recording ?? false);
  const [dismissed, setDismissed] = useState(() => readDismissed(roadshowId));
  const [seenRecording, setSeenRecording] = useState(recording);

  // NOTE: a stop after a recording we saw resets the notice, so the next recording asks again.
  useEffect(() => {
    if (recording) setSeenRecording(true);
    else if (seenRecording) {
      setSeenRecording(false);
      setDismissed(false);
      writeDismissed(roadshowId, false);
    }
  }, [recording, seenRecording, roadshowId]);

  if (!recording || dismissed) return null;
  return (
    <div className="rec-consent" role="alert" data-testid="roadshow-recording-consent">
      <span className="rec-indicator-dot" aria-hidden="true" />
      <span className="rec-consent-text">{t('recordings.live.consent')}</span>
      <button
        type="button"
        className="btn btn--small btn--secondary"
        data-testid="roadshow-recording-consent-dismiss"
        onClick={() => {
          setDismissed(true);
          writeDismissed(roadshowId, true);
        }}
      >
        {t('recordings.live.consentOk')}
      </button>
    </div>
  );
}

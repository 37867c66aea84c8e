import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';

/** Hosts start and stop recording the stage (backstage or live). A refusal shows as a toast. */
export function RecordButton() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const recording = useRoadshowRoom((s) => s.state?.recording ?? false);
  const [pending, setPending] = useState(false);

  const toggle = async () => {
    setPending(true);
    await client.record(!recording);
    setPending(false);
  };

  return (
    <button
      type="button"
      className={`btn btn--small rec-button${recording ? ' is-recording' : ''}`}
      aria-pressed={recording}
      disabled={pending}
      data-testid="roadshow-record"
      onClick={() => void toggle()}
    >
      <span className="rec-button-dot" aria-hidden="true" />
      {pending && !recording ? t('recordings.live.starting') : recording ? t('recordings.live.stop') : t('recordings.live.record')}
    </button>
  );
}

import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/roadshow';
import { useMe } from '../session/sessionStore';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';

/** Investors mark the startup pitching now as one they want to hear more from. */
export function InterestedToggle({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useRoadshowRoomClient();
  const on = useRoadshowRoom((s) => (item.startupId ? s.interestedStartupIds.includes(item.startupId) : false));
  const ended = useRoadshowRoom((s) => s.state?.status === 'ended');
  if (me.role !== 'investor' || item.kind !== 'pitch' || !item.startupId || ended) return null;
  const startup = item.startupName ?? item.title;
  return (
    <button
      type="button"
      className={`btn btn--small rs-interested${on ? ' is-on' : ''}`}
      aria-pressed={on}
      data-testid="interested"
      data-startup-id={item.startupId}
      onClick={() => void client.interested(!on)}
    >
      {on ? t('live.interestedOn', { startup }) : t('live.interested', { startup })}
    </button>
  );
}

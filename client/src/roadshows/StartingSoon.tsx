import { useTranslation } from 'react-i18next';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Icon } from '../ui/Icon';
import { AgendaList } from './AgendaList';
import { useRoadshowRoom } from './roadshowRoomStore';

/** Before the stage opens for me: when it starts and what is on the agenda. */
export function StartingSoon() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const now = useNow(30_000);
  const roadshow = useRoadshowRoom((s) => s.roadshow);
  const backstage = useRoadshowRoom((s) => s.state?.status === 'backstage');
  if (!roadshow) return null;
  const start = new Date(roadshow.startsAt);
  return (
    <div className="rs-soon" data-testid="roadshow-starting-soon">
      <div className="rs-soon-head">
        <span className="rs-soon-icon" aria-hidden="true">
          <Icon name="broadcast" size={26} />
        </span>
        <div>
          <h2 className="rs-soon-title">{t('live.startingSoonTitle')}</h2>
          <p className="rs-soon-when">
            {time.dateTime(start)} · {start.getTime() > now ? t('roadshow.startsRelative', { when: time.relative(start, now) }) : t('roadshow.shouldHaveStarted', { when: time.relative(start, now) })}
          </p>
          <p className="rs-soon-hint">{backstage ? t('live.rehearsingHint') : t('live.startingSoonHint')}</p>
        </div>
      </div>
      <AgendaList agenda={roadshow.agenda} />
    </div>
  );
}

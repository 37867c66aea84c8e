import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { PollCard } from './PollCard';
import { PollCreateForm } from './PollCreateForm';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

/** Polls, newest first; hosts launch new ones at the top. */
export function PollsPanel() {
  const { t } = useTranslation();
  const polls = useRoadshowRoom((s) => s.polls);
  const canHost = useRoadshowRoom((s) => s.canHost);
  const canTakePart = useCanTakePart();
  return (
    <div className="rs-polls">
      {canHost && canTakePart && <PollCreateForm />}
      {polls.length === 0 ? (
        <EmptyState icon={<Icon name="compass" size={22} />} title={t('polls.empty')} hint={t('polls.emptyHint')} />
      ) : (
        <ol className="rs-poll-list">
          {polls
            .slice()
            .reverse()
            .map((p) => (
              <PollCard key={p.id} poll={p} />
            ))}
        </ol>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useRoadshowRoom } from './roadshowRoomStore';

/** A slim reminder of the poll that is open now, over the Q&A and chat, with a way to the Polls tab. */
export function ActivePollBar({ onShowPolls }: { onShowPolls: () => void }) {
  const { t } = useTranslation();
  const poll = useRoadshowRoom((s) => s.polls.findLast((p) => p.open) ?? null);
  const voted = useRoadshowRoom((s) => (poll ? (s.myPollVotes[poll.id]?.length ?? 0) > 0 : false));
  const canHost = useRoadshowRoom((s) => s.canHost);
  if (!poll) return null;
  return (
    <div className="rs-active-poll" data-testid="active-poll" data-poll-id={poll.id}>
      <span className="rs-active-poll-label">{t('polls.liveBar')}</span>
      <span className="rs-active-poll-question">{poll.question}</span>
      <button type="button" className="btn btn--small btn--secondary" onClick={onShowPolls}>
        {voted || canHost ? t('polls.seeResults') : t('polls.goVote')}
      </button>
    </div>
  );
}

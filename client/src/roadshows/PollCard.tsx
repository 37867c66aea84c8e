import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../shared/roadshow';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

const NO_CHOICE: string[] = [];

/** One poll: choose and vote, then live result bars with my choice marked; hosts close it. */
export function PollCard({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const canHost = useRoadshowRoom((s) => s.canHost);
  const myChoice = useRoadshowRoom((s) => s.myPollVotes[poll.id] ?? NO_CHOICE);
  const canTakePart = useCanTakePart();
  const [picked, setPicked] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const voted = myChoice.length > 0;
  const canVote = canTakePart && poll.open && !voted;
  const showResults = voted || !poll.open || canHost || !canTakePart;
  const total = poll.options.reduce((sum, o) => sum + o.votes, 0);

  const pick = (id: string, on: boolean) => setPicked((p) => (poll.multiple ? (on ? [...p, id] : p.filter((x) => x !== id)) : [id]));
  const vote = async () => {
    if (picked.length === 0) return;
    setPending(true);
    await client.votePoll(poll.id, picked);
    setPending(false);
  };

  return (
    <li className={`rs-poll card${poll.open ? '' : ' is-closed'}`} data-testid="poll" data-poll-id={poll.id} data-open={String(poll.open)} data-voted={String(voted)}>
      <div className="rs-poll-head">
        <h3 className="rs-poll-question">{poll.question}</h3>
        <span className={`badge ${poll.open ? 'badge--rs-live' : 'badge--rs-ended'}`}>{poll.open ? t('polls.open') : t('polls.closed')}</span>
      </div>
      {canVote && <p className="muted small">{poll.multiple ? t('polls.chooseSeveral') : t('polls.chooseOne')}</p>}
      <fieldset className="rs-poll-options" disabled={!canVote || pending}>
        <legend className="sr-only">{poll.question}</legend>
        {poll.options.map((o) => {
          const chosen = myChoice.includes(o.id);
          const share = total > 0 ? o.votes / total : 0;
          return (
            <label key={o.id} className={`rs-poll-option${chosen ? ' is-chosen' : ''}`} data-testid="poll-option" data-option-id={o.id} data-chosen={String(chosen)}>
              {showResults && <span className="rs-poll-bar" style={{ transform: `scaleX(${share})` }} aria-hidden="true" />}
              {canVote && (
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={`poll-${poll.id}`}
                  checked={picked.includes(o.id)}
                  onChange={(e) => pick(o.id, e.target.checked)}
                />
              )}
              <span className="rs-poll-text">
                {o.text}
                {chosen && <span className="rs-poll-mine"> ✓ {t('polls.yourChoice')}</span>}
              </span>
              {showResults && (
                <span className="rs-poll-count">
                  {Math.round(share * 100)}% <span className="muted">· {t('polls.votes', { count: o.votes })}</span>
                </span>
              )}
              {showResults && !poll.anonymous && o.voters.length > 0 && <span className="rs-poll-voters muted small">{o.voters.map((v) => v.name).join(', ')}</span>}
            </label>
          );
        })}
      </fieldset>
      <div className="rs-poll-foot">
        <span className="muted small">{t('polls.voters', { count: poll.voters })}</span>
        {canVote && (
          <button type="button" className="btn btn--primary btn--small" disabled={picked.length === 0 || pending} data-testid="poll-vote" onClick={() => void vote()}>
            {t('polls.vote')}
          </button>
        )}
        {canHost && poll.open && canTakePart && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="poll-close" onClick={() => void client.closePoll(poll.id)}>
            {t('polls.close')}
          </button>
        )}
      </div>
    </li>
  );
}

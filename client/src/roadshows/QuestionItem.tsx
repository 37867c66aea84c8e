import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/roadshow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

/** One question: its votes (with my upvote), text, author and state, and the host's moderation buttons. */
export function QuestionItem({ question: q }: { question: Question }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const client = useRoadshowRoomClient();
  const canHost = useRoadshowRoom((s) => s.canHost);
  const voted = useRoadshowRoom((s) => s.myVotes.includes(q.id));
  const mine = useRoadshowRoom((s) => s.myQuestionIds.includes(q.id));
  const canTakePart = useCanTakePart();
  const author = q.author ? (q.anonymous ? t('qa.anonymousTo', { name: q.author.name }) : q.author.name) : mine ? t('qa.anonymousMine') : t('qa.anonymousAuthor');
  const canVote = canTakePart && q.status === 'approved';
  const moderate = canHost && canTakePart;

  return (
    <li
      className={`rs-question${q.pinned ? ' is-pinned' : ''}${q.answered ? ' is-answered' : ''} rs-question--${q.status}`}
      data-testid="question"
      data-question-id={q.id}
      data-status={q.status}
      data-answered={String(q.answered)}
      data-pinned={String(q.pinned)}
      data-mine={String(mine)}
    >
      <button
        type="button"
        className={`rs-upvote${voted ? ' is-on' : ''}`}
        data-testid="question-upvote"
        aria-pressed={voted}
        aria-label={`${voted ? t('qa.removeVote') : t('qa.upvote')} (${t('qa.votes', { count: q.votes })})`}
        disabled={!canVote}
        onClick={() => void client.vote(q.id, !voted)}
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="question-votes">{q.votes}</span>
      </button>
      <div className="rs-question-main">
        <p className="rs-question-text">{q.text}</p>
        <div className="rs-question-meta">
          <span className="rs-question-author">{author}</span>
          <span className="muted">{time.time(q.createdAt)}</span>
          {q.pinned && <span className="badge badge--pinned">📌 {t('qa.pinned')}</span>}
          {q.answered && <span className="badge badge--answered">✓ {t('qa.answered')}</span>}
          {q.status === 'pending' && <span className="badge badge--pending">{t('qa.pending')}</span>}
          {q.status === 'hidden' && <span className="badge badge--hidden">{t('qa.hidden')}</span>}
        </div>
        {moderate && (
          <div className="rs-question-actions">
            {q.status === 'pending' && (
              <button type="button" className="btn btn--small btn--secondary" data-testid="question-approve" onClick={() => void client.moderate(q.id, 'approve')}>
                {t('qa.approve')}
              </button>
            )}
            {q.status !== 'hidden' && (
              <button type="button" className="btn btn--small btn--ghost" data-testid="question-hide" onClick={() => void client.moderate(q.id, 'hide')}>
                {t('qa.hide')}
              </button>
            )}
            {q.status === 'approved' && (
              <>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  data-testid="question-answer"
                  aria-pressed={q.answered}
                  onClick={() => void client.moderate(q.id, q.answered ? 'unanswer' : 'answer')}
                >
                  {q.answered ? t('qa.unanswer') : t('qa.answer')}
                </button>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  data-testid="question-pin"
                  aria-pressed={q.pinned}
                  onClick={() => void client.moderate(q.id, q.pinned ? 'unpin' : 'pin')}
                >
                  {q.pinned ? t('qa.unpin') : t('qa.pin')}
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

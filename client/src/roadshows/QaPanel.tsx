import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { ActivePollBar } from './ActivePollBar';
import { AskForm } from './AskForm';
import { QuestionItem } from './QuestionItem';
import { sortQuestions, useRoadshowRoom, type QuestionSort } from './roadshowRoomStore';
import { useCanTakePart } from './roomSelectors';

/** Q&A: ask, sort by votes or newest (pinned always first), vote and moderate. */
export function QaPanel({ onShowPolls }: { onShowPolls: () => void }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<QuestionSort>('votes');
  const questions = useRoadshowRoom((s) => s.questions);
  const canTakePart = useCanTakePart();
  const sorted = useMemo(() => sortQuestions(questions, sort), [questions, sort]);

  return (
    <div className="rs-qa">
      <ActivePollBar onShowPolls={onShowPolls} />
      {canTakePart ? <AskForm /> : <p className="muted small rs-closed-note">{t('qa.closed')}</p>}
      <div className="rs-qa-toolbar">
        <div className="segmented segmented--two" role="group" aria-label={t('qa.sortLabel')}>
          <button type="button" className={`segmented-btn${sort === 'votes' ? ' is-active' : ''}`} aria-pressed={sort === 'votes'} data-testid="qa-sort-votes" onClick={() => setSort('votes')}>
            {t('qa.sortVotes')}
          </button>
          <button type="button" className={`segmented-btn${sort === 'newest' ? ' is-active' : ''}`} aria-pressed={sort === 'newest'} data-testid="qa-sort-newest" onClick={() => setSort('newest')}>
            {t('qa.sortNewest')}
          </button>
        </div>
      </div>
      {sorted.length === 0 ? (
        <EmptyState icon={<Icon name="mic" size={22} />} title={t('qa.empty')} hint={canTakePart ? t('qa.emptyHint') : undefined} />
      ) : (
        <ol className="rs-question-list" data-testid="question-list" data-sort={sort}>
          {sorted.map((q) => (
            <QuestionItem key={q.id} question={q} />
          ))}
        </ol>
      )}
    </div>
  );
}

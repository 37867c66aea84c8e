import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoadshowInterest } from '../../../shared/roadshow';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Avatar } from '../ui/Avatar';

/** Investors who marked a startup of this event "interested" (a founder sees their own startup's only). */
export function InterestsList({ roadshowId }: { roadshowId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { state } = useAsync(async (): Promise<RoadshowInterest[]> => (await api.roadshowInterests(roadshowId)).interests, `interests:${roadshowId}`);
  // Shown only when there is something to show; a refusal just means this list is not for me.
  if (state.kind !== 'ready' || state.data.length === 0) return null;
  return (
    <section className="card" data-testid="roadshow-interests">
      <h2 className="card-title">{t('roadshowPage.interestsTitle')}</h2>
      <ul className="person-list rs-interests">
        {state.data.map((i) => (
          <li key={`${i.startupId}:${i.investor.id}`} className="person-row">
            <Avatar name={i.investor.name} seed={i.investor.id} size="sm" />
            <span className="person-row-main">
              <Link to={`/people/${i.investor.id}`}>{i.investor.name}</Link> <span className="muted small">{t('roadshowPage.interestIn', { startup: i.startupName })}</span>
              {i.message && (
                <blockquote className="interest-note" data-testid="roadshow-interest-note">
                  {i.message}
                </blockquote>
              )}
            </span>
            <span className="muted small">{time.dateTime(i.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

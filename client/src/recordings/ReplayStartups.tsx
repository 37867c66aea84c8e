import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordingSummary } from '../../../shared/recordings';
import { StageBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';

/**
 * The startups that pitched, with their page and pitch doc. Investors get "Interested — request an intro",
 * which opens the startup's page (there is no intro-request API outside the live room yet).
 */
export function ReplayStartups({ startups, investor }: { startups: RecordingSummary['startups']; investor: boolean }) {
  const { t } = useTranslation();
  if (startups.length === 0) return null;
  return (
    <section className="card rec-startups" aria-labelledby="rec-startups-title">
      <h2 className="card-title" id="rec-startups-title">
        {t('recordings.replay.startups')}
      </h2>
      <ul className="rec-startup-list">
        {startups.map((s) => (
          <li key={s.id} className="rec-startup" data-testid="replay-startup" data-startup-id={s.id}>
            <div className="rec-startup-head">
              <Link to={`/startups/${s.id}`} className="rec-startup-name">
                {s.name}
              </Link>
              <StageBadge stage={s.stage} />
              {s.industry && <span className="muted small">{s.industry}</span>}
            </div>
            <div className="rec-startup-links">
              <Link to={`/startups/${s.id}`} className="btn btn--small btn--ghost">
                <Icon name="sprout" size={15} />
                {t('recordings.replay.startupPage')}
              </Link>
              <Link to={`/startups/${s.id}/pitch`} className="btn btn--small btn--ghost" data-testid="replay-pitch-doc">
                <Icon name="fileText" size={15} />
                {t('recordings.replay.pitchDoc')}
              </Link>
              {investor && (
                <Link to={`/startups/${s.id}`} className="btn btn--small btn--primary" data-testid="replay-interested">
                  {t('recordings.replay.interested')}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

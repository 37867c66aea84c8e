import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoadshowDetail, RoadshowDetailResponse } from '../../../shared/roadshow';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { RoadshowTime } from '../lobby/RoadshowTime';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { LanguageBadge, RoadshowStatusBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { ErrorState, SkeletonRows } from '../ui/States';
import { AgendaList } from './AgendaList';
import { InterestsList } from './InterestsList';
import { RegisterButton } from './RegisterButton';
import { RoadshowHostTools } from './RoadshowHostTools';
import { roadshowLivePath } from './roadshowPaths';
import { usePushedSummary, useRoadshowDetail } from './useRoadshowDetail';

/** `/roadshows/:id`: what the event is, when, who hosts, the agenda, "I'll attend" and the way in. */
export function RoadshowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload, setData } = useRoadshowDetail(id);
  useDocumentTitle(state.kind === 'ready' ? state.data.roadshow.title : undefined);
  return (
    <div className="page page--medium" data-testid="roadshow-page" data-roadshow-id={id}>
      <Link to="/" className="back-link">
        ← {t('roadshowPage.back')}
      </Link>
      {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && <RoadshowView data={state.data} setData={setData} />}
    </div>
  );
}

function RoadshowView({ data, setData }: { data: RoadshowDetailResponse; setData: (update: (d: RoadshowDetailResponse) => RoadshowDetailResponse) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const now = useNow(30_000);
  const pushed = usePushedSummary(data.roadshow.id);
  // The lobby hears status changes and registrations by push; prefer them over what we fetched.
  const roadshow: RoadshowDetail = pushed ? { ...data.roadshow, status: pushed.status, registrations: pushed.registrations } : data.roadshow;
  const [editing, setEditing] = useState(false);
  const onSaved = useCallback((r: RoadshowDetail) => setData((d) => ({ ...d, roadshow: r })), [setData]);
  const onRegistration = useCallback(
    (registered: boolean, registrations: number) => setData((d) => ({ ...d, registered, roadshow: { ...d.roadshow, registrations } })),
    [setData],
  );
  const ended = roadshow.status === 'ended';
  const live = roadshow.status === 'live';

  return (
    <>
      <section className={`card rs-hero rs-hero--${roadshow.status}`} data-status={roadshow.status}>
        <div className="rs-tags">
          <RoadshowStatusBadge status={roadshow.status} />
          <LanguageBadge language={roadshow.language} />
          <span className="rs-duration">{t('roadshow.duration', { count: roadshow.durationMinutes })}</span>
          {roadshow.waitingRoom && <span className="badge badge--neutral">{t('roadshowPage.waitingRoom')}</span>}
          {roadshow.moderatedQuestions && <span className="badge badge--neutral">{t('roadshowPage.moderated')}</span>}
        </div>
        <h1 className="rs-hero-title">{roadshow.title}</h1>
        {roadshow.description && <p className="rs-hero-desc">{roadshow.description}</p>}
        <RoadshowTime roadshow={roadshow} now={now} />
        {roadshow.hosts.length > 0 && (
          <div className="rs-hosts">
            <span className="muted small">{t('roadshowPage.hostedBy')}</span>
            {roadshow.hosts.map((h) => (
              <Link key={h.id} to={`/people/${h.id}`} className="rs-host">
                <Avatar name={h.name} seed={h.id} size="sm" />
                {h.name}
              </Link>
            ))}
          </div>
        )}
        <div className="rs-hero-actions">
          <Link to={roadshowLivePath(roadshow.id)} className={`btn btn--large ${live ? 'btn--live' : 'btn--primary'}`} data-testid="roadshow-enter">
            {live ? <span className="live-pulse live-pulse--light" aria-hidden="true" /> : <Icon name={ended ? 'users' : 'broadcast'} size={18} />}
            {live ? t('roadshowPage.enterLive') : ended ? t('roadshowPage.enterEnded') : t('roadshowPage.enter')}
          </Link>
          {!ended && <RegisterButton roadshowId={roadshow.id} registered={data.registered} registrations={roadshow.registrations} onChange={onRegistration} />}
          {ended && (
            <span className="muted" data-testid="roadshow-registrations">
              {t('roadshowPage.registrations', { count: roadshow.registrations })}
            </span>
          )}
          {data.canHost && (
            <button type="button" className="btn btn--ghost rs-edit-toggle" aria-expanded={editing} onClick={() => setEditing((e) => !e)} data-testid="roadshow-edit">
              {editing ? t('roadshowPage.closeEdit') : t('roadshowPage.edit')}
            </button>
          )}
        </div>
      </section>

      {editing && data.canHost ? (
        <RoadshowHostTools roadshow={roadshow} onSaved={onSaved} />
      ) : (
        <section className="card">
          <h2 className="card-title rs-section-title">{t('roadshowPage.agenda')}</h2>
          <AgendaList agenda={roadshow.agenda} />
        </section>
      )}
      {(me.role === 'founder' || data.canHost) && <InterestsList roadshowId={roadshow.id} />}
    </>
  );
}

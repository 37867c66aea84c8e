import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PublicUser, Startup } from '../../../shared/schemas';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { StageBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { emptyStartupFields, StartupFieldsForm } from './StartupFields';
import { useCreateStartup, useStartups } from './useStartups';

/** The cohort's startups. Operators and founders can add one. */
export function StartupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('startups.title'));
  const me = useMe();
  const { state, reload } = useStartups();
  const [creating, setCreating] = useState(false);
  const canCreate = me.role === 'operator' || me.role === 'founder';

  return (
    <div className="page">
      <PageHeader
        title={t('startups.title')}
        subtitle={t('startups.subtitle')}
        actions={
          canCreate && !creating ? (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              {t('startups.new')}
            </button>
          ) : undefined
        }
      />
      {creating && <NewStartup onCancel={() => setCreating(false)} />}
      {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (state.data.startups.length === 0 ? (
          <EmptyState icon={<Icon name="sprout" size={26} />} title={t('startups.empty')} />
        ) : (
          <div className="card-grid" data-testid="startup-list">
            {state.data.startups.map((s) => (
              <StartupCard key={s.id} startup={s} members={s.memberIds.flatMap((id) => state.data.peopleById.get(id) ?? [])} />
            ))}
          </div>
        ))}
    </div>
  );
}

function StartupCard({ startup, members }: { startup: Startup; members: PublicUser[] }) {
  const { t } = useTranslation();
  return (
    <Link to={`/startups/${startup.id}`} className="card startup-card" data-testid="startup-card">
      <div className="startup-card-top">
        <Avatar square name={startup.name} seed={startup.id} size="lg" />
        <div>
          <span className="startup-card-name">{startup.name}</span>
          <div className="startup-card-meta">
            <StageBadge stage={startup.stage} />
            {startup.industry && <span className="muted small">{startup.industry}</span>}
          </div>
        </div>
      </div>
      {startup.oneLiner && <p className="startup-card-oneliner">{startup.oneLiner}</p>}
      <div className="startup-card-foot">
        <span className="avatar-stack">
          {members.slice(0, 4).map((m) => (
            <Avatar key={m.id} name={m.name} seed={m.id} size="sm" />
          ))}
        </span>
        <span className="muted small">{members.length > 0 ? members.map((m) => m.name).join(', ') : t('startups.noMembers')}</span>
      </div>
    </Link>
  );
}

function NewStartup({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create, pending, error, fieldErrors } = useCreateStartup();
  return (
    <section className="card card--form">
      <h2 className="card-title">{t('startups.new')}</h2>
      <StartupFieldsForm
        idPrefix="new-startup"
        initial={emptyStartupFields}
        submitLabel={t('startups.create')}
        pending={pending}
        error={error}
        fieldErrors={fieldErrors}
        onCancel={onCancel}
        onSubmit={(values) =>
          void create(values).then((s) => {
            if (s) navigate(`/startups/${s.id}`);
          })
        }
      />
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { ForbiddenPage } from '../layout/NotFoundPage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { useMe } from '../session/sessionStore';
import { Alert, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { CopyField } from './CopyField';
import { CreateInviteForm } from './CreateInviteForm';
import { InviteTable } from './InviteTable';
import { useInvites } from './useInvites';

/** Operators only: create invite links and manage the ones out there. */
export function InvitesPage() {
  const me = useMe();
  return me.role === 'operator' ? <InvitesAdmin /> : <ForbiddenPage />;
}

function InvitesAdmin() {
  const { t } = useTranslation();
  useDocumentTitle(t('invites.title'));
  const now = useNow(60_000);
  const inv = useInvites();
  const startups = inv.state.kind === 'ready' ? inv.state.data.startups : [];

  return (
    <div className="page">
      <PageHeader title={t('invites.title')} subtitle={t('invites.subtitle')} />
      <section className="card card--form">
        <h2 className="card-title">{t('invites.createTitle')}</h2>
        <CreateInviteForm startups={startups} pending={inv.creating} error={inv.createError} onCreate={(body) => void inv.create(body)} />
        {inv.created && (
          <div className="invite-created" data-testid="invite-created">
            <p>
              <strong>{t('invites.createdTitle')}</strong> {t('invites.createdHint')}
            </p>
            <CopyField value={inv.created.url} label={t('invites.link')} />
          </div>
        )}
      </section>
      <section className="section">
        <h2 className="section-title">{t('invites.listTitle')}</h2>
        {inv.revokeError && <Alert tone="error">{inv.revokeError}</Alert>}
        {inv.state.kind === 'loading' && <SkeletonRows rows={4} />}
        {inv.state.kind === 'failed' && <ErrorState error={inv.state.error} onRetry={inv.reload} />}
        {inv.state.kind === 'ready' && (
          <InviteTable invites={inv.state.data.invites} startups={startups} peopleById={inv.state.data.peopleById} now={now} onRevoke={(id) => void inv.revoke(id)} />
        )}
      </section>
    </div>
  );
}

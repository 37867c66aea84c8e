import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/States';
import { DocHeader, type DocPanel } from './DocHeader';
import { startupDocName, type StartupDocKind } from './docNames';
import { OpenDocProvider, type OpenDoc } from './docContext';
import { DocStoreProvider } from './docStore';
import { ChangeRejectedNotice, DocConnectionNotice } from './DocStatus';
import { SharePanel } from './SharePanel';
import { useDocAccess } from './useDocAccess';
import { useDocConnection } from './useDocConnection';
import { VersionsPanel } from './versions/VersionsPanel';

/**
 * `/startups/:id/pitch` and `/startups/:id/board`: asks the server what I may do with the document,
 * then opens it (its own store and connection) and renders `children` inside.
 */
export function StartupDocPage({ kind, children }: { kind: StartupDocKind; children: (doc: OpenDoc, sidePanel: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const name = startupDocName(kind, id);
  const { state, reload } = useDocAccess(name);
  useDocumentTitle(state.kind === 'ready' ? state.data.title : t(`collab.kind.${kind}`));
  const back = (
    <Link to={`/startups/${encodeURIComponent(id)}`} className="back-link">
      ← {t('collab.backToStartup')}
    </Link>
  );

  if (state.kind !== 'ready') {
    return (
      <div className="page doc-page" data-testid="doc-page" data-access="">
        {back}
        {state.kind === 'loading' ? <SkeletonRows rows={3} variant="card" /> : <ErrorState error={state.error} onRetry={reload} />}
      </div>
    );
  }
  const access = state.data;
  if (access.access === 'none') {
    return (
      <div className="page page--medium doc-page" data-testid="doc-page" data-access="none">
        {back}
        <div className="card" data-testid="doc-no-access">
          <EmptyState icon={<Icon name="lock" size={28} />} title={t('collab.noAccessTitle')} hint={t(`collab.noAccessHint.${kind}`)} />
        </div>
      </div>
    );
  }
  return (
    <DocStoreProvider key={name}>
      <OpenDocument key={name} name={name} kind={kind} title={access.title} access={access.access} back={back}>
        {children}
      </OpenDocument>
    </DocStoreProvider>
  );
}

function OpenDocument({
  name,
  kind,
  title,
  access,
  back,
  children,
}: {
  name: string;
  kind: StartupDocKind;
  title: string;
  access: OpenDoc['access'];
  back: ReactNode;
  children: (doc: OpenDoc, sidePanel: ReactNode) => ReactNode;
}) {
  const connection = useDocConnection(name);
  const [panel, setPanel] = useState<DocPanel>(null);
  const open = useMemo(() => (connection ? { connection, access } : null), [connection, access]);
  const close = () => setPanel(null);
  // NOTE: the panels sit beside the document (not over it), so the header's buttons stay reachable.
  const sidePanel = panel === 'versions' ? <VersionsPanel kind={kind} onClose={close} /> : panel === 'share' ? <SharePanel name={name} onClose={close} /> : null;
  return (
    <div className={`page page--doc doc-page doc-page--${kind}`} data-testid="doc-page" data-access={access} data-doc={name}>
      {back}
      <DocHeader title={title} access={access} panel={panel} onPanel={setPanel} />
      {open && (
        <OpenDocProvider value={open}>
          <DocConnectionNotice onRetry={() => open.connection.retry()} />
          {open.access !== 'read' && <ChangeRejectedNotice />}
          {children(open, sidePanel)}
        </OpenDocProvider>
      )}
    </div>
  );
}

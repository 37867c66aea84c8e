import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import type { OpenDoc } from './docContext';
import { DocStatus } from './DocStatus';
import { PresenceList } from './PresenceList';

/** Which side panel is open over the document. */
export type DocPanel = 'versions' | 'share' | null;

/** The document's title, what I may do, the connection, who is here, and the version/share buttons. */
export function DocHeader({ title, access, panel, onPanel }: { title: string; access: OpenDoc['access']; panel: DocPanel; onPanel: (p: DocPanel) => void }) {
  const { t } = useTranslation();
  const toggle = (p: Exclude<DocPanel, null>) => onPanel(panel === p ? null : p);
  return (
    <header className="doc-header">
      <div className="doc-header-main">
        <h1 className="doc-title" data-testid="doc-title">
          {title}
        </h1>
        <div className="doc-header-meta">
          <span className={`badge doc-access doc-access--${access}`} data-testid="doc-access">
            {t(`collab.access.${access}`)}
          </span>
          <DocStatus />
        </div>
      </div>
      <div className="doc-header-side">
        <PresenceList />
        {access === 'edit' && (
          <button type="button" className="btn btn--secondary btn--small" data-testid="doc-share" aria-expanded={panel === 'share'} onClick={() => toggle('share')}>
            <Icon name="users" size={16} />
            {t('collab.share.open')}
          </button>
        )}
        <button type="button" className="btn btn--secondary btn--small" data-testid="versions-open" aria-expanded={panel === 'versions'} onClick={() => toggle('versions')}>
          <Icon name="clock" size={16} />
          {t('collab.versions.open')}
        </button>
      </div>
    </header>
  );
}

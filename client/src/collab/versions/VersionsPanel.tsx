import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocVersion } from '../../../../shared/collab';
import { useTimeFormat } from '../../lib/useTimeFormat';
import { Icon } from '../../ui/Icon';
import { Alert, EmptyState, ErrorState, SkeletonRows } from '../../ui/States';
import { canEdit, useOpenDoc } from '../docContext';
import type { StartupDocKind } from '../docNames';
import { useEscape } from '../useEscape';
import { useVersions } from './useVersions';
import { VersionPreview } from './VersionPreview';

/** Longest version name (the server's limit). */
const VERSION_NAME_MAX = 80;

/** The version history drawer: save the current state (editors), list, preview and restore. */
export function VersionsPanel({ kind, onClose }: { kind: StartupDocKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { connection, access } = useOpenDoc();
  const v = useVersions(connection.name);
  const [previewing, setPreviewing] = useState<DocVersion | null>(null);
  useEscape(previewing === null, onClose);
  const editor = canEdit(access);

  const restore = async (version: DocVersion) => {
    if (!window.confirm(t('collab.versions.confirmRestore', { name: version.name }))) return;
    if (await v.restore(version.id)) setPreviewing(null);
  };

  return (
    <>
      <aside className="doc-side card" aria-label={t('collab.versions.title')} data-testid="versions-panel">
        <header className="doc-side-head">
          <h2 className="card-title">{t('collab.versions.title')}</h2>
          <button type="button" className="btn btn--ghost btn--small board-icon-btn" aria-label={t('common.close')} onClick={onClose}>
            <Icon name="close" size={16} />
          </button>
        </header>
        {editor && <SaveVersionForm pending={v.pending === 'save'} onSave={v.save} />}
        {v.error && <Alert tone="error">{v.error}</Alert>}
        {v.restoredId && <Alert tone="success">{t('collab.versions.restored')}</Alert>}
        {v.state.kind === 'loading' && <SkeletonRows rows={3} />}
        {v.state.kind === 'failed' && <ErrorState error={v.state.error} onRetry={v.reload} />}
        {v.state.kind === 'ready' &&
          (v.state.data.length === 0 ? (
            <EmptyState icon={<Icon name="clock" size={22} />} title={t('collab.versions.empty')} hint={editor ? t('collab.versions.emptyHint') : undefined} />
          ) : (
            <ol className="version-list" data-testid="version-list">
              {v.state.data.map((version) => (
                <VersionItem key={version.id} version={version} canRestore={editor} busy={v.pending !== null} onPreview={() => setPreviewing(version)} onRestore={() => void restore(version)} />
              ))}
            </ol>
          ))}
      </aside>
      {previewing && (
        <VersionPreview
          kind={kind}
          name={connection.name}
          version={previewing}
          canRestore={editor}
          restoring={v.pending === 'restore'}
          onRestore={() => void restore(previewing)}
          onClose={() => setPreviewing(null)}
        />
      )}
    </>
  );
}

function SaveVersionForm({ pending, onSave }: { pending: boolean; onSave: (name: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && (await onSave(name.trim()))) setName('');
  };
  return (
    <form className="inline-form version-save" onSubmit={(e) => void submit(e)}>
      <input
        className="input input--small"
        data-testid="version-save-name"
        aria-label={t('collab.versions.nameLabel')}
        placeholder={t('collab.versions.namePlaceholder')}
        maxLength={VERSION_NAME_MAX}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="btn btn--primary btn--small" data-testid="version-save" disabled={pending || !name.trim()}>
        {pending ? t('common.saving') : t('collab.versions.save')}
      </button>
    </form>
  );
}

function VersionItem({ version, canRestore, busy, onPreview, onRestore }: { version: DocVersion; canRestore: boolean; busy: boolean; onPreview: () => void; onRestore: () => void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <li className="version" data-testid="version" data-version-id={version.id}>
      <div className="version-main">
        <strong className="version-name">{version.name}</strong>
        <span className="muted small">
          {t('collab.versions.savedBy', { name: version.createdBy.name })} · <time dateTime={version.createdAt}>{time.dateTime(version.createdAt)}</time>
        </span>
      </div>
      <div className="version-actions">
        <button type="button" className="btn btn--ghost btn--small" data-testid="version-preview" onClick={onPreview}>
          <Icon name="eye" size={15} />
          {t('collab.versions.preview')}
        </button>
        {canRestore && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="version-restore" disabled={busy} onClick={onRestore}>
            <Icon name="restore" size={15} />
            {t('collab.versions.restore')}
          </button>
        )}
      </div>
    </li>
  );
}

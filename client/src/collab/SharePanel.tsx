import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/schemas';
import { Icon } from '../ui/Icon';
import { Alert, EmptyState, ErrorState, SkeletonRows } from '../ui/States';
import { useEscape } from './useEscape';
import { useShares } from './useShares';

/** "Share with investors" (founders): investors picked here can read the document. */
export function SharePanel({ name, onClose }: { name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const s = useShares(name);
  useEscape(true, onClose);
  return (
    <aside className="doc-side card" aria-label={t('collab.share.title')} data-testid="share-panel">
      <header className="doc-side-head">
        <h2 className="card-title">{t('collab.share.title')}</h2>
        <button type="button" className="btn btn--ghost btn--small board-icon-btn" aria-label={t('common.close')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <p className="muted small">{t('collab.share.hint')}</p>
      {s.state.kind === 'loading' && <SkeletonRows rows={3} />}
      {s.state.kind === 'failed' && <ErrorState error={s.state.error} onRetry={s.reload} />}
      {s.state.kind === 'ready' &&
        (s.state.data.investors.length === 0 ? (
          <EmptyState icon={<Icon name="users" size={22} />} title={t('collab.share.noInvestors')} />
        ) : (
          <InvestorPicker key={s.state.data.sharedIds.join(',')} investors={s.state.data.investors} initial={s.state.data.sharedIds} pending={s.pending} onSave={(ids) => void s.save(ids)} />
        ))}
      {s.error && <Alert tone="error">{s.error}</Alert>}
      {s.saved && !s.error && <Alert tone="success">{t('collab.share.saved')}</Alert>}
    </aside>
  );
}

function InvestorPicker({ investors, initial, pending, onSave }: { investors: PublicUser[]; initial: string[]; pending: boolean; onSave: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>(initial);
  const changed = picked.length !== initial.length || picked.some((id) => !initial.includes(id));
  return (
    <form
      className="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(picked);
      }}
    >
      <ul className="share-list">
        {investors.map((u) => (
          <li key={u.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="share-option"
                data-user-id={u.id}
                checked={picked.includes(u.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, u.id] : p.filter((id) => id !== u.id)))}
              />
              <span>
                <strong>{u.name}</strong>
                {u.headline && <span className="muted small share-headline">{u.headline}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <button type="submit" className="btn btn--primary btn--small" data-testid="share-save" disabled={pending || !changed}>
        {pending ? t('common.saving') : t('collab.share.save', { count: picked.length })}
      </button>
    </form>
  );
}

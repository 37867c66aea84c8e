import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicUser } from '../../../shared/schemas';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';

/** A startup's founders; editors can remove them and add other founders. */
export function StartupMembers({
  members,
  candidates,
  canEdit,
  pending,
  onAdd,
  onRemove,
}: {
  members: PublicUser[];
  candidates: PublicUser[];
  canEdit: boolean;
  pending: boolean;
  onAdd: (userId: string) => void;
  onRemove: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState('');
  return (
    <section className="card">
      <h2 className="card-title">{t('startups.members')}</h2>
      {members.length === 0 ? (
        <p className="muted">{t('startups.noMembers')}</p>
      ) : (
        <ul className="person-list" data-testid="startup-members">
          {members.map((m) => (
            <li key={m.id} className="person-row">
              <Avatar name={m.name} seed={m.id} />
              <div className="person-main">
                <Link to={`/people/${m.id}`} className="person-name">
                  {m.name}
                </Link>
                <div className="person-meta">
                  <RoleBadge role={m.role} />
                  {m.headline && <span className="muted small">{m.headline}</span>}
                </div>
              </div>
              {canEdit && (
                <button
                  type="button"
                  className="btn btn--small btn--danger-ghost"
                  disabled={pending}
                  aria-label={t('startups.removeMember', { name: m.name })}
                  onClick={() => {
                    if (window.confirm(t('startups.confirmRemove', { name: m.name }))) onRemove(m.id);
                  }}
                >
                  {t('startups.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) {
              onAdd(picked);
              setPicked('');
            }
          }}
        >
          <select className="input" value={picked} onChange={(e) => setPicked(e.target.value)} aria-label={t('startups.addFounderLabel')} disabled={candidates.length === 0}>
            <option value="">{candidates.length === 0 ? t('startups.noCandidates') : t('startups.pickFounder')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn--secondary" disabled={!picked || pending}>
            {t('startups.addFounder')}
          </button>
        </form>
      )}
    </section>
  );
}

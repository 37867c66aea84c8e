import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Invite, PublicUser, Startup } from '../../../shared/schemas';
import { useTimeFormat } from '../lib/useTimeFormat';
import { RoleBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { EmptyState } from '../ui/States';
import { inviteStatus } from './inviteStatus';

/** Every invite with its computed status; pending ones can be revoked. */
export function InviteTable({
  invites,
  startups,
  peopleById,
  now,
  onRevoke,
}: {
  invites: Invite[];
  startups: Startup[];
  peopleById: Map<string, PublicUser>;
  now: number;
  onRevoke: (id: string) => void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (invites.length === 0) return <EmptyState icon={<Icon name="mail" size={26} />} title={t('invites.empty')} />;
  const startupName = (id: string | null) => (id ? (startups.find((s) => s.id === id)?.name ?? '—') : '—');

  return (
    <div className="table-wrap">
      <table className="table" data-testid="invite-table">
        <thead>
          <tr>
            <th>{t('invites.col.role')}</th>
            <th>{t('invites.col.for')}</th>
            <th>{t('invites.col.startup')}</th>
            <th>{t('invites.col.created')}</th>
            <th>{t('invites.col.expires')}</th>
            <th>{t('invites.col.status')}</th>
            <th>
              <span className="sr-only">{t('invites.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((inv) => {
            const status = inviteStatus(inv, now);
            const usedBy = inv.usedBy ? peopleById.get(inv.usedBy) : undefined;
            return (
              <tr key={inv.id} data-testid="invite-row" data-invite-id={inv.id} data-status={status}>
                <td data-label={t('invites.col.role')}>
                  <RoleBadge role={inv.role} />
                </td>
                <td data-label={t('invites.col.for')}>{inv.email ?? <span className="muted">{t('invites.anyone')}</span>}</td>
                <td data-label={t('invites.col.startup')}>{startupName(inv.startupId)}</td>
                <td data-label={t('invites.col.created')}>{time.dateTime(inv.createdAt)}</td>
                <td data-label={t('invites.col.expires')}>
                  {time.dateTime(inv.expiresAt)}
                  {status === 'pending' && <div className="muted small">{time.relative(inv.expiresAt, now)}</div>}
                </td>
                <td data-label={t('invites.col.status')}>
                  <span className={`pill pill--${status}`}>{t(`invites.status.${status}`)}</span>
                  {usedBy && (
                    <div className="small">
                      <Link to={`/people/${usedBy.id}`}>{usedBy.name}</Link>
                    </div>
                  )}
                </td>
                <td className="table-actions">
                  {status === 'pending' && (
                    <button
                      type="button"
                      className="btn btn--small btn--danger-ghost"
                      data-testid="invite-revoke"
                      onClick={() => {
                        if (window.confirm(t('invites.confirmRevoke'))) onRevoke(inv.id);
                      }}
                    >
                      {t('invites.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/schemas';
import { RoleBadge } from '../ui/Badges';

/** Checkboxes of the mentors and operators who may co-host; the creator is always a host. */
export function HostsPicker({ candidates, creatorId, value, onChange }: { candidates: PublicUser[]; creatorId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p className="muted small">{t('roadshowEdit.noHostCandidates')}</p>;
  return (
    <fieldset className="hosts-picker" data-testid="hosts-picker">
      <legend className="field-label">{t('roadshowEdit.hosts')}</legend>
      <p className="field-hint">{t('roadshowEdit.hostsHint')}</p>
      <ul className="hosts-picker-list">
        {candidates.map((u) => {
          const creator = u.id === creatorId;
          const checked = creator || value.includes(u.id);
          return (
            <li key={u.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={creator}
                  data-testid="host-option"
                  data-user-id={u.id}
                  onChange={(e) => onChange(e.target.checked ? [...value, u.id] : value.filter((id) => id !== u.id))}
                />
                <span>{u.name}</span>
                <RoleBadge role={u.role} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

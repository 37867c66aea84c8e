import { useTranslation } from 'react-i18next';
import { initialsOf } from '../ui/Avatar';
import { useDoc } from './docStore';

const SHOWN = 5;

/** Avatars of who has the document open, in their caret colours; tests read `data-count`. */
export function PresenceList() {
  const { t } = useTranslation();
  const people = useDoc((s) => s.people);
  const more = people.length - SHOWN;
  return (
    <div className="doc-presence" data-testid="doc-presence" data-count={people.length} aria-label={t('collab.presence', { count: people.length })} role="group">
      {people.slice(0, SHOWN).map((p) => (
        <span
          key={p.id}
          className="doc-presence-avatar"
          style={{ background: p.color }}
          title={p.me ? t('collab.you', { name: p.name }) : p.name}
          data-user-id={p.id}
          data-testid="doc-presence-person"
        >
          {initialsOf(p.name)}
        </span>
      ))}
      {more > 0 && <span className="doc-presence-avatar doc-presence-more">+{more}</span>}
      <span className="doc-presence-label muted small">{t('collab.presence', { count: people.length })}</span>
    </div>
  );
}

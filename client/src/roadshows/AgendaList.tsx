import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/roadshow';

/** The agenda, read-only: kind, title, startup, minutes and presenters; the current item highlighted. */
export function AgendaList({ agenda, currentItemId = null }: { agenda: AgendaItem[]; currentItemId?: string | null }) {
  const { t } = useTranslation();
  if (agenda.length === 0) return <p className="muted">{t('roadshowPage.noAgenda')}</p>;
  return (
    <ol className="agenda-list" data-testid="agenda-list">
      {agenda.map((item, i) => (
        <li key={item.id} className={`agenda-item agenda-item--${item.kind}${item.id === currentItemId ? ' is-current' : ''}`} data-item-id={item.id} aria-current={item.id === currentItemId ? 'step' : undefined}>
          <span className="agenda-num" aria-hidden="true">
            {i + 1}
          </span>
          <div className="agenda-main">
            <div className="agenda-title-row">
              <span className={`badge badge--agenda-${item.kind}`}>{t(`agenda.kind.${item.kind}`)}</span>
              <span className="agenda-title">{item.title}</span>
            </div>
            {item.startupName && item.startupName !== item.title && <span className="agenda-startup">{item.startupName}</span>}
            {item.presenters.length > 0 && (
              <span className="agenda-presenters muted small">{t('agenda.presenters', { names: item.presenters.map((p) => p.name).join(', ') })}</span>
            )}
          </div>
          <span className="agenda-minutes">
            {item.kind === 'pitch' && item.qaMinutes > 0 ? t('agenda.pitchQa', { pitch: item.pitchMinutes, qa: item.qaMinutes }) : t('agenda.minutes', { count: item.pitchMinutes + item.qaMinutes })}
          </span>
        </li>
      ))}
    </ol>
  );
}

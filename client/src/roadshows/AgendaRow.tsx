import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Startup } from '../../../shared/schemas';
import type { AgendaDraftItem } from './agendaDraft';

/** One editable agenda row: title, startup (pitches), minutes, and move up / down / remove. */
export function AgendaRow({
  item,
  index,
  count,
  startups,
  onChange,
  onMove,
  onRemove,
  upRef,
  downRef,
}: {
  item: AgendaDraftItem;
  index: number;
  count: number;
  startups: Startup[];
  onChange: (patch: Partial<AgendaDraftItem>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  upRef: RefObject<HTMLButtonElement | null>;
  downRef: RefObject<HTMLButtonElement | null>;
}) {
  const { t } = useTranslation();
  const name = item.title.trim() || t('agenda.untitled');
  const id = `agenda-${item.key}`;
  const pickStartup = (startupId: string) => {
    const prev = startups.find((s) => s.id === item.startupId)?.name ?? '';
    const next = startups.find((s) => s.id === startupId)?.name ?? '';
    // The title follows the startup until someone types their own.
    onChange({ startupId: startupId || null, ...(item.title.trim() === '' || item.title === prev ? { title: next } : {}) });
  };
  return (
    <li className={`agenda-edit-row agenda-item--${item.kind}`} data-testid="agenda-edit-item" data-item-id={item.id ?? ''} data-kind={item.kind}>
      <span className="agenda-num" aria-hidden="true">
        {index + 1}
      </span>
      <div className="agenda-edit-fields">
        <span className={`badge badge--agenda-${item.kind}`}>{t(`agenda.kind.${item.kind}`)}</span>
        {item.kind === 'pitch' && (
          <label className="agenda-field agenda-field--startup">
            <span className="sr-only">{t('agenda.startup')}</span>
            <select className="input input--small" value={item.startupId ?? ''} onChange={(e) => pickStartup(e.target.value)} data-testid="agenda-startup">
              <option value="">{t('agenda.pickStartup')}</option>
              {startups.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="agenda-field agenda-field--title">
          <span className="sr-only">{t('agenda.itemTitle')}</span>
          <input id={id} className="input input--small" maxLength={120} value={item.title} placeholder={t('agenda.itemTitle')} onChange={(e) => onChange({ title: e.target.value })} />
        </label>
        <label className="agenda-field agenda-field--num">
          <span className="agenda-field-label">{item.kind === 'pitch' ? t('agenda.pitchMinutes') : t('agenda.itemMinutes')}</span>
          <input className="input input--small" type="number" min={1} max={120} value={Number.isNaN(item.pitchMinutes) ? '' : item.pitchMinutes} onChange={(e) => onChange({ pitchMinutes: e.target.valueAsNumber })} />
        </label>
        {item.kind === 'pitch' && (
          <label className="agenda-field agenda-field--num">
            <span className="agenda-field-label">{t('agenda.qaMinutes')}</span>
            <input className="input input--small" type="number" min={0} max={60} value={Number.isNaN(item.qaMinutes) ? '' : item.qaMinutes} onChange={(e) => onChange({ qaMinutes: e.target.valueAsNumber })} />
          </label>
        )}
      </div>
      <div className="agenda-edit-actions">
        <button ref={upRef} type="button" className="icon-btn" aria-label={t('agenda.moveUp', { title: name })} title={t('agenda.moveUp', { title: name })} disabled={index === 0} onClick={() => onMove(-1)} data-testid="agenda-move-up">
          ↑
        </button>
        <button ref={downRef} type="button" className="icon-btn" aria-label={t('agenda.moveDown', { title: name })} title={t('agenda.moveDown', { title: name })} disabled={index === count - 1} onClick={() => onMove(1)} data-testid="agenda-move-down">
          ↓
        </button>
        <button type="button" className="icon-btn icon-btn--danger" aria-label={t('agenda.remove', { title: name })} title={t('agenda.remove', { title: name })} onClick={onRemove} data-testid="agenda-remove">
          ✕
        </button>
      </div>
    </li>
  );
}

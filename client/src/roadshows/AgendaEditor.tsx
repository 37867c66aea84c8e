import { createRef, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoadshowDetail } from '../../../shared/roadshow';
import type { Startup } from '../../../shared/schemas';
import { Alert } from '../ui/States';
import { AgendaRow } from './AgendaRow';
import { agendaMinutes, agendaProblem, fromAgenda, moveAgendaItem, newAgendaItem, toAgendaInput, type AgendaDraftItem, type AgendaKind } from './agendaDraft';
import { useSaveRoadshow } from './useSaveRoadshow';

type MoveRefs = { up: RefObject<HTMLButtonElement | null>; down: RefObject<HTMLButtonElement | null> };

/** Hosts build the agenda: add pitches, breaks and talks, set minutes, reorder with ↑/↓, save it whole. */
export function AgendaEditor({ roadshow, startups, onSaved }: { roadshow: RoadshowDetail; startups: Startup[]; onSaved: (r: RoadshowDetail) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AgendaDraftItem[]>(() => fromAgenda(roadshow.agenda));
  const [touched, setTouched] = useState(false);
  const [announce, setAnnounce] = useState('');
  const { save, pending, error, saved } = useSaveRoadshow(roadshow.id, (r) => {
    setItems(fromAgenda(r.agenda));
    onSaved(r);
  });
  const refs = useRef(new Map<string, MoveRefs>());
  const refsOf = (key: string): MoveRefs => {
    let r = refs.current.get(key);
    if (!r) refs.current.set(key, (r = { up: createRef(), down: createRef() }));
    return r;
  };
  // After a move, focus stays on the moved row's button (or its sibling once at an end).
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; delta: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    const r = refs.current.get(focusAfterMove.key);
    const preferred = focusAfterMove.delta === -1 ? r?.up.current : r?.down.current;
    const other = focusAfterMove.delta === -1 ? r?.down.current : r?.up.current;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const ended = roadshow.status === 'ended';
  const problem = agendaProblem(items);
  const update = (key: string, patch: Partial<AgendaDraftItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, delta: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    const next = moveAgendaItem(items, index, delta);
    setItems(next);
    setFocusAfterMove({ key: item.key, delta });
    setAnnounce(t('agenda.moved', { title: item.title.trim() || t('agenda.untitled'), position: next.indexOf(item) + 1 }));
  };
  const add = (kind: AgendaKind) => setItems((list) => [...list, newAgendaItem(kind, kind === 'pitch' ? '' : t(`agenda.kind.${kind}`))]);
  const onSave = () => {
    setTouched(true);
    if (problem) return;
    void save({ agenda: toAgendaInput(items) });
  };

  return (
    <section className="card agenda-editor" data-testid="agenda-editor" aria-labelledby="agenda-editor-title">
      <div className="card-head">
        <h2 className="card-title" id="agenda-editor-title">
          {t('roadshowPage.agenda')}
        </h2>
        <span className="muted small">{t('agenda.total', { count: agendaMinutes(items) })}</span>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-edit-list">
          {items.map((item, index) => (
            <AgendaRow
              key={item.key}
              item={item}
              index={index}
              count={items.length}
              startups={startups}
              onChange={(patch) => update(item.key, patch)}
              onMove={(delta) => move(index, delta)}
              onRemove={() => setItems((list) => list.filter((i) => i.key !== item.key))}
              upRef={refsOf(item.key).up}
              downRef={refsOf(item.key).down}
            />
          ))}
        </ol>
      )}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <div className="agenda-add">
        {(['pitch', 'talk', 'break'] as const).map((kind) => (
          <button key={kind} type="button" className="btn btn--ghost btn--small" onClick={() => add(kind)} disabled={ended} data-testid={`agenda-add-${kind}`}>
            + {t(`agenda.add${kind === 'pitch' ? 'Pitch' : kind === 'talk' ? 'Talk' : 'Break'}`)}
          </button>
        ))}
      </div>
      {touched && problem && <Alert tone="error">{t(`agenda.${problem}`)}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {saved && !error && <Alert tone="success">{t('roadshowEdit.saved')}</Alert>}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onSave} disabled={pending || ended} data-testid="agenda-save">
          {pending ? t('common.saving') : t('roadshowEdit.saveAgenda')}
        </button>
      </div>
    </section>
  );
}

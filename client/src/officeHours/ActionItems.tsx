import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { newId } from '../collab/newId';
import { addAction, MAX_ACTION_LENGTH, removeAction, setActionDone } from './actionItems';
import { useActionItems } from './useActionItems';

/** The session's action items: tick off, remove, add. Everyone in the notes sees changes live. */
export function ActionItems({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const items = useActionItems(doc);
  const [text, setText] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (addAction(doc, newId(), text)) setText('');
  };
  return (
    <section className="oh-actions" data-testid="oh-actions" aria-labelledby="oh-actions-title">
      <h3 className="oh-actions-title" id="oh-actions-title">
        {t('officeHours.notes.actionsTitle')}
      </h3>
      {items.length === 0 ? (
        <p className="muted small">{t('officeHours.notes.noActions')}</p>
      ) : (
        <ul className="oh-action-list">
          {items.map((item) => (
            <li key={item.id} className={`oh-action${item.done ? ' is-done' : ''}`} data-testid="oh-action" data-done={String(item.done)}>
              <label className="oh-action-label">
                <input type="checkbox" className="checkbox" checked={item.done} onChange={(e) => setActionDone(doc, item.id, e.target.checked)} />
                <span className="oh-action-text">{item.text}</span>
              </label>
              <button type="button" className="oh-action-remove" aria-label={t('officeHours.notes.removeAction', { text: item.text })} onClick={() => removeAction(doc, item.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="oh-action-form" onSubmit={add}>
        <input
          className="input"
          value={text}
          maxLength={MAX_ACTION_LENGTH}
          placeholder={t('officeHours.notes.actionPlaceholder')}
          aria-label={t('officeHours.notes.actionPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="oh-action-input"
        />
        <button type="submit" className="btn btn--secondary btn--small" disabled={!text.trim()} data-testid="oh-action-add">
          {t('officeHours.notes.addAction')}
        </button>
      </form>
    </section>
  );
}

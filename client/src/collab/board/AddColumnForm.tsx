import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/** Longest column title, in characters. */
export const COLUMN_TITLE_MAX = 60;

/** "+ Add column", opening into a title box. */
export function AddColumnForm({ onAdd }: { onAdd: (title: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  if (!open) {
    return (
      <button type="button" className="board-add-column" data-testid="board-add-column" onClick={() => setOpen(true)}>
        <Icon name="plus" size={18} />
        {t('collab.board.addColumn')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) onAdd(title.trim());
    setTitle('');
    setOpen(false);
  };
  return (
    <form className="board-add-column board-add-column--open" onSubmit={submit}>
      <input
        className="input input--small"
        data-testid="board-column-title-input"
        aria-label={t('collab.board.columnTitle')}
        placeholder={t('collab.board.columnTitlePlaceholder')}
        maxLength={COLUMN_TITLE_MAX}
        autoFocus
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <div className="board-add-column-actions">
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary btn--small" disabled={!title.trim()}>
          {t('collab.board.add')}
        </button>
      </div>
    </form>
  );
}

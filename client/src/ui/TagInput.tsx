import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** Tags as removable chips; Enter or comma adds the typed tag, Backspace on empty removes the last. */
export function TagInput({ id, value, onChange }: { id?: string; value: string[]; onChange: (tags: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const add = (raw: string) => {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH);
    if (!tag || value.length >= MAX_TAGS || value.some((v) => v.toLowerCase() === tag.toLowerCase())) return;
    onChange([...value, tag]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      add(draft);
      setDraft('');
    } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="tag-input">
      {value.map((tag) => (
        <span key={tag} className="chip chip--removable">
          {tag}
          <button type="button" className="chip-remove" aria-label={t('tags.remove', { tag })} onClick={() => onChange(value.filter((v) => v !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        className="tag-input-field"
        value={draft}
        placeholder={value.length >= MAX_TAGS ? t('tags.full') : t('tags.placeholder')}
        disabled={value.length >= MAX_TAGS}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add(draft);
          setDraft('');
        }}
      />
    </div>
  );
}

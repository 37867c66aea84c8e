import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/constants';
import type { Language } from '../../../shared/schemas';

/** Checkboxes for the languages a person speaks (at least one stays checked). */
export function LanguageCheckboxes({ value, onChange, name }: { value: Language[]; onChange: (langs: Language[]) => void; name: string }) {
  const { t } = useTranslation();
  const toggle = (lang: Language, checked: boolean) => {
    const next = checked ? [...value, lang] : value.filter((l) => l !== lang);
    onChange(LANGUAGES.filter((l) => next.includes(l)));
  };
  return (
    <div className="checkbox-row" role="group">
      {LANGUAGES.map((lang) => (
        <label key={lang} className="checkbox">
          <input
            type="checkbox"
            name={name}
            checked={value.includes(lang)}
            disabled={value.length === 1 && value.includes(lang)}
            onChange={(e) => toggle(lang, e.target.checked)}
          />
          <span>{t(`languages.${lang}`)}</span>
        </label>
      ))}
    </div>
  );
}

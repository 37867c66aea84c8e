import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, UI_LANGUAGES } from '../i18n';

/** EN / 中文 toggle; the choice is remembered in localStorage. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.switcherLabel')}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          data-testid={`lang-${lang}`}
          className={`lang-switch-btn${lang === active ? ' is-active' : ''}`}
          aria-pressed={lang === active}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          title={t(`language.switchTo.${lang}`)}
          onClick={() => setLanguage(lang)}
        >
          {t(`language.short.${lang}`)}
        </button>
      ))}
    </div>
  );
}

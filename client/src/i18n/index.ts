/**
 * i18next set-up: English and Simplified Chinese bundled in (no network), the choice persisted in
 * localStorage, the default taken from navigator.language, and <html lang> kept in step.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/schemas';
import { en } from './en';
import { zh } from './zh';

export const UI_LANGUAGES = ['en', 'zh'] as const satisfies readonly Language[];
export const LANGUAGE_STORAGE_KEY = 'hatchery.language';

const htmlLang: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh';
}

/** The saved choice, else the browser's preference (zh* → zh), else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage may be blocked (private mode); fall through to the browser's preference
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

/** The current UI language as one of ours. */
export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

/** Switches the UI language and remembers the choice. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still applies to this tab
  }
  void i18next.changeLanguage(language);
}

/** Initializes i18next synchronously (resources are bundled). Call once before rendering. */
export function initI18n(language: Language = initialLanguage()) {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = htmlLang[isLanguage(lng) ? lng : 'en'];
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = htmlLang[language];
  return i18next;
}

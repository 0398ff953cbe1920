import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * zh-CN by default, English on request (remembered in localStorage). Each screen keeps its
 * words in its own bundle (src/i18n/bundles/*.ts: `namespace`, `zh`, `en`), loaded here.
 */
export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'banli.language';

interface Bundle {
  namespace: string;
  zh: Record<string, unknown>;
  en: Record<string, unknown>;
}

const bundles = import.meta.glob<Bundle>('./bundles/*.ts', { eager: true });

export function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' ? 'en' : 'zh-CN';
}

const resources: Record<Language, Record<string, Record<string, unknown>>> = { 'zh-CN': {}, en: {} };
for (const b of Object.values(bundles)) {
  resources['zh-CN'][b.namespace] = b.zh;
  resources.en[b.namespace] = b.en;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  // React escapes what it renders: i18next must not escape a second time.
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;

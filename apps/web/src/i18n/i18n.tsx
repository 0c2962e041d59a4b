// The user's language: Indonesian by default, English on request, kept across visits.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bilingual } from '../api/types';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'id' | 'en';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey): string;
  /** Picks the user's language from a server's bilingual text. */
  pick(text: Bilingual): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'jalin.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key) => MESSAGES[key]?.[lang] ?? key, pick: (text) => text[lang] ?? text.id }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { format, type Language, LANGUAGES, pickLanguage, type Translate } from './language';

export type { Language, Translate };

/** Where the person's choice of language is kept, in this browser. */
const STORAGE_KEY = 'raci.language';

interface I18n {
  language: Language;
  choose: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the browser's languages decide.
  }
  return pickLanguage(chosen, navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Kept for this page only.
    }
    setLanguage(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, choose, t: (key, values) => format(LANGUAGES[language], key, values) }),
    [language, choose],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The console's words in the person's language. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

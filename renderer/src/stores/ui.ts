import { create } from 'zustand';
import { LANGUAGES, type Language } from '../i18n';

export type DigitStyle = 'native' | 'latn';
export type View = 'inbox' | 'search' | 'lead' | 'admin' | 'audit' | 'account' | 'status';
export type Overlay = null | 'palette' | 'help';

/** UI preferences and navigation. Language and digit style persist; nothing customer-related is kept here. */
interface UiState {
  language: Language;
  digits: DigitStyle;
  view: View;
  overlay: Overlay;
  /** Bumped to ask a component to take focus (e.g. 'composer', 'note', 'labels', 'search'). */
  focusRequest: { target: string; n: number } | null;
  setLanguage(language: Language): void;
  setDigits(digits: DigitStyle): void;
  go(view: View): void;
  open(overlay: Overlay): void;
  requestFocus(target: string): void;
}

const PREFS = 'diwan.prefs';

function loadPrefs(): { language: Language; digits: DigitStyle } {
  try {
    const p = JSON.parse(window.localStorage.getItem(PREFS) ?? '{}') as { language?: string; digits?: string };
    return {
      language: (LANGUAGES as readonly string[]).includes(p.language ?? '') ? (p.language as Language) : 'en',
      digits: p.digits === 'latn' ? 'latn' : 'native',
    };
  } catch {
    return { language: 'en', digits: 'native' };
  }
}

function savePrefs(p: { language: Language; digits: DigitStyle }) {
  try {
    window.localStorage.setItem(PREFS, JSON.stringify(p));
  } catch {
    // private mode or storage full: preferences just do not persist
  }
}

export const useUi = create<UiState>((set, get) => ({
  ...loadPrefs(),
  view: 'inbox',
  overlay: null,
  focusRequest: null,
  setLanguage: (language) => {
    set({ language });
    savePrefs({ language, digits: get().digits });
  },
  setDigits: (digits) => {
    set({ digits });
    savePrefs({ language: get().language, digits });
  },
  go: (view) => set({ view, overlay: null }),
  open: (overlay) => set({ overlay }),
  requestFocus: (target) => set((s) => ({ focusRequest: { target, n: (s.focusRequest?.n ?? 0) + 1 } })),
}));

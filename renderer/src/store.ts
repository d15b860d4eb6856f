import { create } from 'zustand';
import type { Language } from './i18n';

interface UiState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useUi = create<UiState>((set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
}));

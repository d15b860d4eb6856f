import { create } from 'zustand';
import type { Language } from './i18n';

interface UiState {
  language: Language;
  setLanguage(language: Language): void;
}

/** UI preferences only: never customer data, so it survives a lock. */
export const useUi = create<UiState>((set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
}));

const resets = new Set<() => void>();

/**
 * Every store that holds customer data registers how to empty itself (`registerReset(() => useX.setState(initial, true))`);
 * a lock calls them all. A store that forgets to register keeps data across a lock, so each new store must.
 */
export function registerReset(reset: () => void): void {
  resets.add(reset);
}

export function dropCustomerState(): void {
  for (const reset of resets) reset();
}

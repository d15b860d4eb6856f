import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { registerReset } from './reset';

type Result = ResponseOf<'search'>;
export type SearchQuery = RequestOf<'search'>;

interface SearchState {
  query: SearchQuery;
  result: Result | null;
  loading: boolean;
  error: unknown;
  setQuery(patch: Partial<SearchQuery>): void;
  run(): Promise<void>;
  reset(): void;
}

const blank: SearchQuery = { query: '' };

export const useSearch = create<SearchState>((set, get) => ({
  query: blank,
  result: null,
  loading: false,
  error: null,
  setQuery: (patch) => set((s) => ({ query: { ...s.query, ...patch } })),
  run: async () => {
    const q = get().query;
    if (!q.query.trim()) return;
    set({ loading: true, error: null });
    try {
      const result = await call('search', { ...q, limit: 100 });
      if (get().query === q) set({ result, loading: false });
    } catch (error) {
      set({ error, loading: false });
    }
  },
  reset: () => set({ query: blank, result: null, loading: false, error: null }),
}));

registerReset(() => useSearch.getState().reset());

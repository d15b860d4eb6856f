import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { registerReset } from './reset';
import { useSelection } from './selection';

export type Summary = ResponseOf<'listConversations'>['items'][number];
export type Filter = NonNullable<RequestOf<'listConversations'>['filter']>;
type Counts = ResponseOf<'inboxCounts'>;
type Health = ResponseOf<'channelHealth'>[number];

const PAGE = 100;

interface InboxState {
  filter: Filter;
  items: Summary[];
  nextCursor: string | null;
  total: number;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  counts: Counts | null;
  health: Health[];
  /** Bumped on every reload so an older, slower page never lands on a newer list. */
  generation: number;
  setFilter(patch: Partial<Filter>): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  refreshMeta(): Promise<void>;
  /** Main said these changed: refresh the visible rows that are loaded and the counts. */
  changed(ids: number[]): Promise<void>;
  /** Something changed while the user was deep in a long list. */
  stale: boolean;
  /** Moves the selection (`stores/selection.ts`) to the next or previous loaded row. */
  step(delta: 1 | -1): void;
  replace(summary: Summary): void;
  reset(): void;
}

const initial = {
  filter: { scope: 'all', status: 'open' } as Filter,
  items: [] as Summary[],
  nextCursor: null,
  total: 0,
  loading: false,
  loadingMore: false,
  error: null,
  counts: null,
  health: [] as Health[],
  stale: false,
};

export const useInbox = create<InboxState>((set, get) => ({
  ...initial,
  generation: 0,
  setFilter: (patch) => {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
    // A conversation the new filter does not list is no longer shown beside it (an empty list shows none).
    void get().load().then(() => {
      const selected = useSelection.getState().id;
      if (selected !== null && !get().items.some((i) => i.id === selected)) useSelection.getState().select(null);
    });
  },
  load: async () => {
    const generation = get().generation + 1;
    set({ loading: true, error: null, generation, stale: false });
    try {
      const page = await call('listConversations', { filter: get().filter, cursor: null, limit: PAGE });
      if (get().generation !== generation) return;
      set({ items: page.items, nextCursor: page.nextCursor, total: page.total, loading: false });
    } catch (error) {
      if (get().generation === generation) set({ error, loading: false });
    }
  },
  loadMore: async () => {
    const { nextCursor, loadingMore, generation } = get();
    if (!nextCursor || loadingMore) return;
    set({ loadingMore: true });
    try {
      const page = await call('listConversations', { filter: get().filter, cursor: nextCursor, limit: PAGE });
      if (get().generation !== generation) return;
      set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, total: page.total, loadingMore: false }));
    } catch (error) {
      set({ error, loadingMore: false });
    }
  },
  refreshMeta: async () => {
    const [counts, health] = await Promise.all([call('inboxCounts', {}), call('channelHealth', {})]);
    set({ counts, health });
  },
  changed: async () => {
    await get().refreshMeta();
    // Near the top the list reloads in place; deep in a long list it offers a refresh instead of jumping.
    if (get().items.length <= PAGE) await get().load();
    else set({ stale: true });
  },
  step: (delta) => {
    const { items } = get();
    const selectedId = useSelection.getState().id;
    if (!items.length) return;
    const at = items.findIndex((i) => i.id === selectedId);
    const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + delta));
    useSelection.getState().select(items[next]!.id);
    if (next >= items.length - 10) void get().loadMore();
  },
  replace: (summary) => {
    const { items, filter } = get();
    const selectedId = useSelection.getState().id;
    const at = items.findIndex((i) => i.id === summary.id);
    if (at < 0) return;
    // Resolved, snoozed or taken conversations leave a list filtered to what they no longer are; the agent moves on
    // to the next one (the one that takes its place), as after "resolve" in every helpdesk.
    const leaves = (filter.status !== undefined && summary.status !== filter.status) || (filter.scope === 'unassigned' && summary.assignee !== null);
    if (!leaves) set({ items: items.map((i) => (i.id === summary.id ? summary : i)) });
    else {
      const rest = items.filter((i) => i.id !== summary.id);
      const next = selectedId === summary.id ? (rest[Math.min(at, rest.length - 1)]?.id ?? null) : selectedId;
      set((s) => ({ items: rest, total: Math.max(0, s.total - 1) }));
      useSelection.getState().select(next);
    }
    // The counts beside the scopes follow at once (assignment, status).
    void get().refreshMeta().catch(() => {});
  },
  reset: () => set((s) => ({ ...initial, generation: s.generation + 1 })),
}));

registerReset(() => useInbox.getState().reset());

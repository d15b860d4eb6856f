import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { useInbox } from './inbox';
import { registerReset } from './reset';
import { onSelectionChange, useSelection } from './selection';
import { useUi } from './ui';

export type Detail = ResponseOf<'openConversation'>;
export type Message = Detail['messages'][number];

/** The selected conversation as main shows it (messages, notes, customer, reply window); loaded when it is selected. */
interface DetailState {
  detail: Detail | null;
  loading: boolean;
  error: unknown;
  /** Fetches the selected conversation again (a change from main, a note, a reply sent). */
  reload(): Promise<void>;
  /** A status or assignment change main answered with the new summary: the header and the list row follow. */
  applySummary(summary: Detail['summary']): void;
  resolveUnknown(messageId: number, action: 'resend' | 'mark_failed'): Promise<void>;
  /** Reads the page of messages before the oldest one shown (an opening shows the latest page only). */
  loadOlder(): Promise<void>;
  reset(): void;
}

let reloads = 0;

export const useDetail = create<DetailState>((set, get) => ({
  detail: null,
  loading: false,
  error: null,
  reload: async () => {
    const id = useSelection.getState().id;
    if (id === null) return;
    // Reloads overlap (a selection and the hub's push, a reply sent): only the newest may draw, or an answer that left
    // earlier but came back later would put the older conversation back on screen.
    const ticket = ++reloads;
    const current = () => ticket === reloads && useSelection.getState().id === id;
    try {
      const detail = await call('openConversation', { conversationId: id, lang: useUi.getState().language });
      if (!current()) return;
      set((s) => ({ detail: keepOlder(s.detail, detail), loading: false, error: null }));
      useInbox.getState().replace(detail.summary);
    } catch (error) {
      if (current()) set({ error, loading: false });
    }
  },
  applySummary: (summary) => {
    set((s) => (s.detail && s.detail.summary.id === summary.id ? { detail: { ...s.detail, summary } } : {}));
    useInbox.getState().replace(summary);
  },
  resolveUnknown: async (messageId, action) => {
    await call('resolveUnknownDelivery', { messageId, action });
    await get().reload();
  },
  loadOlder: async () => {
    const shown = get().detail;
    const oldest = shown?.messages[0];
    if (!shown || !oldest || !shown.moreBefore) return;
    const page = await call('olderMessages', { conversationId: shown.summary.id, before: { sentAt: oldest.sentAt, id: oldest.id }, lang: useUi.getState().language });
    set((s) =>
      s.detail && s.detail.summary.id === shown.summary.id && s.detail.messages[0]?.id === oldest.id
        ? { detail: { ...s.detail, messages: [...page.messages, ...s.detail.messages], moreBefore: page.moreBefore } }
        : {},
    );
  },
  reset: () => set({ detail: null, loading: false, error: null }),
}));

/** A reload of the conversation shown keeps the older pages the reader had already read above its latest page. */
function keepOlder(before: Detail | null, next: Detail): Detail {
  const first = next.messages[0];
  if (!before || before.summary.id !== next.summary.id || !first || !next.moreBefore) return next;
  const older = before.messages.filter((m) => m.sentAt < first.sentAt || (m.sentAt === first.sentAt && m.id < first.id));
  return older.length ? { ...next, messages: [...older, ...next.messages], moreBefore: before.moreBefore } : next;
}

onSelectionChange((id) => {
  useDetail.setState({ detail: null, error: null, loading: id !== null });
  if (id !== null) void useDetail.getState().reload();
});

registerReset(() => useDetail.getState().reset());

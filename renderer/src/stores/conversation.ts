import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call, errorCode, type BridgeError } from '../bridge';
import { useInbox } from './inbox';
import { useUi } from './ui';
import { registerReset } from './reset';
import { ERROR_CODES } from '../../../main/ipc/vocabulary';

export type Detail = ResponseOf<'openConversation'>;
export type Message = Detail['messages'][number];
type Verdict = ResponseOf<'checkReply'>;

export interface Reveal {
  value: string;
  type: string;
  expiresAt: number;
}

export const revealKey = (messageId: number, fieldIndex: number) => `${messageId}:${fieldIndex}`;

interface Composer {
  draft: string;
  /** The newest customer message id when the agent started this draft. */
  seenInboundId: number | null;
  verdict: Verdict | null;
  checking: boolean;
  sending: boolean;
  /** A newer customer message arrived since the draft began: sending is blocked until acknowledged. */
  newerArrived: boolean;
  humanAgentTag: boolean;
  /** A blocked draft sent to a team lead for four eyes; the token lets exactly that text go out once. */
  approval: { requestId: number; text: string; state: 'pending' | 'approved' | 'declined'; token: string | null } | null;
  /** The newest message and note ids on screen when the draft began: what a held reply shows as newer. */
  baseline: Baseline | null;
  /** Team mode: the hub held the reply because something newer arrived; the author looks first or sends anyway. */
  held: { heldId: string; message: string } | null;
  error: unknown;
}

export interface Baseline {
  messageId: number;
  noteId: number;
}

/** Replies the hub has not taken yet are numbered from the top of the id range (team/handlers.ts); they are not "seen". */
const PENDING_IDS_FROM = Number.MAX_SAFE_INTEGER - 1e9;

export function baselineOf(detail: Detail | null): Baseline | null {
  if (!detail) return null;
  const ids = detail.messages.map((m) => m.id).filter((id) => id < PENDING_IDS_FROM);
  return { messageId: Math.max(0, ...ids), noteId: Math.max(0, ...detail.notes.map((n) => n.id)) };
}

interface ConversationState {
  id: number | null;
  detail: Detail | null;
  loading: boolean;
  error: unknown;
  reveals: Record<string, Reveal>;
  /**
   * Reveal requests waiting for a team lead's approval (types the policy marks), by field key: the request id.
   * Kept across conversations (a field key names its message), dropped on lock and sign-out.
   */
  pendingReveals: Record<string, string>;
  /** Requests a lead declined, or that nobody answered in time: the chip says so and offers to ask again. */
  declinedReveals: Record<string, 'denied' | 'stale'>;
  /** Asks main whether a waiting request was decided; shows the value if it was approved. */
  checkPendingReveal(key: string): Promise<void>;
  /** Checks every waiting request (the console polls while any wait). */
  pollPendingReveals(): Promise<void>;
  composer: Composer;
  /**
   * Drafts (and a pending approval request) of the conversations the agent left, by conversation id: opening one
   * again brings its composer back. Memory only; dropped on lock and sign-out with every other customer datum.
   */
  drafts: Record<number, Composer>;
  open(id: number | null): Promise<void>;
  reload(): Promise<void>;
  reveal(messageId: number, fieldIndex: number, reason: string): Promise<void>;
  hide(key: string): void;
  /** Drops reveals whose grant has expired; called every second while any are shown. */
  expireReveals(now: number): void;
  setDraft(text: string): void;
  check(): Promise<void>;
  send(): Promise<boolean>;
  acknowledgeNewer(): void;
  /** Asks a team lead to approve the blocked draft. */
  askApproval(): Promise<void>;
  /** Asks main whether the lead has decided; picks up the one-time token if approved. */
  checkApproval(): Promise<void>;
  setHumanAgentTag(on: boolean): void;
  resolveUnknown(messageId: number, action: 'resend' | 'mark_failed'): Promise<void>;
  /** The held reply: sent anyway (audited at the hub), or dropped so the author reads first and sends again. */
  settleHeld(action: 'send_anyway' | 'look_first'): Promise<void>;
  applySummary(summary: Detail['summary']): void;
  reset(): void;
}

const emptyComposer: Composer = {
  draft: '',
  seenInboundId: null,
  verdict: null,
  checking: false,
  sending: false,
  newerArrived: false,
  humanAgentTag: false,
  approval: null,
  baseline: null,
  held: null,
  error: null,
};

export const useConversation = create<ConversationState>((set, get) => ({
  id: null,
  detail: null,
  loading: false,
  error: null,
  reveals: {},
  pendingReveals: {},
  declinedReveals: {},
  composer: emptyComposer,
  drafts: {},
  open: async (id) => {
    if (id === get().id && get().detail) return;
    const { id: leaving, composer: left, drafts } = get();
    const kept = leaving !== null && (left.draft.trim() !== '' || left.approval !== null) ? { ...drafts, [leaving]: { ...left, checking: false, sending: false, error: null } } : drafts;
    const restored = id !== null ? kept[id] : undefined;
    set({
      id,
      detail: null,
      error: null,
      reveals: {},
      composer: restored ?? emptyComposer,
      drafts: id !== null ? without(kept, String(id)) : kept,
      loading: id !== null,
    });
    if (id === null) return;
    try {
      const detail = await call('openConversation', { conversationId: id, lang: useUi.getState().language });
      if (get().id !== id) return;
      const c = get().composer;
      // The customer may have written while the draft waited: the same rule as a message arriving while typing.
      const newer = c.draft.trim() !== '' && detail.latestInboundId !== null && detail.latestInboundId !== c.seenInboundId;
      set({ detail, loading: false, composer: { ...c, newerArrived: c.newerArrived || newer } });
      useInbox.getState().replace(detail.summary);
    } catch (error) {
      if (get().id === id) set({ error, loading: false });
    }
  },
  reload: async () => {
    const id = get().id;
    if (id === null) return;
    try {
      const detail = await call('openConversation', { conversationId: id, lang: useUi.getState().language });
      if (get().id !== id) return;
      const c = get().composer;
      // A customer message newer than the one the draft started from blocks sending until the agent has seen it.
      const newer = c.draft.trim() !== '' && detail.latestInboundId !== null && detail.latestInboundId !== c.seenInboundId;
      set({ detail, composer: { ...c, newerArrived: c.newerArrived || newer } });
      useInbox.getState().replace(detail.summary);
    } catch (error) {
      set({ error });
    }
  },
  reveal: async (messageId, fieldIndex, reason) => {
    const key = revealKey(messageId, fieldIndex);
    const r = await call('requestReveal', { messageId: String(messageId), fieldIndex, reason });
    const declinedReveals = without(get().declinedReveals, key);
    if (r.status === 'pending') set((s) => ({ declinedReveals, pendingReveals: { ...s.pendingReveals, [key]: r.requestId } }));
    else set((s) => ({ declinedReveals, reveals: { ...s.reveals, [key]: { value: r.value, type: r.fieldType, expiresAt: r.expiresAt } } }));
  },
  checkPendingReveal: async (key) => {
    const grantId = get().pendingReveals[key];
    if (!grantId) return;
    try {
      const r = await call('readReveal', { grantId });
      if (get().pendingReveals[key] !== grantId) return;
      set((s) => ({ pendingReveals: without(s.pendingReveals, key), reveals: { ...s.reveals, [key]: { value: r.value, type: r.fieldType, expiresAt: r.expiresAt } } }));
    } catch (error) {
      const code = errorCode(error);
      if (code === ERROR_CODES.revealPending || get().pendingReveals[key] !== grantId) return;
      const outcome = code === ERROR_CODES.revealDenied ? 'denied' : code === ERROR_CODES.revealRequestStale ? 'stale' : null;
      set((s) => ({
        pendingReveals: without(s.pendingReveals, key),
        ...(outcome ? { declinedReveals: { ...s.declinedReveals, [key]: outcome } } : { error }),
      }));
    }
  },
  pollPendingReveals: async () => {
    await Promise.all(Object.keys(get().pendingReveals).map((key) => get().checkPendingReveal(key)));
  },
  hide: (key) =>
    set((s) => {
      const reveals = { ...s.reveals };
      delete reveals[key];
      return { reveals };
    }),
  expireReveals: (now) => {
    const live = Object.entries(get().reveals).filter(([, r]) => r.expiresAt > now);
    if (live.length !== Object.keys(get().reveals).length) set({ reveals: Object.fromEntries(live) });
  },
  setDraft: (text) =>
    set((s) => {
      const starting = s.composer.draft.trim() === '' && text.trim() !== '';
      const seen = starting || text.trim() === '' ? (s.detail?.latestInboundId ?? null) : s.composer.seenInboundId;
      // An approval is for one exact text: editing the draft drops it.
      const approval = s.composer.approval?.text === text ? s.composer.approval : null;
      const baseline = starting ? baselineOf(s.detail) : s.composer.baseline;
      return { composer: { ...s.composer, draft: text, seenInboundId: seen, baseline, verdict: null, error: null, approval, newerArrived: text.trim() === '' ? false : s.composer.newerArrived } };
    }),
  check: async () => {
    const { id, composer } = get();
    if (id === null || !composer.draft.trim()) return;
    const draft = composer.draft;
    set((s) => ({ composer: { ...s.composer, checking: true } }));
    try {
      const verdict = await call('checkReply', { conversationId: id, text: draft });
      if (get().composer.draft === draft) set((s) => ({ composer: { ...s.composer, verdict, checking: false } }));
      else set((s) => ({ composer: { ...s.composer, checking: false } }));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, checking: false, error } }));
    }
  },
  send: async () => {
    const { id, composer } = get();
    if (id === null || !composer.draft.trim() || composer.sending || composer.newerArrived || composer.held) return false;
    set((s) => ({ composer: { ...s.composer, sending: true, error: null } }));
    try {
      const token = composer.approval?.text === composer.draft ? composer.approval.token : null;
      await call('sendReply', {
        conversationId: id,
        text: composer.draft,
        seenInboundId: composer.seenInboundId,
        humanAgentTag: composer.humanAgentTag,
        ...(token ? { approvalToken: token } : {}),
      });
      set({ composer: emptyComposer });
      await get().reload();
      return true;
    } catch (error) {
      const newer = errorCode(error) === ERROR_CODES.newerMessage;
      const heldId = errorCode(error) === 'reply_held' ? (error as BridgeError).error.details?.heldId : undefined;
      const held = typeof heldId === 'string' ? { heldId, message: (error as BridgeError).message } : null;
      set((s) => ({ composer: { ...s.composer, sending: false, error: newer || held ? null : error, newerArrived: s.composer.newerArrived || newer, held } }));
      if (newer || held) await get().reload();
      return false;
    }
  },
  acknowledgeNewer: () =>
    set((s) => ({ composer: { ...s.composer, newerArrived: false, seenInboundId: s.detail?.latestInboundId ?? null } })),
  askApproval: async () => {
    const { id, composer } = get();
    if (id === null || !composer.draft.trim()) return;
    const text = composer.draft;
    try {
      const r = await call('requestReplyApproval', { conversationId: id, text });
      if (get().composer.draft === text) set((s) => ({ composer: { ...s.composer, approval: { requestId: r.id, text, state: 'pending', token: null } } }));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, error } }));
    }
  },
  checkApproval: async () => {
    const approval = get().composer.approval;
    if (!approval || approval.state !== 'pending') return;
    try {
      const r = await call('replyApprovalStatus', { requestId: approval.requestId });
      if (r.state === 'pending') return;
      set((s) =>
        s.composer.approval?.requestId === approval.requestId ? { composer: { ...s.composer, approval: { ...approval, state: r.state, token: r.approvalToken } } } : {},
      );
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, approval: null, error } }));
    }
  },
  setHumanAgentTag: (on) => set((s) => ({ composer: { ...s.composer, humanAgentTag: on } })),
  settleHeld: async (action) => {
    const { id, composer } = get();
    if (id === null || !composer.held) return;
    try {
      const r = await call('settleHeldReply', { conversationId: id, heldId: composer.held.heldId, action });
      if (r.state === 'sent') set({ composer: emptyComposer });
      // Looking first: the draft stays; what is on screen now is what it answers.
      else set((s) => ({ composer: { ...s.composer, held: null, baseline: baselineOf(s.detail) } }));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, error, held: errorCode(error) === 'held_reply_gone' ? null : s.composer.held } }));
    }
    await get().reload();
  },
  resolveUnknown: async (messageId, action) => {
    await call('resolveUnknownDelivery', { messageId, action });
    await get().reload();
  },
  applySummary: (summary) => {
    set((s) => (s.detail && s.detail.summary.id === summary.id ? { detail: { ...s.detail, summary } } : {}));
    useInbox.getState().replace(summary);
  },
  reset: () => set({ id: null, detail: null, loading: false, error: null, reveals: {}, pendingReveals: {}, declinedReveals: {}, composer: emptyComposer, drafts: {} }),
}));

function without<K extends string | number, T>(record: Record<K, T>, key: string): Record<K, T> {
  const copy = { ...record };
  delete (copy as Record<string, T>)[key];
  return copy;
}

registerReset(() => useConversation.getState().reset());

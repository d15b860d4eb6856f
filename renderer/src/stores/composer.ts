import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call, errorCode, type BridgeError } from '../bridge';
import { ERROR_CODES } from '../../../main/ipc/vocabulary';
import { useDetail, type Detail } from './detail';
import { registerReset } from './reset';
import { onSelectionChange, useSelection } from './selection';
import { useUi } from './ui';

type Verdict = ResponseOf<'checkReply'>;

export interface Composer {
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

/** The reply being written to the selected conversation, and the drafts the agent left in others. */
interface ComposerState {
  composer: Composer;
  /**
   * Drafts (and a pending approval request) of the conversations the agent left, by conversation id: selecting one
   * again brings its composer back. Memory only; dropped on lock and sign-out with every other customer datum.
   */
  drafts: Record<number, Composer>;
  setDraft(text: string): void;
  check(): Promise<void>;
  send(): Promise<boolean>;
  acknowledgeNewer(): void;
  /** Asks a team lead to approve the blocked draft. */
  askApproval(): Promise<void>;
  /** Asks main whether the lead has decided; picks up the one-time token if approved. */
  checkApproval(): Promise<void>;
  setHumanAgentTag(on: boolean): void;
  /** The held reply: sent anyway (audited at the hub), or dropped so the author reads first and sends again. */
  settleHeld(action: 'send_anyway' | 'look_first'): Promise<void>;
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

const selected = () => useSelection.getState().id;
const shownDetail = () => useDetail.getState().detail;

export const useComposer = create<ComposerState>((set, get) => ({
  composer: emptyComposer,
  drafts: {},
  setDraft: (text) =>
    set((s) => {
      const detail = shownDetail();
      const starting = s.composer.draft.trim() === '' && text.trim() !== '';
      const seen = starting || text.trim() === '' ? (detail?.latestInboundId ?? null) : s.composer.seenInboundId;
      // An approval is for one exact text: editing the draft drops it.
      const approval = s.composer.approval?.text === text ? s.composer.approval : null;
      const baseline = starting ? baselineOf(detail) : s.composer.baseline;
      return { composer: { ...s.composer, draft: text, seenInboundId: seen, baseline, verdict: null, error: null, approval, newerArrived: text.trim() === '' ? false : s.composer.newerArrived } };
    }),
  check: async () => {
    const id = selected();
    const draft = get().composer.draft;
    if (id === null || !draft.trim()) return;
    set((s) => ({ composer: { ...s.composer, checking: true } }));
    try {
      const verdict = await call('checkReply', { conversationId: id, text: draft, lang: useUi.getState().language });
      if (get().composer.draft === draft) set((s) => ({ composer: { ...s.composer, verdict, checking: false } }));
      else set((s) => ({ composer: { ...s.composer, checking: false } }));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, checking: false, error } }));
    }
  },
  send: async () => {
    const id = selected();
    const { composer } = get();
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
        lang: useUi.getState().language,
      });
      set({ composer: emptyComposer });
      await useDetail.getState().reload();
      return true;
    } catch (error) {
      const newer = errorCode(error) === ERROR_CODES.newerMessage;
      const heldId = errorCode(error) === 'reply_held' ? (error as BridgeError).error.details?.heldId : undefined;
      const held = typeof heldId === 'string' ? { heldId, message: (error as BridgeError).message } : null;
      set((s) => ({ composer: { ...s.composer, sending: false, error: newer || held ? null : error, newerArrived: s.composer.newerArrived || newer, held } }));
      if (newer || held) await useDetail.getState().reload();
      return false;
    }
  },
  acknowledgeNewer: () => set((s) => ({ composer: { ...s.composer, newerArrived: false, seenInboundId: shownDetail()?.latestInboundId ?? null } })),
  askApproval: async () => {
    const id = selected();
    const text = get().composer.draft;
    if (id === null || !text.trim()) return;
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
      set((s) => (s.composer.approval?.requestId === approval.requestId ? { composer: { ...s.composer, approval: { ...approval, state: r.state, token: r.approvalToken } } } : {}));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, approval: null, error } }));
    }
  },
  setHumanAgentTag: (on) => set((s) => ({ composer: { ...s.composer, humanAgentTag: on } })),
  settleHeld: async (action) => {
    const id = selected();
    const { composer } = get();
    if (id === null || !composer.held) return;
    try {
      const r = await call('settleHeldReply', { conversationId: id, heldId: composer.held.heldId, action });
      if (r.state === 'sent') set({ composer: emptyComposer });
      // Looking first: the draft stays; what is on screen now is what it answers.
      else set((s) => ({ composer: { ...s.composer, held: null, baseline: baselineOf(shownDetail()) } }));
    } catch (error) {
      set((s) => ({ composer: { ...s.composer, error, held: errorCode(error) === 'held_reply_gone' ? null : s.composer.held } }));
    }
    await useDetail.getState().reload();
  },
  reset: () => set({ composer: emptyComposer, drafts: {} }),
}));

// Leaving a conversation keeps its draft (or pending approval request); selecting one brings its own back.
onSelectionChange((next, leaving) => {
  const { composer: left, drafts } = useComposer.getState();
  const keep = leaving !== null && (left.draft.trim() !== '' || left.approval !== null);
  const kept = keep ? { ...drafts, [leaving]: { ...left, checking: false, sending: false, error: null } } : drafts;
  const restored = next !== null ? kept[next] : undefined;
  const rest = { ...kept };
  if (next !== null) delete rest[next];
  useComposer.setState({ composer: restored ?? emptyComposer, drafts: rest });
});

// A customer message newer than the one the draft started from blocks sending until the agent has seen it, whether
// it arrived while typing or while the draft waited in another conversation.
useDetail.subscribe((s, prev) => {
  const detail = s.detail;
  if (!detail || detail === prev.detail || detail.summary.id !== selected()) return;
  const c = useComposer.getState().composer;
  const newer = c.draft.trim() !== '' && detail.latestInboundId !== null && detail.latestInboundId !== c.seenInboundId;
  if (newer && !c.newerArrived) useComposer.setState({ composer: { ...c, newerArrived: true } });
});

registerReset(() => useComposer.getState().reset());

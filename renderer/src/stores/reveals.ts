import { create } from 'zustand';
import { call, errorCode } from '../bridge';
import { ERROR_CODES } from '../../../main/ipc/vocabulary';
import { useDetail } from './detail';
import { registerReset } from './reset';
import { onSelectionChange } from './selection';

export interface Reveal {
  value: string;
  type: string;
  expiresAt: number;
}

export const revealKey = (messageId: number, fieldIndex: number) => `${messageId}:${fieldIndex}`;

/** Revealed originals (one field each, for its grant's time) and reveal requests waiting for a lead, by field key. */
interface RevealsState {
  reveals: Record<string, Reveal>;
  /**
   * Reveal requests waiting for a team lead's approval (types the policy marks), by field key: the request id.
   * Kept across conversations (a field key names its message), dropped on lock and sign-out.
   */
  pending: Record<string, string>;
  /** Requests a lead declined, or that nobody answered in time: the chip says so and offers to ask again. */
  declined: Record<string, 'denied' | 'stale'>;
  /** A failure while asking about a waiting request that is neither a denial nor a lapse. */
  error: unknown;
  reveal(messageId: number, fieldIndex: number, reason: string): Promise<void>;
  /** Asks main whether a waiting request was decided; shows the value if it was approved. */
  checkPending(key: string): Promise<void>;
  /** Checks the waiting requests of the conversation on screen (the console polls while any wait). */
  pollPending(): Promise<void>;
  /**
   * After a sign-in: the person's own requests a lead decides (main keeps them; this store forgot them at sign-out)
   * wait again, so an approval given while they were signed out — by a lead on this very computer, say — shows.
   */
  restore(): Promise<void>;
  hide(key: string): void;
  /** Drops reveals whose grant has expired; called every second while any are shown. */
  expire(now: number): void;
  dismissError(): void;
  reset(): void;
}

export const useReveals = create<RevealsState>((set, get) => ({
  reveals: {},
  pending: {},
  declined: {},
  error: null,
  reveal: async (messageId, fieldIndex, reason) => {
    const key = revealKey(messageId, fieldIndex);
    const r = await call('requestReveal', { messageId, fieldIndex, reason });
    const declined = without(get().declined, key);
    if (r.status === 'pending') set((s) => ({ declined, pending: { ...s.pending, [key]: r.requestId } }));
    else set((s) => ({ declined, reveals: { ...s.reveals, [key]: { value: r.value, type: r.fieldType, expiresAt: r.expiresAt } } }));
  },
  checkPending: async (key) => {
    const grantId = get().pending[key];
    if (!grantId) return;
    try {
      const r = await call('readReveal', { grantId });
      if (get().pending[key] !== grantId) return;
      set((s) => ({
        pending: without(s.pending, key),
        reveals: { ...s.reveals, [key]: { value: r.value, type: r.fieldType, expiresAt: r.expiresAt } },
        ...answered(s.error),
      }));
    } catch (error) {
      const code = errorCode(error);
      if (get().pending[key] !== grantId) return;
      if (code === ERROR_CODES.revealPending) return set((s) => answered(s.error));
      const outcome = code === ERROR_CODES.revealDenied ? 'denied' : code === ERROR_CODES.revealRequestStale ? 'stale' : null;
      if (outcome) set((s) => ({ pending: without(s.pending, key), declined: { ...s.declined, [key]: outcome }, ...answered(s.error) }));
      // Only main's answer about the request ends the wait: a failure to ask (the hub unreachable, a busy database)
      // is said, and the next poll asks again.
      else if (code !== null && ENDS_WAIT.has(code)) set((s) => ({ pending: without(s.pending, key), error }));
      else {
        failedCheck = error;
        set({ error });
      }
    }
  },
  pollPending: async () => {
    // Only chips on screen: an approved value is opened when its conversation is shown, since changing conversations
    // drops shown values (a value opened for a conversation elsewhere would be dropped unseen on the way to it).
    const shown = new Set((useDetail.getState().detail?.messages ?? []).map((m) => String(m.id)));
    await Promise.all(
      Object.keys(get().pending)
        .filter((key) => shown.has(key.slice(0, key.indexOf(':'))))
        .map((key) => get().checkPending(key)),
    );
  },
  restore: async () => {
    const { reveals } = await call('listOwnReveals', {});
    const back = Object.fromEntries(reveals.map((r) => [revealKey(r.messageId, r.fieldIndex), r.requestId] as const).filter(([key]) => !get().reveals[key]));
    if (!Object.keys(back).length) return;
    set((s) => ({ pending: { ...back, ...s.pending } }));
    await get().pollPending();
  },
  hide: (key) => set((s) => ({ reveals: without(s.reveals, key) })),
  expire: (now) => {
    const live = Object.entries(get().reveals).filter(([, r]) => r.expiresAt > now);
    if (live.length !== Object.keys(get().reveals).length) set({ reveals: Object.fromEntries(live) });
  },
  dismissError: () => set({ error: null }),
  reset: () => set({ reveals: {}, pending: {}, declined: {}, error: null }),
}));

/** The last failure to ask about a waiting request: an answer that comes later clears it from the screen. */
let failedCheck: unknown = null;

/** Once main answers again, the note about an earlier failure to ask leaves the screen. */
function answered(error: unknown): { error?: null } {
  return failedCheck !== null && error === failedCheck ? { error: null } : {};
}

/** Answers that mean the request can no longer be shown: its grant lapsed, or it is not this person's. */
const ENDS_WAIT = new Set(['reveal_expired', 'reveal_not_granted']);

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

// A shown original does not outlive its conversation on screen; waiting requests do (their chips find them again).
onSelectionChange(() => useReveals.setState({ reveals: {} }));

registerReset(() => useReveals.getState().reset());

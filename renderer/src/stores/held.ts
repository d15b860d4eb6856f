import { useEffect } from 'react';
import { create } from 'zustand';
import { call, getBridge } from '../bridge';
import { registerReset } from './reset';

interface HeldState {
  /** Messages the hub holds back in all (null until asked, or when the hub could not say). */
  count: number | null;
  refresh(): Promise<void>;
}

/** The held-message count behind the navigation's badge (leads and administrators in team mode). */
export const useHeld = create<HeldState>((set) => ({
  count: null,
  async refresh() {
    try {
      set({ count: (await call('countHeldMessages', {})).held });
    } catch {
      // The badge is a hint: a refusal or a hub out of reach leaves it off rather than showing an old number.
      set({ count: null });
    }
  },
}));
registerReset(() => useHeld.setState({ count: null }));

/** The hub's stream brings an event per commit during a flood: the count is asked again at most this often. */
const RECOUNT_MS = 1_000;

/**
 * Keeps the badge current while `on`: asked once, then again after the hub says held messages changed (held by flood
 * control, released or discarded — by anyone, this console included), at most once a second.
 */
export function useHeldCount(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    void useHeld.getState().refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = getBridge().on.heldMessagesChanged(() => {
      timer ??= setTimeout(() => {
        timer = null;
        void useHeld.getState().refresh();
      }, RECOUNT_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      useHeld.setState({ count: null });
    };
  }, [on]);
}

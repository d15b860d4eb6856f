import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { registerReset } from '../stores/reset';

export type Marker = ResponseOf<'liveMarkers'>['markers'][number];
export type SlaClock = ResponseOf<'slaClocks'>['clocks'][number];
export type Notification = ResponseOf<'listNotifications'>['items'][number];
export type Board = ResponseOf<'leadBoard'>;
export type TeamPresence = ResponseOf<'teamPresence'>;

/**
 * The team workflow as the console shows it (team mode only): my presence and the team's, colleagues' live
 * markers, the SLA clock of each conversation, my notifications, and the lead's board. Main holds the data (its
 * seat cache and the hub); this store keeps what is on screen and is emptied with every other customer datum.
 */
interface WorkflowState {
  presence: TeamPresence | null;
  markers: Marker[];
  /** The soonest running clock of each conversation. */
  sla: Record<number, SlaClock>;
  notifications: Notification[];
  /** The newest notification this person has opened the list past (memory only). */
  seenSeq: number;
  board: Board | null;
  error: unknown;
  loadPresence(): Promise<void>;
  setPresence(state: 'online' | 'away'): Promise<void>;
  loadMarkers(): Promise<void>;
  loadSla(): Promise<void>;
  loadNotifications(): Promise<void>;
  markNotificationsSeen(): void;
  loadBoard(): Promise<void>;
  reset(): void;
}

const initial = { presence: null, markers: [], sla: {}, notifications: [], seenSeq: 0, board: null, error: null };

/** Fires at the soonest marker's expiry: a marker whose colleague went quiet leaves the screen on time, unpolled. */
let expiryTimer: number | null = null;

function dropExpiredLater(markers: Marker[], set: (s: { markers: Marker[] }) => void): void {
  if (expiryTimer !== null) window.clearTimeout(expiryTimer);
  expiryTimer = null;
  if (!markers.length) return;
  const soonest = Math.min(...markers.map((m) => m.expiresAt));
  expiryTimer = window.setTimeout(() => {
    expiryTimer = null;
    const live = markers.filter((m) => m.expiresAt > Date.now());
    set({ markers: live });
    dropExpiredLater(live, set);
  }, Math.max(0, soonest - Date.now()) + 1);
}

export const useWorkflow = create<WorkflowState>((set, get) => ({
  ...initial,
  loadPresence: async () => set({ presence: await call('teamPresence', {}) }),
  setPresence: async (state) => {
    try {
      await call('setMyPresence', { state });
      const p = get().presence;
      if (p) set({ presence: { ...p, me: state } });
      await get().loadPresence();
    } catch (error) {
      set({ error });
    }
  },
  loadMarkers: async () => {
    const { markers } = await call('liveMarkers', {});
    // Same markers, same array: rows that show none do not render again on every renewal.
    if (JSON.stringify(markers) !== JSON.stringify(get().markers)) set({ markers });
    dropExpiredLater(get().markers, set);
  },
  loadSla: async () => {
    const { clocks } = await call('slaClocks', {});
    const sla: Record<number, SlaClock> = {};
    for (const c of clocks) if (!sla[c.conversationId] || c.dueAt < sla[c.conversationId]!.dueAt) sla[c.conversationId] = c;
    set({ sla });
  },
  loadNotifications: async () => {
    const { items } = await call('listNotifications', {});
    if (items[0]?.seq !== get().notifications[0]?.seq || items.length !== get().notifications.length) set({ notifications: items });
  },
  markNotificationsSeen: () => set((s) => ({ seenSeq: Math.max(s.seenSeq, s.notifications[0]?.seq ?? 0) })),
  loadBoard: async () => {
    try {
      set({ board: await call('leadBoard', { sinceHours: 24 }), error: null });
    } catch (error) {
      set({ error });
    }
  },
  reset: () => {
    if (expiryTimer !== null) window.clearTimeout(expiryTimer);
    expiryTimer = null;
    set(initial);
  },
}));

/** The markers colleagues hold on one conversation, writers first. */
export function markersOf(markers: Marker[], conversationId: number): Marker[] {
  return markers.filter((m) => m.conversationId === conversationId).sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'writing' ? -1 : 1));
}

registerReset(() => useWorkflow.getState().reset());

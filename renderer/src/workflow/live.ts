import { useEffect, useRef } from 'react';
import { call, getBridge } from '../bridge';
import { useWorkflow } from './store';

/** Notifications (mentions, returns, breaches) are read from main's cache this often. */
const NOTIFICATIONS_MS = 1000;
const PRESENCE_MS = 5000;
/** The SLA clocks move only when something happens (refetched after changes) or when time passes (this). */
const SLA_MS = 15_000;
/** After a change, the clocks are asked for at most this often: each ask makes the hub compute every clock. */
const SLA_AFTER_CHANGE_MS = 3000;
/** A marker is renewed well inside its time-to-live while the person stays. */
const VIEWING_RENEW_MS = 3000;
const WRITING_RENEW_MS = 2000;

const quietly = (p: Promise<unknown>) => void p.catch(() => {});

/**
 * Keeps the workflow store current while a person works in team mode. Colleagues' markers are pushed: main says
 * `markersChanged` when the seat's stream brings some, and the store drops each at its expiry. Notifications come
 * from main's cache (cheap every second); presence and the SLA clocks come from the hub.
 */
export function useTeamLive(team: boolean): void {
  useEffect(() => {
    if (!team) return;
    const w = useWorkflow.getState();
    quietly(w.loadMarkers());
    quietly(w.loadNotifications());
    quietly(w.loadPresence());
    quietly(w.loadSla());
    const offMarkers = getBridge().on.markersChanged(() => quietly(w.loadMarkers()));
    const timers = [
      window.setInterval(() => quietly(w.loadNotifications()), NOTIFICATIONS_MS),
      window.setInterval(() => quietly(w.loadPresence()), PRESENCE_MS),
      window.setInterval(() => quietly(w.loadSla()), SLA_MS),
    ];
    let soon: number | null = null;
    let last = 0;
    const off = getBridge().on.inboxChanged(() => {
      // A burst of changes asks the hub for the clocks once, and a busy team at most every few seconds.
      soon ??= window.setTimeout(
        () => {
          soon = null;
          last = Date.now();
          quietly(w.loadSla());
        },
        Math.max(300, last + SLA_AFTER_CHANGE_MS - Date.now()),
      );
    });
    return () => {
      timers.forEach((t) => window.clearInterval(t));
      if (soon !== null) window.clearTimeout(soon);
      off();
      offMarkers();
    };
  }, [team]);
}

/** "I am viewing this conversation" while it is open, renewed; "left" when the person moves on. */
export function useViewingMarker(conversationId: number | null, team: boolean): void {
  useEffect(() => {
    if (!team || conversationId === null) return;
    const mark = (kind: 'viewing' | 'left') => quietly(call('markConversation', { conversationId, kind }));
    mark('viewing');
    const timer = window.setInterval(() => mark('viewing'), VIEWING_RENEW_MS);
    return () => {
      window.clearInterval(timer);
      mark('left');
    };
  }, [conversationId, team]);
}

/**
 * "I am writing a reply" while the draft changes (at most every two seconds). A draft that starts from empty is
 * `fresh`: main notes what this console has seen now, which the hub's send-time check compares with.
 */
export function useWritingMarker(conversationId: number, draft: string, team: boolean): void {
  const last = useRef(0);
  const had = useRef(draft.trim() !== '');
  useEffect(() => {
    const has = draft.trim() !== '';
    const fresh = has && !had.current;
    had.current = has;
    if (!team || !has) return;
    const now = Date.now();
    if (!fresh && now - last.current < WRITING_RENEW_MS) return;
    last.current = now;
    quietly(call('markConversation', { conversationId, kind: 'writing', fresh }));
  }, [conversationId, draft, team]);
}

/** The author looked at what was newer: the next attempt says they saw everything on screen now. */
export function sawEverything(conversationId: number): void {
  quietly(call('markConversation', { conversationId, kind: 'writing', fresh: true }));
}

import { EventEmitter } from 'node:events';
import type { Core } from '../core/app';

/** An assignment made at this console (single-seat mode; the hub streams its own): `handedOver` when to someone else. */
export interface Assignment {
  conversationId: number;
  handedOver: boolean;
}

const feeds = new WeakMap<Core, EventEmitter>();

/**
 * Assignments made through this console's calls, heard by `watchInbox`, which tells every window (their lists and
 * counts follow). One handed to someone else is also named in `assignedToMe`: each window then asks `notifyAssigned`,
 * which shows the notification only to the person it now belongs to. Taking one oneself, or unassigning, is no news.
 */
export function assignmentFeed(core: Core): { announce(a: Assignment): void; listen(fn: (a: Assignment) => void): () => void } {
  let feed = feeds.get(core);
  if (!feed) feeds.set(core, (feed = new EventEmitter()));
  const bus = feed;
  return {
    announce: (a) => void bus.emit('assigned', a),
    listen(fn) {
      bus.on('assigned', fn);
      return () => void bus.off('assigned', fn);
    },
  };
}

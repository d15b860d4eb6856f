import { DiwanError } from '../../core/shared/errors';
import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import { heldNoLongerWaiting } from '../../core/guard/flood/quarantine';
import type { InboundMessage } from '../../core/shared/messages';
import type { SqlExecutor } from './executor';
import { copiesChanged, heldCopiesOf, linkCopiesTo } from './held-copies';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** Messages one release or discard handles at most (one transaction); a longer hold takes several. */
export const HELD_BATCH_MAX = 1_000;

/** Messages one listing shows at most (the oldest first); releasing or discarding them shows the next ones. */
export const HELD_LIST_MAX = 200;

/** One held message as the hub keeps it: still sealed whole; the route opens it to show it masked. */
export interface HeldRow {
  id: number;
  channelId: string;
  platformMessageId: string;
  reason: string;
  receivedAt: number;
  sealed: Buffer;
  /**
   * How many of this sender's messages the channel holds now and when the first and last of them came (the flood as
   * the hub recorded it); null for a row held before the sender was kept (hub migration 21).
   */
  fromSender: { held: number; firstAt: number; lastAt: number } | null;
  /** A campaign's copy: the conversation its first copy opened, and how many copies held count on it now. */
  copiesOn: { conversationId: number; held: number } | null;
}

/** Which held messages of a channel a decision takes: these ids, or every one from the sender of this held one. */
export type HeldPick = readonly number[] | { sameSenderAs: number };

export interface HeldCount {
  channelId: string;
  held: number;
  oldestAt: number;
}

/**
 * Where released messages go: the channel's own ingest (masked and sealed, as if they had just arrived), or for a
 * relayed channel its desks' queue. Runs inside the release's transaction; returns how many were new there.
 */
export type HeldDelivery = (t: SqlExecutor, messages: InboundMessage[]) => Promise<number>;

/**
 * What the hub's flood control held back (`webhook_quarantine`: the whole message sealed under the hub's outbox-key,
 * `OriginalsSealer.sealHeld`), for every channel: webhook, relayed, or polled by the hub. A lead or an
 * administrator sees counts only, and releases the oldest (delivered, then erased here) or discards them; each is one
 * transaction that takes the event lock (so a message being held at the same moment is either in it or after it),
 * writes `quarantine.updated` for leads and administrators and the single-seat audit action with counts, never text.
 */
export class HubHeldMessages {
  constructor(private readonly store: HubStore) {}

  async counts(): Promise<HeldCount[]> {
    const rows = await this.store.q.all<{ channel_id: string; n: number | string; oldest: number | string }>(
      'SELECT channel_id, COUNT(*) AS n, MIN(received_at) AS oldest FROM webhook_quarantine GROUP BY channel_id ORDER BY channel_id',
    );
    return rows.map((r) => ({ channelId: r.channel_id, held: Number(r.n), oldestAt: Number(r.oldest) }));
  }

  /** The oldest held messages of every channel, at most `limit`, still sealed, each with its sender's held count and span. */
  async oldest(limit: number): Promise<HeldRow[]> {
    const rows = await this.store.q.all<{ id: number | string; channel_id: string; platform_message_id: string; reason: string; received_at: number | string; sealed: Buffer; sender: string | null; conversation_id: number | string | null }>(
      'SELECT id, channel_id, platform_message_id, reason, received_at, sealed, sender, conversation_id FROM webhook_quarantine ORDER BY id LIMIT ?',
      [Math.max(1, Math.min(limit, HELD_LIST_MAX))],
    );
    const key = (channelId: string, sender: string) => `${channelId}\n${sender}`;
    const pairs = new Map<string, [string, string]>();
    for (const r of rows) if (r.sender !== null) pairs.set(key(r.channel_id, r.sender), [r.channel_id, r.sender]);
    const spans = new Map<string, { held: number; firstAt: number; lastAt: number }>();
    const list = [...pairs.values()];
    // The senders of one listing (at most 200), a few dozen pairs a query (indexed by channel and sender).
    for (let i = 0; i < list.length; i += 50) {
      const part = list.slice(i, i + 50);
      const found = await this.store.q.all<{ channel_id: string; sender: string; n: number | string; first_at: number | string; last_at: number | string }>(
        `SELECT channel_id, sender, COUNT(*) AS n, MIN(received_at) AS first_at, MAX(received_at) AS last_at FROM webhook_quarantine
         WHERE ${part.map(() => '(channel_id = ? AND sender = ?)').join(' OR ')} GROUP BY channel_id, sender`,
        part.flat(),
      );
      for (const f of found) spans.set(key(f.channel_id, f.sender), { held: Number(f.n), firstAt: Number(f.first_at), lastAt: Number(f.last_at) });
    }
    const copies = await heldCopiesOf(this.store.q, rows.flatMap((r) => (r.conversation_id === null ? [] : [Number(r.conversation_id)])));
    return rows.map((r) => ({
      id: Number(r.id),
      channelId: r.channel_id,
      platformMessageId: r.platform_message_id,
      reason: r.reason,
      receivedAt: Number(r.received_at),
      sealed: Buffer.from(r.sealed),
      fromSender: r.sender === null ? null : (spans.get(key(r.channel_id, r.sender)) ?? null),
      copiesOn: r.conversation_id === null ? null : { conversationId: Number(r.conversation_id), held: copies.get(Number(r.conversation_id)) ?? 0 },
    }));
  }

  /**
   * Releases up to `limit` of the channel's held messages, oldest first, or exactly the ones `pick` names (those of
   * another channel or already gone are not taken), or the oldest `limit` from the sender of the held message
   * `pick.sameSenderAs`; `open` unseals one (its platform id is bound in).
   */
  async release(channelId: string, limit: number, actor: Actor, open: (platformMessageId: string, sealed: Buffer) => InboundMessage, deliver: HeldDelivery, pick?: HeldPick): Promise<{ released: number; delivered: number; left: number }> {
    return this.store.q.tx(async (t) => {
      const rows = await this.take(t, channelId, limit, pick);
      const delivered = rows.length ? await deliver(t, rows.map((r) => open(r.platform_message_id, Buffer.from(r.sealed)))) : 0;
      // A campaign's first copy held too (by the channel's limit) opens its conversation now: its copies count there.
      const linked = rows.length ? await linkCopiesTo(t, channelId, rows.map((r) => r.platform_message_id)) : [];
      const left = await this.settle(t, channelId, rows, actor, AUDIT_ACTIONS.quarantineReleased, { released: rows.length, delivered, ...scopeOf(pick) }, linked);
      return { released: rows.length, delivered, left };
    });
  }

  /** Erases up to `limit` of the channel's held messages, oldest first (or the ones `pick` names), unread. */
  async discard(channelId: string, limit: number, actor: Actor, pick?: HeldPick): Promise<{ discarded: number; left: number }> {
    return this.store.q.tx(async (t) => {
      const rows = await this.take(t, channelId, limit, pick);
      const left = await this.settle(t, channelId, rows, actor, AUDIT_ACTIONS.quarantineDiscarded, { discarded: rows.length, ...scopeOf(pick) });
      return { discarded: rows.length, left };
    });
  }

  private async take(t: SqlExecutor, channelId: string, limit: number, pick?: HeldPick): Promise<Taken[]> {
    const ids = pick && 'sameSenderAs' in pick ? undefined : (pick as readonly number[] | undefined);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > HELD_BATCH_MAX || (ids && ids.length > HELD_BATCH_MAX)) {
      throw new DiwanError('bad_request', `Release or discard between 1 and ${HELD_BATCH_MAX.toLocaleString('en-US')} held messages at once; repeat for more.`);
    }
    await t.serializeEvents();
    if (pick && 'sameSenderAs' in pick) {
      // The sender stays at the hub: the console names one of their held messages. A row held before senders were
      // kept (sender NULL) takes itself only.
      const rows = await t.all<Taken>(
        `SELECT id, platform_message_id, sealed, conversation_id FROM webhook_quarantine WHERE channel_id = ?
           AND (id = ? OR sender = (SELECT sender FROM webhook_quarantine WHERE id = ? AND channel_id = ?)) ORDER BY id LIMIT ?`,
        [channelId, pick.sameSenderAs, pick.sameSenderAs, channelId, limit],
      );
      if (!rows.length) throw heldNoLongerWaiting('sender');
      return rows;
    }
    if (!ids) return t.all<Taken>('SELECT id, platform_message_id, sealed, conversation_id FROM webhook_quarantine WHERE channel_id = ? ORDER BY id LIMIT ?', [channelId, limit]);
    const rows = ids.length
      ? await t.all<Taken>(
          `SELECT id, platform_message_id, sealed, conversation_id FROM webhook_quarantine WHERE channel_id = ? AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
          [channelId, ...ids],
        )
      : [];
    if (!rows.length) throw heldNoLongerWaiting('messages');
    return rows;
  }

  private async settle(t: SqlExecutor, channelId: string, rows: readonly Taken[], actor: Actor, action: string, details: Record<string, number | string>, linked: readonly number[] = []): Promise<number> {
    if (!rows.length) throw new DiwanError('quarantine_empty', `No messages of channel "${channelId}" are held back; there is nothing to release or discard.`);
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      await t.run(`DELETE FROM webhook_quarantine WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    }
    const left = Number((await t.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM webhook_quarantine WHERE channel_id = ?', [channelId]))!.n);
    await copiesChanged(this.store, t, channelId, [...linked, ...rows.flatMap((r) => (r.conversation_id === null ? [] : [Number(r.conversation_id)]))]);
    await this.store.emit(t, 'quarantine.updated', 'leads', { channelId, held: left }, { channelId });
    await this.store.emit(t, 'quarantine.updated', 'admins', { channelId, held: left }, { channelId });
    await this.store.appendAudit(t, { ...actor, action, target: `channel:${channelId}`, details: { ...details, left } });
    return left;
  }
}

/** A held row a decision takes: its id, what to deliver, and the conversation it counts on as a campaign's copy. */
type Taken = { id: number; platform_message_id: string; sealed: Buffer; conversation_id: number | string | null };

/** A decision on all of one sender's held messages says so in its audit entry (`scope: "sender"`), never who the sender is. */
function scopeOf(pick: HeldPick | undefined): { scope?: 'sender' } {
  return pick && 'sameSenderAs' in pick ? { scope: 'sender' } : {};
}
